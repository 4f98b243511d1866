import { hashPassword } from '@tandem/api-core';
import { DEMO_PASSWORD, demoClients, demoUser } from '@tandem/api-data-access';
import { createTestApp, TestApp } from './harness';

const PDF = Buffer.from('%PDF-1.4\n% fictional letter from the GP\n%%EOF\n');
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('passport: documents a client shares herself', () => {
  let t: TestApp;
  const monique = demoClients().find((c) => c.key === 'monique')!;
  const other = demoClients().find((c) => c.key === 'client-20')!;
  const km = demoUser('klantmanager');
  let otherClientToken: string;

  const share = async (overrides: Record<string, unknown> = {}, token?: string) =>
    t.request('POST', '/api/v1/me/documents', {
      token: token ?? (await t.tokenFor('monique')),
      body: {
        title: 'Brief van mijn huisarts',
        fileName: 'brief-huisarts.pdf',
        mime: 'application/pdf',
        base64: PDF.toString('base64'),
        recipientUserId: km.id,
        purpose: 'UITKERING',
        validUntil: inDays(90),
        ...overrides,
      },
    });
  const documentCount = async () =>
    (await t.db.query('SELECT count(*)::int AS n FROM client_documents'))[0].n as number;
  const sharedWith = async (userKey: string, id: string) =>
    t.request('GET', `/api/v1/clients/${monique.id}/shared-documents/${id}/content`, {
      token: await t.tokenFor(userKey),
    });

  beforeAll(async () => {
    t = await createTestApp();
    // A second client with her own passport account: she must not reach Monique's documents.
    await t.db.query(
      `INSERT INTO users (organisation_id, email, display_name, password_hash, roles, client_id)
       VALUES ($1, 'client20@client.example', 'Cliënt Twintig', $2, '{CLIENT}', $3)`,
      [demoUser('monique').organisationId, await hashPassword(DEMO_PASSWORD), other.id],
    );
    const login = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'client20@client.example', password: DEMO_PASSWORD },
    });
    expect(login.status).toBe(200);
    otherClientToken = login.body.accessToken;
  });
  afterAll(() => t.close());

  it('Monique can choose among the people who work with her, nobody else', async () => {
    const res = await t.request('GET', '/api/v1/me/documents/recipients', {
      token: await t.tokenFor('monique'),
    });
    expect(res.status).toBe(200);
    const ids = res.body.map((r: { userId: string }) => r.userId);
    expect(ids).toEqual(expect.arrayContaining([km.id, demoUser('regie').id, demoUser('ips').id]));
    expect(ids).not.toContain(demoUser('zuid-regie').id);
    expect(ids).not.toContain(demoUser('arbeidsdeskundige').id);
  });

  it('shares a letter with the klantmanager: she alone reads it; revoked, she loses it on the next request', async () => {
    const shared = await share();
    expect(shared.status).toBe(201);
    expect(shared.body).toMatchObject({
      title: 'Brief van mijn huisarts',
      recipientName: km.displayName,
      recipientOrganisationName: 'Gemeente Rivierstad',
      purpose: 'UITKERING',
      status: 'ACTIVE',
      sizeBytes: PDF.length,
    });
    const id = shared.body.id as string;

    const list = await t.request('GET', `/api/v1/clients/${monique.id}/shared-documents`, {
      token: await t.tokenFor('klantmanager'),
    });
    expect(list.status).toBe(200);
    expect(list.body.map((d: { id: string }) => d.id)).toEqual([id]);
    const file = await sharedWith('klantmanager', id);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.body).toContain('fictional letter from the GP');
    const [entry] = await t.db.query(
      "SELECT basis, action, client_id FROM access_log WHERE object_id = $1 AND user_id = $2 AND outcome = 'ALLOWED' ORDER BY id DESC LIMIT 1",
      [id, km.id],
    );
    expect(entry).toEqual({ basis: 'CLIENT_SHARED', action: 'READ', client_id: monique.id });

    // Not the care team, not the IPS specialist, not another team: the share names one person.
    for (const key of ['regie', 'ips', 'keyworker']) {
      expect((await sharedWith(key, id)).status).toBe(404);
      const theirs = await t.request('GET', `/api/v1/clients/${monique.id}/shared-documents`, {
        token: await t.tokenFor(key),
      });
      expect(theirs.status).toBe(200);
      expect(theirs.body).toEqual([]);
    }
    expect((await sharedWith('zuid-regie', id)).status).toBe(404);
    expect(
      (
        await t.request('GET', `/api/v1/clients/${monique.id}/shared-documents`, {
          token: await t.tokenFor('zuid-regie'),
        })
      ).status,
    ).toBe(404);

    const revoked = await t.request('POST', `/api/v1/me/documents/${id}/revoke`, {
      token: await t.tokenFor('monique'),
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('REVOKED');
    expect((await sharedWith('klantmanager', id)).status).toBe(404);
    const after = await t.request('GET', `/api/v1/clients/${monique.id}/shared-documents`, {
      token: await t.tokenFor('klantmanager'),
    });
    expect(after.body).toEqual([]);
    const again = await t.request('POST', `/api/v1/me/documents/${id}/revoke`, {
      token: await t.tokenFor('monique'),
    });
    expect(again.status).toBe(409);

    // She still sees her own history and her own file.
    const mine = await t.request('GET', '/api/v1/me/documents', {
      token: await t.tokenFor('monique'),
    });
    expect(mine.body.find((d: { id: string }) => d.id === id).status).toBe('REVOKED');
    const own = await t.request('GET', `/api/v1/me/documents/${id}/content`, {
      token: await t.tokenFor('monique'),
    });
    expect(own.status).toBe(200);
  });

  it('another client cannot reach Monique’s document by any id, and changes nothing', async () => {
    const { body } = await share({ title: 'Verklaring' });
    const id = body.id as string;
    const paths: [string, string][] = [
      ['POST', `/api/v1/me/documents/${id}/revoke`],
      ['GET', `/api/v1/me/documents/${id}/content`],
      ['GET', `/api/v1/clients/${monique.id}/shared-documents`],
      ['GET', `/api/v1/clients/${monique.id}/shared-documents/${id}/content`],
    ];
    for (const [method, path] of paths) {
      const res = await t.request(method, path, { token: otherClientToken });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const mine = await t.request('GET', '/api/v1/me/documents', { token: otherClientToken });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([]);
    const [row] = await t.db.query('SELECT revoked_at FROM client_documents WHERE id = $1', [id]);
    expect(row.revoked_at).toBeNull();
    expect((await sharedWith('klantmanager', id)).status).toBe(200);
  });

  it('the SQL scope of a list and the check on a single document agree, for every state', async () => {
    // Every combination of recipient, revocation and period, for Monique and for another client.
    const period = { current: [-5, 30], past: [-100, -10], future: [5, 30] } as const;
    const made: { id: string; client: string; recipient: string; active: boolean }[] = [];
    for (const client of [monique, other])
      for (const recipient of ['klantmanager', 'ips'])
        for (const revoked of [false, true])
          for (const [name, [from, until]] of Object.entries(period)) {
            const [{ id }] = await t.db.query(
              `INSERT INTO client_documents (client_id, title, file_name, mime, size_bytes, sha256, content,
                 recipient_user_id, recipient_organisation_id, purpose, valid_from, valid_until, shared_by,
                 revoked_at, revoked_by)
               VALUES ($1, $2, 'x.pdf', 'application/pdf', $3, 'x', $4, $5, $6, 'UITKERING',
                 current_date + $7::int, current_date + $8::int, $5, $9, $10) RETURNING id`,
              [
                client.id,
                `${recipient}-${revoked}-${name}`,
                PDF.length,
                PDF,
                demoUser(recipient).id,
                demoUser(recipient).organisationId,
                from,
                until,
                revoked ? new Date() : null,
                revoked ? demoUser(recipient).id : null,
              ],
            );
            made.push({ id, client: client.id, recipient, active: !revoked && name === 'current' });
          }
    for (const user of ['klantmanager', 'ips', 'regie']) {
      for (const client of [monique, other]) {
        const list = await t.request('GET', `/api/v1/clients/${client.id}/shared-documents`, {
          token: await t.tokenFor(user),
        });
        const listed = new Set<string>(
          list.status === 200 ? list.body.map((d: { id: string }) => d.id) : [],
        );
        for (const doc of made.filter((d) => d.client === client.id)) {
          const single = await t.request(
            'GET',
            `/api/v1/clients/${client.id}/shared-documents/${doc.id}/content`,
            { token: await t.tokenFor(user) },
          );
          const expected = doc.recipient === user && doc.active;
          expect({ user, doc, listed: listed.has(doc.id), single: single.status }).toEqual({
            user,
            doc,
            listed: expected,
            single: expected ? 200 : 404,
          });
        }
      }
    }
  });

  it('professionals have no passport: sharing as staff answers 404 and writes nothing', async () => {
    const before = await documentCount();
    const res = await share({}, await t.tokenFor('keyworker'));
    expect(res.status).toBe(404);
    expect(
      (await t.request('GET', '/api/v1/me/documents', { token: await t.tokenFor('keyworker') }))
        .status,
    ).toBe(404);
    expect(await documentCount()).toBe(before);
  });

  it('bad input names the field and leaves nothing behind', async () => {
    const before = await documentCount();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ recipientUserId: demoUser('zuid-regie').id }, 400, 'recipientUserId'],
      [{ validUntil: inDays(-1) }, 400, 'validUntil'],
      [{ validUntil: inDays(800) }, 400, 'validUntil'],
      [{ validUntil: 'soon' }, 400, 'validUntil'],
      [{ purpose: 'ANYTHING' }, 400, 'purpose'],
      [{ title: '' }, 400, 'title'],
      [{ fileName: '../etc/passwd' }, 400, 'fileName'],
      [{ extra: true }, 400, 'extra'],
    ];
    for (const [overrides, status, field] of cases) {
      const res = await share(overrides);
      expect({ field, status: res.status }).toEqual({ field, status });
      expect(JSON.stringify(res.body)).toContain(field);
    }
    const notPdf = await share({ base64: Buffer.from('just text').toString('base64') });
    expect(notPdf.status).toBe(415);
    expect(await documentCount()).toBe(before);
  });
});
