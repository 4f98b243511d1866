import { hashPassword } from '@tandem/api-core';
import { DEMO_ORGS, DEMO_PASSWORD, demoClients, demoUser, stableId } from '@tandem/api-data-access';
import { createTestApp, TestApp } from './harness';

/**
 * The participation passport, core part (issue 7): client sign-in, my team, my work-goal
 * proposals and my disclosure preference — allowed and denied, with nothing left behind by a
 * refused write, and every access in the access log.
 */
describe('passport core', () => {
  let t: TestApp;
  const clients = demoClients();
  const monique = clients.find((c) => c.key === 'monique')!;
  const simon = clients.find((c) => c.key === 'simon')!;
  const simonUserId = stableId('user:test-simon');
  const simonEmail = 'simon@client.example';

  const signIn = (email: string, password = DEMO_PASSWORD) =>
    t.request('POST', '/api/v1/auth/client/login', { body: { email, password } });
  let simonToken: string;

  const count = async (sql: string, params: unknown[]) =>
    (await t.db.query(sql, params))[0].n as number;
  const lastLog = async (userId: string) =>
    (
      await t.db.query(
        `SELECT object_type AS "objectType", action, basis, client_id AS "clientId", outcome
         FROM access_log WHERE user_id = $1 ORDER BY id DESC LIMIT 1`,
        [userId],
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp();
    // A second client with her own passport account: Simon, in the same FACT team.
    await t.db.query(
      `INSERT INTO users (id, organisation_id, email, display_name, password_hash, roles, client_id)
       VALUES ($1, $2, $3, 'Simon Verhoef', $4, '{CLIENT}', $5)`,
      [simonUserId, DEMO_ORGS.ggz.id, simonEmail, await hashPassword(DEMO_PASSWORD), simon.id],
    );
    const res = await signIn(simonEmail);
    expect(res.status).toBe(200);
    simonToken = res.body.accessToken;
  });
  afterAll(() => t.close());

  describe('client sign-in', () => {
    it('signs a client in with a session cookie that refreshes like any other', async () => {
      const res = await signIn(demoUser('monique').email);
      expect(res.status).toBe(200);
      expect(res.body.principal).toMatchObject({ roles: ['CLIENT'], clientId: monique.id });
      const cookie = res.cookies.find((c) => c.name === 'tandem_refresh');
      expect(cookie?.value).toBeTruthy();
      const refreshed = await t.request('POST', '/api/v1/auth/refresh', {
        headers: { cookie: `tandem_refresh=${cookie!.value}` },
      });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.principal.clientId).toBe(monique.id);
    });

    it('refuses staff accounts with a pointer to the staff sign-in, and starts no session', async () => {
      const keyworker = demoUser('keyworker');
      const before = await count(
        'SELECT count(*)::int AS n FROM auth_sessions WHERE user_id = $1',
        [keyworker.id],
      );
      const res = await signIn(keyworker.email);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('NOT_A_CLIENT_ACCOUNT');
      expect(res.cookies.find((c) => c.name === 'tandem_refresh')).toBeUndefined();
      expect(
        await count('SELECT count(*)::int AS n FROM auth_sessions WHERE user_id = $1', [
          keyworker.id,
        ]),
      ).toBe(before);
    });

    it('answers a wrong password like the staff sign-in, and names a bad field', async () => {
      const wrong = await signIn(demoUser('monique').email, 'not-the-password');
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      const bad = await t.request('POST', '/api/v1/auth/client/login', {
        body: { email: 'not-an-address', password: 'x' },
      });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('email');
    });
  });

  describe('my team', () => {
    it('shows Monique every person and organisation working with her, her own people first', async () => {
      const res = await t.request('GET', '/api/v1/me/team', {
        token: await t.tokenFor('monique'),
      });
      expect(res.status).toBe(200);
      expect(res.body.careTeam).toMatchObject({ name: expect.stringContaining('Noord') });
      const byName = Object.fromEntries(
        res.body.people.map((p: { displayName: string }) => [p.displayName, p]),
      );
      expect(byName['Anna de Vries'].assignments).toEqual(['REGIEBEHANDELAAR']);
      expect(byName['Sanne Jansen'].assignments).toEqual(['KEY_WORKER']);
      expect(byName['Daan Mulder'].assignments).toEqual(['IPS_SPECIALIST']);
      expect(byName['Fatima El Amrani']).toMatchObject({
        assignments: ['KLANTMANAGER'],
        teamRole: null,
        organisation: { type: 'GEMEENTE' },
      });
      // The peer worker is in her team; UWV does not work with her; team leads see no client content.
      expect(byName['Lotte Visser']).toMatchObject({
        assignments: [],
        teamRole: 'ERVARINGSDESKUNDIGE',
      });
      expect(byName['Peter de Groot']).toBeUndefined();
      expect(byName['Eva Smit']).toBeUndefined();
      expect(res.body.people[0].displayName).toBe('Anna de Vries');
      expect(res.body.organisations.map((o: { type: string }) => o.type).sort()).toEqual([
        'GEMEENTE',
        'GGZ',
      ]);
      expect(await lastLog(demoUser('monique').id)).toMatchObject({
        objectType: 'ClientTeam',
        action: 'READ',
        basis: 'OWN_DATA',
        clientId: monique.id,
      });
    });

    it('shows Simon his own team, not Monique’s people', async () => {
      const res = await t.request('GET', '/api/v1/me/team', { token: simonToken });
      expect(res.status).toBe(200);
      const byName = Object.fromEntries(
        res.body.people.map((p: { displayName: string }) => [p.displayName, p]),
      );
      expect(byName['Ruud Bakker'].assignments).toEqual(['KEY_WORKER']);
      // Daan is in the FACT team, but not Simon's IPS specialist; Fatima is Monique's klantmanager only.
      expect(byName['Daan Mulder']).toMatchObject({
        assignments: [],
        teamRole: 'IPS_TRAJECTBEGELEIDER',
      });
      expect(byName['Fatima El Amrani']).toBeUndefined();
    });

    it('answers 404 for staff: there is no passport to show', async () => {
      for (const key of ['keyworker', 'klantmanager', 'dpo']) {
        const res = await t.request('GET', '/api/v1/me/team', { token: await t.tokenFor(key) });
        expect(res.status).toBe(404);
      }
    });
  });

  describe('my work-goal proposals', () => {
    const proposals = (clientId: string) =>
      count('SELECT count(*)::int AS n FROM ips_work_goal_proposals WHERE client_id = $1', [
        clientId,
      ]);

    it('lets Monique propose a goal; her IPS specialist and care team read it', async () => {
      const token = await t.tokenFor('monique');
      const created = await t.request('POST', '/api/v1/me/goal-proposals', {
        token,
        body: { text: '  Ik wil leren werken met het kassasysteem.  ' },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        clientId: monique.id,
        text: 'Ik wil leren werken met het kassasysteem.',
        authorName: 'Monique van Dam',
      });
      expect(await lastLog(demoUser('monique').id)).toMatchObject({
        objectType: 'WorkGoalProposal',
        action: 'CREATE',
        basis: 'OWN_DATA',
      });
      const mine = await t.request('GET', '/api/v1/me/goal-proposals', { token });
      expect(mine.body.map((p: { id: string }) => p.id)).toContain(created.body.id);

      for (const key of ['ips', 'regie', 'klantmanager']) {
        const res = await t.request('GET', `/api/v1/clients/${monique.id}/goal-proposals`, {
          token: await t.tokenFor(key),
        });
        expect(res.status).toBe(200);
        expect(res.body.map((p: { id: string }) => p.id)).toContain(created.body.id);
      }
    });

    it('hides the proposals from people who do not read her work goals (404)', async () => {
      for (const token of [
        await t.tokenFor('zuid-regie'),
        await t.tokenFor('arbeidsdeskundige'),
        await t.tokenFor('teamlead'),
        simonToken,
      ]) {
        const res = await t.request('GET', `/api/v1/clients/${monique.id}/goal-proposals`, {
          token,
        });
        expect(res.status).toBe(404);
      }
    });

    it('refuses a too-short proposal naming the field, and leaves nothing behind', async () => {
      const before = await proposals(monique.id);
      const res = await t.request('POST', '/api/v1/me/goal-proposals', {
        token: await t.tokenFor('monique'),
        body: { text: 'x' },
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('text');
      expect(await proposals(monique.id)).toBe(before);
    });

    it('staff cannot propose in a client’s name (404), and nothing is written', async () => {
      const before = await proposals(monique.id);
      const res = await t.request('POST', '/api/v1/me/goal-proposals', {
        token: await t.tokenFor('ips'),
        body: { text: 'Een doel dat Monique niet zelf schreef' },
      });
      expect(res.status).toBe(404);
      expect(await proposals(monique.id)).toBe(before);
    });
  });

  describe('my disclosure preference', () => {
    const profileVersion = async () =>
      (
        await t.db.query(
          "SELECT profile_version AS v FROM ips_trajectories WHERE client_id = $1 AND phase <> 'ENDED'",
          [monique.id],
        )
      )[0].v as number;

    it('Monique sets what an employer may be told: a new profile version by her, seen by her IPS specialist', async () => {
      const token = await t.tokenFor('monique');
      const overview = await t.request('GET', `/api/v1/clients/${monique.id}/ips`, { token });
      expect(overview.status).toBe(200);
      const before = overview.body.trajectory.profile;
      const res = await t.request('PUT', '/api/v1/me/work/disclosure', {
        token,
        body: { basedOnVersion: before.version, disclosure: 'NONE' },
      });
      expect(res.status).toBe(200);
      const profile = res.body.trajectory.profile;
      expect(profile).toMatchObject({
        version: before.version + 1,
        disclosure: 'NONE',
        authorName: 'Monique van Dam',
        wishes: before.wishes,
        limitations: before.limitations,
      });
      const seen = await t.request('GET', `/api/v1/clients/${monique.id}/ips`, {
        token: await t.tokenFor('ips'),
      });
      expect(seen.body.trajectory.profile).toMatchObject({ disclosure: 'NONE' });
      expect(await lastLog(demoUser('monique').id)).toMatchObject({
        objectType: 'Trajectory',
        action: 'UPDATE',
        basis: 'OWN_DATA',
      });
    });

    it('answers 409 with the current profile when it changed in the meantime, writing nothing', async () => {
      const version = await profileVersion();
      const res = await t.request('PUT', '/api/v1/me/work/disclosure', {
        token: await t.tokenFor('monique'),
        body: { basedOnVersion: version - 1, disclosure: 'FULL' },
      });
      expect(res.status).toBe(409);
      expect(res.body.current).toMatchObject({ version });
      expect(await profileVersion()).toBe(version);
    });

    it('refuses an unknown choice naming the field', async () => {
      const version = await profileVersion();
      const res = await t.request('PUT', '/api/v1/me/work/disclosure', {
        token: await t.tokenFor('monique'),
        body: { basedOnVersion: version, disclosure: 'EVERYTHING' },
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('disclosure');
      expect(await profileVersion()).toBe(version);
    });

    it('nobody else sets it: staff get 404, and nothing is written', async () => {
      const version = await profileVersion();
      for (const key of ['ips', 'regie']) {
        const res = await t.request('PUT', '/api/v1/me/work/disclosure', {
          token: await t.tokenFor(key),
          body: { basedOnVersion: version, disclosure: 'FULL' },
        });
        expect(res.status).toBe(404);
      }
      expect(await profileVersion()).toBe(version);
    });

    it('a client without an IPS trajectory gets a plain 409', async () => {
      const res = await t.request('PUT', '/api/v1/me/work/disclosure', {
        token: simonToken,
        body: { basedOnVersion: 0, disclosure: 'FULL' },
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('NO_OPEN_TRAJECTORY');
    });
  });

  describe('one client cannot reach another by any id', () => {
    it('Simon gets 404 on every route with Monique’s id', async () => {
      const goal = (
        await t.db.query('SELECT id FROM ips_work_goals WHERE client_id = $1 LIMIT 1', [monique.id])
      )[0].id;
      const placement = (
        await t.db.query('SELECT id FROM ips_placements WHERE client_id = $1 LIMIT 1', [monique.id])
      )[0].id;
      const note = (
        await t.db.query('SELECT id FROM notes WHERE client_id = $1 LIMIT 1', [monique.id])
      )[0].id;
      const paths = [
        `/api/v1/clients/${monique.id}`,
        `/api/v1/clients/${monique.id}/notes`,
        `/api/v1/clients/${monique.id}/notes/${note}`,
        `/api/v1/clients/${monique.id}/ips`,
        `/api/v1/clients/${monique.id}/ips/work-goals`,
        `/api/v1/clients/${monique.id}/ips/work-goals/${goal}`,
        `/api/v1/clients/${monique.id}/ips/placements`,
        `/api/v1/clients/${monique.id}/ips/placements/${placement}`,
        `/api/v1/clients/${monique.id}/goal-proposals`,
        `/api/v1/clients/${monique.id}/consents`,
      ];
      for (const path of paths) {
        const res = await t.request('GET', path, { token: simonToken });
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
      }
      const comment = await t.request(
        'POST',
        `/api/v1/clients/${monique.id}/ips/work-goals/${goal}/comments`,
        { token: simonToken, body: { text: 'Niet van mij' } },
      );
      expect(comment.status).toBe(404);
      expect(
        await count('SELECT count(*)::int AS n FROM ips_work_goal_comments WHERE author_id = $1', [
          simonUserId,
        ]),
      ).toBe(0);
    });
  });
});
