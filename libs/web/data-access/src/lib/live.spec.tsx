import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Principal } from '@tandem/domain';
import { fakeIo, type FakeIo } from '../test/fake-io';
import { mockFetch, type FetchMock } from '@tandem/web-testing';
import { AuthProvider } from './auth-context';
import { AuthSession } from './auth-session';
import { LIVE_NAMESPACE, LiveProvider, useBoardLive } from './live';

const TEAM = '11111111-1111-4111-8111-111111111111';
const principal: Principal = {
  userId: 'u1',
  sessionId: 's1',
  displayName: 'Sanne Jansen',
  email: 'sanne.jansen@ggz-rivierenland.example',
  organisationId: 'o1',
  organisationName: 'GGZ Rivierenland',
  organisationType: 'GGZ',
  roles: ['SPV'],
  teams: [{ teamId: TEAM, teamName: 'FACT Noord', teamType: 'FACT', role: 'SPV' }],
  clientId: null,
  locale: 'nl',
};
const tokens = (accessToken: string) => ({ body: { accessToken, expiresIn: 900, principal } });

describe('useBoardLive', () => {
  let net: FetchMock;
  let live: FakeIo;
  let session: AuthSession;
  afterEach(() => {
    session?.stop();
    net?.restore();
  });

  async function start(teamId: string | null = TEAM) {
    session = new AuthSession();
    const onChanged = jest.fn();
    const onResync = jest.fn();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <AuthProvider session={session}>
        <LiveProvider connect={live.io}>{children}</LiveProvider>
      </AuthProvider>
    );
    const hook = renderHook(() => useBoardLive({ teamId, onChanged, onResync }), { wrapper });
    await waitFor(() => expect(session.getState().status).toBe('signedIn'));
    return { ...hook, onChanged, onResync };
  }

  it('connects to /live with the access token over websocket and watches the team', async () => {
    net = mockFetch({ 'POST /api/v1/auth/refresh': tokens('a1') });
    live = fakeIo();
    const { result } = await start();
    await waitFor(() => expect(result.current.status).toBe('live'));
    expect(live.sockets).toHaveLength(1);
    expect(live.last().namespace).toBe(LIVE_NAMESPACE);
    expect(live.last().options).toEqual({ auth: { token: 'a1' }, transports: ['websocket'] });
    expect(live.last().watched()).toEqual([{ teamId: TEAM }]);
  });

  it('passes on board:changed for its team only', async () => {
    net = mockFetch({ 'POST /api/v1/auth/refresh': tokens('a1') });
    live = fakeIo();
    const { result, onChanged } = await start();
    await waitFor(() => expect(result.current.status).toBe('live'));
    act(() => {
      live.last().serverEmit('board:changed', { clientId: 'c1', teamId: TEAM, version: 2 });
      live.last().serverEmit('board:changed', { clientId: 'c2', teamId: 'other', version: 2 });
      live.last().serverEmit('board:changed', 'not an event');
    });
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(onChanged).toHaveBeenCalledWith({ clientId: 'c1', teamId: TEAM, version: 2 });
  });

  it('reconnects with the new token after a refresh, and asks for a resync', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': tokens('a1'),
      'POST /api/v1/auth/login': tokens('a2'),
    });
    live = fakeIo();
    const { result, onResync } = await start();
    await waitFor(() => expect(result.current.status).toBe('live'));
    const first = live.last();

    await act(() => session.login('sanne@example.org', 'pw'));
    await waitFor(() => expect(live.sockets).toHaveLength(2));
    expect(first.disconnected).toBe(true);
    expect(live.last().options.auth).toEqual({ token: 'a2' });
    await waitFor(() => expect(result.current.status).toBe('live'));
    expect(onResync).toHaveBeenCalledTimes(1);
  });

  it('says when the server refuses the board and when the connection drops', async () => {
    net = mockFetch({ 'POST /api/v1/auth/refresh': tokens('a1') });
    live = fakeIo();
    live.reply = { ok: false, code: 'NOT_FOUND' };
    const { result } = await start();
    await waitFor(() => expect(result.current).toEqual({ status: 'refused', code: 'NOT_FOUND' }));
    act(() => live.last().serverEmit('disconnect', 'transport close'));
    expect(result.current.status).toBe('offline');
  });

  it('stops on session:ended once it was watching, and starts again with a new token', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': tokens('a1'),
      'POST /api/v1/auth/login': tokens('a2'),
    });
    live = fakeIo();
    const { result } = await start();
    await waitFor(() => expect(result.current.status).toBe('live'));
    act(() => live.last().serverEmit('session:ended', { code: 'TOKEN_EXPIRED' }));
    expect(result.current).toEqual({ status: 'ended', code: 'TOKEN_EXPIRED' });
    expect(live.last().disconnected).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(live.sockets).toHaveLength(1);

    await act(() => session.login('sanne@example.org', 'pw'));
    await waitFor(() => expect(result.current.status).toBe('live'));
    expect(live.sockets).toHaveLength(2);
  });

  it('stops when the server refuses the handshake because the token is no longer valid', async () => {
    net = mockFetch({ 'POST /api/v1/auth/refresh': tokens('a1') });
    live = fakeIo({ autoConnect: false });
    const { result } = await start();
    await waitFor(() => expect(live.sockets).toHaveLength(1));
    act(() => live.last().serverEmit('connect_error', new Error('xhr poll error')));
    expect(result.current.status).toBe('offline');
    act(() => live.last().serverEmit('connect_error', new Error('UNAUTHENTICATED')));
    expect(result.current).toEqual({ status: 'ended', code: 'UNAUTHENTICATED' });
    expect(live.last().disconnected).toBe(true);
  });

  it('opens nothing without a team', async () => {
    net = mockFetch({ 'POST /api/v1/auth/refresh': tokens('a1') });
    live = fakeIo();
    const { result } = await start(null);
    expect(result.current.status).toBe('off');
    expect(live.sockets).toHaveLength(0);
  });
});
