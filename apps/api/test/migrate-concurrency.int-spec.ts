import { DataSource } from 'typeorm';
import { MIGRATIONS, dataSourceOptions, runMigrations } from '@tandem/api-data-access';
import { createTestDatabase, dropTestDatabase } from './harness';

// Production runs a migration Job while API instances (which also migrate at start) roll out.
describe('concurrent migration runs', () => {
  let url: string;
  beforeAll(async () => {
    url = await createTestDatabase('empty');
  });
  afterAll(() => dropTestDatabase(url));

  it('three processes migrating an empty database at once: one applies every migration, the others find nothing to do', async () => {
    const results = await Promise.all([runMigrations(url), runMigrations(url), runMigrations(url)]);
    const counts = results.map((r) => r.length).sort((a, b) => a - b);
    expect(counts).toEqual([0, 0, MIGRATIONS.length]);
    const ds = new DataSource(dataSourceOptions(url, 1));
    await ds.initialize();
    try {
      const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM migrations');
      expect(n).toBe(MIGRATIONS.length);
      const [{ held }] = await ds.query(
        "SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory'",
      );
      expect(held).toBe(0);
    } finally {
      await ds.destroy();
    }
  });
});
