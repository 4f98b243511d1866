import type { Principal } from '@tandem/domain';
import { mockFetch, type FetchMock } from '@tandem/web-testing';
import { ApiError } from './api-error';
import { AuthSession, queryString } from './auth-session';

const principal: Principal = {
  userId: 'u1',
  sessionId: 's1',
  displayName: 'Sanne Jansen',
  email: 'sanne.jansen@ggz-rivierenland.example',
  organisationId: 'o1',
  organisationName: 'GGZ Rivierenland',
  organisationType: 'GGZ',
  roles: ['SPV'],
  teams: [{ teamId: 't1', teamName: 'FACT Noord', teamType: 'FACT', role: 'SPV' }],
  clientId: null,
  locale: 'nl',
};

const tokens = (accessToken: string, expiresIn = 900) => ({
  status: 200,
  body: { accessToken, expiresIn, principal },
});
const sessionEnded = {
  status: 401,
  body: { statusCode: 401, code: 'SESSION_ENDED', message: 'x' },
};

describe('AuthSession', () => {
  let net: FetchMock;
  afterEach(() => {
    net?.restore();
    jest.useRealTimers();
  });

  it('restores the session from the refresh cookie on load', async () => {
    net = mockFetch({ 'POST /api/v1/auth/refresh': tokens('a1') });
    const session = new AuthSession();
    await session.restore();
    expect(session.getState()).toEqual({ status: 'signedIn', principal, reason: null });
    const [call] = net.calls;
    expect(call.credentials).toBe('same-origin');
    expect(call.headers['Authorization']).toBeUndefined();
    session.stop();
  });

  it('is signed out without a reason when there is no session', async () => {
    net = mockFetch({ 'POST /api/v1/auth/refresh': sessionEnded });
    const session = new AuthSession();
    await session.restore();
    expect(session.getState()).toEqual({ status: 'signedOut', principal: null, reason: null });
  });

  it('says the server is unreachable when restoring fails without a response', async () => {
    net = mockFetch({ 'POST /api/v1/auth/refresh': { networkError: true } });
    const session = new AuthSession();
    await session.restore();
    expect(session.getState().reason).toBe('unreachable');
  });

  it('shares one refresh between concurrent callers', async () => {
    net = mockFetch({ 'POST /api/v1/auth/refresh': tokens('a1') });
    const session = new AuthSession();
    await Promise.all([session.restore(), session.restore()]);
    expect(net.calls).toHaveLength(1);
    session.stop();
  });

  it('sends the bearer token, refreshes once on a 401 and retries', async () => {
    net = mockFetch({
      'POST /api/v1/auth/login': tokens('old'),
      'POST /api/v1/auth/refresh': tokens('new'),
      'GET /api/v1/auth/me': (call) =>
        call.headers['Authorization'] === 'Bearer new'
          ? { body: principal }
          : { status: 401, body: { statusCode: 401, code: 'UNAUTHENTICATED', message: 'x' } },
    });
    const session = new AuthSession();
    await session.login('a@b.example', 'pw');
    await expect(session.request('/auth/me')).resolves.toEqual(principal);
    expect(
      net.calls.map((c) => `${c.method} ${c.path} ${c.headers['Authorization'] ?? ''}`),
    ).toEqual([
      'POST /api/v1/auth/login ',
      'GET /api/v1/auth/me Bearer old',
      'POST /api/v1/auth/refresh ',
      'GET /api/v1/auth/me Bearer new',
    ]);
    session.stop();
  });

  it('signs out with reason sessionEnded when the refresh after a 401 fails', async () => {
    net = mockFetch({
      'POST /api/v1/auth/login': tokens('old'),
      'POST /api/v1/auth/refresh': sessionEnded,
      'GET /api/v1/caseload': { status: 401, body: { statusCode: 401, code: 'UNAUTHENTICATED' } },
    });
    const session = new AuthSession();
    await session.login('a@b.example', 'pw');
    await expect(session.request('/caseload')).rejects.toMatchObject({ code: 'SESSION_ENDED' });
    expect(session.getState()).toMatchObject({ status: 'signedOut', reason: 'sessionEnded' });
  });

  it('answers a download with the raw response, after the same refresh on a 401', async () => {
    net = mockFetch({
      'POST /api/v1/auth/login': tokens('old'),
      'POST /api/v1/auth/refresh': tokens('new'),
      'GET /api/v1/access-log/export': (call) =>
        call.headers['Authorization'] === 'Bearer new'
          ? { body: 'id,at' }
          : { status: 401, body: { statusCode: 401, code: 'UNAUTHENTICATED', message: 'x' } },
    });
    const session = new AuthSession();
    await session.login('a@b.example', 'pw');
    const response = await session.requestResponse('/access-log/export', {
      accept: 'text/csv',
      query: { clientId: 'c1', emergency: true },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('"id,at"');
    const last = net.callsTo('GET /api/v1/access-log/export').at(-1);
    expect(last?.headers['Accept']).toBe('text/csv');
    expect(last?.query.toString()).toBe('clientId=c1&emergency=true');
    session.stop();
  });

  it('turns error bodies into ApiError with the code and details', async () => {
    const locked = { statusCode: 423, code: 'ACCOUNT_LOCKED', message: 'x', retryAfterSeconds: 60 };
    net = mockFetch({ 'POST /api/v1/auth/login': { status: 423, body: locked } });
    const session = new AuthSession();
    const error = await session.login('a@b.example', 'pw').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 423, code: 'ACCOUNT_LOCKED', problem: locked });
    expect(net.calls[0].body).toEqual({ email: 'a@b.example', password: 'pw' });
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    net = mockFetch({ 'POST /api/v1/auth/login': { networkError: true } });
    const session = new AuthSession();
    await expect(session.login('a@b.example', 'pw')).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK_ERROR',
    });
  });

  it('refreshes the token before it expires', async () => {
    jest.useFakeTimers();
    net = mockFetch({
      'POST /api/v1/auth/login': tokens('a1', 300),
      'POST /api/v1/auth/refresh': tokens('a2', 300),
    });
    const session = new AuthSession({ refreshMarginSeconds: 60 });
    await session.login('a@b.example', 'pw');
    await jest.advanceTimersByTimeAsync(100_000);
    session.noteActivity();
    await jest.advanceTimersByTimeAsync(139_000);
    expect(net.callsTo('POST /api/v1/auth/refresh')).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(2_000);
    expect(net.callsTo('POST /api/v1/auth/refresh')).toHaveLength(1);
    session.stop();
  });

  it('does not keep an unattended session alive, and refreshes when the user is back', async () => {
    jest.useFakeTimers();
    net = mockFetch({
      'POST /api/v1/auth/login': tokens('a1', 300),
      'POST /api/v1/auth/refresh': tokens('a2', 300),
    });
    const session = new AuthSession({ refreshMarginSeconds: 60 });
    await session.login('a@b.example', 'pw');
    await jest.advanceTimersByTimeAsync(600_000);
    expect(net.callsTo('POST /api/v1/auth/refresh')).toHaveLength(0);
    expect(session.getState().status).toBe('signedIn');

    session.noteActivity();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(net.callsTo('POST /api/v1/auth/refresh')).toHaveLength(1);
    session.stop();
  });

  it('signs out on the server with the bearer token and forgets the session', async () => {
    net = mockFetch({
      'POST /api/v1/auth/login': tokens('a1'),
      'POST /api/v1/auth/logout': { status: 204 },
    });
    const session = new AuthSession();
    await session.login('a@b.example', 'pw');
    await session.logout();
    const logout = net.callsTo('POST /api/v1/auth/logout')[0];
    expect(logout.headers['Authorization']).toBe('Bearer a1');
    expect(logout.credentials).toBe('same-origin');
    expect(session.getState()).toEqual({
      status: 'signedOut',
      principal: null,
      reason: 'signedOut',
    });
  });

  it('signs out locally even when the server cannot be reached', async () => {
    net = mockFetch({
      'POST /api/v1/auth/login': tokens('a1'),
      'POST /api/v1/auth/logout': { networkError: true },
    });
    const session = new AuthSession();
    await session.login('a@b.example', 'pw');
    await session.logout();
    expect(session.getState().status).toBe('signedOut');
  });
});

describe('queryString', () => {
  it('leaves out empty values', () => {
    expect(queryString({ q: 'van dam', teamId: undefined, page: 2, x: '' })).toBe(
      '?q=van+dam&page=2',
    );
    expect(queryString({})).toBe('');
  });
});
