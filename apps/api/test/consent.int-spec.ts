import { DEMO_ORGS, demoClients, demoUser, moniqueNotes } from '@tandem/api-data-access';
import { createTestApp, TestApp } from './harness';

const PDF = Buffer.from('%PDF-1.4\n% fictional signed consent form\n%%EOF\n').toString('base64');

describe('consent registry and consent-enforced sharing', () => {
  let t: TestApp;
  const monique = demoClients().find((c) => c.key === 'monique')!;
  const notes = Object.fromEntries(moniqueNotes(monique.id).map((n) => [n.title, n.id]));
  const summaryId = notes['Arbeidsmogelijkheden en -beperkingen'];
  const treatmentId = notes['Behandelevaluatie'];
  const ipsNoteId = notes['Werkervaringsplaats gevonden'];

  const consentBody = (overrides: Record<string, unknown> = {}) => ({
    recipientType: 'ORGANISATION',
    recipientOrganisationId: DEMO_ORGS.gemeente.id,
    purpose: 'IPS_TRAJECT',
    categories: ['WORK_CAPACITY_SUMMARY'],
    situation: 'REGULAR',
    signedForm: { mime: 'application/pdf', base64: PDF },
    ...overrides,
  });
  const km = () => t.tokenFor('klantmanager');
  const seesNote = async (id: string) =>
    (await t.request('GET', `/api/v1/clients/${monique.id}/notes/${id}`, { token: await km() }))
      .status;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('klantmanager without consent: none of the care records, the summary answers 404', async () => {
    expect(await seesNote(summaryId)).toBe(404);
    expect(await seesNote(treatmentId)).toBe(404);
    expect(await seesNote(ipsNoteId)).toBe(404);
    const list = await t.request('GET', `/api/v1/clients/${monique.id}/notes?pageSize=100`, {
      token: await km(),
    });
    expect(list.body.items.map((n: { title: string }) => n.title)).toEqual([
      'Vrijstelling sollicitatieplicht',
    ]);
  });

  it('after a consent for the work-capabilities summary: exactly that summary, nothing else; revoked: gone on the next request', async () => {
    const recorded = await t.request('POST', `/api/v1/clients/${monique.id}/consents`, {
      token: await t.tokenFor('keyworker'),
      body: consentBody(),
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      status: 'GIVEN',
      method: 'SIGNED_FORM',
      hasSignedForm: true,
      recipientOrganisationName: 'Gemeente Rivierstad',
    });
    expect(recorded.body.textShown).toMatch(/Ik geef Gemeente Rivierstad toestemming/);
    expect(recorded.body.history.map((h: { event: string }) => h.event)).toEqual(['GIVEN']);
    // Default period: 12 months.
    const days =
      (Date.parse(recorded.body.validUntil) - Date.parse(recorded.body.validFrom)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(365);
    expect(days).toBeLessThanOrEqual(366);

    expect(await seesNote(summaryId)).toBe(200);
    expect(await seesNote(treatmentId)).toBe(404);
    expect(await seesNote(ipsNoteId)).toBe(404);
    const list = await t.request('GET', `/api/v1/clients/${monique.id}/notes?pageSize=100`, {
      token: await km(),
    });
    expect(list.body.items.map((n: { domain: string }) => n.domain).sort()).toEqual([
      'PARTICIPATION',
      'WORK_CAPACITY',
    ]);
    const [entry] = await t.db.query(
      "SELECT basis, consent_ids FROM access_log WHERE object_id = $1 AND outcome = 'ALLOWED' ORDER BY id DESC LIMIT 1",
      [summaryId],
    );
    expect(entry).toEqual({ basis: 'CONSENT', consent_ids: [recorded.body.id] });

    // Revocation by the client in her passport.
    const revoked = await t.request('POST', `/api/v1/me/consents/${recorded.body.id}/revoke`, {
      token: await t.tokenFor('monique'),
      body: { reason: 'Ik wil dit niet meer' },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('REVOKED');
    expect(revoked.body.history.map((h: { event: string }) => h.event)).toEqual([
      'GIVEN',
      'REVOKED',
    ]);
    expect(await seesNote(summaryId)).toBe(404);
    const [denied] = await t.db.query(
      'SELECT outcome, basis FROM access_log WHERE object_id = $1 ORDER BY id DESC LIMIT 1',
      [summaryId],
    );
    expect(denied).toEqual({ outcome: 'DENIED', basis: 'NONE' });
  });

  it('an expired consent opens nothing', async () => {
    const recorded = await t.request('POST', `/api/v1/clients/${monique.id}/consents`, {
      token: await t.tokenFor('keyworker'),
      body: consentBody(),
    });
    expect(await seesNote(summaryId)).toBe(200);
    await t.db.query(
      'UPDATE consents SET valid_from = current_date - 400, valid_until = current_date - 1 WHERE id = $1',
      [recorded.body.id],
    );
    expect(await seesNote(summaryId)).toBe(404);
    const list = await t.request('GET', `/api/v1/clients/${monique.id}/consents`, {
      token: await t.tokenFor('keyworker'),
    });
    expect(list.body.find((c: { id: string }) => c.id === recorded.body.id).status).toBe('EXPIRED');
    await t.request('POST', `/api/v1/clients/${monique.id}/consents/${recorded.body.id}/revoke`, {
      token: await t.tokenFor('keyworker'),
      body: {},
    });
  });

  it('refuses a consent outside any sharing agreement and says why; nothing is stored', async () => {
    const [{ n: before }] = await t.db.query('SELECT count(*)::int AS n FROM consents');
    const res = await t.request('POST', `/api/v1/clients/${monique.id}/consents`, {
      token: await t.tokenFor('keyworker'),
      body: consentBody({
        recipientOrganisationId: DEMO_ORGS.uwv.id,
        categories: ['PARTICIPATION_NOTES'],
      }),
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('NO_SHARING_AGREEMENT');
    expect(res.body.message).toMatch(/does not cover: participation notes/);
    const options = await t.request(
      'GET',
      `/api/v1/clients/${monique.id}/consent-options?recipientOrganisationId=${DEMO_ORGS.uwv.id}`,
      { token: await t.tokenFor('keyworker') },
    );
    expect(options.body.allowedCategories.sort()).toEqual([
      'CONFERENCE_IDENTITY',
      'WORK_CAPACITY_SUMMARY',
    ]);
    const own = await t.request('POST', `/api/v1/clients/${monique.id}/consents`, {
      token: await t.tokenFor('keyworker'),
      body: consentBody({ recipientOrganisationId: DEMO_ORGS.ggz.id }),
    });
    expect(own.status).toBe(422);
    expect(own.body.code).toBe('CONSENT_NOT_NEEDED');
    const ownOptions = await t.request(
      'GET',
      `/api/v1/clients/${monique.id}/consent-options?recipientOrganisationId=${DEMO_ORGS.ggz.id}`,
      { token: await t.tokenFor('keyworker') },
    );
    expect(ownOptions.body.allowedCategories).toEqual([]);
    const [{ n: after }] = await t.db.query('SELECT count(*)::int AS n FROM consents');
    expect(after).toBe(before);
  });

  it('cannot express a blanket consent: medical files, no categories, no end date beyond two years', async () => {
    const token = await t.tokenFor('keyworker');
    const medical = await t.request('POST', `/api/v1/clients/${monique.id}/consents`, {
      token,
      body: consentBody({ categories: ['MEDICAL_FILE'] }),
    });
    expect(medical.status).toBe(400);
    expect(medical.body.errors[0].field).toMatch(/categories/);
    const none = await t.request('POST', `/api/v1/clients/${monique.id}/consents`, {
      token,
      body: consentBody({ categories: [] }),
    });
    expect(none.status).toBe(400);
    const everyone = await t.request('POST', `/api/v1/clients/${monique.id}/consents`, {
      token,
      body: consentBody({ recipientOrganisationId: undefined }),
    });
    expect(everyone.status).toBe(400);
    const forever = await t.request('POST', `/api/v1/clients/${monique.id}/consents`, {
      token,
      body: consentBody({ validFrom: '2026-11-24', validUntil: '2030-01-01' }),
    });
    expect(forever.status).toBe(400);
    expect(forever.body.errors[0]).toMatchObject({ field: 'validUntil', rule: 'max' });
  });

  it('warns that consent at an intake may not be free, and needs an explicit confirmation', async () => {
    const token = await t.tokenFor('keyworker');
    const res = await t.request('POST', `/api/v1/clients/${monique.id}/consents`, {
      token,
      body: consentBody({ situation: 'INTAKE' }),
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('CONSENT_MAY_NOT_BE_FREE');
    const confirmed = await t.request('POST', `/api/v1/clients/${monique.id}/consents`, {
      token,
      body: consentBody({ situation: 'INTAKE', confirmFreelyGiven: true }),
    });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.warnings[0]).toMatch(/may not be given freely/);
    await t.request('POST', `/api/v1/clients/${monique.id}/consents/${confirmed.body.id}/revoke`, {
      token,
      body: {},
    });
  });

  it('checks the uploaded form by type and size', async () => {
    const token = await t.tokenFor('keyworker');
    const fake = await t.request('POST', `/api/v1/clients/${monique.id}/consents`, {
      token,
      body: consentBody({
        signedForm: {
          mime: 'application/pdf',
          base64: Buffer.from('<html>not a pdf</html>').toString('base64'),
        },
      }),
    });
    expect(fake.status).toBe(415);
    const exe = await t.request('POST', `/api/v1/clients/${monique.id}/consents`, {
      token,
      body: consentBody({ signedForm: { mime: 'application/x-msdownload', base64: PDF } }),
    });
    expect(exe.status).toBe(400);
  });

  it('only care staff of the team record consents; the klantmanager may request one, the client answers it', async () => {
    const byKm = await t.request('POST', `/api/v1/clients/${monique.id}/consents`, {
      token: await km(),
      body: consentBody(),
    });
    expect(byKm.status).toBe(403);
    const {
      signedForm: _f,
      situation: _s,
      ...terms
    } = consentBody({ categories: ['WORK_CAPACITY_SUMMARY'] });
    const requested = await t.request('POST', `/api/v1/clients/${monique.id}/consent-requests`, {
      token: await km(),
      body: terms,
    });
    expect(requested.status).toBe(201);
    expect(requested.body.status).toBe('REQUESTED');
    expect(await seesNote(summaryId)).toBe(404);

    const mine = await t.request('GET', '/api/v1/me/consents', {
      token: await t.tokenFor('monique'),
    });
    expect(mine.body.map((c: { id: string }) => c.id)).toContain(requested.body.id);
    const accepted = await t.request('POST', `/api/v1/me/consents/${requested.body.id}/accept`, {
      token: await t.tokenFor('monique'),
    });
    expect(accepted.body).toMatchObject({ status: 'GIVEN', method: 'PASSPORT_CONFIRMATION' });
    expect(await seesNote(summaryId)).toBe(200);
    const again = await t.request('POST', `/api/v1/me/consents/${requested.body.id}/accept`, {
      token: await t.tokenFor('monique'),
    });
    expect(again.status).toBe(409);

    // Another client's consent is invisible to Monique.
    const other = await t.request('POST', `/api/v1/me/consents/${requested.body.id}/revoke`, {
      token: await t.tokenFor('klantmanager'),
      body: {},
    });
    expect(other.status).toBe(404);
    await t.request('POST', `/api/v1/me/consents/${requested.body.id}/revoke`, {
      token: await t.tokenFor('monique'),
      body: {},
    });
    expect(await seesNote(summaryId)).toBe(404);
  });

  it('a consent to one named person opens nothing for her colleagues', async () => {
    const token = await t.tokenFor('keyworker');
    const res = await t.request('POST', `/api/v1/clients/${monique.id}/consents`, {
      token,
      body: consentBody({ recipientType: 'PERSON', recipientUserId: demoUser('regie').id }),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('recipientUserId');
    const ok = await t.request('POST', `/api/v1/clients/${monique.id}/consents`, {
      token,
      body: consentBody({ recipientType: 'PERSON', recipientUserId: demoUser('klantmanager').id }),
    });
    expect(ok.status).toBe(201);
    expect(await seesNote(summaryId)).toBe(200);
    await t.request('POST', `/api/v1/clients/${monique.id}/consents/${ok.body.id}/revoke`, {
      token,
      body: {},
    });
  });

  it('keeps the consent history append-only in the database', async () => {
    await expect(t.db.query('DELETE FROM consent_events')).rejects.toThrow(/not allowed/);
    await expect(t.db.query('DELETE FROM consents')).rejects.toThrow(/not allowed/);
  });
});

describe('emergency access (break the glass)', () => {
  let t: TestApp;
  const monique = demoClients().find((c) => c.key === 'monique')!;
  const treatmentId = moniqueNotes(monique.id).find((n) => n.title === 'Behandelevaluatie')!.id;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives care staff outside the team 24 h of access with a reason, notifies the regiebehandelaar and flags the log', async () => {
    const token = await t.tokenFor('zuid-regie');
    expect(
      (await t.request('GET', `/api/v1/clients/${monique.id}/notes/${treatmentId}`, { token }))
        .status,
    ).toBe(404);
    const short = await t.request('POST', '/api/v1/emergency-access', {
      token,
      body: { lastName: 'van Dam', dateOfBirth: '1981-03-14', reason: 'crisis' },
    });
    expect(short.status).toBe(400);
    const res = await t.request('POST', '/api/v1/emergency-access', {
      token,
      body: {
        lastName: 'van Dam',
        dateOfBirth: '1981-03-14',
        reason: 'Crisisdienst: cliënte meldt zich ’s nachts, medicatie-overzicht nodig',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ clientId: monique.id, regiebehandelaarNotified: true });
    const hours = (Date.parse(res.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);

    const read = await t.request('GET', `/api/v1/clients/${monique.id}/notes/${treatmentId}`, {
      token,
    });
    expect(read.status).toBe(200);
    const [entry] = await t.db.query(
      "SELECT basis, emergency FROM access_log WHERE object_id = $1 AND outcome = 'ALLOWED' ORDER BY id DESC LIMIT 1",
      [treatmentId],
    );
    expect(entry).toEqual({ basis: 'EMERGENCY', emergency: true });
    const notifications = await t.request('GET', '/api/v1/notifications', {
      token: await t.tokenFor('regie'),
    });
    expect(notifications.body[0]).toMatchObject({ kind: 'EMERGENCY_ACCESS', clientId: monique.id });
    expect(notifications.body[0].message).toMatch(/Mila Peters/);

    // The grant ends.
    await t.db.query(
      "UPDATE emergency_access SET started_at = now() - interval '25 hours', expires_at = now() - interval '1 hour' WHERE id = $1",
      [res.body.emergencyAccessId],
    );
    expect(
      (await t.request('GET', `/api/v1/clients/${monique.id}/notes/${treatmentId}`, { token }))
        .status,
    ).toBe(404);

    // The data-protection officer sees it among the flagged entries and reviews it.
    const flagged = await t.request('GET', '/api/v1/access-log?emergency=true', {
      token: await t.tokenFor('dpo'),
    });
    expect(flagged.body.total).toBeGreaterThanOrEqual(2);
    const review = await t.request(
      'POST',
      `/api/v1/emergency-access/${res.body.emergencyAccessId}/review`,
      { token: await t.tokenFor('dpo'), body: { comment: 'Terecht gebruikt' } },
    );
    expect(review.status).toBe(200);
  });

  it('is for care roles only, and not needed by the own team', async () => {
    const km = await t.request('POST', '/api/v1/emergency-access', {
      token: await t.tokenFor('klantmanager'),
      body: { lastName: 'van Dam', dateOfBirth: '1981-03-14', reason: 'Ik wil het dossier inzien' },
    });
    expect(km.status).toBe(403);
    const own = await t.request('POST', '/api/v1/emergency-access', {
      token: await t.tokenFor('keyworker'),
      body: { lastName: 'van Dam', dateOfBirth: '1981-03-14', reason: 'Ik ben haar casemanager' },
    });
    expect(own.status).toBe(409);
    const nobody = await t.request('POST', '/api/v1/emergency-access', {
      token: await t.tokenFor('zuid-regie'),
      body: { lastName: 'Nobody', dateOfBirth: '1990-01-01', reason: 'Geen bestaande cliënt' },
    });
    expect(nobody.status).toBe(404);
  });
});
