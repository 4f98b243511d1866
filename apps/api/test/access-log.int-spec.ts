import { Client } from 'pg';
import { DEMO_ORGS, demoClients, demoUser, moniqueNotes, stableId } from '@tandem/api-data-access';
import { endpointPolicies } from '../src/app/endpoint-policy';
import { AccessLogService } from '@tandem/api-audit';
import { createTestApp, dbUrl, TestApp } from './harness';

describe('NEN 7513 access log', () => {
  let t: TestApp;
  const monique = demoClients().find((c) => c.key === 'monique')!;
  const noteId = moniqueNotes(monique.id)[0].id;
  const consentId = stableId('consent:monique:casusoverleg');

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const entriesFor = async (userKey: string) =>
    (
      await t.db.query('SELECT count(*)::int AS n FROM access_log WHERE user_id = $1', [
        demoUser(userKey).id,
      ])
    )[0].n as number;

  it('every route that touches client data writes an entry, for allowed and for refused attempts', async () => {
    const routes = endpointPolicies(t.app).filter((e) => e.policy);
    expect(routes.length).toBeGreaterThan(15);
    const fill = (path: string) =>
      path
        .replace(':clientId', monique.id)
        .replace(':noteId', noteId)
        .replace(':consentId', consentId)
        .replace(':domain', 'PARTICIPATION')
        .replace(':itemId', '00000000-0000-4000-8000-000000000001')
        .replace(':userId', '00000000-0000-4000-8000-000000000002')
        .replace(':id', '00000000-0000-4000-8000-000000000000');
    const report: string[] = [];
    for (const route of routes) {
      for (const user of ['keyworker', 'klantmanager', 'monique']) {
        const token = await t.tokenFor(user);
        const before = await entriesFor(user);
        const query = route.path.endsWith('consent-options')
          ? `?recipientOrganisationId=${DEMO_ORGS.gemeente.id}`
          : '';
        const res = await t.request(route.method, fill(route.path) + query, {
          token,
          body: route.method === 'GET' ? undefined : {},
        });
        const after = await entriesFor(user);
        const [last] = await t.db.query(
          'SELECT outcome, channel, route, ip, session_id FROM access_log WHERE user_id = $1 ORDER BY id DESC LIMIT 1',
          [demoUser(user).id],
        );
        const expectedOutcome = res.status < 400 ? 'ALLOWED' : 'DENIED';
        if (
          after <= before ||
          last.outcome !== expectedOutcome ||
          last.channel !== 'HTTP' ||
          !last.route ||
          !last.session_id
        ) {
          report.push(
            `${route.method} ${route.path} as ${user}: status ${res.status}, entries ${before}→${after}, last ${JSON.stringify(last)}`,
          );
        }
      }
    }
    expect(report).toEqual([]);
  });

  it('records who, on whose file, what, when, the basis and where from', async () => {
    const token = await t.tokenFor('ips');
    await t.request('GET', `/api/v1/clients/${monique.id}/notes?domain=PARTICIPATION`, {
      token,
      headers: { 'user-agent': 'TestBrowser/1.0' },
    });
    const [entry] = await t.db.query(
      'SELECT * FROM access_log WHERE user_id = $1 ORDER BY id DESC LIMIT 1',
      [demoUser('ips').id],
    );
    expect(entry).toMatchObject({
      user_role: 'IPS_TRAJECTBEGELEIDER',
      organisation_id: DEMO_ORGS.ggz.id,
      client_id: monique.id,
      object_type: 'Note',
      action: 'READ',
      outcome: 'ALLOWED',
      basis: 'WORK_RELATIONSHIP',
      channel: 'HTTP',
      route: '/api/v1/clients/:clientId/notes',
      user_agent: 'TestBrowser/1.0',
    });
    expect(entry.ip).toBeTruthy();
    expect(entry.details.noteIds.length).toBeGreaterThan(0);
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets the data-protection officer view by client, by user and by period, and logs that reading', async () => {
    const token = await t.tokenFor('dpo');
    const before = await entriesFor('dpo');
    const byClient = await t.request(
      'GET',
      `/api/v1/access-log?clientId=${monique.id}&pageSize=500`,
      { token },
    );
    expect(byClient.status).toBe(200);
    expect(byClient.body.total).toBeGreaterThan(0);
    expect(
      byClient.body.items.every(
        (e: { clientId: string | null; clientIds: string[] }) =>
          e.clientId === monique.id || e.clientIds.includes(monique.id),
      ),
    ).toBe(true);
    const byUser = await t.request(
      'GET',
      `/api/v1/access-log?userId=${demoUser('klantmanager').id}`,
      { token },
    );
    expect(
      byUser.body.items.every((e: { userId: string }) => e.userId === demoUser('klantmanager').id),
    ).toBe(true);
    const future = await t.request('GET', '/api/v1/access-log?from=2099-01-01', { token });
    expect(future.body.total).toBe(0);
    const bad = await t.request('GET', '/api/v1/access-log?from=yesterday', { token });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('from');
    expect(await entriesFor('dpo')).toBe(before + 4);
    const [own] = await t.db.query(
      "SELECT action, object_type FROM access_log WHERE user_id = $1 AND outcome = 'ALLOWED' ORDER BY id DESC LIMIT 1",
      [demoUser('dpo').id],
    );
    expect(own).toEqual({ action: 'LOG_READ', object_type: 'AccessLog' });

    const csv = await t.request('GET', `/api/v1/access-log/export?clientId=${monique.id}`, {
      token,
    });
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toMatch(/text\/csv/);
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toMatch(/^id,at,userName/);
    expect(lines.length).toBeGreaterThan(2);
    const [exported] = await t.db.query(
      'SELECT action FROM access_log WHERE user_id = $1 ORDER BY id DESC LIMIT 1',
      [demoUser('dpo').id],
    );
    expect(exported.action).toBe('EXPORT');
  });

  it('shows others nothing of the log; the client sees who looked at her own file', async () => {
    const km = await t.request('GET', '/api/v1/access-log', {
      token: await t.tokenFor('klantmanager'),
    });
    expect(km.body.total).toBe(0);
    expect(
      (await t.request('GET', '/api/v1/access-log/verify', { token: await t.tokenFor('regie') }))
        .status,
    ).toBe(403);
    const mine = await t.request('GET', '/api/v1/me/access-log?pageSize=500', {
      token: await t.tokenFor('monique'),
    });
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThan(0);
    const names = new Set(mine.body.items.map((e: { userName: string }) => e.userName));
    expect(names).toContain('Daan Mulder');
    expect(
      mine.body.items.every(
        (e: { clientId: string | null; clientIds: string[] }) =>
          e.clientId === monique.id || e.clientIds.includes(monique.id),
      ),
    ).toBe(true);
  });

  it('cannot be changed or deleted by the application role, nor by triggers-on superusers', async () => {
    const admin = new Client({ connectionString: t.url });
    await admin.connect();
    try {
      await expect(
        admin.query("SET ROLE tandem_app; UPDATE access_log SET basis = 'CONSENT'"),
      ).rejects.toThrow(/permission denied/);
      await admin.query('RESET ROLE');
      await expect(admin.query('SET ROLE tandem_app; DELETE FROM access_log')).rejects.toThrow(
        /permission denied/,
      );
      await admin.query('RESET ROLE');
      await expect(admin.query('SET ROLE tandem_app; DELETE FROM notes')).rejects.toThrow(
        /permission denied/,
      );
      await admin.query('RESET ROLE');
      await expect(admin.query("UPDATE access_log SET basis = 'CONSENT'")).rejects.toThrow(
        /not allowed/,
      );
      await expect(admin.query('DELETE FROM access_log')).rejects.toThrow(/not allowed/);
      await expect(admin.query('TRUNCATE access_log')).rejects.toThrow(/not allowed/);
    } finally {
      await admin.end();
    }
  });

  it('many simultaneous requests: every entry is written (group commit) and the chain stays intact', async () => {
    const token = await t.tokenFor('psychiater');
    const read = () => t.request('GET', `/api/v1/clients/${monique.id}`, { token });
    const before = await entriesFor('psychiater');
    expect((await read()).status).toBe(200);
    const perRequest = (await entriesFor('psychiater')) - before;
    expect(perRequest).toBeGreaterThan(0);
    const results = await Promise.all(Array.from({ length: 40 }, read));
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(200));
    // Each request answered only after its entry was committed: all of them are there now.
    expect(await entriesFor('psychiater')).toBe(before + 41 * perRequest);
    const verify = await t.request('GET', '/api/v1/access-log/verify', {
      token: await t.tokenFor('dpo'),
    });
    expect(verify.body).toMatchObject({ ok: true, firstBrokenId: null });
  });

  it('one entry that cannot be stored fails only its own request, not the others written with it', async () => {
    const log = t.app.get(AccessLogService);
    const write = (objectId: string, action: string) =>
      log.write(
        null,
        'ALLOWED',
        [{ objectType: 'GroupCommitProbe', objectId, action: action as 'READ', basis: 'NONE' }],
        { channel: 'SYSTEM' },
      );
    const results = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, i) => write(`ok-${i}`, 'READ')),
      write('bad', 'NOT_AN_ACTION'), // refused by the table's CHECK constraint
      ...Array.from({ length: 20 }, (_, i) => write(`ok-${20 + i}`, 'READ')),
    ]);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(results[20].status).toBe('rejected');
    const rows = await t.db.query(
      "SELECT object_id FROM access_log WHERE object_type = 'GroupCommitProbe' ORDER BY id",
    );
    expect(rows).toHaveLength(40);
    expect(rows.map((r: { object_id: string }) => r.object_id)).not.toContain('bad');
  });

  it('keeps the index of entries per client exactly in step with the log', async () => {
    // Entries about one client and about a list of clients (the caseload), written alone and by
    // group commit, are all there by now: one index row per client and entry, nothing else.
    const [{ missing, extra, listed }] = await t.db.query(`
      WITH expected AS (
        SELECT DISTINCT c AS client_id, l.id AS log_id FROM access_log l
        CROSS JOIN LATERAL unnest(array_append(coalesce(l.client_ids, '{}'), l.client_id)) AS c
        WHERE c IS NOT NULL)
      SELECT (SELECT count(*)::int FROM (SELECT * FROM expected EXCEPT SELECT client_id, log_id FROM access_log_clients) m) AS missing,
             (SELECT count(*)::int FROM (SELECT client_id, log_id FROM access_log_clients EXCEPT SELECT * FROM expected) e) AS extra,
             (SELECT count(*)::int FROM access_log WHERE cardinality(client_ids) > 1) AS listed`);
    expect(listed).toBeGreaterThan(0);
    expect({ missing, extra }).toEqual({ missing: 0, extra: 0 });
  });

  it('pages the client’s own log through the index: every entry about her, newest first, once', async () => {
    const token = await t.tokenFor('monique');
    // List reads that name her among other clients, and reads of her file.
    const keyworker = await t.tokenFor('keyworker');
    const regie = await t.tokenFor('regie');
    for (let i = 0; i < 8; i++) {
      expect((await t.request('GET', '/api/v1/caseload?q=Dam', { token: keyworker })).status).toBe(
        200,
      );
      await t.request('GET', `/api/v1/clients/${monique.id}`, { token: regie });
    }
    // Each page against the log as it was just before that request (each read of her log is
    // itself an entry about her, written after the page was read).
    const aboutHer = async () =>
      (
        await t.db.query(
          `SELECT l.id::text AS id FROM access_log l
           WHERE l.client_id = $1 OR l.client_ids @> ARRAY[$1::uuid] ORDER BY l.id DESC`,
          [monique.id],
        )
      ).map((r: { id: string }) => r.id) as string[];
    const page = async (n: number, extra = '') =>
      (await t.request('GET', `/api/v1/me/access-log?pageSize=7&page=${n}${extra}`, { token }))
        .body as { total: number; items: { id: string; clientIds: string[] }[] };
    let listed = 0;
    for (const n of [1, 2, 3]) {
      const before = await aboutHer();
      expect(before.length).toBeGreaterThan(14);
      const got = await page(n);
      expect(got.items.map((e) => e.id)).toEqual(before.slice((n - 1) * 7, n * 7));
      expect(got.total).toBe(before.length);
      listed += got.items.filter((e) => e.clientIds.includes(monique.id)).length;
    }
    expect(listed).toBeGreaterThan(0); // entries of list reads that named her among others

    // With a filter the same entries come through the general path.
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const recent = (
      await t.db.query(
        `SELECT l.id::text AS id FROM access_log l
         WHERE (l.client_id = $1 OR l.client_ids @> ARRAY[$1::uuid]) AND l.at >= $2
         ORDER BY l.id DESC`,
        [monique.id, from],
      )
    ).map((r: { id: string }) => r.id);
    const filtered = await page(1, `&from=${encodeURIComponent(from)}`);
    expect(filtered.items.map((e) => e.id)).toEqual(recent.slice(0, 7));
    expect(filtered.total).toBe(recent.length);
  });

  it('the index of entries per client cannot be changed or emptied either', async () => {
    const admin = new Client({ connectionString: t.url });
    await admin.connect();
    try {
      const [{ n }] = (await admin.query('SELECT count(*)::int AS n FROM access_log_clients')).rows;
      expect(n).toBeGreaterThan(0);
      for (const sql of [
        'UPDATE access_log_clients SET log_id = log_id + 1',
        'DELETE FROM access_log_clients',
        'TRUNCATE access_log_clients',
      ]) {
        await expect(admin.query(`SET ROLE tandem_app; ${sql}`)).rejects.toThrow(
          /permission denied/,
        );
        await admin.query('RESET ROLE');
        await expect(admin.query(sql)).rejects.toThrow(/not allowed/);
      }
      expect(
        (await admin.query('SELECT count(*)::int AS n FROM access_log_clients')).rows[0].n,
      ).toBe(n);
    } finally {
      await admin.end();
    }
  });

  it('verifies the hash chain, and detects a changed row and a removed row', async () => {
    const token = await t.tokenFor('dpo');
    for (let i = 0; i < 12; i++)
      await t.request('GET', `/api/v1/clients/${monique.id}`, {
        token: await t.tokenFor('keyworker'),
      });
    const ok = await t.request('GET', '/api/v1/access-log/verify', { token });
    expect(ok.body).toMatchObject({ ok: true, firstBrokenId: null });
    expect(ok.body.entries).toBeGreaterThan(10);

    // A superuser bypasses the triggers and alters one entry.
    const admin = new Client({ connectionString: dbUrl(t.url.split('/').pop()!) });
    await admin.connect();
    try {
      const [{ id, basis }] = (
        await admin.query('SELECT id, basis FROM access_log ORDER BY id LIMIT 1 OFFSET 5')
      ).rows;
      await admin.query('ALTER TABLE access_log DISABLE TRIGGER access_log_append_only');
      await admin.query("UPDATE access_log SET basis = 'CONSENT' WHERE id = $1", [id]);
      await admin.query('ALTER TABLE access_log ENABLE TRIGGER access_log_append_only');
      const tampered = await t.request('GET', '/api/v1/access-log/verify', { token });
      expect(tampered.body).toMatchObject({
        ok: false,
        firstBrokenId: String(id),
        problem: expect.stringMatching(/changed/),
      });

      await admin.query('ALTER TABLE access_log DISABLE TRIGGER access_log_append_only');
      await admin.query('UPDATE access_log SET basis = $2 WHERE id = $1', [id, basis]);
      await admin.query('ALTER TABLE access_log ENABLE TRIGGER access_log_append_only');
      expect((await t.request('GET', '/api/v1/access-log/verify', { token })).body.ok).toBe(true);

      const [{ id: victim }] = (
        await admin.query('SELECT id FROM access_log ORDER BY id LIMIT 1 OFFSET 8')
      ).rows;
      await admin.query('ALTER TABLE access_log DISABLE TRIGGER access_log_append_only');
      await admin.query('DELETE FROM access_log WHERE id = $1', [victim]);
      await admin.query('ALTER TABLE access_log ENABLE TRIGGER access_log_append_only');
      const removed = await t.request('GET', '/api/v1/access-log/verify', { token });
      expect(removed.body).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/removed or inserted/),
      });
    } finally {
      await admin.end();
    }
  });
});
