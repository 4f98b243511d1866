import {
  DEMO_GYM,
  DEMO_TEAMS,
  MONIQUE_TRAJECTORY,
  MONIQUE_WORK_GOAL,
  demoClients,
  demoUser,
} from '@tandem/api-data-access';
import { createTestApp, TestApp } from './harness';

/**
 * The "done when", over HTTP against the seeded demo: the IPS specialist logs an employer
 * contact and Monique's placement at the gym; the regiebehandelaar reviews her work goal and it
 * leaves the due list; the funding report puts her motivational conversations under Zvw until the
 * cap and her job coaching under the municipality; the dashboard shows the demo team's figures.
 */
describe('IPS work: the demo flow (issue 6, done when)', () => {
  let t: TestApp;
  const monique = demoClients().find((c) => c.key === 'monique')!;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('shows Monique’s trajectory: coaching phase, bijstand, the profile with its history', async () => {
    const res = await t.request('GET', `/api/v1/clients/${monique.id}/ips`, {
      token: await t.tokenFor('ips'),
    });
    expect(res.status).toBe(200);
    const tr = res.body.trajectory;
    expect(tr).toMatchObject({
      id: MONIQUE_TRAJECTORY,
      referralDate: '2026-09-15',
      phase: 'COACHING',
      benefit: 'BIJSTAND',
      daysToFirstEmployerContact: 9,
      specialist: { displayName: 'Daan Mulder' },
    });
    expect(tr.profile.version).toBe(2);
    expect(tr.profile.reason).toBe('AFTER_JOB_EXPERIENCE');
    expect(tr.profileHistory).toHaveLength(2);
    expect(tr.profileHistory[1].wishes).toMatch(/niet met kinderen/);
    expect(tr.events.map((e: { phase: string }) => e.phase)).toEqual([
      'INTAKE',
      'ASSESSMENT',
      'JOB_FINDING',
      'COACHING',
    ]);
    expect(res.body.permissions).toMatchObject({
      canUpdateTrajectory: true,
      canCreatePlacement: true,
      canReviewWorkGoals: false,
    });
  });

  it('the IPS specialist logs an employer contact with two fields, and it shows in the list', async () => {
    const token = await t.tokenFor('ips');
    const res = await t.request('POST', '/api/v1/ips/employer-contacts', {
      token,
      body: { employerId: DEMO_GYM.id, kind: 'VISIT' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      employerName: 'Sportschool De Kracht',
      kind: 'VISIT',
      outcome: 'INTRODUCTION',
      contactOn: today,
      clientId: null,
      specialist: { userId: demoUser('ips').id },
      canEdit: true,
    });
    const forClient = await t.request('POST', '/api/v1/ips/employer-contacts', {
      token,
      body: {
        newEmployerName: 'Kapsalon Knip',
        kind: 'PHONE',
        clientId: monique.id,
        outcome: 'VACANCY',
        followUpOn: today,
      },
    });
    expect(forClient.status).toBe(201);
    expect(forClient.body.employerName).toBe('Kapsalon Knip');
    const list = await t.request(
      'GET',
      `/api/v1/ips/employer-contacts?specialistId=${demoUser('ips').id}&from=${today}&to=${today}`,
      { token },
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([res.body.id, forClient.body.id]),
    );
    const register = await t.request('GET', '/api/v1/ips/employers?q=knip', { token });
    expect(register.status).toBe(200);
    expect(register.body.items).toHaveLength(1);
  });

  it('the IPS specialist registers Monique’s work-experience placement at the gym', async () => {
    const token = await t.tokenFor('ips');
    const res = await t.request('POST', `/api/v1/clients/${monique.id}/ips/placements`, {
      token,
      body: {
        employerId: DEMO_GYM.id,
        jobTitle: 'Receptiemedewerker',
        type: 'WORK_EXPERIENCE',
        startDate: '2026-10-13',
        hoursPerWeek: 16,
        support: ['JOB_COACHING', 'APPLICATION_DUTY_EXEMPTION'],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      employerName: 'Sportschool De Kracht',
      type: 'WORK_EXPERIENCE',
      competitive: false,
      hoursPerWeek: 16,
      trajectoryId: MONIQUE_TRAJECTORY,
      support: ['JOB_COACHING', 'APPLICATION_DUTY_EXEMPTION'],
    });
    // The klantmanager needs to know about the placement and the exemption, not the diagnosis.
    const km = await t.request('GET', `/api/v1/clients/${monique.id}/ips/placements`, {
      token: await t.tokenFor('klantmanager'),
    });
    expect(km.status).toBe(200);
    expect(km.body.items.some((p: { id: string }) => p.id === res.body.id)).toBe(true);
    expect(JSON.stringify(km.body)).not.toMatch(/diagnos|psychot/i);
  });

  it('the regiebehandelaar reviews Monique’s work goal and it leaves the due list', async () => {
    const token = await t.tokenFor('regie');
    const due = await t.request('GET', '/api/v1/ips/work-goals/due?forReview=true&pageSize=100', {
      token,
    });
    expect(due.status).toBe(200);
    const item = due.body.items.find((g: { goalId: string }) => g.goalId === MONIQUE_WORK_GOAL);
    expect(item).toMatchObject({
      clientId: monique.id,
      proposedForConference: true,
      regiebehandelaar: { displayName: 'Anna de Vries' },
    });
    const goal = await t.request(
      'GET',
      `/api/v1/clients/${monique.id}/ips/work-goals/${MONIQUE_WORK_GOAL}`,
      {
        token,
      },
    );
    expect(goal.body).toMatchObject({
      dueForReview: true,
      canReview: true,
      linkedToTreatmentPlan: true,
      treatmentGoal: { text: 'Een vaste dagstructuur met activiteiten buitenshuis' },
    });
    const review = await t.request(
      'POST',
      `/api/v1/clients/${monique.id}/ips/work-goals/${MONIQUE_WORK_GOAL}/reviews`,
      {
        token,
        body: {
          version: goal.body.version,
          reviewedOn: today,
          assessment: 'ON_TRACK',
          comment: 'Houdt de 16 uur goed vol; slaap verbeterd.',
        },
      },
    );
    expect(review.status).toBe(201);
    expect(review.body.dueForReview).toBe(false);
    expect(review.body.nextReviewOn > today).toBe(true);
    expect(review.body.reviews[0]).toMatchObject({
      assessment: 'ON_TRACK',
      reviewer: { displayName: 'Anna de Vries' },
    });
    const after = await t.request('GET', '/api/v1/ips/work-goals/due?forReview=true&pageSize=100', {
      token,
    });
    expect(after.body.items.some((g: { goalId: string }) => g.goalId === MONIQUE_WORK_GOAL)).toBe(
      false,
    );
    expect(after.body.total).toBe(due.body.total - 1);
    // The review is in the access log, on Monique's file.
    const [reviewEntry] = await t.db.query(
      "SELECT action, basis FROM access_log WHERE user_id = $1 AND object_type = 'WorkGoalReview' ORDER BY id DESC LIMIT 1",
      [demoUser('regie').id],
    );
    expect(reviewEntry).toEqual({ action: 'UPDATE', basis: 'TREATMENT_RELATIONSHIP' });
  });

  it('the funding report puts her motivational conversations under Zvw until the cap, her job coaching under the municipality', async () => {
    const token = await t.tokenFor('regie');
    const res = await t.request(
      'GET',
      `/api/v1/ips/funding/report?from=2026-09-01&to=2026-11-30&teamId=${DEMO_TEAMS.noord.id}&pageSize=100&page=1`,
      { token },
    );
    expect(res.status).toBe(200);
    expect(res.body.check.countedOnce).toBe(true);
    const moniqueLines = [];
    for (let page = 1; ; page++) {
      const p = await t.request(
        'GET',
        `/api/v1/ips/funding/report?from=2026-09-01&to=2026-11-30&pageSize=100&page=${page}`,
        { token },
      );
      moniqueLines.push(
        ...p.body.items.filter((l: { clientId: string }) => l.clientId === monique.id),
      );
      if (page * 100 >= p.body.total) break;
    }
    const conversations = moniqueLines
      .filter((l) => l.kind === 'MOTIVATIONAL_CONVERSATION')
      .sort((a, b) => a.performedOn.localeCompare(b.performedOn));
    expect(conversations).toHaveLength(10);
    expect(conversations.map((l) => l.funder)).toEqual([
      ...Array(8).fill('ZVW'),
      'GEMEENTE_PARTICIPATIEWET',
      'GEMEENTE_PARTICIPATIEWET',
    ]);
    expect(conversations[0].source).toBe('003:L7228-7242, L10250-10254, L13242-13246');
    expect(conversations[8].reason).toMatch(/beyond the insurer’s cap of 8/);
    const coaching = moniqueLines.filter((l) => l.kind === 'JOB_COACHING');
    expect(coaching.length).toBeGreaterThan(0);
    expect(coaching.every((l) => l.funder === 'GEMEENTE_PARTICIPATIEWET')).toBe(true);
    // Every activity appears exactly once, and the totals add up to the lines.
    const totalLines = res.body.total;
    const sum = res.body.totals.reduce(
      (n: number, x: { activities: number }) => n + x.activities,
      0,
    );
    expect(sum).toBe(totalLines);
    expect(res.body.check).toMatchObject({
      activities: totalLines,
      distinctActivities: totalLines,
      sumOverFunders: totalLines,
    });
    // Simon's burn-out treatment is not Zvw: his employer pays.
    const simon = demoClients().find((c) => c.key === 'simon')!;
    const simonReport = await t.request(
      'GET',
      `/api/v1/clients/${simon.id}/ips/activities?pageSize=100`,
      { token },
    );
    expect(simonReport.body.items.length).toBeGreaterThan(0);
    expect(
      simonReport.body.items.every(
        (a: { classification: { funder: string; rule: { source: string } } }) =>
          a.classification.funder === 'WERKGEVER' &&
          a.classification.rule.source === '003:L7070-7127',
      ),
    ).toBe(true);

    const csv = await t.request(
      'GET',
      `/api/v1/ips/funding/report/export?from=2026-09-01&to=2026-11-30&teamId=${DEMO_TEAMS.noord.id}`,
      { token },
    );
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toMatch(/text\/csv/);
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toMatch(/^activityId,performedOn,clientId/);
    const ids = lines.slice(1).map((l) => l.split(',')[0]);
    expect(ids).toHaveLength(totalLines);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the dashboard shows the demo team’s figures', async () => {
    const token = await t.tokenFor('ips');
    const res = await t.request(
      'GET',
      `/api/v1/ips/dashboard?teamId=${DEMO_TEAMS.noord.id}&from=2026-09-07&to=2026-11-29`,
      { token },
    );
    expect(res.status).toBe(200);
    expect(res.body.teamName).toBe('FACT Rivierstad-Noord');
    expect(res.body.weeks).toBe(12);
    expect(res.body.specialists.map((s: { displayName: string }) => s.displayName)).toEqual([
      'Daan Mulder',
    ]);
    const team = res.body.team;
    expect(team.activeCaseload).toBeGreaterThan(10);
    expect(team.activeCaseload).toBeLessThanOrEqual(20);
    expect(team.employerContacts).toBeGreaterThanOrEqual(48);
    expect(team.faceToFacePerSpecialistPerWeek).toBeGreaterThan(2);
    expect(team.clientsInCompetitiveWork).toBeGreaterThan(0);
    expect(res.body.series.weeks).toHaveLength(12);
    const derived = res.body.fidelity.items.filter((i: { derived: boolean }) => i.derived);
    expect(derived).toHaveLength(10);
    expect(derived.find((i: { code: string }) => i.code === 'S1').score).toBe(5);
    expect(res.body.fidelity.selfAssessedOn).toBe('2026-10-15');
    // The team lead sees the same figures (aggregates, no client names).
    const lead = await t.request('GET', `/api/v1/ips/dashboard?from=2026-09-07&to=2026-11-29`, {
      token: await t.tokenFor('teamlead'),
    });
    expect(lead.status).toBe(200);
    expect(lead.body.team).toEqual(team);
    expect(JSON.stringify(lead.body)).not.toContain('Monique');
  });
});
