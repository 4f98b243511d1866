import { MATRIX_CLIENT_KEYS, PERMISSION_MATRIX } from '@tandem/ability/testing';
import { DEMO_ORGS, demoClients, demoUser } from '@tandem/api-data-access';
import { ALL_RECORD_DOMAINS, RecordDomain } from '@tandem/domain';
import { createTestApp, TestApp } from './harness';

/**
 * The declared permission matrix, over HTTP against a real PostgreSQL: allowed and denied reads,
 * allowed and denied writes, hidden records answering 404, and no side effect of a denied write.
 */
describe('permission matrix over HTTP', () => {
  let t: TestApp;
  const clients = demoClients();
  const fixtureNotes = new Map<string, string>(); // `${clientKey}:${org}:${domain}` -> note id

  const insertNote = async (
    clientId: string,
    domain: RecordDomain,
    authorId: string,
    organisationId: string,
  ) => {
    const [{ id }] = await t.db.query(
      `INSERT INTO notes (client_id, domain, author_id, organisation_id, contact_on, title, body) VALUES ($1, $2, $3, $4, '2026-11-01', 'Matrix fixture', 'Fictional text') RETURNING id`,
      [clientId, domain, authorId, organisationId],
    );
    return id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    for (const [matrixClient, key] of Object.entries(MATRIX_CLIENT_KEYS)) {
      const client = clients.find((c) => c.key === key)!;
      const careAuthor = demoUser(matrixClient === 'zuid' ? 'zuid-regie' : 'regie');
      for (const domain of ALL_RECORD_DOMAINS) {
        fixtureNotes.set(
          `${matrixClient}:ggz:${domain}`,
          await insertNote(client.id, domain, careAuthor.id, DEMO_ORGS.ggz.id),
        );
      }
    }
    for (const row of PERMISSION_MATRIX.filter((r) => r.authorOrg === 'own')) {
      const actor = demoUser(row.actor);
      const client = clients.find((c) => c.key === MATRIX_CLIENT_KEYS[row.client])!;
      for (const domain of ALL_RECORD_DOMAINS) {
        fixtureNotes.set(
          `${row.client}:${row.actor}:${domain}`,
          await insertNote(client.id, domain, actor.id, actor.organisationId),
        );
      }
    }
  });
  afterAll(() => t.close());

  const noteCount = async (clientId: string) =>
    (await t.db.query('SELECT count(*)::int AS n FROM notes WHERE client_id = $1', [clientId]))[0]
      .n as number;

  for (const row of PERMISSION_MATRIX) {
    const label = `${row.actor} on ${row.client}${row.authorOrg === 'own' ? " (own organisation's notes)" : ''}`;

    it(`${label}: client ${row.seesClient ? 'visible' : 'answers 404'}`, async () => {
      const client = clients.find((c) => c.key === MATRIX_CLIENT_KEYS[row.client])!;
      const token = await t.tokenFor(row.actor);
      const res = await t.request('GET', `/api/v1/clients/${client.id}`, { token });
      expect(res.status).toBe(row.seesClient ? 200 : 404);
      const list = await t.request('GET', `/api/v1/clients/${client.id}/notes`, { token });
      expect(list.status).toBe(row.seesClient ? 200 : 404);
      if (!row.seesClient) expect(JSON.stringify(list.body)).not.toContain('Matrix fixture');
    });

    for (const domain of ALL_RECORD_DOMAINS) {
      const mayRead = row.read.includes(domain);
      const mayWrite = row.create.includes(domain);
      it(`${label}: ${domain} read ${mayRead ? 'allowed' : 'denied'}, write ${mayWrite ? 'allowed' : 'denied'}`, async () => {
        const client = clients.find((c) => c.key === MATRIX_CLIENT_KEYS[row.client])!;
        const token = await t.tokenFor(row.actor);
        const noteId = fixtureNotes.get(
          `${row.client}:${row.authorOrg === 'own' ? row.actor : 'ggz'}:${domain}`,
        )!;

        const single = await t.request('GET', `/api/v1/clients/${client.id}/notes/${noteId}`, {
          token,
        });
        expect(single.status).toBe(mayRead ? 200 : 404);
        if (!mayRead) expect(JSON.stringify(single.body)).not.toContain('Fictional text');

        if (row.seesClient) {
          const list = await t.request(
            'GET',
            `/api/v1/clients/${client.id}/notes?domain=${domain}&pageSize=100`,
            { token },
          );
          expect(list.status).toBe(200);
          const ids = list.body.items.map((n: { id: string }) => n.id);
          expect(ids.includes(noteId)).toBe(mayRead);
          expect(list.body.total).toBe(list.body.items.length);
          if (!row.read.includes(domain))
            expect(list.body.items.every((n: { domain: string }) => n.domain === domain)).toBe(
              true,
            );
        }

        const before = await noteCount(client.id);
        const write = await t.request('POST', `/api/v1/clients/${client.id}/notes`, {
          token,
          body: {
            domain,
            title: 'Matrix write',
            body: 'Fictional text written in the matrix test',
            contactOn: '2026-11-20',
          },
        });
        expect(write.status).toBe(mayWrite ? 201 : row.seesClient ? 403 : 404);
        expect(await noteCount(client.id)).toBe(before + (mayWrite ? 1 : 0));
      });
    }
  }
});
