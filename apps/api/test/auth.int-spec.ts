import { DEMO_PASSWORD, demoUser } from '@tandem/api-data-access';
import { createTestApp, TestApp } from './harness';

describe('sign-in and sessions', () => {
  let t: TestApp;
  const keyworker = demoUser('keyworker');

  beforeAll(async () => {
    t = await createTestApp({ config: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' } });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) =>
    t.request('POST', '/api/v1/auth/login', { body: { email, password } });

  it('signs in the key worker with the right password and returns her principal', async () => {
    const res = await login(keyworker.email, DEMO_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.principal).toMatchObject({
      displayName: 'Sanne Jansen',
      organisationName: 'GGZ Rivierenland',
      roles: ['SPV'],
    });
    expect(res.body.principal.teams).toEqual([
      expect.objectContaining({ teamName: 'FACT Rivierstad-Noord', role: 'SPV' }),
    ]);
    const cookie = res.cookies.find((c) => c.name === 'tandem_refresh');
    expect(cookie?.value).toEqual(expect.any(String));
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);

    const me = await t.request('GET', '/api/v1/auth/me', { token: res.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(keyworker.email);
  });

  it('accepts the e-mail address in any case', async () => {
    const res = await login(keyworker.email.toUpperCase(), DEMO_PASSWORD);
    expect(res.status).toBe(200);
  });

  it('refuses a wrong password with 401 and a message that says what to do', async () => {
    const res = await login(demoUser('keyworker2').email, 'wrong-password');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
    expect(res.body.message).toMatch(/try again/i);
    expect(res.body).not.toHaveProperty('accessToken');
  });

  it('answers an unknown e-mail address exactly like a wrong password', async () => {
    const unknown = await login('nobody@nowhere.example', 'whatever');
    const wrong = await login(demoUser('psychiater').email, 'whatever');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('names the missing fields when the body is incomplete', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', { body: { email: keyworker.email } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('password');
  });

  it('locks the account after repeated failures, even against the right password, and unlocks after the lock period', async () => {
    const peer = demoUser('peer');
    for (let i = 0; i < 2; i++) expect((await login(peer.email, `wrong-${i}`)).status).toBe(401);
    const third = await login(peer.email, 'wrong-3');
    expect(third.status).toBe(423);
    expect(third.body.code).toBe('ACCOUNT_LOCKED');
    expect(third.body.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(third.body.message).toMatch(/Try again in 15 minutes/);

    const correctButLocked = await login(peer.email, DEMO_PASSWORD);
    expect(correctButLocked.status).toBe(423);

    // The lock period passes.
    await t.db.query(
      "UPDATE users SET locked_until = now() - interval '1 second' WHERE email = $1",
      [peer.email],
    );
    const afterLock = await login(peer.email, DEMO_PASSWORD);
    expect(afterLock.status).toBe(200);
    const [row] = await t.db.query(
      'SELECT failed_login_count, locked_until FROM users WHERE email = $1',
      [peer.email],
    );
    expect(row).toEqual({ failed_login_count: 0, locked_until: null });
  });

  it('refuses every protected route without a token, and with a forged token', async () => {
    expect((await t.request('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await t.request('GET', '/api/v1/caseload')).status).toBe(401);
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwic2lkIjoieSJ9.c2lnbmF0dXJl';
    const res = await t.request('GET', '/api/v1/caseload', { token: forged });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('rotates the refresh token: the new one works, the old one no longer does', async () => {
    const first = await login(demoUser('regie').email, DEMO_PASSWORD);
    const oldRefresh = first.cookies.find((c) => c.name === 'tandem_refresh')!.value;
    const refreshed = await t.request('POST', '/api/v1/auth/refresh', {
      headers: { cookie: `tandem_refresh=${oldRefresh}` },
    });
    expect(refreshed.status).toBe(200);
    const newRefresh = refreshed.cookies.find((c) => c.name === 'tandem_refresh')!.value;
    expect(newRefresh).not.toBe(oldRefresh);
    expect(
      (await t.request('GET', '/api/v1/auth/me', { token: refreshed.body.accessToken })).status,
    ).toBe(200);

    const replay = await t.request('POST', '/api/v1/auth/refresh', {
      headers: { cookie: `tandem_refresh=${oldRefresh}` },
    });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('SESSION_ENDED');
  });

  it('signs out: the access token and the refresh token stop working at once', async () => {
    const res = await login(demoUser('teamlead').email, DEMO_PASSWORD);
    const token = res.body.accessToken;
    const refresh = res.cookies.find((c) => c.name === 'tandem_refresh')!.value;
    const out = await t.request('POST', '/api/v1/auth/logout', {
      token,
      headers: { cookie: `tandem_refresh=${refresh}` },
    });
    expect(out.status).toBe(204);
    expect((await t.request('GET', '/api/v1/auth/me', { token })).status).toBe(401);
    expect(
      (
        await t.request('POST', '/api/v1/auth/refresh', {
          headers: { cookie: `tandem_refresh=${refresh}` },
        })
      ).status,
    ).toBe(401);
  });

  it('ends a session that has been idle longer than the inactivity timeout', async () => {
    const res = await login(demoUser('dpo').email, DEMO_PASSWORD);
    const token = res.body.accessToken;
    expect((await t.request('GET', '/api/v1/auth/me', { token })).status).toBe(200);
    await t.db.query(
      "UPDATE auth_sessions SET last_seen_at = now() - interval '31 minutes' WHERE id = $1",
      [res.body.principal.sessionId],
    );
    expect((await t.request('GET', '/api/v1/auth/me', { token })).status).toBe(401);
  });

  it('lists my live sessions and lets me end another one (e.g. a lost phone), but not someone else’s', async () => {
    const phone = await login(demoUser('psychiater').email, DEMO_PASSWORD);
    const laptop = await login(demoUser('psychiater').email, DEMO_PASSWORD);
    const list = await t.request('GET', '/api/v1/auth/sessions', {
      token: laptop.body.accessToken,
    });
    expect(list.status).toBe(200);
    const ids = list.body.map((s: { id: string }) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([phone.body.principal.sessionId, laptop.body.principal.sessionId]),
    );
    expect(list.body.find((s: { current: boolean }) => s.current).id).toBe(
      laptop.body.principal.sessionId,
    );

    const other = await login(demoUser('ips').email, DEMO_PASSWORD);
    const foreign = await t.request(
      'POST',
      `/api/v1/auth/sessions/${other.body.principal.sessionId}/end`,
      { token: laptop.body.accessToken },
    );
    expect(foreign.status).toBe(404);
    expect(
      (await t.request('GET', '/api/v1/auth/me', { token: other.body.accessToken })).status,
    ).toBe(200);

    const end = await t.request(
      'POST',
      `/api/v1/auth/sessions/${phone.body.principal.sessionId}/end`,
      { token: laptop.body.accessToken },
    );
    expect(end.status).toBe(204);
    expect(
      (await t.request('GET', '/api/v1/auth/me', { token: phone.body.accessToken })).status,
    ).toBe(401);
    expect(
      (await t.request('GET', '/api/v1/auth/me', { token: laptop.body.accessToken })).status,
    ).toBe(200);
  });

  it('stores only an argon2id hash of the password and a hash of the refresh token', async () => {
    const [user] = await t.db.query('SELECT password_hash FROM users WHERE email = $1', [
      keyworker.email,
    ]);
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const res = await login(keyworker.email, DEMO_PASSWORD);
    const refresh = res.cookies.find((c) => c.name === 'tandem_refresh')!.value;
    const found = await t.db.query('SELECT 1 FROM auth_sessions WHERE refresh_token_hash = $1', [
      refresh,
    ]);
    expect(found).toHaveLength(0);
  });
});
