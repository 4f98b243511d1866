import { DEMO_TEAMS } from '@tandem/api-data-access';
import { createTestApp, TestApp } from './harness';

describe('caseload list', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("shows the key worker her team's caseload with Monique, key worker and regiebehandelaar", async () => {
    const token = await t.tokenFor('keyworker');
    const res = await t.request('GET', '/api/v1/caseload?q=Monique', { token });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({
      firstName: 'Monique',
      lastName: 'van Dam',
      teamName: 'FACT Rivierstad-Noord',
      keyWorker: { displayName: 'Sanne Jansen' },
      regiebehandelaar: { displayName: 'Anna de Vries' },
    });
    const all = await t.request('GET', '/api/v1/caseload?pageSize=200', { token });
    expect(all.body.total).toBe(60);
    expect(all.body.items).toHaveLength(60);
  });

  it('paginates with totals computed on the scoped set', async () => {
    const token = await t.tokenFor('keyworker');
    const page1 = await t.request('GET', '/api/v1/caseload?page=1&pageSize=25', { token });
    const page3 = await t.request('GET', '/api/v1/caseload?page=3&pageSize=25', { token });
    expect(page1.body.items).toHaveLength(25);
    expect(page3.body.items).toHaveLength(10);
    expect(page3.body.total).toBe(60);
    const ids = new Set(
      [...page1.body.items, ...page3.body.items].map((i: { clientId: string }) => i.clientId),
    );
    expect(ids.size).toBe(35);
  });

  it('shows the klantmanager only the clients assigned to her, and counts only those', async () => {
    const token = await t.tokenFor('klantmanager');
    const res = await t.request('GET', '/api/v1/caseload?pageSize=200', { token });
    const [{ n }] = await t.db.query(
      "SELECT count(*)::int AS n FROM client_assignments a JOIN users u ON u.id = a.user_id WHERE u.email LIKE 'fatima%' AND a.ended_at IS NULL",
    );
    expect(res.body.total).toBe(n);
    expect(res.body.items.length).toBe(n);
    expect(res.body.items.map((i: { firstName: string }) => i.firstName)).toContain('Monique');
  });

  it("does not show another team's regiebehandelaar any of FACT Noord's clients, not even when filtering by that team", async () => {
    const token = await t.tokenFor('zuid-regie');
    const res = await t.request('GET', `/api/v1/caseload?teamId=${DEMO_TEAMS.noord.id}`, { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 0, items: [] });
    const own = await t.request('GET', '/api/v1/caseload', { token });
    expect(own.body.total).toBe(12);
  });

  it('refuses bad paging parameters with a 400 naming the field', async () => {
    const token = await t.tokenFor('keyworker');
    const res = await t.request('GET', '/api/v1/caseload?pageSize=5000&teamId=not-a-uuid', {
      token,
    });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['pageSize', 'teamId']));
  });

  it('treats search wildcards literally', async () => {
    const token = await t.tokenFor('keyworker');
    const res = await t.request('GET', `/api/v1/caseload?q=${encodeURIComponent('%')}`, { token });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
  });
});
