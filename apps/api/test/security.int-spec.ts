import fs from 'node:fs';
import path from 'node:path';
import { DEMO_ORGS, DEMO_PASSWORD, demoClients, demoUser } from '@tandem/api-data-access';
import { COOKIE_AUTH_ROUTES, ORIGIN_CHECKED_ROUTES, publicRateLimits } from '../src/app/bootstrap';
import { createTestApp, TestApp } from './harness';

// Security basics (issue #8 part 5): CORS, CSRF on the cookie routes, rate limits on every public
// route, session lifetime, upload checks. One app with small limits; each test uses its own client
// address (X-Forwarded-For, trusted as behind the proxy) so the per-address limits do not mix.
const APP_ORIGIN = 'https://tandem.example';
const HOST = 'api.tandem.example';
const OWN = `https://${HOST}`;

describe('security basics', () => {
  let t: TestApp;
  let address = 10;
  const nextAddress = () => `198.51.100.${address++}`;
  const monique = demoClients().find((c) => c.key === 'monique')!;

  beforeAll(async () => {
    t = await createTestApp({
      config: {
        APP_ORIGIN,
        RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
        RATE_LIMIT_SESSION_PER_MINUTE: '4',
        RATE_LIMIT_PUBLIC_PER_MINUTE: '3',
        SESSION_IDLE_MINUTES: '30',
      },
    });
  });
  afterAll(() => t.close());

  const proxied = (ip: string, extra: Record<string, string> = {}) => ({
    host: HOST,
    'x-forwarded-proto': 'https',
    'x-forwarded-for': ip,
    ...extra,
  });

  async function signIn(userKey: string, ip = nextAddress()) {
    const res = await t.request('POST', '/api/v1/auth/login', {
      headers: proxied(ip),
      body: { email: demoUser(userKey).email, password: DEMO_PASSWORD },
    });
    expect(res.status).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tandem_refresh')!;
    return {
      token: res.body.accessToken as string,
      sessionId: res.body.principal.sessionId as string,
      cookie: `tandem_refresh=${cookie.value}`,
      setCookie: String(res.headers['set-cookie']),
    };
  }

  describe('CORS', () => {
    it('allows the configured app origin, with credentials', async () => {
      const res = await t.request('OPTIONS', '/api/v1/caseload', {
        headers: {
          origin: APP_ORIGIN,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
      expect(res.status).toBeLessThan(300);
      expect(res.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
    });

    it('gives another origin no CORS permission, on a preflight or a plain request', async () => {
      const preflight = await t.request('OPTIONS', '/api/v1/caseload', {
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const token = await t.tokenFor('keyworker');
      const read = await t.request('GET', '/api/v1/auth/me', {
        token,
        headers: { origin: 'https://evil.example' },
      });
      expect(read.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('CSRF on the cookie-authenticated routes', () => {
    it('sets the refresh cookie httpOnly, SameSite=Strict, Secure behind HTTPS, scoped to /api/v1/auth', async () => {
      const { setCookie } = await signIn('teamlead');
      expect(setCookie).toMatch(/tandem_refresh=/);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Strict/i);
      expect(setCookie).toMatch(/Secure/i);
      expect(setCookie).toMatch(/Path=\/api\/v1\/auth/);
    });

    it('refreshes from the own origin, from APP_ORIGIN, and without browser headers', async () => {
      let { cookie } = await signIn('regie');
      for (const headers of [{ origin: OWN }, { origin: APP_ORIGIN }, {}] as Record<
        string,
        string
      >[]) {
        const res = await t.request('POST', '/api/v1/auth/refresh', {
          headers: proxied(nextAddress(), { cookie, ...headers }),
        });
        expect(res.status).toBe(200);
        cookie = `tandem_refresh=${res.cookies.find((c) => c.name === 'tandem_refresh')!.value}`;
      }
    });

    it('refuses a refresh from another site with 403 and leaves the session and its cookie unchanged', async () => {
      const { cookie, sessionId } = await signIn('psychiater');
      const [before] = await t.db.query(
        'SELECT refresh_token_hash, last_seen_at FROM auth_sessions WHERE id = $1',
        [sessionId],
      );
      const foreign: Record<string, string>[] = [
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
      ];
      for (const headers of foreign) {
        const res = await t.request('POST', '/api/v1/auth/refresh', {
          headers: proxied(nextAddress(), { cookie, ...headers }),
        });
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('CROSS_SITE_REQUEST');
        expect(res.body.message).toMatch(/^Header (origin|sec-fetch-site): .*another website/);
        expect(res.headers['set-cookie']).toBeUndefined();
      }
      const [after] = await t.db.query(
        'SELECT refresh_token_hash, last_seen_at FROM auth_sessions WHERE id = $1',
        [sessionId],
      );
      expect(after).toEqual(before);
      // The refused requests did not spend the cookie: the real app can still use it.
      const own = await t.request('POST', '/api/v1/auth/refresh', {
        headers: proxied(nextAddress(), { cookie, origin: OWN, 'sec-fetch-site': 'same-origin' }),
      });
      expect(own.status).toBe(200);
    });

    it('refuses a cross-site sign-out (the session stays alive) and allows a same-origin one', async () => {
      const { cookie, token, sessionId } = await signIn('peer');
      const forged = await t.request('POST', '/api/v1/auth/logout', {
        headers: proxied(nextAddress(), { cookie, origin: 'https://evil.example' }),
      });
      expect(forged.status).toBe(403);
      const [alive] = await t.db.query('SELECT revoked_at FROM auth_sessions WHERE id = $1', [
        sessionId,
      ]);
      expect(alive.revoked_at).toBeNull();
      expect((await t.request('GET', '/api/v1/auth/me', { token })).status).toBe(200);

      const own = await t.request('POST', '/api/v1/auth/logout', {
        headers: proxied(nextAddress(), { cookie, origin: OWN }),
      });
      expect(own.status).toBe(204);
      expect((await t.request('GET', '/api/v1/auth/me', { token })).status).toBe(401);
    });

    it('refuses a cross-site sign-in (login CSRF) without starting a session', async () => {
      const user = demoUser('keyworker2');
      const count = async () =>
        (
          await t.db.query(
            'SELECT count(*)::int AS n FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE lower(u.email) = lower($1)',
            [user.email],
          )
        )[0].n as number;
      const before = await count();
      const res = await t.request('POST', '/api/v1/auth/login', {
        headers: proxied(nextAddress(), { origin: 'https://evil.example' }),
        body: { email: user.email, password: DEMO_PASSWORD },
      });
      expect(res.status).toBe(403);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(await count()).toBe(before);
    });

    it('checks the origin on every public route that changes state', () => {
      const policy: { method: string; path: string; access: string }[] = JSON.parse(
        fs.readFileSync(path.join(__dirname, '../endpoint-policy.json'), 'utf8'),
      );
      const unsafe = policy
        .filter((e) => e.access === 'public' && e.method !== 'GET')
        .map((e) => e.path);
      expect(unsafe.length).toBeGreaterThanOrEqual(3);
      expect(unsafe.filter((p) => !ORIGIN_CHECKED_ROUTES.includes(p))).toEqual([]);
      expect(ORIGIN_CHECKED_ROUTES).toEqual(expect.arrayContaining(COOKIE_AUTH_ROUTES));
    });
  });

  describe('rate limits', () => {
    it('every public endpoint in the committed policy snapshot has a rate limit', () => {
      const policy: { method: string; path: string; access: string }[] = JSON.parse(
        fs.readFileSync(path.join(__dirname, '../endpoint-policy.json'), 'utf8'),
      );
      const limited = publicRateLimits(t.config).flatMap((r) => r.routes);
      const publicPaths = policy.filter((e) => e.access === 'public').map((e) => e.path);
      expect(publicPaths.length).toBeGreaterThanOrEqual(5);
      expect(publicPaths.filter((p) => !limited.includes(p))).toEqual([]);
    });

    it.each([
      ['GET', '/api/health'],
      ['GET', '/api/ready'],
      ['GET', '/api/docs-json'],
    ])('%s %s answers 429 with Retry-After past its limit, per address', async (method, url) => {
      const ip = nextAddress();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await t.request(method, url, { headers: proxied(ip) })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await t.request(method, url, { headers: proxied(ip) });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
      // Another address is not affected.
      expect((await t.request(method, url, { headers: proxied(nextAddress()) })).status).toBe(200);
    });

    it('limits refresh and sign-out per route and address', async () => {
      const ip = nextAddress();
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (
            await t.request('POST', i % 2 ? '/api/v1/auth/logout' : '/api/v1/auth/refresh', {
              headers: proxied(ip),
            })
          ).status,
        );
      // No cookie: refresh answers 401 and logout 204 until the limit of 4 per route is spent.
      expect(statuses.slice(0, 4)).toEqual([401, 204, 401, 204]);
      expect(
        (await t.request('POST', '/api/v1/auth/refresh', { headers: proxied(ip) })).status,
      ).toBe(401);
      expect(
        (await t.request('POST', '/api/v1/auth/refresh', { headers: proxied(ip) })).status,
      ).toBe(429);
    });
  });

  describe('session lifetime', () => {
    it('ends a session past its absolute lifetime even while it is in use', async () => {
      const { token, cookie, sessionId } = await signIn('keyworker2');
      expect((await t.request('GET', '/api/v1/auth/me', { token })).status).toBe(200);
      await t.db.query(
        "UPDATE auth_sessions SET expires_at = now() - interval '1 second', last_seen_at = now() WHERE id = $1",
        [sessionId],
      );
      const me = await t.request('GET', '/api/v1/auth/me', { token });
      expect(me.status).toBe(401);
      const refresh = await t.request('POST', '/api/v1/auth/refresh', {
        headers: proxied(nextAddress(), { cookie }),
      });
      expect(refresh.status).toBe(401);
      expect(refresh.body.code).toBe('SESSION_ENDED');
    });

    it('refuses to refresh a session idle past the inactivity timeout, and keeps one just inside it', async () => {
      const a = await signIn('ips');
      await t.db.query(
        "UPDATE auth_sessions SET last_seen_at = now() - interval '29 minutes' WHERE id = $1",
        [a.sessionId],
      );
      expect(
        (
          await t.request('POST', '/api/v1/auth/refresh', {
            headers: proxied(nextAddress(), { cookie: a.cookie }),
          })
        ).status,
      ).toBe(200);
      const b = await signIn('ips');
      await t.db.query(
        "UPDATE auth_sessions SET last_seen_at = now() - interval '31 minutes' WHERE id = $1",
        [b.sessionId],
      );
      const refused = await t.request('POST', '/api/v1/auth/refresh', {
        headers: proxied(nextAddress(), { cookie: b.cookie }),
      });
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('SESSION_ENDED');
    });

    it('sets the cookie to expire with the session, not later', async () => {
      const { setCookie, sessionId } = await signIn('dpo');
      const [row] = await t.db.query('SELECT expires_at FROM auth_sessions WHERE id = $1', [
        sessionId,
      ]);
      const expires = /Expires=([^;]+)/i.exec(setCookie)![1];
      expect(Math.abs(Date.parse(expires) - new Date(row.expires_at).getTime())).toBeLessThan(1000);
      const hours = (new Date(row.expires_at).getTime() - Date.now()) / 3600_000;
      expect(hours).toBeGreaterThan(t.config.SESSION_TTL_HOURS - 0.1);
      expect(hours).toBeLessThanOrEqual(t.config.SESSION_TTL_HOURS);
    });
  });

  describe('the signed consent form upload', () => {
    const PNG = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('fictional scan'),
    ]);
    const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('scan')]);
    const PDF = Buffer.from('%PDF-1.4\n% fictional signed form\n%%EOF\n');
    const body = (mime: string, content: Buffer | string) => ({
      recipientType: 'ORGANISATION',
      recipientOrganisationId: DEMO_ORGS.uwv.id,
      purpose: 'IPS_TRAJECT',
      categories: ['WORK_CAPACITY_SUMMARY'],
      situation: 'REGULAR',
      signedForm: {
        mime,
        base64: typeof content === 'string' ? content : content.toString('base64'),
      },
    });
    const consentCount = async () =>
      (
        await t.db.query('SELECT count(*)::int AS n FROM consents WHERE client_id = $1', [
          monique.id,
        ])
      )[0].n as number;
    const record = async (payload: unknown) =>
      t.request('POST', `/api/v1/clients/${monique.id}/consents`, {
        token: await t.tokenFor('keyworker'),
        body: payload,
      });

    it('accepts a real PNG, JPEG and PDF scan', async () => {
      for (const [mime, content] of [
        ['image/png', PNG],
        ['image/jpeg', JPEG],
        ['application/pdf', PDF],
      ] as const) {
        const res = await record(body(mime, content));
        expect(res.status).toBe(201);
        await t.request('POST', `/api/v1/clients/${monique.id}/consents/${res.body.id}/revoke`, {
          token: await t.tokenFor('keyworker'),
          body: {},
        });
      }
    });

    it('refuses content whose bytes do not match the declared type (415), writing nothing', async () => {
      const before = await consentCount();
      for (const [mime, content] of [
        ['application/pdf', PNG],
        ['image/png', PDF],
        ['image/jpeg', Buffer.from('MZ\x90\x00 executable')],
        ['application/pdf', Buffer.from('<svg onload="alert(1)"></svg>')],
      ] as const) {
        const res = await record(body(mime, content));
        expect(res.status).toBe(415);
        expect(res.body.message).toMatch(/not a valid .* file/);
      }
      expect(await consentCount()).toBe(before);
    });

    it('refuses an undeclared type and non-base64 content with a 400 naming the field, writing nothing', async () => {
      const before = await consentCount();
      const svg = await record(body('image/svg+xml', PNG));
      expect(svg.status).toBe(400);
      expect(JSON.stringify(svg.body)).toMatch(/signedForm\.mime/);
      const garbage = await record(body('image/png', '***not base64***'));
      expect(garbage.status).toBe(400);
      expect(JSON.stringify(garbage.body)).toMatch(/signedForm\.base64/);
      expect(await consentCount()).toBe(before);
    });

    it('refuses a form over 2 MB (413 or 400 naming the field), and a body over 4 MB with 413, writing nothing', async () => {
      const before = await consentCount();
      // Just over 2 MB of real PNG content: passes the length check of the DTO, fails the size check.
      const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024 - PNG.length + 1)]);
      const tooBig = await record(body('image/png', big));
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.message).toMatch(/larger than 2 MB/);
      const longer = await record(body('image/png', Buffer.alloc(2_200_000)));
      expect(longer.status).toBe(400);
      expect(JSON.stringify(longer.body)).toMatch(/signedForm/);
      const huge = await record(body('image/png', Buffer.alloc(5 * 1024 * 1024)));
      expect(huge.status).toBe(413);
      expect(await consentCount()).toBe(before);
    });
  });
});
