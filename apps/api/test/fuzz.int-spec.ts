import fc from 'fast-check';
import { demoClients, moniqueNotes, stableId } from '@tandem/api-data-access';
import { endpointPolicies } from '../src/app/endpoint-policy';
import { createTestApp, TestApp } from './harness';

/**
 * Bad input on every write endpoint: wrong types, huge strings, unknown fields, invalid dates, ids
 * of other clients, injection attempts and malformed JSON. Always a 4xx that names the problem,
 * never a 500, and nothing stored.
 */
describe('bad input on every write endpoint', () => {
  let t: TestApp;
  const clients = demoClients();
  const monique = clients.find((c) => c.key === 'monique')!;
  const zuid = clients.find((c) => c.key === 'client-60')!;
  const noteId = moniqueNotes(monique.id)[0].id;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const fingerprint = async () =>
    (
      await t.db.query(`SELECT
        (SELECT count(*) FROM notes) AS notes, (SELECT count(*) FROM note_revisions) AS revisions,
        (SELECT count(*) FROM consents) AS consents, (SELECT count(*) FROM consent_events) AS consent_events,
        (SELECT count(*) FROM plans) AS plans, (SELECT coalesce(sum(version), 0) FROM plans) AS plan_versions,
        (SELECT sum(version) FROM clients) AS client_versions, (SELECT count(*) FROM emergency_access) AS emergencies,
        (SELECT count(*) FROM sharing_agreements) AS agreements`)
    )[0];

  const nasty = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom(
      "'; DROP TABLE notes; --",
      '<script>alert(1)</script>',
      '../../etc/passwd',
      '\u0000',
      '{{7*7}}',
      '${jndi:ldap://x}',
      '1 OR 1=1',
    ),
    fc.string({ minLength: 20_001, maxLength: 30_000 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('2026-02-30', '2026-13-01', 'yesterday', '0000-00-00', '99999-01-01'),
    fc.constantFrom(zuid.id, '00000000-0000-0000-0000-000000000000', 'not-a-uuid'),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  );
  const FIELDS = [
    'domain',
    'title',
    'body',
    'contactOn',
    'version',
    'onBoard',
    'boardReason',
    'nextContactOn',
    'teamId',
    'summary',
    'goals',
    'reason',
    'validUntil',
    'recipientType',
    'recipientOrganisationId',
    'purpose',
    'categories',
    'situation',
    'signedForm',
    'lastName',
    'dateOfBirth',
    'email',
    'password',
    'name',
    'partyIds',
    '__proto__',
    'constructor',
    'isAdmin',
  ];
  const bodyArb = fc.oneof(
    fc.dictionary(fc.constantFrom(...FIELDS), nasty, { maxKeys: 8 }),
    fc.array(nasty, { maxLength: 3 }),
    nasty,
  );

  const fill = (path: string) =>
    path
      .replace(':clientId', monique.id)
      .replace(':noteId', noteId)
      .replace(':consentId', stableId('consent:monique:casusoverleg'))
      .replace(':domain', 'PARTICIPATION')
      .replace(':id', '00000000-0000-4000-8000-000000000000');

  it('answers random bodies with a 4xx naming the problem, never a 500, and stores nothing', async () => {
    const writes = endpointPolicies(t.app).filter(
      (e) => ['POST', 'PUT', 'PATCH'].includes(e.method) && !e.path.startsWith('/api/v1/auth'),
    );
    expect(writes.length).toBeGreaterThan(10);
    const token = await t.tokenFor('keyworker');
    for (const endpoint of writes) {
      await fc.assert(
        fc.asyncProperty(bodyArb, async (body) => {
          const before = await fingerprint();
          const res = await t.request(endpoint.method, fill(endpoint.path), {
            token,
            body: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          });
          const context = {
            endpoint: `${endpoint.method} ${endpoint.path}`,
            status: res.status,
            body: res.body,
          };
          expect(context.status).toBeLessThan(500);
          if (res.status >= 400) {
            expect(typeof res.body.message).toBe('string');
            expect(res.body.message.length).toBeGreaterThan(5);
            expect(await fingerprint()).toEqual(before);
          }
        }),
        { numRuns: 25 },
      );
    }
    // 25 bodies for each of the (growing number of) write endpoints, on a shared machine.
  }, 180_000);

  it('answers malformed JSON and wrong content types with 4xx', async () => {
    const token = await t.tokenFor('keyworker');
    for (const payload of ['{', '{"domain": }', 'null', '[1,2', '\u0000\u0001']) {
      const res = await t.request('POST', `/api/v1/clients/${monique.id}/notes`, {
        token,
        body: payload,
        headers: { 'content-type': 'application/json' },
      });
      expect({ payload, status: res.status < 500 && res.status >= 400 }).toEqual({
        payload,
        status: true,
      });
    }
    const xml = await t.request('POST', `/api/v1/clients/${monique.id}/notes`, {
      token,
      body: '<note/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.status).toBe(415);
    const huge = await t.request('POST', `/api/v1/clients/${monique.id}/notes`, {
      token,
      body: JSON.stringify({ body: 'x'.repeat(5 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.status).toBe(413);
  });

  it("refuses to write into another team's client by id (404), leaving nothing behind", async () => {
    const token = await t.tokenFor('keyworker');
    const before = await fingerprint();
    const res = await t.request('POST', `/api/v1/clients/${zuid.id}/notes`, {
      token,
      body: { domain: 'TREATMENT', title: 'x', body: 'y', contactOn: '2026-11-24' },
    });
    expect(res.status).toBe(404);
    expect(await fingerprint()).toEqual(before);
  });
});
