import { HttpException, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Namespace, Socket } from 'socket.io';
import { AccessLogService } from '@tandem/api-audit';
import { AuthService } from '@tandem/api-auth';
import { BoardEvents } from '@tandem/api-caseload';
import { ConsentEvents } from '@tandem/api-consent';
import type { Principal } from '@tandem/domain';
import {
  ActionMessage,
  ConferenceMessage,
  DecisionMessage,
  JoinMessage,
  MinutesMessage,
  SelectItemMessage,
} from '../dtos/conferences.dto';
import { ConferenceAccess, Viewer } from '../services/conference-access';
import { ConferenceBus, ConferenceEvent } from '../services/conference-bus';
import { ItemAccess, ItemRecord, itemPayload, sameAccess } from '../services/privacy-gate';
import { RoomService } from '../services/room.service';
import { envelopeFor } from '../services/room-events';

/** What this instance knows about one item for one socket: whose item it is and what the socket may see. */
interface ItemEntry {
  clientId: string | null;
  teamId: string | null;
  access: ItemAccess;
}

interface RoomState {
  items: Map<string, ItemEntry>;
  /** Events that arrived while the room was being opened; delivered once the snapshot is sent. */
  pending: ConferenceEvent[] | null;
  /** The last event contained in the snapshot or replay the socket received. */
  seq: number;
}

/** Per-socket state, kept on this instance only (socket.data stays small and serialisable). */
interface SocketState {
  token: string;
  principal: Principal;
  viewer: Viewer | null;
  rooms: Map<string, RoomState>;
  expiryTimer?: NodeJS.Timeout;
}

type Ack = Record<string, unknown> & { ok: boolean };

const roomOf = (conferenceId: string) => `conference:${conferenceId}`;

/** Checks a socket message with the same class-validator rules as HTTP bodies. */
async function check<T extends object>(
  cls: new () => T,
  body: unknown,
): Promise<{ value: T } | { error: Ack }> {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return {
      error: { ok: false, code: 'VALIDATION_FAILED', message: 'The message must be an object.' },
    };
  const value = plainToInstance(cls, body);
  const errors = await validate(value, { whitelist: true, forbidNonWhitelisted: true });
  if (!errors.length) return { value };
  const list = errors.flatMap((e) =>
    Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field: e.property,
      rule,
      message,
    })),
  );
  return {
    error: {
      ok: false,
      code: 'VALIDATION_FAILED',
      message: `Please correct: ${list.map((e) => `${e.field} (${e.message})`).join('; ')}`,
      errors: list,
    },
  };
}

/**
 * The live case-conference room (namespace /conference). The handshake carries the same access
 * token as HTTP; every message re-checks the session; a socket joins a conference room only as an
 * attendee. Item-specific content is never broadcast to a room: every event is rebuilt for each
 * socket through the privacy gate. When a consent is revoked (or a client changes team) each
 * affected socket is re-evaluated and receives the item in its new form within a second; the
 * change is written to the access log.
 *
 * With several API instances (socket.io cluster adapter) only event numbers travel between
 * instances; each instance loads the event and builds its own sockets' payloads.
 */
@WebSocketGateway({ namespace: '/conference', transports: ['websocket', 'polling'] })
export class ConferenceGateway
  implements OnGatewayInit, OnGatewayDisconnect, OnModuleInit, OnModuleDestroy
{
  @WebSocketServer() server: Namespace;
  private readonly logger = new Logger('ConferenceGateway');
  private readonly states = new Map<string, SocketState>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly unsubscribe: (() => void)[] = [];
  private sweepTimer: NodeJS.Timeout | null = null;
  private closing = false;

  constructor(
    private readonly auth: AuthService,
    private readonly room: RoomService,
    private readonly access: ConferenceAccess,
    private readonly accessLog: AccessLogService,
    private readonly bus: ConferenceBus,
    private readonly consentEvents: ConsentEvents,
    private readonly boardEvents: BoardEvents,
  ) {}

  onModuleInit() {
    this.unsubscribe.push(
      this.bus.on((event) => {
        this.enqueue(event.conferenceId, () => this.fanOut(event));
        this.toOtherInstances('conference:event', {
          conferenceId: event.conferenceId,
          seq: event.seq,
        });
      }),
      this.consentEvents.on((e) => this.accessChanged(e.clientId, `CONSENT_${e.event}`, true)),
      this.boardEvents.on((e) => this.accessChanged(e.clientId, 'CLIENT_CHANGED', true)),
    );
    // Backstop for changes that announce themselves nowhere (a consent's end date passing, a
    // membership changed in the database): every open room is re-checked twice a minute.
    this.sweepTimer = setInterval(() => void this.sweep(), 30_000);
    this.sweepTimer.unref();
  }

  onModuleDestroy() {
    this.closing = true;
    for (const off of this.unsubscribe) off();
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const state of this.states.values())
      if (state.expiryTimer) clearTimeout(state.expiryTimer);
  }

  afterInit(server: Namespace) {
    server.use((socket, next) => {
      void this.authenticate(socket).then(
        (ok) => (ok ? next() : next(new Error('UNAUTHENTICATED'))),
        () => next(new Error('UNAUTHENTICATED')),
      );
    });
    // Events committed on another instance: only their numbers arrive here.
    server.on('conference:event', (message: { conferenceId?: unknown; seq?: unknown }) => {
      if (typeof message?.conferenceId !== 'string' || typeof message.seq !== 'number') return;
      const { conferenceId, seq } = message as { conferenceId: string; seq: number };
      if (!this.localSockets(conferenceId).length) return;
      this.enqueue(conferenceId, async () => {
        const [event] = await this.room.resolve(await this.room.eventAt(conferenceId, seq));
        if (event) await this.fanOut(event);
      });
    });
    server.on('conference:access-changed', (message: { clientId?: unknown; reason?: unknown }) => {
      if (typeof message?.clientId === 'string')
        void this.accessChanged(message.clientId, String(message.reason ?? 'REMOTE'), false);
    });
  }

  private get clustered(): boolean {
    return (this.server?.server as unknown as { tandemCluster?: boolean })?.tandemCluster === true;
  }

  private toOtherInstances(event: string, payload: Record<string, unknown>) {
    if (!this.clustered) return;
    try {
      this.server.serverSideEmit(event, payload);
    } catch (error) {
      this.logger.warn({ msg: 'could not notify other instances', event, error: String(error) });
    }
  }

  private async authenticate(socket: Socket): Promise<boolean> {
    const token =
      typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : '';
    const principal = token ? await this.auth.verifyAccessToken(token) : null;
    if (!principal) return false;
    const state: SocketState = { token, principal, viewer: null, rooms: new Map() };
    socket.data = { userId: principal.userId, displayName: principal.displayName };
    const exp = this.auth.tokenExpiry(token);
    if (exp) {
      state.expiryTimer = setTimeout(
        () => {
          socket.emit('session:ended', { code: 'TOKEN_EXPIRED' });
          socket.disconnect(true);
        },
        Math.max(0, exp.getTime() - Date.now()),
      );
    }
    this.states.set(socket.id, state);
    return true;
  }

  handleDisconnect(socket: Socket) {
    const state = this.states.get(socket.id);
    this.states.delete(socket.id);
    if (!state) return;
    if (state.expiryTimer) clearTimeout(state.expiryTimer);
    for (const conferenceId of state.rooms.keys()) void this.presence(conferenceId);
  }

  /** Re-validates the session for every message; ends the socket when it is gone. */
  private async current(
    socket: Socket,
  ): Promise<{ principal: Principal; state: SocketState } | null> {
    const state = this.states.get(socket.id);
    const principal = state ? await this.auth.verifyAccessToken(state.token) : null;
    if (!state || !principal) {
      socket.emit('session:ended', { code: 'SESSION_ENDED' });
      socket.disconnect(true);
      return null;
    }
    state.principal = principal;
    return { principal, state };
  }

  private errorAck(error: unknown): Ack {
    if (error instanceof HttpException) {
      const body = error.getResponse() as { code?: string; message?: string };
      return {
        ok: false,
        ...(typeof body === 'object' ? body : {}),
        code: body?.code ?? 'ERROR',
        message: body?.message ?? error.message,
      };
    }
    this.logger.error({
      msg: 'conference socket message failed',
      kind: error instanceof Error ? error.name : typeof error,
      code: (error as { code?: string })?.code,
    });
    return {
      ok: false,
      code: 'INTERNAL',
      message: 'Something went wrong on the server; try again.',
    };
  }

  private localSockets(conferenceId: string): Socket[] {
    const ids = this.server?.adapter?.rooms.get(roomOf(conferenceId));
    if (!ids) return [];
    return [...ids]
      .map((id) => this.server.sockets.get(id))
      .filter((s): s is Socket => !!s && this.states.get(s.id)?.rooms.has(conferenceId) === true);
  }

  /** Keeps each conference's events in order on this instance. */
  private enqueue(conferenceId: string, work: () => Promise<void>) {
    const previous = this.chains.get(conferenceId) ?? Promise.resolve();
    const next = previous.then(work).catch((error) =>
      this.logger.error({
        msg: 'conference fan-out failed',
        kind: error instanceof Error ? error.name : typeof error,
      }),
    );
    this.chains.set(conferenceId, next);
    void next.then(() => {
      if (this.chains.get(conferenceId) === next) this.chains.delete(conferenceId);
    });
  }

  private async writeLog(
    principal: Principal,
    outcome: 'ALLOWED' | 'DENIED',
    conferenceId: string,
    entries: { item: { id: string; clientId: string | null }; access: ItemAccess }[],
    route: string,
    details: Record<string, unknown> = {},
  ) {
    const facts = entries
      .filter((e) => e.item.clientId)
      .map((e) => ({
        objectType: 'ConferenceItem',
        objectId: e.item.id,
        clientId: e.item.clientId,
        action: 'READ' as const,
        basis: e.access.basis,
        consentIds: e.access.consentIds,
        details: { conferenceId, view: e.access.view, ...details },
      }));
    if (facts.length)
      await this.accessLog.write(principal, outcome, facts, { channel: 'SOCKET', route });
  }

  /** Sends one committed event to every socket of this instance in the conference's room. */
  private async fanOut(event: ConferenceEvent) {
    for (const socket of this.localSockets(event.conferenceId)) {
      const state = this.states.get(socket.id);
      const room = state?.rooms.get(event.conferenceId);
      if (!state || !room) continue;
      if (room.pending) {
        room.pending.push(event);
        continue;
      }
      await this.deliver(socket, state, room, event);
    }
  }

  private async deliver(
    socket: Socket,
    state: SocketState,
    room: RoomState,
    event: ConferenceEvent,
  ) {
    // Already part of the snapshot or replay this socket received.
    if (event.seq <= room.seq) return;
    if (event.type === 'attendee.removed' && event.payload.userId === state.principal.userId) {
      socket.emit('conference:event', envelopeFor(event, null));
      socket.emit('conference:removed', { conferenceId: event.conferenceId });
      state.rooms.delete(event.conferenceId);
      await socket.leave(roomOf(event.conferenceId));
      return;
    }
    let entry = event.itemId ? room.items.get(event.itemId) : undefined;
    if (event.type === 'item.added' && event.resolved?.item && state.viewer) {
      const item = event.resolved.item;
      entry = { clientId: item.clientId, teamId: item.teamId, access: state.viewer.access(item) };
      room.items.set(item.id, entry);
      if (entry.access.view === 'IDENTIFIED')
        await this.writeLog(
          state.principal,
          'ALLOWED',
          event.conferenceId,
          [{ item, access: entry.access }],
          'conference:event',
        );
    }
    if (event.type === 'item.withdrawn' && event.itemId) room.items.delete(event.itemId);
    socket.emit('conference:event', envelopeFor(event, entry?.access ?? null));
  }

  private async presence(conferenceId: string) {
    if (this.closing) return;
    try {
      // Across instances; an instance that does not answer within a second is left out.
      const sockets = await this.server.in(roomOf(conferenceId)).timeout(1000).fetchSockets();
      const online = [...new Set(sockets.map((s) => (s.data as { userId?: string }).userId))]
        .filter(Boolean)
        .sort();
      this.server.to(roomOf(conferenceId)).emit('conference:presence', { conferenceId, online });
    } catch (error) {
      this.logger.warn({ msg: 'presence update failed', error: String(error) });
    }
  }

  @SubscribeMessage('conference:join')
  async join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const session = await this.current(socket);
    if (!session) return { ok: false, code: 'UNAUTHENTICATED' };
    const checked = await check(JoinMessage, body);
    if ('error' in checked) return checked.error;
    const { conferenceId, lastSeq } = checked.value;
    const { principal, state } = session;
    try {
      await this.room.joinable(principal, conferenceId);
    } catch (error) {
      return this.errorAck(error);
    }
    // In the room before the snapshot is read, with events held back until it is sent.
    const room: RoomState = { items: new Map(), pending: [], seq: 0 };
    state.rooms.set(conferenceId, room);
    await socket.join(roomOf(conferenceId));
    try {
      const snap = await this.room.snapshot(principal, conferenceId);
      state.viewer = snap.viewer;
      const accessOf = (item: ItemRecord) => snap.viewer.access(item);
      for (const item of snap.items)
        room.items.set(item.id, {
          clientId: item.clientId,
          teamId: item.teamId,
          access: accessOf(item),
        });
      const identified = snap.items
        .map((item) => ({ item, access: accessOf(item) }))
        .filter((e) => e.access.view === 'IDENTIFIED');
      await this.writeLog(principal, 'ALLOWED', conferenceId, identified, 'conference:join');
      let ack: Ack;
      if (lastSeq !== undefined) {
        const missed = (await this.room.resolve(await this.room.events(conferenceId, lastSeq))).map(
          (e) => {
            const entry = e.itemId ? room.items.get(e.itemId) : undefined;
            const access =
              e.type === 'item.added' && e.resolved?.item
                ? accessOf(e.resolved.item)
                : (entry?.access ?? null);
            return envelopeFor(e, access);
          },
        );
        room.seq = Math.max(lastSeq, ...missed.map((m) => m.seq), snap.row.eventSeq);
        ack = { ok: true, conferenceId, seq: room.seq, missed };
      } else {
        room.seq = snap.row.eventSeq;
        ack = {
          ok: true,
          conferenceId,
          seq: snap.row.eventSeq,
          conference: {
            id: snap.row.id,
            kind: snap.row.kind,
            title: snap.row.title,
            startsAt: new Date(snap.row.startsAt).toISOString(),
            status: snap.row.status,
            teamName: snap.row.teamName,
            location: snap.row.location,
            videoUrl: snap.row.videoUrl,
          },
          currentItemId: snap.row.currentItemId,
          attendees: snap.attendees.map((a) => ({
            userId: a.userId,
            displayName: a.displayName,
            organisationName: a.organisationName,
            isClient: !!a.clientId,
          })),
          items: snap.items.map((item) => itemPayload(item, accessOf(item))),
        };
      }
      // Events committed while the snapshot was read follow the acknowledgement.
      const pending = room.pending ?? [];
      room.pending = null;
      setImmediate(() => {
        void (async () => {
          for (const event of pending) await this.deliver(socket, state, room, event);
          await this.presence(conferenceId);
        })();
      });
      return ack;
    } catch (error) {
      state.rooms.delete(conferenceId);
      await socket.leave(roomOf(conferenceId));
      return this.errorAck(error);
    }
  }

  @SubscribeMessage('conference:leave')
  async leave(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const checked = await check(ConferenceMessage, body);
    if ('error' in checked) return checked.error;
    const state = this.states.get(socket.id);
    state?.rooms.delete(checked.value.conferenceId);
    await socket.leave(roomOf(checked.value.conferenceId));
    void this.presence(checked.value.conferenceId);
    return { ok: true };
  }

  /** Common path of every room message: session, validation, joined room, then the operation. */
  private async handle<T extends ConferenceMessage>(
    socket: Socket,
    cls: new () => T,
    body: unknown,
    work: (principal: Principal, msg: T) => Promise<Ack>,
  ): Promise<Ack> {
    const session = await this.current(socket);
    if (!session) return { ok: false, code: 'UNAUTHENTICATED' };
    const checked = await check(cls, body);
    if ('error' in checked) return checked.error;
    if (!session.state.rooms.has(checked.value.conferenceId))
      return { ok: false, code: 'NOT_JOINED', message: 'Join the conference room first.' };
    try {
      return await work(session.principal, checked.value);
    } catch (error) {
      return this.errorAck(error);
    }
  }

  @SubscribeMessage('conference:select-item')
  selectItem(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    return this.handle(socket, SelectItemMessage, body, async (principal, msg) => ({
      ok: true,
      seq: await this.room.selectItem(principal, msg.conferenceId, msg.itemId ?? null),
    }));
  }

  @SubscribeMessage('minutes:write')
  writeMinutes(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    return this.handle(socket, MinutesMessage, body, async (principal, msg) => {
      const result = await this.room.writeMinutes(principal, msg);
      if (!result.ok)
        socket.emit('minutes:conflict', {
          conferenceId: msg.conferenceId,
          itemId: msg.itemId,
          section: msg.section,
          current: result.current,
        });
      return result;
    });
  }

  @SubscribeMessage('decision:add')
  addDecision(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    return this.handle(socket, DecisionMessage, body, async (principal, msg) => ({
      ok: true,
      decision: await this.room.addDecision(principal, msg),
    }));
  }

  @SubscribeMessage('action:add')
  addAction(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    return this.handle(socket, ActionMessage, body, async (principal, msg) => ({
      ok: true,
      action: await this.room.addAction(principal, msg),
    }));
  }

  /**
   * Something changed who may see a client identified (a consent given or revoked, a client moved
   * to another team): re-evaluate every socket on this instance that has an item about the client,
   * and tell the other instances to do the same.
   */
  async accessChanged(clientId: string, reason: string, propagate: boolean): Promise<void> {
    if (propagate) this.toOtherInstances('conference:access-changed', { clientId, reason });
    const affected = [...this.states.entries()].filter(([, state]) =>
      [...state.rooms.values()].some((room) =>
        [...room.items.values()].some((entry) => entry.clientId === clientId),
      ),
    );
    await Promise.all(
      affected.map(([socketId]) => this.regate(socketId, reason, clientId).catch(() => undefined)),
    );
  }

  /** Re-evaluates one socket's view of its rooms' items and pushes every item whose view changed. */
  private async regate(socketId: string, reason: string, clientId?: string) {
    const state = this.states.get(socketId);
    const socket = this.server.sockets.get(socketId);
    if (!state || !socket) return;
    const viewer = await this.access.viewer(state.principal);
    state.viewer = viewer;
    for (const [conferenceId, room] of state.rooms) {
      for (const [itemId, entry] of room.items) {
        if (clientId && entry.clientId !== clientId) continue;
        if (!entry.clientId) continue; // anonymised-discussion items look the same to everyone
        let item: ItemRecord | null = null;
        if (reason === 'CLIENT_CHANGED') {
          // The client may have moved to another team: take the team the ability checks from the row.
          item = await this.room.item(itemId);
          if (item) entry.teamId = item.teamId;
        }
        const next = viewer.access(entry);
        if (sameAccess(entry.access, next)) continue;
        const previous = entry.access;
        entry.access = next;
        item ??= await this.room.item(itemId);
        if (!item || item.withdrawn) continue;
        socket.emit('conference:item', {
          conferenceId,
          reason: 'ACCESS_CHANGED',
          item: itemPayload(item, next),
        });
        await this.writeLog(
          state.principal,
          next.view === 'IDENTIFIED' ? 'ALLOWED' : 'DENIED',
          conferenceId,
          [{ item, access: next.view === 'IDENTIFIED' ? next : previous }],
          'conference:access-changed',
          { reason, previousView: previous.view, newView: next.view },
        );
      }
    }
  }

  /** Re-checks sessions, attendance and views of every socket on this instance. */
  private async sweep() {
    for (const [socketId, state] of this.states) {
      if (!state.rooms.size) continue;
      const socket = this.server.sockets.get(socketId);
      if (!socket) continue;
      const principal = await this.auth.verifyAccessToken(state.token);
      if (!principal) {
        socket.emit('session:ended', { code: 'SESSION_ENDED' });
        socket.disconnect(true);
        continue;
      }
      state.principal = principal;
      for (const conferenceId of [...state.rooms.keys()]) {
        const still = await this.room.joinable(principal, conferenceId).then(
          () => true,
          () => false,
        );
        if (!still) {
          state.rooms.delete(conferenceId);
          socket.emit('conference:removed', { conferenceId });
          await socket.leave(roomOf(conferenceId));
        }
      }
      await this.regate(socketId, 'PERIODIC_CHECK').catch(() => undefined);
    }
  }
}
