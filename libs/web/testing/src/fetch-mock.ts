/**
 * Test double for the network: replaces `globalThis.fetch` with routes keyed by
 * "METHOD /path" (query string ignored). A list of replies is used in order; the last repeats.
 * Replies can carry a plain-text body and headers (the CSV export).
 */
export interface MockReply {
  status?: number;
  body?: unknown;
  /** A body that is not JSON (a CSV download); used instead of `body`. */
  text?: string;
  headers?: Record<string, string>;
  /** Rejects like fetch does when the server cannot be reached. */
  networkError?: boolean;
  /** Resolves only when the returned release function is called. */
  hold?: Promise<void>;
}

export interface MockCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

type Route = MockReply | ((call: MockCall) => MockReply);

export interface FetchMock {
  calls: MockCall[];
  callsTo(route: string): MockCall[];
  restore(): void;
}

export function mockFetch(routes: Record<string, Route | Route[]>): FetchMock {
  const calls: MockCall[] = [];
  const used = new Map<string, number>();
  const original = globalThis.fetch;
  const fake = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const call: MockCall = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
    };
    calls.push(call);
    const key = `${method} ${url.pathname}`;
    const route = routes[key];
    if (!route) throw new Error(`Unexpected request in test: ${key}`);
    const list = Array.isArray(route) ? route : [route];
    const index = used.get(key) ?? 0;
    used.set(key, index + 1);
    const picked = list[Math.min(index, list.length - 1)];
    const reply = typeof picked === 'function' ? picked(call) : picked;
    if (reply.hold) await reply.hold;
    if (init.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    if (reply.networkError) throw new TypeError('Failed to fetch');
    return fakeResponse(reply);
  };
  globalThis.fetch = fake as typeof fetch;
  return {
    calls,
    callsTo: (route) => {
      const [method, path] = route.split(' ');
      return calls.filter((c) => c.method === method && c.path === path);
    },
    restore: () => {
      globalThis.fetch = original;
    },
  };
}

function fakeResponse(reply: MockReply): Response {
  const status = reply.status ?? 200;
  const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  const headers = Object.fromEntries(
    Object.entries(reply.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: String(status),
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    text: async () => text,
    json: async () => JSON.parse(text),
  } as unknown as Response;
}
