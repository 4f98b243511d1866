import { DEMO_TEAMS } from '@tandem/api-data-access';
import { MONIQUE_WORK_GOAL } from '@tandem/demo-data';
import { createTestApp, TestApp } from './harness';
import {
  MONIQUE_CONSENT,
  MONIQUE_IDENTIFIERS,
  NOORD,
  monique,
  planPartnerDiscussion,
  simon,
  userId,
  zuidClient,
} from './conference-helpers';

describe('case conferences: planning and privacy gating over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const counts = async () =>
    (
      await t.db.query(`SELECT (SELECT count(*)::int FROM conferences) AS conferences,
        (SELECT count(*)::int FROM conference_items) AS items, (SELECT count(*)::int FROM conference_attendees) AS attendees,
        (SELECT count(*)::int FROM conference_series) AS series, (SELECT count(*)::int FROM conference_events) AS events`)
    )[0];

  it('the key worker plans a partner case discussion; Monique is identified for care staff and anonymised for the klantmanager', async () => {
    const { id, body } = await planPartnerDiscussion(t);
    expect(body).toMatchObject({
      kind: 'PARTNER_CASE_DISCUSSION',
      status: 'PLANNED',
      canRun: true,
      canJoin: true,
      attendeeCount: 4,
    });
    expect(body.items[0]).toMatchObject({
      view: 'IDENTIFIED',
      clientId: monique.id,
      client: { name: 'Monique van Dam', dateOfBirth: '1981-03-14' },
      ageBand: '40-49',
      readable: ['TREATMENT', 'PARTICIPATION', 'ANONYMISED'],
    });

    const km = await t.request('GET', `/api/v1/conferences/${id}`, {
      token: await t.tokenFor('klantmanager'),
    });
    expect(km.status).toBe(200);
    expect(km.body).toMatchObject({ canRun: false, canJoin: true });
    expect(km.body.items[0]).toMatchObject({
      view: 'ANONYMISED',
      pseudonym: monique.pseudonym,
      ageBand: '40-49',
      readable: ['ANONYMISED'],
    });
    const serialised = JSON.stringify(km.body);
    for (const secret of [...MONIQUE_IDENTIFIERS, 'vrijstelling']) {
      expect(serialised).not.toContain(secret);
    }
  });

  it('lists conferences for the team and for attendees only; others get 404', async () => {
    const { id } = await planPartnerDiscussion(t);
    const list = async (key: string) =>
      (await t.request('GET', '/api/v1/conferences', { token: await t.tokenFor(key) })).body.map(
        (c: { id: string }) => c.id,
      );
    expect(await list('keyworker')).toContain(id);
    expect(await list('psychiater')).toContain(id); // care staff of the organising team
    expect(await list('klantmanager')).toContain(id); // invited partner
    expect(await list('zuid-regie')).not.toContain(id);
    expect(await list('arbeidsdeskundige')).not.toContain(id);
    for (const key of ['zuid-regie', 'arbeidsdeskundige', 'monique']) {
      const res = await t.request('GET', `/api/v1/conferences/${id}`, {
        token: await t.tokenFor(key),
      });
      expect({ key, status: res.status }).toEqual({ key, status: 404 });
    }
  });

  it('refuses planning by someone who is not care staff of the team, leaving nothing behind', async () => {
    for (const key of ['klantmanager', 'ips', 'peer', 'zuid-regie', 'monique']) {
      const before = await counts();
      const res = await t.request('POST', '/api/v1/conferences', {
        token: await t.tokenFor(key),
        body: {
          teamId: NOORD,
          kind: 'MDO',
          title: 'MDO',
          startsAt: '2026-12-02T10:00:00+01:00',
          durationMinutes: 30,
          location: 'Kamer 1',
          attendeeIds: [],
        },
      });
      expect({ key, status: res.status }).toEqual({ key, status: 403 });
      expect(await counts()).toEqual(before);
    }
  });

  it('does not let care staff put another team’s client on the agenda (404), and stores nothing', async () => {
    const before = await counts();
    const res = await t.request('POST', '/api/v1/conferences', {
      token: await t.tokenFor('keyworker'),
      body: {
        teamId: NOORD,
        kind: 'MDO',
        title: 'MDO',
        startsAt: '2026-12-02T10:00:00+01:00',
        durationMinutes: 30,
        location: 'Kamer 1',
        attendeeIds: [],
        items: [{ clientId: zuidClient.id }],
      },
    });
    expect(res.status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('invites a client only to a three-way meeting about herself', async () => {
    const before = await counts();
    const wrong = await t.request('POST', '/api/v1/conferences', {
      token: await t.tokenFor('keyworker'),
      body: {
        teamId: NOORD,
        kind: 'PARTNER_CASE_DISCUSSION',
        title: 'Casusoverleg',
        startsAt: '2026-12-02T10:00:00+01:00',
        durationMinutes: 30,
        videoUrl: 'https://video.example/room',
        attendeeIds: [userId('monique')],
        items: [{ clientId: monique.id }],
      },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('CLIENT_ONLY_IN_THREE_WAY_MEETING');
    expect(await counts()).toEqual(before);

    const three = await t.request('POST', '/api/v1/conferences', {
      token: await t.tokenFor('keyworker'),
      body: {
        teamId: NOORD,
        kind: 'THREE_WAY_MEETING',
        title: 'Driegesprek',
        startsAt: '2026-12-03T10:00:00+01:00',
        durationMinutes: 45,
        videoUrl: 'https://video.example/driegesprek',
        attendeeIds: [userId('monique'), userId('klantmanager')],
        items: [{ clientId: monique.id }],
      },
    });
    expect(three.status).toBe(201);
    const own = await t.request('GET', `/api/v1/conferences/${three.body.id}`, {
      token: await t.tokenFor('monique'),
    });
    expect(own.status).toBe(200);
    expect(own.body.items[0]).toMatchObject({
      view: 'IDENTIFIED',
      readable: ['PARTICIPATION', 'ANONYMISED'],
      writable: [],
    });
    expect(own.body.attendees.find((a: { isClient: boolean }) => a.isClient)).toBeTruthy();
  });

  it('keeps no link to the client in an anonymised case discussion', async () => {
    const res = await t.request('POST', '/api/v1/conferences', {
      token: await t.tokenFor('keyworker'),
      body: {
        teamId: NOORD,
        kind: 'ANONYMISED_CASE_DISCUSSION',
        title: 'Intervisie',
        startsAt: '2026-12-04T10:00:00+01:00',
        durationMinutes: 60,
        location: 'Kamer 3',
        attendeeIds: [userId('klantmanager')],
        items: [{ clientId: monique.id, topic: 'Hoe houden we de werkervaringsplaats vol?' }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.items[0]).toMatchObject({
      view: 'ANONYMISED',
      pseudonym: monique.pseudonym,
      topic: 'Hoe houden we de werkervaringsplaats vol?',
    });
    expect(res.body.items[0].clientId).toBeUndefined();
    const [row] = await t.db.query('SELECT client_id FROM conference_items WHERE id = $1', [
      res.body.items[0].id,
    ]);
    expect(row.client_id).toBeNull();
  });

  it('answers a stale planning change with 409 and the current version', async () => {
    const { id, body } = await planPartnerDiscussion(t);
    const token = await t.tokenFor('keyworker');
    const change = {
      title: 'Casusoverleg (verzet)',
      startsAt: '2026-12-01T14:00:00+01:00',
      durationMinutes: 60,
      location: 'Kamer 2.14',
      version: body.version,
    };
    const first = await t.request('PATCH', `/api/v1/conferences/${id}`, { token, body: change });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(body.version + 1);
    const stale = await t.request('PATCH', `/api/v1/conferences/${id}`, {
      token: await t.tokenFor('regie'),
      body: { ...change, title: 'Ander tijdstip' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.current.title).toBe('Casusoverleg (verzet)');
    const km = await t.request('PATCH', `/api/v1/conferences/${id}`, {
      token: await t.tokenFor('klantmanager'),
      body: { ...change, version: first.body.version },
    });
    expect(km.status).toBe(403);
  });

  it('proposes the team’s work goals due for review; a reviewed goal is no longer proposed', async () => {
    const { id } = await planPartnerDiscussion(t);
    const keyworker = await t.tokenFor('keyworker');
    const proposals = async () => {
      const res = await t.request('GET', `/api/v1/conferences/${id}/proposals`, {
        token: keyworker,
      });
      expect(res.status).toBe(200);
      return (
        res.body as { clientId: string; source: string; pseudonym: string; reason: string }[]
      ).filter((p) => p.source === 'WORK_GOAL_REVIEW');
    };
    const due = await t.db.query(
      `SELECT wg.client_id AS "clientId" FROM ips_work_goals wg JOIN clients c ON c.id = wg.client_id
        WHERE c.team_id = $1 AND wg.status = 'OPEN' AND wg.next_review_on <= current_date
        ORDER BY wg.client_id`,
      [NOORD],
    );
    const before = await proposals();
    expect(due.length).toBeGreaterThan(0);
    expect(before.map((p) => p.clientId).sort()).toEqual(
      due.map((d: { clientId: string }) => d.clientId),
    );
    const hers = before.find((p) => p.clientId === monique.id);
    expect(hers).toMatchObject({ reason: expect.stringContaining('work goal due for review') });
    expect(hers?.pseudonym).toMatch(/\S/);

    const regie = await t.tokenFor('regie');
    const goalUrl = `/api/v1/clients/${monique.id}/ips/work-goals/${MONIQUE_WORK_GOAL}`;
    const goal = await t.request('GET', goalUrl, { token: regie });
    const review = await t.request('POST', `${goalUrl}/reviews`, {
      token: regie,
      body: {
        version: goal.body.version,
        reviewedOn: new Date().toISOString().slice(0, 10),
        assessment: 'ON_TRACK',
        comment: 'Loopt goed.',
      },
    });
    expect(review.status).toBe(201);
    const after = await proposals();
    expect(after.some((p) => p.clientId === monique.id)).toBe(false);
    expect(after).toHaveLength(before.length - 1);
  });

  it('proposes clients on the board for the agenda, to care staff of the team only', async () => {
    const { id } = await planPartnerDiscussion(t);
    const res = await t.request('GET', `/api/v1/conferences/${id}/proposals`, {
      token: await t.tokenFor('keyworker'),
    });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    const board = res.body.filter((p: { source: string }) => p.source === 'BOARD');
    const [{ n }] = await t.db.query(
      'SELECT count(*)::int AS n FROM clients WHERE team_id = $1 AND on_board',
      [NOORD],
    );
    expect(board).toHaveLength(n);
    expect(
      res.body.every((p: { source: string }) => ['BOARD', 'WORK_GOAL_REVIEW'].includes(p.source)),
    ).toBe(true);
    const km = await t.request('GET', `/api/v1/conferences/${id}/proposals`, {
      token: await t.tokenFor('klantmanager'),
    });
    expect(km.status).toBe(403);

    const add = await t.request('POST', `/api/v1/conferences/${id}/items`, {
      token: await t.tokenFor('keyworker'),
      body: { clientId: res.body[0].clientId, source: 'BOARD' },
    });
    expect(add.status).toBe(201);
    expect(add.body.items).toHaveLength(2);
    const again = await t.request('POST', `/api/v1/conferences/${id}/items`, {
      token: await t.tokenFor('keyworker'),
      body: { clientId: res.body[0].clientId },
    });
    expect(again.status).toBe(409);
  });

  it('offers the team and the partners working with its clients as invitees, to care staff of the team only', async () => {
    const res = await t.request('GET', `/api/v1/conferences/invitees?teamId=${NOORD}`, {
      token: await t.tokenFor('keyworker'),
    });
    expect(res.status).toBe(200);
    const byId = new Map(
      res.body.map((p: { userId: string }) => [p.userId, p] as [string, unknown]),
    );
    expect(byId.get(userId('regie'))).toMatchObject({ teamMember: true });
    expect(byId.get(userId('klantmanager'))).toMatchObject({
      displayName: 'Fatima El Amrani',
      teamMember: false,
    });
    expect(byId.has(userId('zuid-regie'))).toBe(false);
    expect(byId.has(userId('monique'))).toBe(false);
    // Staff only: no client appears in the answer.
    expect(JSON.stringify(res.body)).not.toContain(monique.id);

    for (const key of ['klantmanager', 'zuid-regie']) {
      const refused = await t.request('GET', `/api/v1/conferences/invitees?teamId=${NOORD}`, {
        token: await t.tokenFor(key),
      });
      expect(refused.status).toBe(403);
    }
    const bad = await t.request('GET', '/api/v1/conferences/invitees?teamId=noord', {
      token: await t.tokenFor('keyworker'),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('teamId');
  });

  it('offers care staff of Monique her own account for a three-way meeting, marks who works with her, and logs it', async () => {
    const res = await t.request(
      'GET',
      `/api/v1/conferences/invitees?teamId=${NOORD}&clientId=${monique.id}`,
      { token: await t.tokenFor('keyworker') },
    );
    expect(res.status).toBe(200);
    const people = res.body as {
      userId: string;
      isClient: boolean;
      worksWithClient: boolean;
      teamMember: boolean;
      displayName: string;
    }[];
    const clients = people.filter((p) => p.isClient);
    expect(clients).toEqual([
      expect.objectContaining({
        userId: userId('monique'),
        displayName: 'Monique van Dam',
        teamMember: false,
        worksWithClient: true,
      }),
    ]);
    expect(people.find((p) => p.userId === userId('klantmanager'))).toMatchObject({
      isClient: false,
      worksWithClient: true,
    });
    expect(people.find((p) => p.userId === userId('regie'))).toMatchObject({
      teamMember: true,
      isClient: false,
    });
    const [entry] = await t.db.query(
      `SELECT object_type, action, outcome, basis, client_id, route FROM access_log
        WHERE user_id = $1 AND route LIKE '%/conferences/invitees' ORDER BY id DESC LIMIT 1`,
      [userId('keyworker')],
    );
    expect(entry).toMatchObject({
      object_type: 'Client',
      action: 'SEARCH',
      outcome: 'ALLOWED',
      basis: 'TREATMENT_RELATIONSHIP',
      client_id: monique.id,
    });

    // Simon has no passport account: the list holds no client at all.
    const simonList = await t.request(
      'GET',
      `/api/v1/conferences/invitees?teamId=${NOORD}&clientId=${simon.id}`,
      { token: await t.tokenFor('regie') },
    );
    expect(simonList.status).toBe(200);
    expect(simonList.body.some((p: { isClient: boolean }) => p.isClient)).toBe(false);
  });

  it('hides a client from the invitees of anyone but her care staff (404), logged as refused', async () => {
    const asks: [string, string][] = [
      ['klantmanager', NOORD],
      ['ips', NOORD],
      ['zuid-regie', NOORD],
      ['zuid-regie', DEMO_TEAMS.zuid.id],
      ['monique', NOORD],
    ];
    for (const [key, teamId] of asks) {
      const res = await t.request(
        'GET',
        `/api/v1/conferences/invitees?teamId=${teamId}&clientId=${monique.id}`,
        { token: await t.tokenFor(key) },
      );
      expect({ key, teamId, status: res.status }).toEqual({ key, teamId, status: 404 });
      expect(JSON.stringify(res.body)).not.toContain('Monique');
    }
    const [denied] = await t.db.query(
      `SELECT object_type, outcome, client_id FROM access_log
        WHERE user_id = $1 AND route LIKE '%/conferences/invitees' ORDER BY id DESC LIMIT 1`,
      [userId('klantmanager')],
    );
    expect(denied).toMatchObject({
      object_type: 'Client',
      outcome: 'DENIED',
      client_id: monique.id,
    });
    // A client of another team, asked with this team: not found either.
    const other = await t.request(
      'GET',
      `/api/v1/conferences/invitees?teamId=${NOORD}&clientId=${zuidClient.id}`,
      { token: await t.tokenFor('keyworker') },
    );
    expect(other.status).toBe(404);
    const bad = await t.request(
      'GET',
      `/api/v1/conferences/invitees?teamId=${NOORD}&clientId=monique`,
      { token: await t.tokenFor('keyworker') },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('clientId');
  });

  it('plans a three-way meeting with Monique’s account from the invitees; it shows in her passport list', async () => {
    const keyworker = await t.tokenFor('keyworker');
    const invitees = await t.request(
      'GET',
      `/api/v1/conferences/invitees?teamId=${NOORD}&clientId=${monique.id}`,
      { token: keyworker },
    );
    const account = invitees.body.find((p: { isClient: boolean }) => p.isClient);
    const created = await t.request('POST', '/api/v1/conferences', {
      token: keyworker,
      body: {
        teamId: NOORD,
        kind: 'THREE_WAY_MEETING',
        title: 'Driegesprek werk (planner)',
        startsAt: '2026-12-10T10:00:00+01:00',
        durationMinutes: 45,
        location: 'Gemeentehuis Rivierstad',
        attendeeIds: [account.userId, userId('klantmanager')],
        items: [{ clientId: monique.id, source: 'MANUAL' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.attendees.filter((a: { isClient: boolean }) => a.isClient)).toHaveLength(1);
    const list = await t.request('GET', '/api/v1/conferences', {
      token: await t.tokenFor('monique'),
    });
    expect(list.status).toBe(200);
    expect(list.body.find((c: { id: string }) => c.id === created.body.id)).toMatchObject({
      kind: 'THREE_WAY_MEETING',
      title: 'Driegesprek werk (planner)',
      status: 'PLANNED',
      canRun: false,
      canJoin: true,
    });

    // Her account cannot be added to a meeting of another kind afterwards, and nothing changes.
    const { id: partnerId } = await planPartnerDiscussion(t);
    const before = await counts();
    const refused = await t.request('POST', `/api/v1/conferences/${partnerId}/attendees`, {
      token: keyworker,
      body: { userId: account.userId },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('CLIENT_ONLY_IN_THREE_WAY_MEETING');
    expect(await counts()).toEqual(before);
  });

  it('plans a weekly board-meeting series with its occurrences', async () => {
    const res = await t.request('POST', '/api/v1/conference-series', {
      token: await t.tokenFor('regie'),
      body: {
        teamId: NOORD,
        kind: 'FACT_BOARD',
        title: 'FACT-bord Noord',
        weekdays: [1, 3, 5],
        startTime: '08:45',
        durationMinutes: 30,
        location: 'Teamkamer Noord',
        startsOn: '2026-11-30',
        endsOn: '2026-12-13',
        attendeeIds: [userId('keyworker'), userId('psychiater'), userId('ips')],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.conferenceIds).toHaveLength(6);
    const rows = await t.db.query(
      `SELECT to_char(starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD HH24:MI ID') AS local,
              (SELECT count(*)::int FROM conference_attendees a WHERE a.conference_id = c.id) AS attendees
       FROM conferences c WHERE series_id = $1 ORDER BY starts_at`,
      [res.body.seriesId],
    );
    expect(rows.map((r: { local: string }) => r.local)).toEqual([
      '2026-11-30 08:45 1',
      '2026-12-02 08:45 3',
      '2026-12-04 08:45 5',
      '2026-12-07 08:45 1',
      '2026-12-09 08:45 3',
      '2026-12-11 08:45 5',
    ]);
    expect(rows.every((r: { attendees: number }) => r.attendees === 4)).toBe(true);
    const denied = await t.request('POST', '/api/v1/conference-series', {
      token: await t.tokenFor('zuid-regie'),
      body: {
        teamId: DEMO_TEAMS.noord.id,
        kind: 'FACT_BOARD',
        title: 'x',
        weekdays: [1],
        startTime: '08:45',
        durationMinutes: 30,
        location: 'x',
        startsOn: '2026-11-30',
        endsOn: '2026-12-13',
        attendeeIds: [],
      },
    });
    expect(denied.status).toBe(403);
  });

  it('identifies Monique to the klantmanager once she accepts the case-conference consent, and logs the basis', async () => {
    const { id } = await planPartnerDiscussion(t);
    const km = await t.tokenFor('klantmanager');
    const accept = await t.request('POST', `/api/v1/me/consents/${MONIQUE_CONSENT}/accept`, {
      token: await t.tokenFor('monique'),
    });
    expect(accept.status).toBe(200);
    const res = await t.request('GET', `/api/v1/conferences/${id}`, { token: km });
    expect(res.body.items[0]).toMatchObject({
      view: 'IDENTIFIED',
      client: { name: 'Monique van Dam' },
      readable: ['PARTICIPATION', 'ANONYMISED'],
      writable: ['PARTICIPATION', 'ANONYMISED'],
    });
    expect(JSON.stringify(res.body)).not.toContain('Depressieve');
    const [entry] = await t.db.query(
      "SELECT object_type, basis, consent_ids, client_id, channel FROM access_log WHERE user_id = $1 AND object_type = 'ConferenceItem' ORDER BY id DESC LIMIT 1",
      [userId('klantmanager')],
    );
    expect(entry).toMatchObject({
      object_type: 'ConferenceItem',
      basis: 'CONSENT',
      consent_ids: [MONIQUE_CONSENT],
      client_id: monique.id,
      channel: 'HTTP',
    });
    // Revoked: anonymised again on the very next request.
    const revoke = await t.request('POST', `/api/v1/me/consents/${MONIQUE_CONSENT}/revoke`, {
      token: await t.tokenFor('monique'),
      body: {},
    });
    expect(revoke.status).toBe(200);
    const after = await t.request('GET', `/api/v1/conferences/${id}`, { token: km });
    expect(after.body.items[0].view).toBe('ANONYMISED');
    for (const secret of MONIQUE_IDENTIFIERS)
      expect(JSON.stringify(after.body)).not.toContain(secret);
  });
});
