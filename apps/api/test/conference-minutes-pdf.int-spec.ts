import { pdfShownText } from '@tandem/api-core';
import { createTestApp, TestApp } from './harness';
import {
  MONIQUE_IDENTIFIERS,
  RoomClient,
  connectRoom,
  giveIdentityConsent,
  listen,
  monique,
  planPartnerDiscussion,
  userId,
} from './conference-helpers';

const TREATMENT = 'Stemming stabiel; medicatie ongewijzigd.';
const ANONYMISED = 'Werkervaringsplaats bij de receptie loopt goed.';
const DECISION = 'Behandeling gaat door met wekelijkse huisbezoeken.';
const ACTION_ALL = 'Evaluatie plannen met de werkgever';
const TOPIC = 'Monique: werkervaringsplaats en vrijstelling';

/** Without whitespace: pdfkit may split words over several text strings. */
const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * The minutes as a PDF: built from the caller's own gated view, like the live room. The key worker
 * gets Monique identified; the klantmanager without her consent gets the pseudonym and age band
 * and none of the identified text; both downloads are in the access log as exports.
 */
describe('case conferences: minutes as a PDF', () => {
  let t: TestApp;
  let base: string;
  let conferenceId: string;
  const sockets: RoomClient[] = [];

  const pdfFor = async (key: string | null, id = conferenceId) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/conferences/${id}/minutes.pdf`,
      headers: key ? { authorization: `Bearer ${await t.tokenFor(key)}` } : {},
    });
    return {
      status: res.statusCode,
      headers: res.headers,
      text: res.statusCode === 200 ? squash(pdfShownText(res.rawPayload)) : '',
      raw: res.rawPayload,
    };
  };

  const exportsOf = (key: string) =>
    t.db.query(
      `SELECT object_type, object_id, client_id, action, outcome, basis, consent_ids, details FROM access_log
       WHERE user_id = $1 AND route = '/api/v1/conferences/:id/minutes.pdf' ORDER BY id`,
      [userId(key)],
    );

  beforeAll(async () => {
    t = await createTestApp();
    base = await listen(t);
    const planned = await planPartnerDiscussion(t);
    conferenceId = planned.id;
    const sanne = await connectRoom(base, await t.tokenFor('keyworker'));
    sockets.push(sanne);
    expect(await sanne.send('conference:join', { conferenceId })).toMatchObject({ ok: true });
    const item = { conferenceId, itemId: planned.itemId };
    for (const [section, text] of [
      ['TREATMENT', TREATMENT],
      ['ANONYMISED', ANONYMISED],
    ])
      expect(
        await sanne.send('minutes:write', { ...item, section, baseVersion: 0, text }),
      ).toMatchObject({ ok: true });
    expect(
      await sanne.send('decision:add', { ...item, text: DECISION, decidedBy: userId('regie') }),
    ).toMatchObject({ ok: true });
    expect(
      await sanne.send('action:add', {
        ...item,
        text: ACTION_ALL,
        ownerId: userId('klantmanager'),
        dueOn: '2026-12-15',
        visibility: 'ALL',
      }),
    ).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    for (const s of sockets) s.socket.disconnect();
    await t.close();
  });

  it('gives the key worker the identified minutes, decisions and actions', async () => {
    const pdf = await pdfFor('keyworker');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="verslag-.*\.pdf"$/);
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
    for (const expected of [
      'Monique van Dam',
      TOPIC,
      TREATMENT,
      ANONYMISED,
      DECISION,
      ACTION_ALL,
      'Fatima El Amrani',
    ])
      expect(pdf.text).toContain(squash(expected));
  });

  it('gives the klantmanager without consent the anonymised item: pseudonym and age band only', async () => {
    const pdf = await pdfFor('klantmanager');
    expect(pdf.status).toBe(200);
    for (const expected of [monique.pseudonym, '40-49', 'geanonimiseerd', ANONYMISED, ACTION_ALL])
      expect(pdf.text).toContain(squash(expected));
    for (const secret of [...MONIQUE_IDENTIFIERS, TOPIC, TREATMENT, DECISION, '1981'])
      expect(pdf.text).not.toContain(squash(secret));
  });

  it('records both downloads in the access log as exports, identified ones per client', async () => {
    const [sanne] = await exportsOf('keyworker');
    expect(sanne).toMatchObject({
      object_type: 'ConferenceItem',
      client_id: monique.id,
      action: 'EXPORT',
      outcome: 'ALLOWED',
      basis: 'TREATMENT_RELATIONSHIP',
    });
    const fatima = await exportsOf('klantmanager');
    expect(fatima).toEqual([
      expect.objectContaining({
        object_type: 'Conference',
        object_id: conferenceId,
        client_id: null,
        action: 'EXPORT',
        outcome: 'ALLOWED',
        basis: 'NONE',
      }),
    ]);
  });

  it('shows the klantmanager Monique by name once she consents, on the basis of that consent', async () => {
    const consentId = await giveIdentityConsent(t);
    const pdf = await pdfFor('klantmanager');
    expect(pdf.text).toContain(squash('Monique van Dam'));
    expect(pdf.text).toContain(squash(TOPIC));
    // Participation and anonymised minutes only; the treatment minutes stay with care staff.
    expect(pdf.text).not.toContain(squash(TREATMENT));
    const last = (await exportsOf('klantmanager')).at(-1);
    expect(last).toMatchObject({
      object_type: 'ConferenceItem',
      client_id: monique.id,
      basis: 'CONSENT',
      consent_ids: [consentId],
    });
  });

  it('answers 404 to someone who may not read the conference, 401 without sign-in', async () => {
    expect((await pdfFor('zuid-regie')).status).toBe(404);
    expect((await pdfFor('keyworker', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await pdfFor('keyworker', 'not-a-uuid')).status).toBe(404);
    expect((await pdfFor(null)).status).toBe(401);
    const [denied] = await t.db.query(
      `SELECT outcome, client_id FROM access_log WHERE user_id = $1 AND route = '/api/v1/conferences/:id/minutes.pdf'`,
      [userId('zuid-regie')],
    );
    expect(denied).toMatchObject({ outcome: 'DENIED', client_id: null });
  });
});
