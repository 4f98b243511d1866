import type { LiveConnect, LiveConnectOptions, LiveSocket } from '../lib/live';

/**
 * A tiny stand-in for socket.io-client's `io()`: records the sockets it opens, "connects" them on
 * the next tick and answers `board:watch` with `watchReply` (unless it is null: no answer). The
 * test plays the server with `serverEmit`.
 */
export class FakeSocket implements LiveSocket {
  readonly listeners = new Map<string, ((payload: unknown) => void)[]>();
  readonly emitted: { event: string; payload: unknown }[] = [];
  disconnected = false;

  constructor(
    readonly namespace: string,
    readonly options: LiveConnectOptions,
    private readonly watchReply: () => unknown,
  ) {}

  on(event: string, listener: (payload: unknown) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string, payload: unknown, ack: (reply: unknown) => void): this {
    this.emitted.push({ event, payload });
    const reply = event === 'board:watch' ? this.watchReply() : null;
    if (reply !== null) setTimeout(() => ack(reply), 0);
    return this;
  }

  disconnect(): this {
    this.disconnected = true;
    return this;
  }

  /** The server sends an event (or the client library reports one: connect, disconnect). */
  serverEmit(event: string, payload?: unknown): void {
    if (this.disconnected && event !== 'disconnect') return;
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  watched(): unknown[] {
    return this.emitted.filter((e) => e.event === 'board:watch').map((e) => e.payload);
  }
}

export interface FakeIo {
  io: LiveConnect;
  sockets: FakeSocket[];
  /** The newest socket. */
  last(): FakeSocket;
  /** What the next `board:watch` is answered with ({ ok: true } by default; null: no answer). */
  reply: unknown;
}

export function fakeIo(options: { autoConnect?: boolean } = {}): FakeIo {
  const fake: FakeIo = {
    sockets: [],
    reply: { ok: true },
    last: () => {
      const socket = fake.sockets.at(-1);
      if (!socket) throw new Error('No socket was opened.');
      return socket;
    },
    io: (namespace, connectOptions) => {
      const socket = new FakeSocket(namespace, connectOptions, () => fake.reply);
      fake.sockets.push(socket);
      if (options.autoConnect !== false) setTimeout(() => socket.serverEmit('connect'), 0);
      return socket;
    },
  };
  return fake;
}
