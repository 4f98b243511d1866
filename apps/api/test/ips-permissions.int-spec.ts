import { IPS_MATRIX, IpsDomain, MATRIX_CLIENT_KEYS } from '@tandem/ability/testing';
import { DEMO_GYM, DEMO_TEAMS, demoClients, demoUser, stableId } from '@tandem/api-data-access';
import { createTestApp, TestApp } from './harness';

/**
 * The declared IPS permission table (libs/shared/ability/src/testing/ips-matrix.ts) over HTTP
 * against a real PostgreSQL: allowed and denied reads, allowed and denied writes, hidden records
 * answering 404, and nothing left behind by a denied write.
 */
describe('IPS permissions over HTTP', () => {
  let t: TestApp;
  const clients = demoClients();
  const today = new Date().toISOString().slice(0, 10);
  const KIND: Record<IpsDomain, string> = {
    TREATMENT: 'TREATMENT',
    PARTICIPATION: 'JOB_COACHING',
    WMO: 'DAY_ACTIVITY',
  };
  const clientOf = (key: keyof typeof MATRIX_CLIENT_KEYS) =>
    clients.find((c) => c.key === MATRIX_CLIENT_KEYS[key])!;
  const count = async (table: string, clientId: string) =>
    (
      await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE client_id = $1`, [clientId])
    )[0].n as number;
  const goalOf = async (clientId: string) =>
    (
      await t.db.query(
        "SELECT id, version FROM ips_work_goals WHERE client_id = $1 AND status = 'OPEN' ORDER BY created_at LIMIT 1",
        [clientId],
      )
    )[0] as { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp();
    // Every matrix client gets an open trajectory, an open work goal, an activity in each domain
    // and an employer contact, so each right can be observed.
    const ips = demoUser('ips').id;
    const regie = demoUser('regie').id;
    for (const key of Object.keys(MATRIX_CLIENT_KEYS) as (keyof typeof MATRIX_CLIENT_KEYS)[]) {
      const client = clientOf(key);
      let [trajectory] = await t.db.query(
        "SELECT id FROM ips_trajectories WHERE client_id = $1 AND phase <> 'ENDED'",
        [client.id],
      );
      if (!trajectory) {
        [trajectory] = await t.db.query(
          `INSERT INTO ips_trajectories (client_id, specialist_id, referral_date, phase, phase_since, benefit, created_by)
           VALUES ($1, $2, '2026-10-01', 'JOB_FINDING', '2026-10-01', 'WW', $2) RETURNING id`,
          [client.id, ips],
        );
      }
      await t.db.query(
        `INSERT INTO ips_work_goals (client_id, trajectory_id, text, next_review_on, created_by)
         VALUES ($1, $2, 'Matrix fixture goal', '2026-11-01', $3)`,
        [client.id, trajectory.id, ips],
      );
      for (const [domain, kind] of Object.entries(KIND)) {
        await t.db.query(
          `INSERT INTO ips_activities (client_id, kind, domain, performed_on, duration_minutes, performed_by, organisation_id,
             funder, rule_id, rule_source, funding_reason)
           VALUES ($1, $2, $3, '2026-11-02', 30, $4, $5, 'ZVW', 'TREATMENT_ZVW', '003:L355-363', 'Matrix fixture')`,
          [client.id, kind, domain, regie, demoUser('regie').organisationId],
        );
      }
      await t.db.query(
        `INSERT INTO ips_employer_contacts (team_id, employer_id, specialist_id, client_id, contact_on, kind, outcome)
         VALUES ($1, $2, $3, $4, '2026-11-03', 'VISIT', 'INTRODUCTION')`,
        [client.teamId, DEMO_GYM.id, ips, client.id],
      );
    }
  });
  afterAll(() => t.close());

  for (const row of IPS_MATRIX) {
    const label = `${row.actor} on ${row.client}`;

    it(`${label}: reads trajectory ${row.readTrajectory}, placements ${row.readPlacement}, goals ${row.readWorkGoal}, activities [${row.readActivities}]`, async () => {
      const client = clientOf(row.client);
      const token = await t.tokenFor(row.actor);
      const base = `/api/v1/clients/${client.id}/ips`;
      expect((await t.request('GET', base, { token })).status).toBe(row.readTrajectory ? 200 : 404);
      const placements = await t.request('GET', `${base}/placements`, { token });
      expect(placements.status).toBe(row.readPlacement ? 200 : 404);
      const goals = await t.request('GET', `${base}/work-goals?pageSize=100`, { token });
      expect(goals.status).toBe(row.readWorkGoal ? 200 : 404);
      if (row.readWorkGoal) {
        expect(goals.body.items.map((g: { text: string }) => g.text)).toContain(
          'Matrix fixture goal',
        );
      } else {
        expect(JSON.stringify(goals.body)).not.toContain('Matrix fixture');
      }
      const activities = await t.request('GET', `${base}/activities?pageSize=100`, { token });
      expect(activities.status).toBe(row.readActivities.length ? 200 : 404);
      if (row.readActivities.length) {
        const seen = new Set(activities.body.items.map((a: { domain: string }) => a.domain));
        expect([...seen].sort()).toEqual([...row.readActivities].sort());
      }
      const contacts = await t.request(
        'GET',
        `/api/v1/ips/employer-contacts?clientId=${client.id}&pageSize=100`,
        { token },
      );
      expect({ status: contacts.status, any: contacts.body.total > 0 }).toEqual({
        status: 200,
        any: row.readEmployerContacts,
      });
    });

    it(`${label}: writes goals ${row.writeWorkGoal}, placements ${row.writePlacement}, reviews ${row.reviewWorkGoal}, comments ${row.commentWorkGoal}`, async () => {
      const client = clientOf(row.client);
      const token = await t.tokenFor(row.actor);
      const base = `/api/v1/clients/${client.id}/ips`;
      const denied = (read: boolean) => (read ? 403 : 404);

      const goalsBefore = await count('ips_work_goals', client.id);
      const goal = await t.request('POST', `${base}/work-goals`, {
        token,
        body: { text: 'Matrix write goal' },
      });
      expect(goal.status).toBe(row.writeWorkGoal ? 201 : denied(row.readWorkGoal));
      expect(await count('ips_work_goals', client.id)).toBe(
        goalsBefore + (row.writeWorkGoal ? 1 : 0),
      );

      const placementsBefore = await count('ips_placements', client.id);
      const placement = await t.request('POST', `${base}/placements`, {
        token,
        body: {
          employerId: DEMO_GYM.id,
          jobTitle: 'Matrix job',
          type: 'COMPETITIVE',
          startDate: today,
          hoursPerWeek: 12,
        },
      });
      expect(placement.status).toBe(row.writePlacement ? 201 : denied(row.readPlacement));
      expect(await count('ips_placements', client.id)).toBe(
        placementsBefore + (row.writePlacement ? 1 : 0),
      );

      const trajectory = await t.request('PATCH', `${base}/trajectory`, {
        token,
        body: { version: 1000, phase: 'COACHING' },
      });
      // Allowed callers pass the checks and meet the stale version; nothing changes either way.
      expect(trajectory.status).toBe(row.writeTrajectory ? 409 : denied(row.readTrajectory));

      const open = await goalOf(client.id);
      const reviewsBefore = (
        await t.db.query(
          'SELECT count(*)::int AS n FROM ips_work_goal_reviews WHERE goal_id = $1',
          [open.id],
        )
      )[0].n;
      const review = await t.request('POST', `${base}/work-goals/${open.id}/reviews`, {
        token,
        body: { version: open.version, reviewedOn: today, assessment: 'ON_TRACK' },
      });
      expect(review.status).toBe(row.reviewWorkGoal ? 201 : denied(row.readWorkGoal));
      const reviewsAfter = (
        await t.db.query(
          'SELECT count(*)::int AS n FROM ips_work_goal_reviews WHERE goal_id = $1',
          [open.id],
        )
      )[0].n;
      expect(reviewsAfter).toBe(reviewsBefore + (row.reviewWorkGoal ? 1 : 0));

      const comment = await t.request('POST', `${base}/work-goals/${open.id}/comments`, {
        token,
        body: { text: 'Matrix comment' },
      });
      expect(comment.status).toBe(row.commentWorkGoal ? 201 : denied(row.readWorkGoal));
      const comments = (
        await t.db.query(
          "SELECT count(*)::int AS n FROM ips_work_goal_comments WHERE goal_id = $1 AND text = 'Matrix comment'",
          [open.id],
        )
      )[0].n;
      expect(comments).toBe(row.commentWorkGoal ? 1 : 0);
    });

    it(`${label}: registers activities [${row.createActivities}] and employer contacts ${row.logEmployerContact}`, async () => {
      const client = clientOf(row.client);
      const token = await t.tokenFor(row.actor);
      for (const domain of ['TREATMENT', 'PARTICIPATION', 'WMO'] as IpsDomain[]) {
        const before = await count('ips_activities', client.id);
        const res = await t.request('POST', `/api/v1/clients/${client.id}/ips/activities`, {
          token,
          body: { kind: KIND[domain], performedOn: '2026-11-20', durationMinutes: 30 },
        });
        const allowed = row.createActivities.includes(domain);
        expect({ domain, status: res.status }).toEqual({
          domain,
          status: allowed ? 201 : row.readActivities.length ? 403 : 404,
        });
        expect(await count('ips_activities', client.id)).toBe(before + (allowed ? 1 : 0));
        if (allowed) expect(res.body.classification.rule.source).toMatch(/^003:L/);
      }
      const before = await count('ips_employer_contacts', client.id);
      const contact = await t.request('POST', '/api/v1/ips/employer-contacts', {
        token,
        body: { employerId: DEMO_GYM.id, kind: 'VISIT', clientId: client.id },
      });
      if (row.logEmployerContact) expect(contact.status).toBe(201);
      else expect([400, 403, 404]).toContain(contact.status);
      expect(await count('ips_employer_contacts', client.id)).toBe(
        before + (row.logEmployerContact ? 1 : 0),
      );
    });
  }

  it('the klantmanager sees only her own clients’ employer contacts; general job development stays with the team', async () => {
    const km = await t.request('GET', '/api/v1/ips/employer-contacts?pageSize=100', {
      token: await t.tokenFor('klantmanager'),
    });
    const own = new Set(
      clients
        .filter((c) => c.assignments.some((a) => a.userKey === 'klantmanager'))
        .map((c) => c.id),
    );
    expect(km.body.total).toBeGreaterThan(0);
    expect(
      km.body.items.every((c: { clientId: string | null }) => c.clientId && own.has(c.clientId)),
    ).toBe(true);
    const ips = await t.request('GET', '/api/v1/ips/employer-contacts?pageSize=100', {
      token: await t.tokenFor('ips'),
    });
    expect(ips.body.items.some((c: { clientId: string | null }) => c.clientId === null)).toBe(true);
    const noord = clientOf('noord');
    expect(ips.body.items.some((c: { clientId: string | null }) => c.clientId === noord.id)).toBe(
      false,
    );
  });

  it('the IPS specialist changes only the employer contacts he logged', async () => {
    const [other] = await t.db.query(
      `INSERT INTO ips_employer_contacts (team_id, employer_id, specialist_id, contact_on, kind, outcome)
       VALUES ($1, $2, $3, '2026-11-10', 'PHONE', 'OTHER') RETURNING id, version`,
      [DEMO_TEAMS.noord.id, DEMO_GYM.id, demoUser('regie').id],
    );
    const token = await t.tokenFor('ips');
    const res = await t.request('PATCH', `/api/v1/ips/employer-contacts/${other.id}`, {
      token,
      body: { version: other.version, notes: 'Not mine' },
    });
    expect(res.status).toBe(403);
    const [after] = await t.db.query('SELECT notes FROM ips_employer_contacts WHERE id = $1', [
      other.id,
    ]);
    expect(after.notes).toBe('');
  });

  it('only care staff link a work goal to the treatment plan; only the IPS specialist changes its text', async () => {
    const monique = clientOf('monique');
    const goal = await goalOf(monique.id);
    const treatmentGoal = stableId('goal:monique:treatment:structure');
    const ips = await t.request(
      'PATCH',
      `/api/v1/clients/${monique.id}/ips/work-goals/${goal.id}`,
      {
        token: await t.tokenFor('ips'),
        body: { version: goal.version, treatmentGoalId: treatmentGoal },
      },
    );
    expect(ips.status).toBe(403);
    const care = await t.request(
      'PATCH',
      `/api/v1/clients/${monique.id}/ips/work-goals/${goal.id}`,
      {
        token: await t.tokenFor('keyworker'),
        body: { version: goal.version, treatmentGoalId: treatmentGoal },
      },
    );
    expect(care.status).toBe(200);
    expect(care.body.treatmentGoal.id).toBe(treatmentGoal);
    const text = await t.request(
      'PATCH',
      `/api/v1/clients/${monique.id}/ips/work-goals/${goal.id}`,
      {
        token: await t.tokenFor('keyworker'),
        body: { version: care.body.version, text: 'Changed by care' },
      },
    );
    expect(text.status).toBe(403);
    // The IPS specialist sees that it is linked, not the treatment goal itself.
    const seen = await t.request('GET', `/api/v1/clients/${monique.id}/ips/work-goals/${goal.id}`, {
      token: await t.tokenFor('ips'),
    });
    expect(seen.body.linkedToTreatmentPlan).toBe(true);
    expect(seen.body).not.toHaveProperty('treatmentGoal');
  });

  it('shows the dashboard to team members only, and insurer caps are set by the team lead', async () => {
    const teamId = DEMO_TEAMS.noord.id;
    for (const [user, status] of [
      ['teamlead', 200],
      ['peer', 200],
      ['klantmanager', 403],
      ['monique', 403],
    ] as const) {
      const res = await t.request('GET', `/api/v1/ips/dashboard`, {
        token: await t.tokenFor(user),
      });
      expect({ user, status: res.status }).toEqual({ user, status });
    }
    const zuid = await t.request('GET', `/api/v1/ips/dashboard?teamId=${teamId}`, {
      token: await t.tokenFor('zuid-regie'),
    });
    expect(zuid.status).toBe(404);
    const byIps = await t.request('PUT', '/api/v1/ips/funding/insurer-caps', {
      token: await t.tokenFor('ips'),
      body: {
        insurer: 'RIVIERZORG',
        name: 'Rivierzorg Zorgverzekeringen',
        motivationalCap: 12,
        version: 1,
      },
    });
    expect(byIps.status).toBe(403);
    const [cap] = await t.db.query(
      "SELECT motivational_cap FROM ips_insurer_caps WHERE insurer = 'RIVIERZORG'",
    );
    expect(cap.motivational_cap).toBe(8);
  });
});
