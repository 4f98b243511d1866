import { DataSource } from 'typeorm';
import { JsonLogger, loadConfig } from '@tandem/api-core';
import { dataSourceOptions, runMigrations, seedDemo } from '@tandem/api-data-access';
import { resolveDatabase } from '../app/bootstrap';
import { tell, warn } from './terminal';

/** `nx run api:seed`: migrates and inserts the demo data (idempotent: running it twice changes nothing). */
async function main() {
  const config = loadConfig();
  const logger = new JsonLogger(config.LOG_LEVEL);
  const db = await resolveDatabase(config, logger);
  const ds = new DataSource(dataSourceOptions(db.url, 2));
  try {
    await runMigrations(db.url);
    await ds.initialize();
    const result = await seedDemo(ds);
    tell(
      result.inserted
        ? `Inserted ${result.inserted} demo rows.`
        : 'Demo data already present; nothing changed.',
    );
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await db.embedded?.stop();
  }
}

main().catch((error) => {
  warn(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
