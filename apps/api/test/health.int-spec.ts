import { Client } from 'pg';
import { createTestApp, dbUrl, TestApp } from './harness';

describe('health and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness without signing in', async () => {
    expect(await t.request('GET', '/api/health')).toMatchObject({
      status: 200,
      body: { status: 'ok' },
    });
    expect(await t.request('GET', '/api/ready')).toMatchObject({
      status: 200,
      body: { status: 'ready' },
    });
  });

  it('reports not-ready (503) while the database refuses connections, and ready again afterwards', async () => {
    const name = t.url.split('/').pop()!;
    const admin = new Client({ connectionString: dbUrl('postgres') });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      const down = await t.request('GET', '/api/ready');
      expect(down.status).toBe(503);
      expect(down.body.code).toBe('NOT_READY');
      expect((await t.request('GET', '/api/health')).status).toBe(200);
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    await t.db.query('SELECT 1').catch(() => undefined); // let the test's own pool reconnect
    expect((await t.request('GET', '/api/ready')).status).toBe(200);
  });

  it('serves the OpenAPI document and the docs UI without signing in', async () => {
    const json = await t.request('GET', '/api/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(json.body.paths['/api/v1/auth/login']).toBeDefined();
    expect((await t.request('GET', '/api/docs')).status).toBe(200);
  });

  it('sends security headers', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('tells browsers and proxies not to keep any answer of the API (personal data)', async () => {
    const token = await t.tokenFor('keyworker');
    for (const [path, status] of [
      ['/api/v1/caseload', 200],
      ['/api/v1/clients/00000000-0000-4000-8000-000000000000', 404],
      ['/api/v1/no-such-route', 404],
    ] as const) {
      const res = await t.request('GET', path, { token });
      expect(res.status).toBe(status);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers malformed JSON with a 400 that says so, not a 500', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', {
      body: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/JSON/);
  });
});
