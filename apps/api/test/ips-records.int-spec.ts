import { Client } from 'pg';
import {
  DEMO_GYM,
  MONIQUE_PLACEMENT,
  MONIQUE_TRAJECTORY,
  MONIQUE_WORK_GOAL,
  demoClients,
  demoUser,
} from '@tandem/api-data-access';
import { createTestApp, TestApp } from './harness';

/**
 * IPS records beyond the happy path: funding classification as facts change (late entries, the
 * insurer's cap, the client's benefit), overrides with the original kept, the trajectory's life
 * cycle and profile versions, conflicts, validation, the client's comments, and the history tables
 * that only grow.
 */
describe('IPS records: funding, life cycle, conflicts and history', () => {
  let t: TestApp;
  const clients = demoClients();
  const monique = clients.find((c) => c.key === 'monique')!;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const activities = async (clientId: string, token: string, query = '') =>
    (
      await t.request('GET', `/api/v1/clients/${clientId}/ips/activities?pageSize=100${query}`, {
        token,
      })
    ).body.items as {
      id: string;
      kind: string;
      performedOn: string;
      version: number;
      classification: {
        funder: string;
        reason: string;
        overridden: boolean;
        rule: { funder: string; ruleId: string; source: string };
      };
    }[];

  it('classifies motivational conversations in date order; a late entry moves the cap', async () => {
    const client = clients.find((c) => c.key === 'client-5')!; // IPS client, no benefit (GEEN)
    const token = await t.tokenFor('keyworker');
    const register = (performedOn: string) =>
      t.request('POST', `/api/v1/clients/${client.id}/ips/activities`, {
        token,
        body: {
          kind: 'MOTIVATIONAL_CONVERSATION',
          performedOn,
          durationMinutes: 45,
          inTreatmentPlan: true,
          directedByRegiebehandelaar: true,
        },
      });
    const results = [];
    for (let day = 1; day <= 8; day++)
      results.push(await register(`2026-10-${String(day).padStart(2, '0')}`));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(results[7].body.classification).toMatchObject({
      funder: 'ZVW',
      rule: {
        ruleId: 'MOTIVATIONAL_WITHIN_CAP',
        source: '003:L7228-7242, L10250-10254, L13242-13246',
      },
    });
    const ninth = await register('2026-10-20');
    expect(ninth.body.classification.funder).toBe('GEMEENTE_PARTICIPATIEWET');
    expect(ninth.body.classification.reason).toMatch(/beyond the insurer’s cap of 8/);
    // Registered late, for an earlier date: it takes a place under the cap, the last one drops out.
    const late = await register('2026-09-20');
    expect(late.body.classification.funder).toBe('ZVW');
    const eighth = await t.request(
      'GET',
      `/api/v1/clients/${client.id}/ips/activities/${results[7].body.id}`,
      {
        token,
      },
    );
    expect(eighth.body.classification.funder).toBe('GEMEENTE_PARTICIPATIEWET');
    expect(
      eighth.body.fundingHistory.map((h: { event: string; funder: string }) => [h.event, h.funder]),
    ).toEqual([
      ['CLASSIFIED', 'ZVW'],
      ['RECLASSIFIED', 'GEMEENTE_PARTICIPATIEWET'],
    ]);
    // Not in the treatment plan: not Zvw and not counted towards the cap.
    const outside = await t.request('POST', `/api/v1/clients/${client.id}/ips/activities`, {
      token,
      body: { kind: 'MOTIVATIONAL_CONVERSATION', performedOn: '2026-09-01', durationMinutes: 30 },
    });
    expect(outside.body.classification.rule.ruleId).toBe('MOTIVATIONAL_NOT_IN_TREATMENT_PLAN');
    const [entry] = await t.db.query(
      "SELECT object_type, action, basis FROM access_log WHERE user_id = $1 AND outcome = 'ALLOWED' ORDER BY id DESC LIMIT 1",
      [demoUser('keyworker').id],
    );
    expect(entry).toEqual({
      object_type: 'Activity',
      action: 'CREATE',
      basis: 'TREATMENT_RELATIONSHIP',
    });
  });

  it('lets a professional override the funder with a reason; the rules’ outcome and history are kept', async () => {
    const token = await t.tokenFor('regie');
    const coaching = (await activities(monique.id, token, '&kind=JOB_COACHING'))[0];
    const short = await t.request(
      'POST',
      `/api/v1/clients/${monique.id}/ips/activities/${coaching.id}/funding-override`,
      { token, body: { version: coaching.version, funder: 'UWV', reason: 'too short' } },
    );
    expect(short.status).toBe(400);
    expect(short.body.errors[0].field).toBe('reason');
    const km = await t.request(
      'POST',
      `/api/v1/clients/${monique.id}/ips/activities/${coaching.id}/funding-override`,
      {
        token: await t.tokenFor('klantmanager'),
        body: {
          version: coaching.version,
          funder: 'UWV',
          reason: 'Klantmanager tries to move this',
        },
      },
    );
    expect(km.status).toBe(403);
    const res = await t.request(
      'POST',
      `/api/v1/clients/${monique.id}/ips/activities/${coaching.id}/funding-override`,
      {
        token,
        body: {
          version: coaching.version,
          funder: 'UWV',
          reason: 'Afspraak met UWV: deze begeleiding valt onder de proefplaatsing.',
        },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.classification).toMatchObject({
      funder: 'UWV',
      overridden: true,
      reason: 'Afspraak met UWV: deze begeleiding valt onder de proefplaatsing.',
      rule: { funder: 'GEMEENTE_PARTICIPATIEWET', ruleId: 'WORK_SUPPORT_BY_BENEFIT' },
      override: { byName: 'Anna de Vries' },
    });
    expect(res.body.fundingHistory.map((h: { event: string }) => h.event)).toEqual([
      'CLASSIFIED',
      'OVERRIDDEN',
    ]);
    const stale = await t.request(
      'POST',
      `/api/v1/clients/${monique.id}/ips/activities/${coaching.id}/funding-override`,
      {
        token,
        body: {
          version: coaching.version,
          funder: 'ZVW',
          reason: 'A second, stale attempt to change it',
        },
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.current.classification.funder).toBe('UWV');
    // The report counts it once, under UWV, marked as overridden.
    const report = await t.request(
      'GET',
      `/api/v1/ips/funding/report?from=2026-10-01&to=2026-11-30&funder=UWV&pageSize=100`,
      {
        token,
      },
    );
    const line = report.body.items.find(
      (l: { activityId: string }) => l.activityId === coaching.id,
    );
    expect(line).toMatchObject({
      funder: 'UWV',
      ruleFunder: 'GEMEENTE_PARTICIPATIEWET',
      overridden: true,
      ruleId: 'OVERRIDE',
    });
    expect(report.body.check.countedOnce).toBe(true);
    expect(
      report.body.totals.find((x: { funder: string }) => x.funder === 'UWV').overridden,
    ).toBeGreaterThanOrEqual(1);
    // The IPS specialist may override work activities, not care activities.
    const ips = await t.tokenFor('ips');
    const [treatment] = await t.db.query(
      "SELECT id, version FROM ips_activities WHERE client_id = $1 AND kind = 'MOTIVATIONAL_CONVERSATION' LIMIT 1",
      [monique.id],
    );
    const denied = await t.request(
      'POST',
      `/api/v1/clients/${monique.id}/ips/activities/${treatment.id}/funding-override`,
      {
        token: ips,
        body: {
          version: treatment.version,
          funder: 'UWV',
          reason: 'Not my activity to classify at all',
        },
      },
    );
    expect(denied.status).toBe(404); // a treatment-domain activity is hidden from him
  });

  it('reclassifies when the team lead changes an insurer’s cap', async () => {
    const lead = await t.tokenFor('teamlead');
    const caps = await t.request('GET', '/api/v1/ips/funding/insurer-caps', { token: lead });
    expect(caps.body.canEdit).toBe(true);
    expect(caps.body.defaultCap).toBe(8);
    const rivierzorg = caps.body.items.find((c: { insurer: string }) => c.insurer === 'RIVIERZORG');
    const stale = await t.request('PUT', '/api/v1/ips/funding/insurer-caps', {
      token: lead,
      body: {
        insurer: 'RIVIERZORG',
        name: rivierzorg.name,
        motivationalCap: 10,
        version: rivierzorg.version + 5,
      },
    });
    expect(stale.status).toBe(409);
    const res = await t.request('PUT', '/api/v1/ips/funding/insurer-caps', {
      token: lead,
      body: {
        insurer: 'RIVIERZORG',
        name: rivierzorg.name,
        motivationalCap: 10,
        version: rivierzorg.version,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.reclassifiedActivities).toBeGreaterThanOrEqual(2); // Monique's 9th and 10th at least
    const list = await activities(
      monique.id,
      await t.tokenFor('regie'),
      '&kind=MOTIVATIONAL_CONVERSATION',
    );
    expect(list).toHaveLength(10);
    expect(list.every((a) => a.classification.funder === 'ZVW')).toBe(true);
    const back = await t.request('PUT', '/api/v1/ips/funding/insurer-caps', {
      token: lead,
      body: {
        insurer: 'RIVIERZORG',
        name: rivierzorg.name,
        motivationalCap: 8,
        version: res.body.version,
      },
    });
    expect(back.status).toBe(200);
    const again = await activities(
      monique.id,
      await t.tokenFor('regie'),
      '&kind=MOTIVATIONAL_CONVERSATION',
    );
    expect(again.filter((a) => a.classification.funder === 'ZVW')).toHaveLength(8);
  });

  it('follows the client’s benefit: after a change to WW, new work support is UWV’s', async () => {
    const ips = await t.tokenFor('ips');
    const overview = await t.request('GET', `/api/v1/clients/${monique.id}/ips`, { token: ips });
    const changed = await t.request('PATCH', `/api/v1/clients/${monique.id}/ips/trajectory`, {
      token: ips,
      body: { version: overview.body.trajectory.version, benefit: 'WW', effectiveOn: '2026-11-09' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.trajectory.events.at(-1)).toMatchObject({
      event: 'BENEFIT',
      fromBenefit: 'BIJSTAND',
      toBenefit: 'WW',
      throughWork: false,
    });
    const coaching = await activities(monique.id, ips, '&kind=JOB_COACHING');
    const after = coaching.filter(
      (a) => a.performedOn >= '2026-11-09' && !a.classification.overridden,
    );
    const before = coaching.filter(
      (a) => a.performedOn < '2026-11-09' && !a.classification.overridden,
    );
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((a) => a.classification.funder === 'UWV')).toBe(true);
    expect(before.every((a) => a.classification.funder === 'GEMEENTE_PARTICIPATIEWET')).toBe(true);
    const stale = await t.request('PATCH', `/api/v1/clients/${monique.id}/ips/trajectory`, {
      token: ips,
      body: { version: overview.body.trajectory.version, phase: 'AFTERCARE' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current.benefit).toBe('WW');
    const bad = await t.request('PATCH', `/api/v1/clients/${monique.id}/ips/trajectory`, {
      token: ips,
      body: { version: changed.body.trajectory.version, exitThroughWork: true, benefit: 'WIA' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('exitThroughWork');
  });

  it('ends a trajectory with a reason, registers a new one, and keeps one open at a time', async () => {
    const client = clients.find((c) => c.key === 'client-2')!;
    const ips = await t.tokenFor('ips');
    const overview = await t.request('GET', `/api/v1/clients/${client.id}/ips`, { token: ips });
    const noReason = await t.request('PATCH', `/api/v1/clients/${client.id}/ips/trajectory`, {
      token: ips,
      body: { version: overview.body.trajectory.version, phase: 'ENDED' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('endReason');
    const ended = await t.request('PATCH', `/api/v1/clients/${client.id}/ips/trajectory`, {
      token: ips,
      body: {
        version: overview.body.trajectory.version,
        phase: 'ENDED',
        endReason: 'CLIENT_STOPPED',
        effectiveOn: today,
      },
    });
    expect(ended.status).toBe(200);
    expect(ended.body.trajectory).toBeNull();
    expect(ended.body.history[0]).toMatchObject({
      phase: 'ENDED',
      endReason: 'CLIENT_STOPPED',
      endedOn: today,
    });
    const goal = await t.request('POST', `/api/v1/clients/${client.id}/ips/work-goals`, {
      token: ips,
      body: { text: 'Een baan vinden' },
    });
    expect(goal.status).toBe(409);
    expect(goal.body.code).toBe('NO_OPEN_TRAJECTORY');
    const unknownInsurer = await t.request('POST', `/api/v1/clients/${client.id}/ips/trajectory`, {
      token: ips,
      body: { referralDate: today, benefit: 'WAJONG', healthInsurer: 'NOSUCHINSURER' },
    });
    expect(unknownInsurer.status).toBe(400);
    expect(unknownInsurer.body.errors[0].field).toBe('healthInsurer');
    const created = await t.request('POST', `/api/v1/clients/${client.id}/ips/trajectory`, {
      token: ips,
      body: { referralDate: today, benefit: 'WAJONG', healthInsurer: 'DELTAZORG' },
    });
    expect(created.status).toBe(201);
    expect(created.body.trajectory).toMatchObject({
      phase: 'INTAKE',
      benefit: 'WAJONG',
      healthInsurer: { insurer: 'DELTAZORG', motivationalCap: 10 },
    });
    expect(created.body.history).toHaveLength(1);
    const twice = await t.request('POST', `/api/v1/clients/${client.id}/ips/trajectory`, {
      token: ips,
      body: { referralDate: today, benefit: 'WAJONG' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('TRAJECTORY_EXISTS');
    const careCreate = await t.request('POST', `/api/v1/clients/${client.id}/ips/trajectory`, {
      token: await t.tokenFor('keyworker'),
      body: { referralDate: today, benefit: 'WAJONG' },
    });
    expect(careCreate.status).toBe(403);
  });

  it('keeps every version of the vocational profile; a stale edit answers 409', async () => {
    const ips = await t.tokenFor('ips');
    const body = {
      wishes: 'Betaald werk aan een receptie',
      strengths: 'Gastvrij',
      experience: 'Werkervaringsplaats receptie',
      limitations: 'Geen avonddiensten',
      preferredHoursMin: 16,
      preferredHoursMax: 20,
      disclosure: 'PARTIAL',
    };
    const missing = await t.request(
      'POST',
      `/api/v1/clients/${monique.id}/ips/trajectory/profile`,
      {
        token: ips,
        body: { ...body, basedOnVersion: 2, reason: 'AFTER_JOB_EXPERIENCE' },
      },
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('placementId');
    const stale = await t.request('POST', `/api/v1/clients/${monique.id}/ips/trajectory/profile`, {
      token: ips,
      body: { ...body, basedOnVersion: 1, reason: 'OTHER' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(2);
    const hours = await t.request('POST', `/api/v1/clients/${monique.id}/ips/trajectory/profile`, {
      token: ips,
      body: {
        ...body,
        basedOnVersion: 2,
        reason: 'OTHER',
        preferredHoursMin: 30,
        preferredHoursMax: 20,
      },
    });
    expect(hours.status).toBe(400);
    expect(hours.body.errors[0].field).toBe('preferredHoursMax');
    const ok = await t.request('POST', `/api/v1/clients/${monique.id}/ips/trajectory/profile`, {
      token: ips,
      body: {
        ...body,
        basedOnVersion: 2,
        reason: 'AFTER_JOB_EXPERIENCE',
        placementId: MONIQUE_PLACEMENT,
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.trajectory.profile.version).toBe(3);
    expect(ok.body.trajectory.profileHistory.map((p: { version: number }) => p.version)).toEqual([
      3, 2, 1,
    ]);
  });

  it('validates placements and answers a stale change with the current placement', async () => {
    const ips = await t.tokenFor('ips');
    const base = `/api/v1/clients/${monique.id}/ips/placements`;
    const bad = await t.request('POST', base, {
      token: ips,
      body: {
        employerId: DEMO_GYM.id,
        jobTitle: 'R',
        type: 'PAID',
        startDate: '2026-02-30',
        hoursPerWeek: 80,
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'hoursPerWeek',
      'jobTitle',
      'startDate',
      'type',
    ]);
    const current = await t.request('GET', `${base}/${MONIQUE_PLACEMENT}`, { token: ips });
    expect(current.body.followAlong.length).toBeGreaterThan(0);
    const endBefore = await t.request('PATCH', `${base}/${MONIQUE_PLACEMENT}`, {
      token: ips,
      body: { version: current.body.version, endDate: '2026-10-01', endReason: 'NEXT_JOB' },
    });
    expect(endBefore.status).toBe(400);
    expect(endBefore.body.errors[0].field).toBe('endDate');
    const reasonOnly = await t.request('PATCH', `${base}/${MONIQUE_PLACEMENT}`, {
      token: ips,
      body: { version: current.body.version, endReason: 'NEXT_JOB' },
    });
    expect(reasonOnly.status).toBe(400);
    const ok = await t.request('PATCH', `${base}/${MONIQUE_PLACEMENT}`, {
      token: ips,
      body: { version: current.body.version, hoursPerWeek: 20, hourlyWage: 14.25 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      hoursPerWeek: 20,
      hourlyWage: 14.25,
      version: current.body.version + 1,
    });
    const stale = await t.request('PATCH', `${base}/${MONIQUE_PLACEMENT}`, {
      token: ips,
      body: { version: current.body.version, hoursPerWeek: 24 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current.hoursPerWeek).toBe(20);
  });

  it('lets Monique comment on her work goal in her passport; her IPS specialist reads it', async () => {
    const token = await t.tokenFor('monique');
    const goals = await t.request('GET', `/api/v1/clients/${monique.id}/ips/work-goals`, { token });
    expect(goals.status).toBe(200);
    expect(goals.body.items[0]).toMatchObject({
      id: MONIQUE_WORK_GOAL,
      canComment: true,
      canEdit: false,
    });
    expect(goals.body.items[0]).not.toHaveProperty('treatmentGoal');
    const res = await t.request(
      'POST',
      `/api/v1/clients/${monique.id}/ips/work-goals/${MONIQUE_WORK_GOAL}/comments`,
      {
        token,
        body: { text: 'Ik wil graag ook op zaterdag werken.' },
      },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ byClient: true, authorName: 'Monique van Dam' });
    const seen = await t.request(
      'GET',
      `/api/v1/clients/${monique.id}/ips/work-goals/${MONIQUE_WORK_GOAL}`,
      {
        token: await t.tokenFor('ips'),
      },
    );
    expect(seen.body.comments.map((c: { text: string }) => c.text)).toContain(
      'Ik wil graag ook op zaterdag werken.',
    );
    // Her passport shows her own trajectory (phase, profile; issue 7) but no activities or funding.
    const overview = await t.request('GET', `/api/v1/clients/${monique.id}/ips`, { token });
    expect(overview.status).toBe(200);
    expect(overview.body.permissions).toMatchObject({
      canUpdateTrajectory: false,
      canCreatePlacement: false,
      canCreateWorkGoal: false,
      canReadActivities: false,
      creatableActivityKinds: [],
    });
    expect(
      (await t.request('GET', `/api/v1/clients/${monique.id}/ips/activities`, { token })).status,
    ).toBe(404);
  });

  it('refuses a second employer with the same name and a follow-up before the contact', async () => {
    const ips = await t.tokenFor('ips');
    const dup = await t.request('POST', '/api/v1/ips/employers', {
      token: ips,
      body: { name: 'sportschool de kracht' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'EMPLOYER_EXISTS', existingId: DEMO_GYM.id });
    const created = await t.request('POST', '/api/v1/ips/employers', {
      token: ips,
      body: {
        name: 'Drukkerij Noord',
        sector: 'Grafisch',
        contactPerson: { name: 'Kees Drukker', email: 'kees@drukkerij.example' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.contactPersons).toHaveLength(1);
    const followUp = await t.request('POST', '/api/v1/ips/employer-contacts', {
      token: ips,
      body: {
        employerId: created.body.id,
        kind: 'EMAIL',
        contactOn: '2026-11-10',
        followUpOn: '2026-11-01',
      },
    });
    expect(followUp.status).toBe(400);
    expect(followUp.body.errors[0].field).toBe('followUpOn');
    const byCare = await t.request('POST', '/api/v1/ips/employers', {
      token: await t.tokenFor('keyworker'),
      body: { name: 'Garage Noord' },
    });
    expect(byCare.status).toBe(403);
  });

  it('keeps the history tables append-only, for the application and for superusers', async () => {
    const admin = new Client({ connectionString: t.url });
    await admin.connect();
    try {
      for (const sql of [
        'UPDATE ips_trajectory_events SET effective_on = effective_on',
        'UPDATE ips_activity_funding_events SET reason = reason',
        'UPDATE ips_work_goal_reviews SET comment = comment',
        'UPDATE ips_vocational_profiles SET wishes = wishes',
        'DELETE FROM ips_activities',
        'DELETE FROM ips_placements',
      ]) {
        await expect(admin.query(`SET ROLE tandem_app; ${sql}`)).rejects.toThrow(
          /permission denied/,
        );
        await admin.query('RESET ROLE');
      }
      await expect(
        admin.query('UPDATE ips_activity_funding_events SET reason = reason'),
      ).rejects.toThrow(/not allowed/);
      await expect(
        admin.query(
          `DELETE FROM ips_trajectory_events WHERE trajectory_id = '${MONIQUE_TRAJECTORY}'`,
        ),
      ).rejects.toThrow(/not allowed/);
      await expect(admin.query('DELETE FROM ips_activities')).rejects.toThrow(/not allowed/);
    } finally {
      await admin.end();
    }
  });
});
