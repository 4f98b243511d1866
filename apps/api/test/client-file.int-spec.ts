import { DEMO_TEAMS, demoClients, moniqueNotes } from '@tandem/api-data-access';
import { createTestApp, TestApp } from './harness';

describe('client file and board', () => {
  let t: TestApp;
  const clients = demoClients();
  const monique = clients.find((c) => c.key === 'monique')!;
  const noteIds = Object.fromEntries(moniqueNotes(monique.id).map((n) => [n.title, n.id]));

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('the IPS specialist (issue "done when")', () => {
    it("sees Monique's re-integration notes and not one treatment note; treatment note ids answer 404", async () => {
      const token = await t.tokenFor('ips');
      const res = await t.request('GET', `/api/v1/clients/${monique.id}/notes?pageSize=100`, {
        token,
      });
      expect(res.status).toBe(200);
      const titles = res.body.items.map((n: { title: string }) => n.title);
      expect(titles).toEqual(
        expect.arrayContaining([
          'Arbeidsprofiel opgesteld',
          'Werkervaringsplaats gevonden',
          'Vrijstelling sollicitatieplicht',
        ]),
      );
      expect(
        res.body.items.every((n: { domain: string }) =>
          ['PARTICIPATION', 'CLIENT'].includes(n.domain),
        ),
      ).toBe(true);
      for (const title of ['Behandelevaluatie', 'Motiverend gesprek over werk', 'Huisbezoek']) {
        const hidden = await t.request(
          'GET',
          `/api/v1/clients/${monique.id}/notes/${noteIds[title]}`,
          { token },
        );
        expect(hidden.status).toBe(404);
        expect(JSON.stringify(hidden.body)).not.toContain(title);
      }
      const filtered = await t.request(
        'GET',
        `/api/v1/clients/${monique.id}/notes?domain=TREATMENT`,
        { token },
      );
      expect(filtered.body).toMatchObject({ total: 0, items: [] });
    });
  });

  describe('field level', () => {
    it('sends diagnosis and board reason to care staff only, in the list and the detail', async () => {
      const care = await t.tokenFor('keyworker');
      const detail = await t.request('GET', `/api/v1/clients/${monique.id}`, { token: care });
      expect(detail.body.diagnosis).toMatch(/Depressieve stoornis/);
      const onBoardCare = await t.request('GET', '/api/v1/caseload?onBoard=true&pageSize=200', {
        token: care,
      });
      expect(onBoardCare.body.total).toBeGreaterThan(0);
      expect(
        onBoardCare.body.items.every(
          (i: { boardReason?: string }) => typeof i.boardReason === 'string',
        ),
      ).toBe(true);

      for (const key of ['ips', 'klantmanager', 'peer']) {
        const token = await t.tokenFor(key);
        const d = await t.request('GET', `/api/v1/clients/${monique.id}`, { token });
        expect(d.status).toBe(200);
        expect(d.body).not.toHaveProperty('diagnosis');
        expect(JSON.stringify(d.body)).not.toMatch(/Depressieve stoornis|psychotische/);
        const list = await t.request('GET', '/api/v1/caseload?pageSize=200', { token });
        const text = JSON.stringify(list.body);
        expect(text).not.toContain('boardReason');
        expect(text).not.toContain('diagnosis');
      }
    });

    it('strips the link to treatment goals from the re-integration plan for non-care staff', async () => {
      const care = await t.request('GET', `/api/v1/clients/${monique.id}/plans`, {
        token: await t.tokenFor('regie'),
      });
      expect(care.body.map((p: { domain: string }) => p.domain)).toEqual([
        'TREATMENT',
        'PARTICIPATION',
      ]);
      const careParticipation = care.body.find(
        (p: { domain: string }) => p.domain === 'PARTICIPATION',
      );
      expect(careParticipation.linkedTreatmentGoals[0].text).toMatch(/dagstructuur/);

      const ips = await t.request('GET', `/api/v1/clients/${monique.id}/plans`, {
        token: await t.tokenFor('ips'),
      });
      expect(ips.body.map((p: { domain: string }) => p.domain)).toEqual(['PARTICIPATION']);
      const text = JSON.stringify(ips.body);
      expect(text).not.toContain('linkedTreatmentGoals');
      expect(text).not.toContain('treatmentGoalId');
      expect(text).not.toContain('dagstructuur');
    });

    it('keeps care links when a participation colleague edits the plan, and refuses links they try to set', async () => {
      const ipsToken = await t.tokenFor('ips');
      const plans = await t.request('GET', `/api/v1/clients/${monique.id}/plans`, {
        token: ipsToken,
      });
      const plan = plans.body[0];
      const edited = await t.request('PUT', `/api/v1/clients/${monique.id}/plans/PARTICIPATION`, {
        token: ipsToken,
        body: { summary: `${plan.summary} Bijgewerkt.`, goals: plan.goals, version: plan.version },
      });
      expect(edited.status).toBe(200);
      const [row] = await t.db.query(
        "SELECT goals FROM plans WHERE client_id = $1 AND domain = 'PARTICIPATION'",
        [monique.id],
      );
      expect(row.goals[0].treatmentGoalId).toEqual(expect.any(String));

      const sneaky = await t.request('PUT', `/api/v1/clients/${monique.id}/plans/PARTICIPATION`, {
        token: ipsToken,
        body: {
          summary: 'x',
          goals: [{ ...plan.goals[0], treatmentGoalId: plan.goals[0].id }],
          version: edited.body.version,
        },
      });
      expect(sneaky.status).toBe(403);
      const treatment = await t.request('PUT', `/api/v1/clients/${monique.id}/plans/TREATMENT`, {
        token: ipsToken,
        body: { summary: 'x', goals: [], version: 1 },
      });
      expect(treatment.status).toBe(404);
      const keyworker = await t.request('PUT', `/api/v1/clients/${monique.id}/plans/TREATMENT`, {
        token: await t.tokenFor('keyworker'),
        body: { summary: 'x', goals: [], version: 1 },
      });
      expect(keyworker.status).toBe(403);
    });
  });

  describe('notes are never deleted or silently edited', () => {
    it('keeps every revision with its author, time and reason; only the author corrects', async () => {
      const token = await t.tokenFor('keyworker');
      const created = await t.request('POST', `/api/v1/clients/${monique.id}/notes`, {
        token,
        body: {
          domain: 'TREATMENT',
          title: 'Telefonisch contact',
          body: 'Eerste versie',
          contactOn: '2026-11-20',
        },
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const corrected = await t.request(
        'POST',
        `/api/v1/clients/${monique.id}/notes/${id}/corrections`,
        {
          token,
          body: {
            body: 'Tweede versie',
            reason: 'Datum van afspraak verkeerd genoteerd',
            version: 1,
          },
        },
      );
      expect(corrected.status).toBe(201);
      expect(corrected.body.body).toBe('Tweede versie');
      expect(
        corrected.body.revisions.map((r: { version: number; body: string }) => [r.version, r.body]),
      ).toEqual([
        [2, 'Tweede versie'],
        [1, 'Eerste versie'],
      ]);
      expect(corrected.body.revisions[0].reason).toMatch(/Datum/);

      const stale = await t.request(
        'POST',
        `/api/v1/clients/${monique.id}/notes/${id}/corrections`,
        {
          token,
          body: { body: 'Derde versie op oude basis', reason: 'Nog een correctie', version: 1 },
        },
      );
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      expect(stale.body.current.version).toBe(2);

      const other = await t.request(
        'POST',
        `/api/v1/clients/${monique.id}/notes/${id}/corrections`,
        {
          token: await t.tokenFor('regie'),
          body: { body: 'Iemand anders', reason: 'Niet mijn notitie', version: 2 },
        },
      );
      expect(other.status).toBe(403);
      const [{ n }] = await t.db.query(
        'SELECT count(*)::int AS n FROM note_revisions WHERE note_id = $1',
        [id],
      );
      expect(n).toBe(2);
    });

    it('the database itself refuses to delete a note or rewrite history', async () => {
      const id = noteIds['Behandelevaluatie'];
      await expect(t.db.query('DELETE FROM notes WHERE id = $1', [id])).rejects.toThrow(
        /not allowed/,
      );
      await expect(
        t.db.query("UPDATE note_revisions SET body = 'x' WHERE note_id = $1", [id]),
      ).rejects.toThrow(/not allowed/);
      await expect(
        t.db.query('UPDATE notes SET domain = $2 WHERE id = $1', [id, 'PARTICIPATION']),
      ).rejects.toThrow(/keeps its client, domain/);
    });

    it('refuses bad note input with a 400 naming each field, and stores nothing', async () => {
      const token = await t.tokenFor('keyworker');
      const [{ n: before }] = await t.db.query('SELECT count(*)::int AS n FROM notes');
      const res = await t.request('POST', `/api/v1/clients/${monique.id}/notes`, {
        token,
        body: {
          domain: 'MEDICAL_FILE',
          title: '',
          body: 'x'.repeat(20001),
          contactOn: '2026-13-45',
          extra: 'field',
        },
      });
      expect(res.status).toBe(400);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(
        expect.arrayContaining(['domain', 'title', 'body', 'contactOn', 'extra']),
      );
      const [{ n: after }] = await t.db.query('SELECT count(*)::int AS n FROM notes');
      expect(after).toBe(before);
    });

    it('only care staff may share a note with the client', async () => {
      const res = await t.request('POST', `/api/v1/clients/${monique.id}/notes`, {
        token: await t.tokenFor('ips'),
        body: {
          domain: 'PARTICIPATION',
          title: 'x',
          body: 'y',
          contactOn: '2026-11-20',
          sharedWithClient: true,
        },
      });
      expect(res.status).toBe(403);
    });
  });

  describe('board updates', () => {
    it('puts a client on the board; a stale version gets 409 with the current row; non-care gets 403', async () => {
      const token = await t.tokenFor('keyworker');
      const client = clients.find((c) => c.key === 'client-20')!;
      const detail = await t.request('GET', `/api/v1/clients/${client.id}`, { token });
      const version = detail.body.version;
      const on = await t.request('PATCH', `/api/v1/clients/${client.id}/board`, {
        token,
        body: {
          onBoard: true,
          boardReason: 'Dreigende terugval',
          nextContactOn: '2026-11-27',
          version,
        },
      });
      expect(on.status).toBe(200);
      expect(on.body).toMatchObject({
        onBoard: true,
        boardReason: 'Dreigende terugval',
        daysOnBoard: 0,
        nextContactOn: '2026-11-27',
        version: version + 1,
      });

      const stale = await t.request('PATCH', `/api/v1/clients/${client.id}/board`, {
        token: await t.tokenFor('regie'),
        body: { onBoard: false, version },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.current).toMatchObject({ onBoard: true, version: version + 1 });

      const ips = await t.request('PATCH', `/api/v1/clients/${client.id}/board`, {
        token: await t.tokenFor('ips'),
        body: { onBoard: false, version: version + 1 },
      });
      expect(ips.status).toBe(403);
      const km = await t.request('PATCH', `/api/v1/clients/${client.id}/board`, {
        token: await t.tokenFor('klantmanager'),
        body: { onBoard: false, version: version + 1 },
      });
      expect(km.status).toBe(404);
      const [row] = await t.db.query('SELECT on_board, version FROM clients WHERE id = $1', [
        client.id,
      ]);
      expect(row).toEqual({ on_board: true, version: version + 1 });

      const missingReason = await t.request('PATCH', `/api/v1/clients/${client.id}/board`, {
        token,
        body: { onBoard: true, version: version + 1 },
      });
      expect(missingReason.status).toBe(400);
      expect(missingReason.body.errors[0].field).toBe('boardReason');
    });

    it('of two concurrent editors exactly one succeeds and the other gets 409', async () => {
      const client = clients.find((c) => c.key === 'client-21')!;
      const [{ version }] = await t.db.query('SELECT version FROM clients WHERE id = $1', [
        client.id,
      ]);
      const [a, b] = await Promise.all([
        t.request('PATCH', `/api/v1/clients/${client.id}/board`, {
          token: await t.tokenFor('keyworker'),
          body: { onBoard: true, boardReason: 'A', version },
        }),
        t.request('PATCH', `/api/v1/clients/${client.id}/board`, {
          token: await t.tokenFor('regie'),
          body: { onBoard: true, boardReason: 'B', version },
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const [row] = await t.db.query('SELECT board_reason, version FROM clients WHERE id = $1', [
        client.id,
      ]);
      expect(row.version).toBe(version + 1);
      expect(row.board_reason).toBe(a.status === 200 ? 'A' : 'B');
    });

    it('filters and sorts the board in SQL', async () => {
      const token = await t.tokenFor('regie');
      const onBoard = await t.request(
        'GET',
        `/api/v1/caseload?teamId=${DEMO_TEAMS.noord.id}&onBoard=true&sort=boardSince&pageSize=200`,
        { token },
      );
      const [{ n }] = await t.db.query(
        'SELECT count(*)::int AS n FROM clients WHERE team_id = $1 AND on_board',
        [DEMO_TEAMS.noord.id],
      );
      expect(onBoard.body.total).toBe(n);
      const since = onBoard.body.items.map((i: { boardSince: string }) => i.boardSince);
      expect([...since].sort()).toEqual(since);
      const sanne = (
        await t.request('GET', '/api/v1/auth/me', { token: await t.tokenFor('keyworker') })
      ).body.userId;
      const mine = await t.request('GET', `/api/v1/caseload?keyWorkerId=${sanne}&pageSize=200`, {
        token,
      });
      expect(mine.body.items.length).toBeGreaterThan(0);
      expect(
        mine.body.items.every(
          (i: { keyWorker: { displayName: string } }) => i.keyWorker.displayName === 'Sanne Jansen',
        ),
      ).toBe(true);
    });
  });

  describe('transfer between teams: checked before and after', () => {
    it('refuses to move a client to a team the caller does not work in, and leaves the client where it was', async () => {
      const client = clients.find((c) => c.key === 'client-22')!;
      const [{ version }] = await t.db.query('SELECT version FROM clients WHERE id = $1', [
        client.id,
      ]);
      const res = await t.request('PATCH', `/api/v1/clients/${client.id}/team`, {
        token: await t.tokenFor('regie'),
        body: { teamId: DEMO_TEAMS.zuid.id, version },
      });
      expect(res.status).toBe(403);
      const [row] = await t.db.query('SELECT team_id, version FROM clients WHERE id = $1', [
        client.id,
      ]);
      expect(row).toEqual({ team_id: DEMO_TEAMS.noord.id, version });
    });

    it('allows a move within teams the caller works in', async () => {
      const client = clients.find((c) => c.key === 'client-22')!;
      // Anna also joins FACT Zuid.
      await t.db.query(
        "INSERT INTO team_members (team_id, user_id, role) SELECT $1, id, 'REGIEBEHANDELAAR' FROM users WHERE email LIKE 'anna.devries%'",
        [DEMO_TEAMS.zuid.id],
      );
      const login = await t.request('POST', '/api/v1/auth/login', {
        body: { email: 'anna.devries@ggz-rivierenland.example', password: 'Tandem-demo-2026' },
      });
      const [{ version }] = await t.db.query('SELECT version FROM clients WHERE id = $1', [
        client.id,
      ]);
      const res = await t.request('PATCH', `/api/v1/clients/${client.id}/team`, {
        token: login.body.accessToken,
        body: { teamId: DEMO_TEAMS.zuid.id, version },
      });
      expect(res.status).toBe(200);
      expect(res.body.teamId).toBe(DEMO_TEAMS.zuid.id);
      // The Noord key worker no longer sees the client.
      expect(
        (
          await t.request('GET', `/api/v1/clients/${client.id}`, {
            token: await t.tokenFor('keyworker2'),
          })
        ).status,
      ).toBe(404);
    });
  });
});
