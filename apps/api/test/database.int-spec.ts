import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { MIGRATIONS, dataSourceOptions, runMigrations, seedDemo } from '@tandem/api-data-access';
import { createTestDatabase, dropTestDatabase } from './harness';

const TABLES = [
  'organisations',
  'teams',
  'users',
  'team_members',
  'clients',
  'client_assignments',
  'auth_sessions',
  'ips_insurer_caps',
  'ips_trajectories',
  'ips_trajectory_events',
  'ips_employers',
  'ips_employer_contact_persons',
  'ips_employer_contacts',
  'ips_placements',
  'ips_vocational_profiles',
  'ips_work_goals',
  'ips_work_goal_reviews',
  'ips_work_goal_comments',
  'ips_activities',
  'ips_activity_funding_events',
  'ips_fidelity_assessments',
  'conference_series',
  'conferences',
  'conference_attendees',
  'conference_items',
  'conference_minutes',
  'conference_minutes_revisions',
  'conference_decisions',
  'conference_actions',
  'conference_events',
];

async function snapshot(ds: DataSource): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES.filter((t) => t !== 'auth_sessions')) {
    const [{ digest }] = await ds.query(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`,
    );
    result[table] = digest;
  }
  return result;
}

describe('database', () => {
  it('migrates an empty database from scratch, and a second run applies nothing', async () => {
    const url = await createTestDatabase('empty');
    try {
      const ran = await runMigrations(url);
      expect(ran).toEqual(MIGRATIONS.map((m) => new m().name));
      const ds = new DataSource(dataSourceOptions(url, 1));
      await ds.initialize();
      const tables: { table_name: string }[] = await ds.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      await ds.destroy();
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(TABLES));
      expect(await runMigrations(url)).toEqual([]);
    } finally {
      await dropTestDatabase(url);
    }
  });

  it('lists every migration file in MIGRATIONS, in timestamp order', () => {
    const dir = path.join(__dirname, '../../../libs/api/data-access/src/lib/migrations');
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^\d+-.*\.ts$/.test(f))
      .sort();
    const names = MIGRATIONS.map((m) => new m().name);
    expect(files.map((f) => f.split('-')[0])).toEqual(names.map((n) => n.match(/(\d+)$/)![1]));
  });

  it('seeds the demo data once; seeding again changes nothing', async () => {
    const url = await createTestDatabase('migrated');
    const ds = new DataSource(dataSourceOptions(url, 2));
    await ds.initialize();
    try {
      const first = await seedDemo(ds);
      expect(first.inserted).toBeGreaterThan(100);
      const before = await snapshot(ds);
      const second = await seedDemo(ds);
      expect(second.inserted).toBe(0);
      expect(await snapshot(ds)).toEqual(before);

      const [{ clients }] = await ds.query(
        'SELECT count(*)::int AS clients FROM clients WHERE team_id = (SELECT id FROM teams WHERE name = $1)',
        ['FACT Rivierstad-Noord'],
      );
      expect(clients).toBe(60);
      const named = await ds.query(
        "SELECT first_name FROM clients WHERE first_name IN ('Monique', 'Simon') ORDER BY first_name",
      );
      expect(named.map((r: { first_name: string }) => r.first_name)).toEqual(['Monique', 'Simon']);
    } finally {
      await ds.destroy();
      await dropTestDatabase(url);
    }
  });

  it('never uses synchronize', () => {
    expect(dataSourceOptions('postgres://x:y@localhost/z').synchronize).toBe(false);
  });
});
