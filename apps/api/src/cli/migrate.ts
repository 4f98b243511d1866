import { JsonLogger, loadConfig } from '@tandem/api-core';
import { runMigrations } from '@tandem/api-data-access';
import { resolveDatabase } from '../app/bootstrap';
import { tell, warn } from './terminal';

/** `nx run api:migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
async function main() {
  const config = loadConfig();
  const logger = new JsonLogger(config.LOG_LEVEL);
  const db = await resolveDatabase(config, logger);
  try {
    const ran = await runMigrations(db.url);
    tell(
      ran.length
        ? `Applied ${ran.length} migration(s):\n  ${ran.join('\n  ')}`
        : 'The database is up to date.',
    );
  } finally {
    await db.embedded?.stop();
  }
}

main().catch((error) => {
  warn(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
