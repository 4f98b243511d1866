import { DataSource } from 'typeorm';
import { JsonLogger, loadConfig } from '@tandem/api-core';
import { AccessLogService } from '@tandem/api-audit';
import { dataSourceOptions } from '@tandem/api-data-access';
import { resolveDatabase } from '../app/bootstrap';
import { tell, warn } from './terminal';

/**
 * `npm run audit:verify`: recomputes the access log's hash chain and reports the first entry that
 * was changed or removed. Exit code 0 when intact, 2 when tampering is detected.
 */
async function main() {
  const config = loadConfig();
  const db = await resolveDatabase(config, new JsonLogger('warn'));
  const ds = new DataSource(dataSourceOptions(db.url, 1));
  let code = 0;
  try {
    await ds.initialize();
    // The same check as GET /api/v1/access-log/verify and the infra drills.
    const result = await new AccessLogService(ds).verify();
    if (!result.ok) {
      warn(`Access log NOT intact: entry ${result.firstBrokenId}: ${result.problem}.`);
      code = 2;
    } else {
      tell(`Access log intact: ${result.entries} entries, hash chain verified.`);
    }
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await db.embedded?.stop();
  }
  process.exit(code);
}

main().catch((error) => {
  warn(`Verification failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
