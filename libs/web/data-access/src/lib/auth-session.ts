import type { Principal } from '@tandem/domain';
import { ApiError, isAbortError, isApiError, readJson } from './api-error';
import type { TokenResponse } from './types';

export type AuthStatus = 'restoring' | 'signedIn' | 'signedOut';

/**
 * Why the user is signed out: they chose to (`signedOut`), the server ended the session
 * (`sessionEnded`: expired, idle too long, or signed out elsewhere), or the server could not be
 * reached while restoring the session (`unreachable`). Null on a plain first visit.
 */
export type SignedOutReason = 'signedOut' | 'sessionEnded' | 'unreachable' | null;

export interface AuthState {
  status: AuthStatus;
  principal: Principal | null;
  reason: SignedOutReason;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** The Accept header; JSON unless set (for example `text/csv` for a download). */
  accept?: string;
}

export interface LoginOptions {
  /** Which sign-in: staff (default) or the client's passport. */
  as?: 'staff' | 'client';
}

export interface AuthSessionOptions {
  /** Origin of the API; empty for the same origin (production and the Vite dev proxy). */
  baseUrl?: string;
  /** Replaces the global fetch (tests normally mock the global instead). */
  fetch?: typeof fetch;
  /** Refresh the access token this many seconds before it expires. */
  refreshMarginSeconds?: number;
  /** After a failed scheduled refresh without a response, try again after this many seconds. */
  retrySeconds?: number;
}

const API_PREFIX = '/api/v1';
const REFRESH_LOCK = 'tandem-auth-refresh';

/**
 * The signed-in session of this browser tab. The access token lives only in this object (never in
 * storage); the refresh token is an httpOnly cookie the browser sends to /api/v1/auth only.
 *
 * - `restore()` on app load exchanges the refresh cookie for an access token.
 * - `request()` adds the bearer token; on a 401 it refreshes once and retries once.
 * - A timer refreshes the token shortly before it expires, but only when the user did something
 *   since the last token (`noteActivity()`): an unattended screen must not keep the session alive
 *   past the server's inactivity timeout. After an idle spell the next activity refreshes at once
 *   when needed, and the server decides whether the session still lives.
 * - Refreshes are shared: concurrent callers wait for the same request, and with the Web Locks API
 *   tabs take turns, so two tabs never send the same (rotating) refresh cookie at once.
 */
export class AuthSession {
  private state: AuthState = { status: 'restoring', principal: null, reason: null };
  private accessToken: string | null = null;
  private expiresAt = 0;
  private issuedAt = 0;
  private lastActivity = 0;
  /** The refresh timer found no activity and stopped; the next activity re-arms it. */
  private idle = false;
  private readonly listeners = new Set<() => void>();
  private refreshing: Promise<TokenResponse> | null = null;
  private restoring: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped on sign-in and sign-out, so a late answer to an older refresh is ignored. */
  private generation = 0;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch | undefined;
  private readonly marginSeconds: number;
  private readonly retrySeconds: number;

  constructor(options: AuthSessionOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
    this.fetchImpl = options.fetch;
    this.marginSeconds = options.refreshMarginSeconds ?? 60;
    this.retrySeconds = options.retrySeconds ?? 30;
  }

  readonly getState = (): AuthState => this.state;

  /**
   * The current access token, for the live connection (socket.io handshake). Null when signed out.
   * It changes on every refresh; `subscribe` listeners are told.
   */
  readonly getAccessToken = (): string | null => this.accessToken;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Restores the session from the refresh cookie (once; later calls share the first). */
  readonly restore = (): Promise<void> => {
    if (!this.restoring) {
      this.restoring = this.refresh().then(
        () => undefined,
        (error: unknown) => {
          if (this.state.status === 'restoring') {
            const unreachable = isApiError(error) && error.status === 0;
            this.clear(unreachable ? 'unreachable' : null);
          }
        },
      );
    }
    return this.restoring;
  };

  /** Starts (again) after `stop()`: restores, or re-arms the refresh timer. */
  readonly start = (): void => {
    if (this.state.status === 'restoring') void this.restore();
    else if (this.state.status === 'signedIn' && !this.timer) this.schedule();
  };

  /** Stops the refresh timer (the provider unmounts). */
  readonly stop = (): void => {
    this.clearTimer();
  };

  /** Call on user input (pointer, keys, scrolling); keeps the session alive while in use. */
  readonly noteActivity = (): void => {
    this.lastActivity = Date.now();
    if (this.idle && this.state.status === 'signedIn') {
      this.idle = false;
      this.schedule();
    }
  };

  /**
   * Signs in; throws `ApiError` (INVALID_CREDENTIALS, ACCOUNT_LOCKED, VALIDATION_FAILED, ...).
   * `as: 'client'` uses the passport's sign-in, which accepts client accounts only
   * (NOT_A_CLIENT_ACCOUNT for staff).
   */
  readonly login = async (
    email: string,
    password: string,
    options: LoginOptions = {},
  ): Promise<Principal> => {
    const generation = ++this.generation;
    const path = options.as === 'client' ? '/auth/client/login' : '/auth/login';
    const tokens = await this.call<TokenResponse>(path, {
      method: 'POST',
      body: { email, password },
    });
    if (generation === this.generation) this.accept(tokens);
    return tokens.principal;
  };

  /** Signs out on the server (best effort) and forgets the token. */
  readonly logout = async (): Promise<void> => {
    this.generation++;
    const token = this.accessToken;
    this.clearTimer();
    try {
      await this.call<void>('/auth/logout', { method: 'POST' }, token);
    } catch {
      // Signed out locally anyway; the session also ends on the server when it expires.
    } finally {
      this.clear('signedOut');
    }
  };

  /** An authenticated API call: `path` is relative to /api/v1. Throws `ApiError`. */
  readonly request = <T>(path: string, options: RequestOptions = {}): Promise<T> =>
    this.authorised((token) => this.call<T>(path, options, token));

  /**
   * Like `request`, but resolves with the raw response (status 2xx) instead of parsed JSON: for
   * file downloads, where the caller reads the body itself (for example to show progress).
   */
  readonly requestResponse = (path: string, options: RequestOptions = {}): Promise<Response> =>
    this.authorised((token) => this.send(path, options, token));

  /** Runs `task` with the access token; on a 401 refreshes once and runs it once more. */
  private async authorised<T>(task: (token: string | null) => Promise<T>): Promise<T> {
    const hadToken = this.accessToken !== null;
    try {
      return await task(this.accessToken);
    } catch (error) {
      if (!hadToken || !isApiError(error) || error.status !== 401) throw error;
    }
    try {
      await this.refresh();
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        throw new ApiError(401, 'SESSION_ENDED', 'The session has ended.', error.problem);
      }
      throw error;
    }
    return task(this.accessToken);
  }

  private refresh(): Promise<TokenResponse> {
    if (!this.refreshing) {
      const generation = this.generation;
      this.refreshing = withLock(REFRESH_LOCK, () =>
        this.call<TokenResponse>('/auth/refresh', { method: 'POST' }),
      )
        .then((tokens) => {
          if (generation === this.generation) this.accept(tokens);
          return tokens;
        })
        .catch((error: unknown) => {
          if (generation === this.generation && isApiError(error) && error.status === 401) {
            this.clear(this.state.status === 'signedIn' ? 'sessionEnded' : null);
          }
          throw error;
        })
        .finally(() => {
          this.refreshing = null;
        });
    }
    return this.refreshing;
  }

  private accept(tokens: TokenResponse): void {
    this.accessToken = tokens.accessToken;
    this.issuedAt = Date.now();
    this.expiresAt = this.issuedAt + tokens.expiresIn * 1000;
    this.idle = false;
    this.setState({ status: 'signedIn', principal: tokens.principal, reason: null });
    this.schedule();
  }

  private clear(reason: SignedOutReason): void {
    this.clearTimer();
    this.accessToken = null;
    this.expiresAt = 0;
    this.setState({ status: 'signedOut', principal: null, reason });
  }

  private schedule(delaySeconds?: number): void {
    this.clearTimer();
    const left = (this.expiresAt - Date.now()) / 1000;
    const delay =
      delaySeconds ?? (left > 2 * this.marginSeconds ? left - this.marginSeconds : left / 2);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        if (this.lastActivity < this.issuedAt) {
          this.idle = true;
          return;
        }
        this.refresh().catch((error: unknown) => {
          // No answer (offline, server restarting): try again soon. A 401 has signed us out.
          if (isApiError(error) && error.status === 0 && this.state.status === 'signedIn') {
            this.schedule(this.retrySeconds);
          }
        });
      },
      Math.max(1, delay) * 1000,
    );
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(next: AuthState): void {
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }

  private async call<T>(path: string, options: RequestOptions, token?: string | null): Promise<T> {
    const response = await this.send(path, options, token);
    if (response.status === 204) return undefined as T;
    return (await readJson<T>(response)) as T;
  }

  /** Sends one request; resolves with a 2xx response, throws `ApiError` otherwise. */
  private async send(
    path: string,
    options: RequestOptions,
    token?: string | null,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers['Authorization'] = `Bearer ${token}`;
    const init: RequestInit = {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    };
    const url = `${this.baseUrl}${API_PREFIX}${path}${queryString(options.query)}`;
    let response: Response;
    try {
      const fetchImpl = this.fetchImpl;
      response = await (fetchImpl ? fetchImpl(url, init) : fetch(url, init));
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw ApiError.network(error);
    }
    if (!response.ok) throw await ApiError.fromResponse(response);
    return response;
  }
}

export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks?.request) return task();
  return locks.request(name, task) as Promise<T>;
}
