/**
 * A tiny stand-in for socket.io-client's `io()`, for the live features (board, conference room):
 * records the sockets it opens, "connects" them on the next tick and answers acknowledged messages
 * from `answers` (`board:watch` from `reply`); an answer of null (or none) is never acknowledged.
 * The test plays the server with `serverEmit`.
 *
 * Typed structurally (no import of @tandem/web-data-access, which a util lib may not depend on);
 * `FakeIo.io` fits `LiveConnect` and `FakeSocket` fits `LiveSocket`.
 */
export interface FakeConnectOptions {
  auth: { token: string };
  transports: string[];
}

type Answer = unknown | ((payload: unknown, socket: FakeSocket) => unknown);

export class FakeSocket {
  readonly listeners = new Map<string, ((payload: unknown) => void)[]>();
  readonly emitted: { event: string; payload: unknown }[] = [];
  disconnected = false;

  constructor(
    readonly namespace: string,
    readonly options: FakeConnectOptions,
    private readonly answer: (event: string, payload: unknown, socket: FakeSocket) => unknown,
  ) {}

  on(event: string, listener: (payload: unknown) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string, payload: unknown, ack?: (reply: unknown) => void): this {
    this.emitted.push({ event, payload });
    const reply = this.answer(event, payload, this);
    if (reply !== null && reply !== undefined && ack) setTimeout(() => ack(reply), 0);
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

  /** The payloads sent with one event. */
  sent(event: string): unknown[] {
    return this.emitted.filter((e) => e.event === event).map((e) => e.payload);
  }

  watched(): unknown[] {
    return this.sent('board:watch');
  }
}

export interface FakeIo {
  io: (namespace: string, options: FakeConnectOptions) => FakeSocket;
  sockets: FakeSocket[];
  /** The newest socket. */
  last(): FakeSocket;
  /** What the next `board:watch` is answered with ({ ok: true } by default; null: no answer). */
  reply: unknown;
  /** Answers to other acknowledged messages, by event: a value or a function of the payload. */
  answers: Record<string, Answer>;
}

export function fakeIo(options: { autoConnect?: boolean } = {}): FakeIo {
  const fake: FakeIo = {
    sockets: [],
    reply: { ok: true },
    answers: {},
    last: () => {
      const socket = fake.sockets.at(-1);
      if (!socket) throw new Error('No socket was opened.');
      return socket;
    },
    io: (namespace, connectOptions) => {
      const socket = new FakeSocket(namespace, connectOptions, (event, payload, s) => {
        if (event === 'board:watch') return fake.reply;
        const answer = fake.answers[event];
        return typeof answer === 'function' ? answer(payload, s) : (answer ?? null);
      });
      fake.sockets.push(socket);
      if (options.autoConnect !== false) setTimeout(() => socket.serverEmit('connect'), 0);
      return socket;
    },
  };
  return fake;
}
