import { DEMO_GYM, demoClients } from '@tandem/api-data-access';
import { createTestApp, TestApp, TestResponse } from './harness';

/**
 * Two editors save at the same moment on the same version: exactly one wins, the other gets 409
 * with the current version, and the stored row holds the winner's change only.
 */
describe('concurrent editors: conditional updates on a version', () => {
  let t: TestApp;
  const monique = demoClients().find((c) => c.key === 'monique')!;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const race = async (requests: (() => Promise<TestResponse>)[]) => {
    const results = await Promise.all(requests.map((r) => r()));
    const winners = results.filter((r) => r.status === 200 || r.status === 201);
    const losers = results.filter((r) => r.status === 409);
    expect(results.map((r) => r.status).sort()).toEqual(
      [...winners.map((r) => r.status), 409].sort(),
    );
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0].body.code).toBe('VERSION_CONFLICT');
    return { winner: winners[0], loser: losers[0] };
  };

  it('board: two simultaneous PATCHes on one version, one wins, the other sees the winner', async () => {
    const token = await t.tokenFor('regie');
    const [{ version }] = await t.db.query('SELECT version FROM clients WHERE id = $1', [
      monique.id,
    ]);
    const patch = (reason: string) => () =>
      t.request('PATCH', `/api/v1/clients/${monique.id}/board`, {
        token,
        body: { onBoard: true, boardReason: reason, nextContactOn: '2026-12-01', version },
      });
    const { winner, loser } = await race([patch('Reden A'), patch('Reden B')]);
    expect(winner.body.version).toBe(version + 1);
    expect(loser.body.current).toMatchObject({
      version: version + 1,
      boardReason: winner.body.boardReason,
    });
    const [row] = await t.db.query('SELECT version, board_reason FROM clients WHERE id = $1', [
      monique.id,
    ]);
    expect(row).toEqual({ version: version + 1, board_reason: winner.body.boardReason });
  });

  it('note correction: two simultaneous corrections of version 1, one revision is added', async () => {
    const token = await t.tokenFor('keyworker');
    const created = await t.request('POST', `/api/v1/clients/${monique.id}/notes`, {
      token,
      body: { domain: 'TREATMENT', title: 'Race', body: 'Eerste', contactOn: '2026-11-20' },
    });
    expect(created.status).toBe(201);
    const correct = (text: string) => () =>
      t.request('POST', `/api/v1/clients/${monique.id}/notes/${created.body.id}/corrections`, {
        token,
        body: { body: text, reason: 'Gelijktijdige correctie', version: 1 },
      });
    const { winner, loser } = await race([correct('Versie A'), correct('Versie B')]);
    expect(loser.body.current).toMatchObject({ version: 2, body: winner.body.body });
    const revisions = await t.db.query(
      'SELECT version, body FROM note_revisions WHERE note_id = $1 ORDER BY version',
      [created.body.id],
    );
    expect(revisions).toEqual([
      { version: 1, body: 'Eerste' },
      { version: 2, body: winner.body.body },
    ]);
  });

  it('plan: two simultaneous saves of the re-integration plan on one version, one wins', async () => {
    const token = await t.tokenFor('ips');
    const plans = await t.request('GET', `/api/v1/clients/${monique.id}/plans`, { token });
    const plan = plans.body.find((p: { domain: string }) => p.domain === 'PARTICIPATION');
    const save = (summary: string) => () =>
      t.request('PUT', `/api/v1/clients/${monique.id}/plans/PARTICIPATION`, {
        token,
        body: { summary, goals: plan.goals, version: plan.version },
      });
    const { winner } = await race([save('Samenvatting A'), save('Samenvatting B')]);
    const [row] = await t.db.query(
      "SELECT version, summary FROM plans WHERE client_id = $1 AND domain = 'PARTICIPATION'",
      [monique.id],
    );
    expect(row).toEqual({ version: plan.version + 1, summary: winner.body.summary });
  });

  it('employer: two simultaneous PATCHes on one version, one wins', async () => {
    const token = await t.tokenFor('ips');
    const current = await t.request('GET', `/api/v1/ips/employers/${DEMO_GYM.id}`, { token });
    expect(current.status).toBe(200);
    const patch = (city: string) => () =>
      t.request('PATCH', `/api/v1/ips/employers/${DEMO_GYM.id}`, {
        token,
        body: { city, version: current.body.version },
      });
    const { winner, loser } = await race([patch('Rivierstad'), patch('Beekdorp')]);
    expect(loser.body.current).toMatchObject({ version: current.body.version + 1 });
    const [row] = await t.db.query('SELECT version, city FROM ips_employers WHERE id = $1', [
      DEMO_GYM.id,
    ]);
    expect(row).toEqual({ version: current.body.version + 1, city: winner.body.city });
  });
});
