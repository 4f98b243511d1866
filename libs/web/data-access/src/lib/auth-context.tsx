import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { Principal } from '@tandem/domain';
import { AuthSession, type AuthState, type RequestOptions } from './auth-session';
import type { CaseloadPage, CaseloadQuery } from './types';

const SessionContext = createContext<AuthSession | null>(null);

export interface AuthProviderProps {
  /** The session to use; one is created when left out. */
  session?: AuthSession;
  children: ReactNode;
}

/** Provides the session and restores it from the refresh cookie when mounted. */
export function AuthProvider({ session, children }: AuthProviderProps) {
  const [own] = useState(() => session ?? new AuthSession());
  useEffect(() => {
    own.start();
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const event of events) window.addEventListener(event, own.noteActivity, { passive: true });
    return () => {
      for (const event of events) window.removeEventListener(event, own.noteActivity);
      own.stop();
    };
  }, [own]);
  return <SessionContext.Provider value={own}>{children}</SessionContext.Provider>;
}

function useSession(): AuthSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useAuth/useApi must be used inside <AuthProvider>.');
  return session;
}

export interface UseAuth extends AuthState {
  login(email: string, password: string): Promise<Principal>;
  logout(): Promise<void>;
}

/** The signed-in user and the sign-in/out actions; re-renders when the session changes. */
export function useAuth(): UseAuth {
  const session = useSession();
  const state = useSyncExternalStore(session.subscribe, session.getState, session.getState);
  return useMemo(
    () => ({ ...state, login: session.login, logout: session.logout }),
    [state, session],
  );
}

export interface TandemApi {
  /** Any authenticated call; `path` is relative to /api/v1. */
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  getMe(signal?: AbortSignal): Promise<Principal>;
  getCaseload(query: CaseloadQuery, signal?: AbortSignal): Promise<CaseloadPage>;
}

export function createApi(session: AuthSession): TandemApi {
  return {
    request: session.request,
    getMe: (signal) => session.request<Principal>('/auth/me', { signal }),
    getCaseload: (query, signal) =>
      session.request<CaseloadPage>('/caseload', {
        signal,
        query: {
          teamId: query.teamId,
          q: query.q?.trim(),
          page: query.page,
          pageSize: query.pageSize,
        },
      }),
  };
}

/** Typed API calls with the current access token (stable between renders). */
export function useApi(): TandemApi {
  const session = useSession();
  return useMemo(() => createApi(session), [session]);
}
