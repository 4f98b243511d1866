import { randomUUID } from 'node:crypto';
import { DEMO_ORGS, DEMO_PASSWORD, demoUser } from '@tandem/api-data-access';
import { createTestApp, TestApp } from './harness';

/**
 * The dashboard on a small fixture whose figures were computed by hand (below, next to each
 * expectation). A separate team, two IPS specialists, five clients; period 2 – 29 March 2026
 * (four weeks, Monday to Sunday).
 */
describe('IPS dashboard figures on a hand-computed fixture', () => {
  let t: TestApp;
  const teamId = randomUUID();
  const s1 = randomUUID();
  const s2 = randomUUID();
  const lead = randomUUID();
  const [c1, c2, c3, c4, c5] = Array.from({ length: 5 }, () => randomUUID());
  const [e1, e2, e3] = Array.from({ length: 3 }, () => randomUUID());
  const tr: Record<string, string> = {};
  const PERIOD = 'from=2026-03-02&to=2026-03-29';
  let token: string;

  const q = (sql: string, params: unknown[] = []) => t.db.query(sql, params);

  beforeAll(async () => {
    t = await createTestApp();
    const ggz = DEMO_ORGS.ggz.id;
    const [{ password_hash: hash }] = await q('SELECT password_hash FROM users WHERE id = $1', [
      demoUser('ips').id,
    ]);
    await q(
      `INSERT INTO teams (id, organisation_id, name, type) VALUES ($1, $2, 'IPS Testteam', 'FACT')`,
      [teamId, ggz],
    );
    for (const [id, name, role] of [
      [s1, 'Spec Een', 'IPS_TRAJECTBEGELEIDER'],
      [s2, 'Spec Twee', 'IPS_TRAJECTBEGELEIDER'],
      [lead, 'Lead Fixture', 'TEAMLEIDER'],
    ]) {
      await q(
        `INSERT INTO users (id, organisation_id, email, display_name, password_hash, roles) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, ggz, `${id}@fixture.example`, name, hash, [role]],
      );
      await q('INSERT INTO team_members (team_id, user_id, role) VALUES ($1, $2, $3)', [
        teamId,
        id,
        role,
      ]);
    }
    for (const [n, id] of [c1, c2, c3, c4, c5].entries()) {
      await q(
        `INSERT INTO clients (id, team_id, first_name, last_name, date_of_birth, pseudonym) VALUES ($1, $2, 'Fixture', $3, '1980-01-01', $3)`,
        [id, teamId, `C${n + 1}`],
      );
    }
    const trajectory = async (
      client: string,
      specialist: string,
      referral: string,
      phase: string,
      ended: string | null = null,
      profileVersion = 0,
    ) => {
      const [{ id }] = await q(
        `INSERT INTO ips_trajectories (client_id, specialist_id, referral_date, phase, phase_since, benefit, ended_on, end_reason,
           profile_version, created_by)
         VALUES ($1, $2, $3, $4, $3, 'BIJSTAND', $5, $6, $7, $2) RETURNING id`,
        [
          client,
          specialist,
          referral,
          phase,
          ended,
          ended ? 'WORK_SUSTAINED' : null,
          profileVersion,
        ],
      );
      tr[client] = id;
    };
    await trajectory(c1, s1, '2026-01-05', 'COACHING', null, 1);
    await trajectory(c2, s1, '2026-03-02', 'JOB_FINDING', null, 1);
    await trajectory(c3, s1, '2026-03-10', 'INTAKE');
    await trajectory(c4, s2, '2026-02-01', 'ENDED', '2026-03-15');
    await trajectory(c5, s2, '2026-03-16', 'JOB_FINDING');

    for (const [id, name] of [
      [e1, 'Werkgever Een'],
      [e2, 'Werkgever Twee'],
      [e3, 'Werkgever Drie'],
    ]) {
      await q('INSERT INTO ips_employers (id, team_id, name, created_by) VALUES ($1, $2, $3, $4)', [
        id,
        teamId,
        name,
        s1,
      ]);
    }
    const contact = (specialist: string, on: string, kind: string, client: string | null = null) =>
      q(
        `INSERT INTO ips_employer_contacts (team_id, employer_id, specialist_id, client_id, contact_on, kind, outcome)
         VALUES ($1, $2, $3, $4, $5, $6, 'INTRODUCTION')`,
        [teamId, e3, specialist, client, on, kind],
      );
    // S1: five general visits, one phone call, a visit for C2, a call for C3 (8 contacts, 6 face-to-face).
    for (const on of ['2026-03-03', '2026-03-04', '2026-03-10', '2026-03-17', '2026-03-24']) {
      await contact(s1, on, 'VISIT');
    }
    await contact(s1, '2026-03-05', 'PHONE');
    await contact(s1, '2026-03-12', 'VISIT', c2);
    await contact(s1, '2026-03-20', 'PHONE', c3);
    // S2: an e-mail and a visit for C5 (2 contacts, 1 face-to-face). Outside the period: ignored.
    await contact(s2, '2026-03-18', 'EMAIL');
    await contact(s2, '2026-03-27', 'VISIT', c5);
    await contact(s1, '2026-02-20', 'VISIT');
    await contact(s1, '2026-01-20', 'VISIT', c1);

    const placement = async (
      client: string,
      employer: string,
      title: string,
      type: string,
      start: string,
      hours: number,
      end: string | null = null,
    ) =>
      q(
        `INSERT INTO ips_placements (client_id, trajectory_id, employer_id, job_title, type, start_date, end_date, end_reason,
           hours_per_week, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          client,
          tr[client],
          employer,
          title,
          type,
          start,
          end,
          end ? 'CONTRACT_ENDED' : null,
          hours,
          s1,
        ],
      );
    await placement(c1, e1, 'Medewerker bediening', 'COMPETITIVE', '2026-02-10', 20);
    await placement(
      c1,
      e2,
      'Magazijnmedewerker',
      'WORK_EXPERIENCE',
      '2026-01-20',
      16,
      '2026-03-05',
    );
    await placement(c4, e2, 'Magazijnmedewerker', 'COMPETITIVE', '2026-03-02', 32, '2026-03-20');
    await placement(c2, e1, 'Bakkersassistent', 'COMPETITIVE', '2026-03-23', 12);
    await placement(c5, e1, 'Vrijwilliger kringloop', 'VOLUNTEERING', '2026-03-25', 8);

    const profile = (client: string, disclosure: string, createdAt: string) =>
      q(
        `INSERT INTO ips_vocational_profiles (trajectory_id, version, wishes, strengths, experience, limitations, disclosure,
           reason, author_id, created_at)
         VALUES ($1, 1, '', '', '', '', $2, 'ASSESSMENT', $3, $4)`,
        [tr[client], disclosure, s1, createdAt],
      );
    await profile(c1, 'FULL', '2026-03-10T12:00:00Z');
    await profile(c2, 'UNDECIDED', '2026-03-08T12:00:00Z');

    const activity = (client: string, kind: string, on: string) =>
      q(
        `INSERT INTO ips_activities (client_id, kind, domain, performed_on, duration_minutes, performed_by, organisation_id,
           funder, rule_id, rule_source, funding_reason)
         VALUES ($1, $2, 'PARTICIPATION', $3, 30, $4, $5, 'GEMEENTE_PARTICIPATIEWET', 'WORK_SUPPORT_BY_BENEFIT', '003:L7218-7224', 'fixture')`,
        [client, kind, on, s1, ggz],
      );
    await activity(c1, 'BENEFITS_COUNSELLING', '2026-01-15');
    await activity(c2, 'BENEFITS_COUNSELLING', '2026-03-05');
    await activity(c1, 'JOB_COACHING', '2026-03-25');
    await activity(c5, 'JOB_COACHING', '2026-03-28');

    const benefitEvent = (client: string, on: string, from: string, throughWork: boolean) =>
      q(
        `INSERT INTO ips_trajectory_events (trajectory_id, event, effective_on, from_benefit, to_benefit, through_work, actor_id)
         VALUES ($1, 'BENEFIT', $2, $3, 'GEEN', $4, $5)`,
        [tr[client], on, from, throughWork, s1],
      );
    await benefitEvent(c1, '2026-03-15', 'BIJSTAND', true);
    await benefitEvent(c4, '2026-03-20', 'WW', false);

    await q(
      `INSERT INTO ips_fidelity_assessments (team_id, assessed_on, scores, author_id) VALUES ($1, '2026-03-20', $2, $3)`,
      [
        teamId,
        JSON.stringify(
          Object.fromEntries(
            [
              'S2',
              'S3',
              'O1',
              'O2',
              'O3',
              'O4',
              'O5',
              'O6',
              'O7',
              'O8',
              'SV5',
              'SV7',
              'SV11',
              'SV13',
              'SV14',
            ].map((code) => [code, { score: 4, comment: '' }]),
          ),
        ),
        lead,
      ],
    );

    const login = await t.request('POST', '/api/v1/auth/login', {
      body: { email: `${lead}@fixture.example`, password: DEMO_PASSWORD },
    });
    token = login.body.accessToken;
  });
  afterAll(() => t.close());

  const dashboard = async () => {
    const res = await t.request('GET', `/api/v1/ips/dashboard?teamId=${teamId}&${PERIOD}`, {
      token,
    });
    expect(res.status).toBe(200);
    return res.body;
  };

  it('computes the team figures', async () => {
    const d = await dashboard();
    expect(d.weeks).toBe(4);
    expect(d.specialists.map((s: { displayName: string }) => s.displayName)).toEqual([
      'Spec Een',
      'Spec Twee',
    ]);
    expect(d.team).toEqual({
      activeCaseload: 4, // C1, C2, C3, C5 (C4 ended on 15 March)
      caseloadPerSpecialist: 2, // 4 / 2
      employerContacts: 10, // 8 + 2 in the period
      faceToFaceContacts: 7, // 6 + 1 visits
      employerContactsPerSpecialistPerWeek: 1.25, // 10 / (2 × 4)
      faceToFacePerSpecialistPerWeek: 0.88, // 7 / 8 = 0.875
      daysToFirstEmployerContact: {
        referrals: 3, // C2, C3, C5 referred in the period
        count: 3,
        average: 10.3, // (10 + 10 + 11) / 3
        median: 10,
        within30: 3,
        overdue: 0,
      },
      clientsInCompetitiveWork: 2, // C1 and C2 on 29 March
      competitiveWorkPct: 50, // 2 / 4
      jobStarts: 2, // C4 on 2 March, C2 on 23 March
      placementStarts: 3, // + C5's volunteering
      timeToFirstJob: { count: 2, average: 25, median: 25 }, // C4: 29 days, C2: 21 days
      averageHoursPerWeek: 16, // (20 + 12) / 2
      jobTenureDays: { count: 3, average: 23.7, median: 18 }, // C1 47, C4 18, C2 6
      exitsFromBenefit: 1, // C1 left bijstand through work; C4's change was not through work
    });
  });

  it('computes the figures per specialist', async () => {
    const d = await dashboard();
    const [one, two] = d.specialists;
    expect(one.figures).toMatchObject({
      activeCaseload: 3,
      employerContacts: 8,
      faceToFaceContacts: 6,
      employerContactsPerSpecialistPerWeek: 2,
      faceToFacePerSpecialistPerWeek: 1.5,
      daysToFirstEmployerContact: { referrals: 2, count: 2, average: 10, median: 10 },
      clientsInCompetitiveWork: 2,
      jobStarts: 1,
      placementStarts: 1,
      timeToFirstJob: { count: 1, average: 21 },
      averageHoursPerWeek: 16,
      jobTenureDays: { count: 2, average: 26.5, median: 26.5 },
      exitsFromBenefit: 1,
    });
    expect(two.figures).toMatchObject({
      activeCaseload: 1,
      employerContacts: 2,
      faceToFaceContacts: 1,
      faceToFacePerSpecialistPerWeek: 0.25,
      daysToFirstEmployerContact: { referrals: 1, average: 11 },
      clientsInCompetitiveWork: 0,
      jobStarts: 1,
      placementStarts: 2,
      timeToFirstJob: { count: 1, average: 29 },
      averageHoursPerWeek: null,
      jobTenureDays: { count: 1, average: 18 },
      exitsFromBenefit: 0,
    });
  });

  it('scores the fidelity items that follow from the data, and adds the self-assessment', async () => {
    const d = await dashboard();
    const derived = Object.fromEntries(
      d.fidelity.items
        .filter((i: { derived: boolean }) => i.derived)
        .map((i: { code: string; value: number; score: number }) => [i.code, [i.value, i.score]]),
    );
    expect(derived).toEqual({
      S1: [2, 5], // 2 clients per specialist
      SV1: [50, 3], // benefits counselling for C1 and C2 of 4
      SV2: [25, 2], // a disclosure choice recorded for C1 only
      SV3: [50, 3], // of 2 ended job experiences, C1's was followed by a profile update
      SV4: [10.5, 5], // first visit: C2 after 10 days, C5 after 11
      SV6: [0.88, 1], // 0.875 visits per specialist per week
      SV8: [100, 5], // 3 different job titles among 3 starts
      SV9: [66.7, 3], // 2 employers among 3 starts
      SV10: [66.7, 2], // 2 competitive among 3 starts
      SV12: [66.7, 3], // C1 and C5 had job coaching in the last 30 days, C2 not
    });
    expect(d.fidelity).toMatchObject({
      total: 92, // 32 from data + 15 × 4 self-assessed
      scoredItems: 25,
      maxTotal: 125,
      level: 'FAIR',
      selfAssessedOn: '2026-03-20',
    });
  });

  it('gives the chart series per week and per month', async () => {
    const d = await dashboard();
    expect(d.series.weeks).toEqual([
      { weekStart: '2026-03-02', employerContacts: 3, faceToFace: 2 },
      { weekStart: '2026-03-09', employerContacts: 2, faceToFace: 2 },
      { weekStart: '2026-03-16', employerContacts: 3, faceToFace: 1 },
      { weekStart: '2026-03-23', employerContacts: 2, faceToFace: 2 },
    ]);
    expect(d.series.months).toEqual([{ month: '2026-03', jobStarts: 2, placementStarts: 3 }]);
  });

  it('keeps the history of self-assessments and refuses derived items there', async () => {
    const spec = await t.request('POST', '/api/v1/auth/login', {
      body: { email: `${s1}@fixture.example`, password: DEMO_PASSWORD },
    });
    const specToken = spec.body.accessToken;
    const bad = await t.request('POST', '/api/v1/ips/fidelity-assessments', {
      token: specToken,
      body: { teamId, assessedOn: '2026-03-30', scores: [{ item: 'S1', score: 5 }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('scores.0.item');
    const ok = await t.request('POST', '/api/v1/ips/fidelity-assessments', {
      token: specToken,
      body: {
        teamId,
        assessedOn: '2026-03-30',
        scores: [
          { item: 'O1', score: 5, comment: 'Specialist zit in het FACT-overleg' },
          { item: 'SV13', score: 3 },
        ],
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.total).toBe(8);
    const history = await t.request('GET', `/api/v1/ips/fidelity-assessments?teamId=${teamId}`, {
      token,
    });
    expect(history.body.items.map((a: { assessedOn: string }) => a.assessedOn)).toEqual([
      '2026-03-30',
      '2026-03-20',
    ]);
    // The newest self-assessment now feeds the dashboard: only two items self-scored.
    const d = await dashboard();
    expect(d.fidelity).toMatchObject({
      scoredItems: 12,
      level: null,
      selfAssessedOn: '2026-03-30',
    });
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const res = await t.request(
      'GET',
      `/api/v1/ips/dashboard?teamId=${teamId}&from=2026-03-29&to=2026-03-02`,
      { token },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('to');
  });
});
