import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { io } from 'socket.io-client';
import { useSession } from './auth-context';

/** The socket.io namespace of the live updates, on the same origin as the page. */
export const LIVE_NAMESPACE = '/live';

/** The part of a socket.io client socket the live updates use (a test can fake just this). */
export interface LiveSocket {
  on(event: string, listener: (payload: unknown) => void): unknown;
  emit(event: string, payload: unknown, ack: (reply: unknown) => void): unknown;
  disconnect(): unknown;
}

export interface LiveConnectOptions {
  auth: { token: string };
  transports: string[];
}

/** Opens a socket; `io` from socket.io-client unless a test provides another. */
export type LiveConnect = (namespace: string, options: LiveConnectOptions) => LiveSocket;

const connectWithSocketIo: LiveConnect = (namespace, options) =>
  io(namespace, options) as unknown as LiveSocket;

const LiveContext = createContext<LiveConnect>(connectWithSocketIo);

/** Replaces how sockets are opened (tests); the app needs no provider. */
export function LiveProvider({ connect, children }: { connect: LiveConnect; children: ReactNode }) {
  return <LiveContext.Provider value={connect}>{children}</LiveContext.Provider>;
}

/** How this app opens sockets (socket.io-client's `io`, or a test's fake): for other live features. */
export function useLiveConnect(): LiveConnect {
  return useContext(LiveContext);
}

/** `board:changed` from the server: ids only, the client refetches with its own rights. */
export interface BoardChanged {
  clientId: string;
  teamId: string;
  version: number;
}

/**
 * - `connecting`: opening the connection or asking to watch the board.
 * - `live`: connected and watching; changes arrive within seconds.
 * - `offline`: the connection dropped; socket.io tries again by itself.
 * - `refused`: the server does not send this team's board to this user (`code` says why).
 * - `ended`: the server ended the live session (token expired or session gone). It starts again
 *   when the auth layer has a new access token (after the user does something), or never when the
 *   session is over and the user is sent to sign in.
 * - `off`: no team or not signed in.
 */
export type LiveStatus = 'off' | 'connecting' | 'live' | 'offline' | 'refused' | 'ended';

export interface LiveState {
  status: LiveStatus;
  /** The error code of `refused` or `ended`. */
  code: string | null;
}

export interface UseBoardLiveOptions {
  /** The team whose board to watch; null watches nothing. */
  teamId: string | null;
  /** A client on this team's board changed. */
  onChanged(event: BoardChanged): void;
  /**
   * Live again after a gap (reconnect, new token): changes may have been missed, reload.
   * Not called for the first connection.
   */
  onResync?(): void;
}

function isBoardChanged(value: unknown): value is BoardChanged {
  const event = value as Partial<BoardChanged> | null;
  return typeof event?.clientId === 'string' && typeof event.teamId === 'string';
}

function codeOf(value: unknown): string | null {
  const code = (value as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * Watches a team's board over socket.io (namespace /live) with the current access token. When the
 * auth layer refreshes the token, the socket is opened again with the new one (the server ends a
 * socket when its token expires). On `session:ended` the socket stops.
 */
export function useBoardLive({ teamId, onChanged, onResync }: UseBoardLiveOptions): LiveState {
  const connect = useContext(LiveContext);
  const session = useSession();
  const token = useSyncExternalStore(
    session.subscribe,
    session.getAccessToken,
    session.getAccessToken,
  );
  const [state, setState] = useState<LiveState>({ status: 'off', code: null });
  const handlers = useRef({ onChanged, onResync });
  useEffect(() => {
    handlers.current = { onChanged, onResync };
  });
  /** The team that was live before, so a reconnect to the same team triggers a resync. */
  const liveTeam = useRef<string | null>(null);

  useEffect(() => {
    if (!teamId || !token) {
      setState({ status: 'off', code: null });
      return undefined;
    }
    if (liveTeam.current !== null && liveTeam.current !== teamId) liveTeam.current = null;
    let stopped = false;
    const set = (status: LiveStatus, code: string | null = null) => {
      if (!stopped) setState({ status, code });
    };
    /** The token expired or the session is gone: stop until the auth layer has a new token. */
    const end = (code: string) => {
      set('ended', code);
      stopped = true;
      socket.disconnect();
    };

    set('connecting');
    const socket = connect(LIVE_NAMESPACE, { auth: { token }, transports: ['websocket'] });
    socket.on('connect', () => {
      set('connecting');
      socket.emit('board:watch', { teamId }, (reply) => {
        if (stopped) return;
        if ((reply as { ok?: unknown } | null)?.ok === true) {
          set('live');
          if (liveTeam.current === teamId) handlers.current.onResync?.();
          liveTeam.current = teamId;
        } else {
          set('refused', codeOf(reply) ?? 'UNKNOWN');
        }
      });
    });
    socket.on('board:changed', (event) => {
      if (!stopped && isBoardChanged(event) && event.teamId === teamId) {
        handlers.current.onChanged(event);
      }
    });
    socket.on('session:ended', (reason) => end(codeOf(reason) ?? 'SESSION_ENDED'));
    socket.on('disconnect', () => set('offline'));
    socket.on('connect_error', (error) => {
      // The server refuses the handshake when the token is no longer valid (for example after a
      // reconnect with an expired token); socket.io does not retry that by itself.
      if ((error as { message?: unknown } | null)?.message === 'UNAUTHENTICATED') {
        end('UNAUTHENTICATED');
      } else {
        set('offline');
      }
    });
    return () => {
      stopped = true;
      socket.disconnect();
    };
  }, [connect, teamId, token]);

  return state;
}
