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
import {
  AuthSession,
  type AuthState,
  type LoginOptions,
  type RequestOptions,
} from './auth-session';
import type {
  BoardUpdate,
  CaseloadItem,
  CaseloadPage,
  CaseloadQuery,
  ClientDetail,
  NewNote,
  Note,
  NoteCorrection,
  NotePage,
  NotesQuery,
  Plan,
} from './types';

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

/** The session itself, for code that needs more than requests (the live connection). */
export function useSession(): AuthSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useAuth/useApi must be used inside <AuthProvider>.');
  return session;
}

export interface UseAuth extends AuthState {
  login(email: string, password: string, options?: LoginOptions): Promise<Principal>;
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

/**
 * Renders its children only while someone is signed in (nothing while the session is being
 * restored or after signing out).
 */
export function SignedIn({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  return status === 'signedIn' ? children : null;
}

export interface TandemApi {
  /** Any authenticated call; `path` is relative to /api/v1. */
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  /** Any authenticated call, answered with the raw response (downloads). Throws `ApiError`. */
  requestResponse(path: string, options?: RequestOptions): Promise<Response>;
  getMe(signal?: AbortSignal): Promise<Principal>;
  getCaseload(query: CaseloadQuery, signal?: AbortSignal): Promise<CaseloadPage>;
  /** 404 `NOT_FOUND` when the client does not exist or is hidden from the user. */
  getClient(clientId: string, signal?: AbortSignal): Promise<ClientDetail>;
  /** 403 when not care staff of the team; 409 `VERSION_CONFLICT` with `current`. */
  updateBoard(clientId: string, update: BoardUpdate): Promise<CaseloadItem>;
  getNotes(clientId: string, query: NotesQuery, signal?: AbortSignal): Promise<NotePage>;
  /** The note with its revisions, newest first. */
  getNote(clientId: string, noteId: string, signal?: AbortSignal): Promise<Note>;
  createNote(clientId: string, note: NewNote): Promise<Note>;
  correctNote(clientId: string, noteId: string, correction: NoteCorrection): Promise<Note>;
  getPlans(clientId: string, signal?: AbortSignal): Promise<Plan[]>;
}

const clientPath = (clientId: string) => `/clients/${encodeURIComponent(clientId)}`;

export function createApi(session: AuthSession): TandemApi {
  return {
    request: session.request,
    requestResponse: session.requestResponse,
    getMe: (signal) => session.request<Principal>('/auth/me', { signal }),
    getCaseload: (query, signal) =>
      session.request<CaseloadPage>('/caseload', {
        signal,
        query: {
          teamId: query.teamId,
          q: query.q?.trim(),
          onBoard: query.onBoard,
          keyWorkerId: query.keyWorkerId,
          sort: query.sort,
          page: query.page,
          pageSize: query.pageSize,
        },
      }),
    getClient: (clientId, signal) =>
      session.request<ClientDetail>(clientPath(clientId), { signal }),
    updateBoard: (clientId, update) =>
      session.request<CaseloadItem>(`${clientPath(clientId)}/board`, {
        method: 'PATCH',
        body: update,
      }),
    getNotes: (clientId, query, signal) =>
      session.request<NotePage>(`${clientPath(clientId)}/notes`, {
        signal,
        query: { domain: query.domain, page: query.page, pageSize: query.pageSize },
      }),
    getNote: (clientId, noteId, signal) =>
      session.request<Note>(`${clientPath(clientId)}/notes/${encodeURIComponent(noteId)}`, {
        signal,
      }),
    createNote: (clientId, note) =>
      session.request<Note>(`${clientPath(clientId)}/notes`, { method: 'POST', body: note }),
    correctNote: (clientId, noteId, correction) =>
      session.request<Note>(
        `${clientPath(clientId)}/notes/${encodeURIComponent(noteId)}/corrections`,
        { method: 'POST', body: correction },
      ),
    getPlans: (clientId, signal) =>
      session.request<Plan[]>(`${clientPath(clientId)}/plans`, { signal }),
  };
}

/** Typed API calls with the current access token (stable between renders). */
export function useApi(): TandemApi {
  const session = useSession();
  return useMemo(() => createApi(session), [session]);
}
