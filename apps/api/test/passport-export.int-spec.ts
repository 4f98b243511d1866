import { hashPassword } from '@tandem/api-core';
import { DEMO_PASSWORD, demoClients, demoUser } from '@tandem/api-data-access';
import { createTestApp, TestApp } from './harness';

type Item = { id: string };
const ids = (items: Item[]) => items.map((i) => i.id).sort();

describe('passport: my data export (JSON and PDF)', () => {
  let t: TestApp;
  const monique = demoClients().find((c) => c.key === 'monique')!;
  const other = demoClients().find((c) => c.key === 'client-20')!;
  let otherToken: string;
  const asMonique = async (path: string) =>
    t.request('GET', path, { token: await t.tokenFor('monique') });

  beforeAll(async () => {
    t = await createTestApp();
    await t.db.query(
      `INSERT INTO users (organisation_id, email, display_name, password_hash, roles, client_id)
       VALUES ($1, 'client20-export@client.example', 'Cliënt Twintig', $2, '{CLIENT}', $3)`,
      [demoUser('monique').organisationId, await hashPassword(DEMO_PASSWORD), other.id],
    );
    const login = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'client20-export@client.example', password: DEMO_PASSWORD },
    });
    otherToken = login.body.accessToken;
  });
  afterAll(() => t.close());

  it('the JSON holds everything the passport screens show her, and nothing they hide', async () => {
    // A document she shared, so the export has one.
    const shared = await t.request('POST', '/api/v1/me/documents', {
      token: await t.tokenFor('monique'),
      body: {
        title: 'Brief van mijn huisarts',
        fileName: 'brief.pdf',
        mime: 'application/pdf',
        base64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
        recipientUserId: demoUser('klantmanager').id,
        purpose: 'UITKERING',
        validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      },
    });
    expect(shared.status).toBe(201);

    // The regiebehandelaar reviews her work goal; Monique comments on it.
    const before = await asMonique(`/api/v1/clients/${monique.id}/ips/work-goals?pageSize=100`);
    const goal = before.body.items[0];
    const review = await t.request(
      'POST',
      `/api/v1/clients/${monique.id}/ips/work-goals/${goal.id}/reviews`,
      {
        token: await t.tokenFor('regie'),
        body: {
          reviewedOn: new Date().toISOString().slice(0, 10),
          assessment: 'ON_TRACK',
          comment: 'Gaat goed op de receptie.',
          version: goal.version,
        },
      },
    );
    expect(review.status).toBeLessThan(300);
    const comment = await t.request(
      'POST',
      `/api/v1/clients/${monique.id}/ips/work-goals/${goal.id}/comments`,
      { token: await t.tokenFor('monique'), body: { text: 'Ik vind het fijn werk.' } },
    );
    expect(comment.status).toBeLessThan(300);

    const proposal = await t.request('POST', '/api/v1/me/goal-proposals', {
      token: await t.tokenFor('monique'),
      body: { text: 'Ik wil ook in de sportschool helpen met lessen.' },
    });
    expect(proposal.status).toBe(201);

    // A three-way meeting with her.
    const three = await t.request('POST', '/api/v1/conferences', {
      token: await t.tokenFor('keyworker'),
      body: {
        teamId: monique.teamId,
        kind: 'THREE_WAY_MEETING',
        title: 'Driegesprek',
        startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        durationMinutes: 45,
        videoUrl: 'https://video.example/driegesprek',
        attendeeIds: [demoUser('monique').id, demoUser('klantmanager').id],
        items: [{ clientId: monique.id }],
      },
    });
    expect({ status: three.status, body: three.body }).toMatchObject({ status: 201 });

    const res = await asMonique('/api/v1/me/export/json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="tandem-mijn-gegevens-/,
    );
    const data = res.body;
    expect(data).toMatchObject({ format: 'tandem-passport-export', version: 1 });
    expect(data.client).toMatchObject({ clientId: monique.id, firstName: 'Monique' });
    expect(data.client.diagnosis).toBeUndefined();
    expect(data.client.boardReason).toBeUndefined();

    // Section by section, the same as the screens' own endpoints.
    const notes = await asMonique(`/api/v1/clients/${monique.id}/notes?pageSize=100`);
    expect(ids(data.notes)).toEqual(ids(notes.body.items));
    expect(data.notes.length).toBeGreaterThan(0);
    for (const note of data.notes)
      expect(note.domain === 'CLIENT' || note.sharedWithClient === true).toBe(true);
    const placements = await asMonique(`/api/v1/clients/${monique.id}/ips/placements?pageSize=100`);
    expect(ids(data.ips.placements)).toEqual(ids(placements.body.items));
    expect(data.ips.placements.length).toBeGreaterThan(0);
    const goals = await asMonique(`/api/v1/clients/${monique.id}/ips/work-goals?pageSize=100`);
    expect(ids(data.ips.workGoals)).toEqual(ids(goals.body.items));
    const reviewers = data.ips.workGoals.flatMap(
      (g: { reviews: { reviewer: { userId: string } }[] }) =>
        g.reviews.map((r) => r.reviewer.userId),
    );
    expect(reviewers).toContain(demoUser('regie').id);
    expect(JSON.stringify(data.ips.workGoals)).toContain('Ik vind het fijn werk.');
    const proposals = await asMonique('/api/v1/me/goal-proposals');
    expect(ids(data.ips.goalProposals)).toEqual(ids(proposals.body));
    expect(data.ips.goalProposals.map((p: { id: string }) => p.id)).toContain(proposal.body.id);
    expect(data.ips.trajectory).toMatchObject({ clientId: monique.id });
    const meetings = await asMonique('/api/v1/conferences?from=2000-01-01&to=2100-12-31');
    expect(ids(data.meetings)).toEqual(ids(meetings.body));
    expect(ids(data.meetings)).toContain(three.body.id);
    const consents = await asMonique('/api/v1/me/consents');
    expect(ids(data.consents)).toEqual(ids(consents.body));
    expect(data.documents.map((d: Item) => d.id)).toEqual([shared.body.id]);
    expect(data.documents[0].content).toBeUndefined();
    const team = await asMonique('/api/v1/me/team');
    expect(data.team).toEqual(team.body);

    // Who looked: names, organisations and bases, without staff IP addresses or sessions.
    expect(data.accessLog.length).toBeGreaterThan(0);
    for (const entry of data.accessLog) {
      expect(Object.keys(entry).sort()).toEqual([
        'action',
        'at',
        'basis',
        'emergency',
        'objectType',
        'organisationName',
        'outcome',
        'userName',
        'userRole',
      ]);
    }
    // The screen "Who looked" shows the same, without staff addresses, browsers or sessions.
    const log = await asMonique('/api/v1/me/access-log?pageSize=500');
    expect(log.body.items.length).toBeGreaterThan(0);
    for (const item of log.body.items)
      expect([item.ip, item.userAgent, item.sessionId]).toEqual([null, null, null]);
    // Nothing of another client.
    expect(JSON.stringify(data)).not.toContain(other.id);

    const [entry] = await t.db.query(
      "SELECT action, basis, client_id, details FROM access_log WHERE object_type = 'ClientExport' ORDER BY id DESC LIMIT 1",
    );
    expect(entry).toMatchObject({ action: 'EXPORT', basis: 'OWN_DATA', client_id: monique.id });
    expect(entry.details).toMatchObject({ format: 'JSON', documents: 1 });
  });

  it('the PDF is a real, readable document in the chosen language', async () => {
    for (const lang of ['nl', 'en']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/me/export/pdf?lang=${lang}`,
        headers: { authorization: `Bearer ${await t.tokenFor('monique')}` },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(res.rawPayload.length).toBeGreaterThan(2000);
    }
  });

  it('another client gets only her own data; staff have no export; a bad language names the field', async () => {
    const theirs = await t.request('GET', '/api/v1/me/export/json', { token: otherToken });
    expect(theirs.status).toBe(200);
    expect(theirs.body.client.clientId).toBe(other.id);
    expect(JSON.stringify(theirs.body)).not.toContain(monique.id);
    expect(JSON.stringify(theirs.body)).not.toContain('Monique');

    for (const key of ['keyworker', 'klantmanager', 'dpo']) {
      const res = await t.request('GET', '/api/v1/me/export/json', {
        token: await t.tokenFor(key),
      });
      expect({ key, status: res.status }).toEqual({ key, status: 404 });
    }
    const bad = await asMonique('/api/v1/me/export/json?lang=fr');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('lang');
  });
});
