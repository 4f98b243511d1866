import { DataSource } from 'typeorm';
import { afterCommit, runInWriteUnit } from '@tandem/api-core';
import { dataSourceOptions } from '@tandem/api-data-access';
import { createTestDatabase, dropTestDatabase } from './harness';

/**
 * The write unit that HTTP writes run in (see `runInWriteUnit`): the services' own transactions
 * and queries join it, it commits or rolls back as one, and `afterCommit` callbacks run only after
 * a commit, when the data is visible to everyone.
 */
describe('write unit', () => {
  let url: string;
  let app: DataSource; // as the application uses it (patched by the first unit)
  let other: DataSource; // another process's view of the database

  beforeAll(async () => {
    url = await createTestDatabase('empty');
    app = new DataSource(dataSourceOptions(url, 4));
    other = new DataSource(dataSourceOptions(url, 2));
    await Promise.all([app.initialize(), other.initialize()]);
    await app.query('CREATE TABLE unit_probe (name text PRIMARY KEY)');
  });
  afterAll(async () => {
    await Promise.all([app.destroy(), other.destroy()]);
    await dropTestDatabase(url);
  });

  const seen = async (name: string) =>
    (await other.query('SELECT 1 FROM unit_probe WHERE name = $1', [name])).length === 1;

  it('commits the service transactions and plain queries inside it together, and only at the end', async () => {
    const visibleAfterCommit: boolean[] = [];
    const result = await runInWriteUnit(app, async () => {
      await app.transaction((m) => m.query("INSERT INTO unit_probe VALUES ('a1')"));
      await app.query("INSERT INTO unit_probe VALUES ('a2')");
      await app.manager.query("INSERT INTO unit_probe VALUES ('a3')");
      // The unit sees its own writes; nobody else does yet, although the service's transaction ended.
      expect(
        (await app.query("SELECT count(*)::int AS n FROM unit_probe WHERE name LIKE 'a%'"))[0].n,
      ).toBe(3);
      expect(await seen('a1')).toBe(false);
      afterCommit(() => {
        void seen('a1').then((v) => visibleAfterCommit.push(v));
      });
      // Reads side by side on the unit's one connection.
      const counts = await Promise.all(
        [1, 2, 3, 4].map(() => app.query('SELECT count(*)::int AS n FROM unit_probe')),
      );
      return counts.map((c) => c[0].n);
    });
    expect(result).toEqual([3, 3, 3, 3]);
    expect(await seen('a1')).toBe(true);
    expect(await seen('a3')).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(visibleAfterCommit).toEqual([true]);
  });

  it('rolls everything back when the work fails after a service transaction committed', async () => {
    const called: string[] = [];
    await expect(
      runInWriteUnit(app, async () => {
        await app.transaction((m) => m.query("INSERT INTO unit_probe VALUES ('b1')"));
        afterCommit(() => called.push('b'));
        throw new Error('the access-log write failed');
      }),
    ).rejects.toThrow('the access-log write failed');
    expect(await seen('b1')).toBe(false);
    expect(called).toEqual([]);
  });

  it('a failed inner transaction is rolled back to its savepoint; the unit can still commit', async () => {
    await runInWriteUnit(app, async () => {
      await app.query("INSERT INTO unit_probe VALUES ('c1')");
      await expect(
        app.transaction(async (m) => {
          await m.query("INSERT INTO unit_probe VALUES ('c2')");
          await m.query("INSERT INTO unit_probe VALUES ('c1')"); // duplicate key
        }),
      ).rejects.toThrow();
      await app.query("INSERT INTO unit_probe VALUES ('c3')");
    });
    expect([await seen('c1'), await seen('c2'), await seen('c3')]).toEqual([true, false, true]);
  });

  it('outside a unit nothing changes: queries commit on their own, callbacks run at once', async () => {
    await app.query("INSERT INTO unit_probe VALUES ('d1')");
    expect(await seen('d1')).toBe(true);
    let ran = false;
    afterCommit(() => (ran = true));
    expect(ran).toBe(true);
    // A nested unit joins the open one (one transaction, one commit).
    await expect(
      runInWriteUnit(app, () =>
        runInWriteUnit(app, async () => {
          await app.query("INSERT INTO unit_probe VALUES ('d2')");
          throw new Error('inner failed');
        }),
      ),
    ).rejects.toThrow('inner failed');
    expect(await seen('d2')).toBe(false);
  });
});
