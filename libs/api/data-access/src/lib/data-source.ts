import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming';

/** The one TypeORM configuration: committed migrations, never `synchronize`. */
/** The role the running application uses: no DELETE anywhere, the access log only grows. */
export const APP_DB_ROLE = 'tandem_app';

export function dataSourceOptions(url: string, poolSize = 20, role?: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5000,
      application_name: 'tandem-api',
      ...(role ? { options: `-c role=${role}` } : {}),
    },
  };
}

/** Advisory-lock key that serialises migration runs (any constant; "tandem" in ASCII). */
export const MIGRATION_LOCK_KEY = 0x74616e64656d;

/**
 * Applies every pending migration; returns the names of the ones it ran. Several processes may
 * call this at once (the migration Job and API instances starting during a rollout): a
 * session-level advisory lock lets one run at a time, and the later ones find nothing pending.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const lock = new Client({ connectionString: url, application_name: 'tandem-migrate-lock' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const ds = new DataSource({ ...dataSourceOptions(url, 2) });
    await ds.initialize();
    try {
      const ran = await ds.runMigrations({ transaction: 'each' });
      return ran.map((m) => m.name);
    } finally {
      await ds.destroy();
    }
  } finally {
    // Ending the session releases the lock, also when a migration failed.
    await lock.end();
  }
}
