import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA, INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { DiscoveryService } from '@nestjs/core';
import { IdempotencyInterceptor, POLICY_KEY, PolicyDescription } from '@tandem/api-core';
import { DEMO_ORGS, demoClients, demoUser } from '@tandem/api-data-access';
import { createTestApp, TestApp } from './harness';

const PDF = Buffer.from('%PDF-1.4\n% fictional signed consent form\n%%EOF\n').toString('base64');

/** Idempotency-Key on create endpoints: a retry returns the first response and creates nothing. */
describe('idempotency keys on create endpoints', () => {
  let t: TestApp;
  const monique = demoClients().find((c) => c.key === 'monique')!;
  const notesUrl = `/api/v1/clients/${monique.id}/notes`;
  const noteBody = (title: string) => ({
    domain: 'TREATMENT',
    title,
    body: 'Gesprek over dagstructuur en werk.',
    contactOn: '2026-11-20',
  });
  const countNotes = async (title: string) =>
    (await t.db.query('SELECT count(*)::int AS n FROM notes WHERE title = $1', [title]))[0].n;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('a retried note with the same key and body returns the first response and creates one note', async () => {
    const token = await t.tokenFor('keyworker');
    const key = randomUUID();
    const headers = { 'idempotency-key': key };
    const first = await t.request('POST', notesUrl, { token, headers, body: noteBody('Idem 1') });
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    // Same body with its keys in another order: the same request.
    const { domain, title, body, contactOn } = noteBody('Idem 1');
    const retry = await t.request('POST', notesUrl, {
      token,
      headers,
      body: { contactOn, body, title, domain },
    });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await countNotes('Idem 1')).toBe(1);

    // The replay is in the access log as a read of what was created, not as a second creation.
    const log = await t.db.query(
      `SELECT action, outcome, details FROM access_log
       WHERE user_id = $1 AND route = '/api/v1/clients/:clientId/notes' AND action <> 'READ' OR details->>'idempotentReplay' = 'true'
       ORDER BY id`,
      [demoUser('keyworker').id],
    );
    expect(log.filter((e: { action: string }) => e.action === 'CREATE')).toHaveLength(1);
    expect(log.at(-1)).toMatchObject({ action: 'READ', outcome: 'ALLOWED' });
  });

  it('the same key with a different body answers 422 naming the header and creates nothing', async () => {
    const token = await t.tokenFor('keyworker');
    const headers = { 'idempotency-key': randomUUID() };
    expect(
      (await t.request('POST', notesUrl, { token, headers, body: noteBody('Idem 2') })).status,
    ).toBe(201);
    const other = await t.request('POST', notesUrl, { token, headers, body: noteBody('Idem 2b') });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(other.body.errors[0].field).toBe('Idempotency-Key');
    expect(await countNotes('Idem 2b')).toBe(0);
  });

  it('keys are per user: another user with the same key creates their own record', async () => {
    const key = randomUUID();
    const headers = { 'idempotency-key': key };
    const a = await t.request('POST', notesUrl, {
      token: await t.tokenFor('keyworker'),
      headers,
      body: noteBody('Idem 3'),
    });
    const b = await t.request('POST', notesUrl, {
      token: await t.tokenFor('regie'),
      headers,
      body: noteBody('Idem 3'),
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(await countNotes('Idem 3')).toBe(2);
  });

  it('two simultaneous requests with one key create one note; the other waits for or replays it', async () => {
    const token = await t.tokenFor('keyworker');
    const headers = { 'idempotency-key': randomUUID() };
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        t.request('POST', notesUrl, { token, headers, body: noteBody('Idem 4') }),
      ),
    );
    // The later ones wait for the first to commit and then get its response.
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(2);
    expect(await countNotes('Idem 4')).toBe(1);
  });

  it('a refused request releases its key: nothing is stored, nothing created', async () => {
    const key = randomUUID();
    const denied = await t.request('POST', notesUrl, {
      token: await t.tokenFor('klantmanager'),
      headers: { 'idempotency-key': key },
      body: noteBody('Idem 5'),
    });
    expect([403, 404]).toContain(denied.status);
    const invalid = await t.request('POST', notesUrl, {
      token: await t.tokenFor('keyworker'),
      headers: { 'idempotency-key': key },
      body: { ...noteBody('Idem 5'), contactOn: 'gisteren' },
    });
    expect(invalid.status).toBe(400);
    expect(await countNotes('Idem 5')).toBe(0);
    const [{ n }] = await t.db.query(
      'SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1',
      [key],
    );
    expect(n).toBe(0);
    // The key is free again: the corrected request goes through.
    const ok = await t.request('POST', notesUrl, {
      token: await t.tokenFor('keyworker'),
      headers: { 'idempotency-key': key },
      body: noteBody('Idem 5'),
    });
    expect(ok.status).toBe(201);
  });

  it('a write that fails after its record was saved leaves nothing behind; the retry creates it once', async () => {
    // Fault injection in the real database: the access-log entry of this one note fails as if the
    // connection dropped — after the note service's own transaction has completed.
    await t.db.query(`
      CREATE FUNCTION test_fail_note_log() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.outcome = 'ALLOWED' AND NEW.object_type = 'Note' AND EXISTS (
          SELECT 1 FROM notes WHERE id::text = NEW.object_id::text AND title = 'Idem atomic') THEN
          RAISE EXCEPTION 'simulated connection loss' USING ERRCODE = '57P01';
        END IF;
        RETURN NEW;
      END $$`);
    await t.db.query(
      'CREATE TRIGGER test_fail_note_log BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION test_fail_note_log()',
    );
    const token = await t.tokenFor('keyworker');
    const key = randomUUID();
    const headers = { 'idempotency-key': key };
    try {
      const failed = await t.request('POST', notesUrl, {
        token,
        headers,
        body: noteBody('Idem atomic'),
      });
      expect(failed.status).toBe(503);
      expect(failed.body.code).toBe('DATABASE_UNAVAILABLE');
      // The note, its revision and the key were rolled back with the failed log entry.
      expect(await countNotes('Idem atomic')).toBe(0);
      const [{ keys }] = await t.db.query(
        'SELECT count(*)::int AS keys FROM idempotency_keys WHERE key = $1',
        [key],
      );
      expect(keys).toBe(0);
      // The refusal itself is logged (after the rollback, on its own).
      const [denied] = await t.db.query(
        `SELECT outcome, details FROM access_log
         WHERE user_id = $1 AND route = '/api/v1/clients/:clientId/notes' ORDER BY id DESC LIMIT 1`,
        [demoUser('keyworker').id],
      );
      expect(denied).toMatchObject({ outcome: 'DENIED', details: { status: 503 } });
    } finally {
      await t.db.query('DROP TRIGGER test_fail_note_log ON access_log');
      await t.db.query('DROP FUNCTION test_fail_note_log()');
    }
    // The client retries with the same key once the database is back: exactly one note.
    const retry = await t.request('POST', notesUrl, {
      token,
      headers,
      body: noteBody('Idem atomic'),
    });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    const again = await t.request('POST', notesUrl, {
      token,
      headers,
      body: noteBody('Idem atomic'),
    });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(retry.body.id);
    expect(await countNotes('Idem atomic')).toBe(1);
    const [{ logged }] = await t.db.query(
      `SELECT count(*)::int AS logged FROM access_log
       WHERE object_type = 'Note' AND object_id::text = $1 AND action = 'CREATE' AND outcome = 'ALLOWED'`,
      [retry.body.id],
    );
    expect(logged).toBe(1);
  });

  it('a key expires after 24 hours: a retry after that creates a new record', async () => {
    const token = await t.tokenFor('keyworker');
    const key = randomUUID();
    const headers = { 'idempotency-key': key };
    const first = await t.request('POST', notesUrl, { token, headers, body: noteBody('Idem 6') });
    const [{ hours }] = await t.db.query(
      `SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours
       FROM idempotency_keys WHERE key = $1`,
      [key],
    );
    expect(hours).toBe(24);
    await t.db.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`,
      [key],
    );
    const later = await t.request('POST', notesUrl, { token, headers, body: noteBody('Idem 6') });
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
    expect(await countNotes('Idem 6')).toBe(2);
  });

  it('a malformed key answers 400 naming the header', async () => {
    const res = await t.request('POST', notesUrl, {
      token: await t.tokenFor('keyworker'),
      headers: { 'idempotency-key': 'x'.repeat(201) },
      body: noteBody('Idem 7'),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'Idempotency-Key' });
    expect(await countNotes('Idem 7')).toBe(0);
  });

  it('works on other create endpoints too (recording a consent)', async () => {
    const token = await t.tokenFor('keyworker');
    const countConsents = async () =>
      (
        await t.db.query('SELECT count(*)::int AS n FROM consents WHERE client_id = $1', [
          monique.id,
        ])
      )[0].n;
    const before = await countConsents();
    const headers = { 'idempotency-key': randomUUID() };
    const body = {
      recipientType: 'ORGANISATION',
      recipientOrganisationId: DEMO_ORGS.gemeente.id,
      purpose: 'IPS_TRAJECT',
      categories: ['WORK_CAPACITY_SUMMARY'],
      situation: 'REGULAR',
      signedForm: { mime: 'application/pdf', base64: PDF },
    };
    const url = `/api/v1/clients/${monique.id}/consents`;
    const first = await t.request('POST', url, { token, headers, body });
    const retry = await t.request('POST', url, { token, headers, body });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await countConsents()).toBe(before + 1);
  });

  it('every POST route whose policy is "create" accepts an Idempotency-Key', () => {
    const discovery = t.app.get(DiscoveryService);
    const missing: string[] = [];
    let checked = 0;
    for (const wrapper of discovery.getControllers()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!type?.prototype) continue;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        if (Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.POST) continue;
        const policy = Reflect.getMetadata(POLICY_KEY, handler) as PolicyDescription | undefined;
        if (policy?.action !== 'create') continue;
        checked++;
        const interceptors = (Reflect.getMetadata(INTERCEPTORS_METADATA, handler) ??
          []) as unknown[];
        if (!interceptors.includes(IdempotencyInterceptor))
          missing.push(`${type.name}.${name} (${Reflect.getMetadata(PATH_METADATA, handler)})`);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
