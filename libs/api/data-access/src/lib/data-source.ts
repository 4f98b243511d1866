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

/** Applies every pending migration; returns the names of the ones it ran. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions(url, 2) });
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
