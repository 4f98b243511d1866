import { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayInit,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { AuthService } from '@tandem/api-auth';
import { AuthzService } from '@tandem/api-authz';
import type { Principal } from '@tandem/domain';
import { BoardEvents } from '../services/board-events';

interface LiveSocketData {
  token: string;
  principal: Principal;
  expiryTimer?: NodeJS.Timeout;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Live updates over socket.io (namespace /live). The handshake carries the same access token as
 * HTTP (`auth: { token }`); every event re-checks the session, room joins are decided by the
 * ability, and the socket ends when the token expires. Payloads carry ids only.
 */
@WebSocketGateway({ namespace: '/live', transports: ['websocket', 'polling'] })
export class LiveGateway
  implements OnGatewayInit, OnGatewayDisconnect, OnModuleInit, OnModuleDestroy
{
  @WebSocketServer() server: Namespace;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly auth: AuthService,
    private readonly authz: AuthzService,
    private readonly events: BoardEvents,
  ) {}

  onModuleInit() {
    this.unsubscribe = this.events.on((event) => {
      this.server?.to(`board:${event.teamId}`).emit('board:changed', {
        clientId: event.clientId,
        teamId: event.teamId,
        version: event.version,
      });
    });
  }

  onModuleDestroy() {
    this.unsubscribe?.();
  }

  /**
   * Authenticates in the namespace middleware, before the connection is acknowledged, so no event
   * can arrive from a socket whose handshake has not been checked yet.
   */
  afterInit(server: Namespace) {
    server.use((socket, next) => {
      void this.authenticate(socket).then(
        (ok) => (ok ? next() : next(new Error('UNAUTHENTICATED'))),
        () => next(new Error('UNAUTHENTICATED')),
      );
    });
  }

  private async authenticate(socket: Socket): Promise<boolean> {
    const token =
      typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : '';
    const principal = token ? await this.auth.verifyAccessToken(token) : null;
    if (!principal) return false;
    const data = socket.data as LiveSocketData;
    data.token = token;
    data.principal = principal;
    const exp = this.auth.tokenExpiry(token);
    if (exp) {
      data.expiryTimer = setTimeout(
        () => {
          socket.emit('session:ended', { code: 'TOKEN_EXPIRED' });
          socket.disconnect(true);
        },
        Math.max(0, exp.getTime() - Date.now()),
      );
    }
    return true;
  }

  handleDisconnect(socket: Socket) {
    const data = socket.data as LiveSocketData;
    if (data.expiryTimer) clearTimeout(data.expiryTimer);
  }

  /** Re-validates the session for every event; ends the socket when it is gone. */
  private async current(socket: Socket): Promise<Principal | null> {
    const data = socket.data as LiveSocketData;
    const principal = data.token ? await this.auth.verifyAccessToken(data.token) : null;
    if (!principal) {
      socket.emit('session:ended', { code: 'SESSION_ENDED' });
      socket.disconnect(true);
      return null;
    }
    data.principal = principal;
    return principal;
  }

  @SubscribeMessage('board:watch')
  async watchBoard(@ConnectedSocket() socket: Socket, @MessageBody() body: { teamId?: unknown }) {
    const principal = await this.current(socket);
    if (!principal) return { ok: false, code: 'UNAUTHENTICATED' };
    const teamId = typeof body?.teamId === 'string' && UUID.test(body.teamId) ? body.teamId : null;
    if (!teamId) return { ok: false, code: 'VALIDATION_FAILED', message: 'teamId must be a UUID' };
    if (!(await this.authz.can(principal, 'read', 'Board', { teamId, clientId: '' })))
      return { ok: false, code: 'NOT_FOUND' };
    await socket.join(`board:${teamId}`);
    return { ok: true };
  }

  @SubscribeMessage('board:unwatch')
  async unwatchBoard(@ConnectedSocket() socket: Socket, @MessageBody() body: { teamId?: unknown }) {
    if (typeof body?.teamId === 'string') await socket.leave(`board:${body.teamId}`);
    return { ok: true };
  }
}
