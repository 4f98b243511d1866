import { DataSource } from 'typeorm';
import { JsonLogger, loadConfig } from '@tandem/api-core';
import { dataSourceOptions } from '@tandem/api-data-access';
import { resolveDatabase } from '../app/bootstrap';

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
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM access_log');
    const broken: { id: string; ok_hash: boolean }[] = await ds.query(`
      SELECT id::text, ok_hash FROM (
        SELECT id, hash = encode(sha256(convert_to(tandem_access_log_canonical(l), 'UTF8')), 'hex') AS ok_hash,
               prev_hash = coalesce(lag(hash) OVER (ORDER BY id), 'GENESIS') AS ok_link
        FROM access_log l) x
      WHERE NOT (ok_hash AND ok_link) ORDER BY id LIMIT 1`);
    if (broken[0]) {
      console.error(
        `Access log NOT intact: entry ${broken[0].id} ${broken[0].ok_hash ? 'does not link to its predecessor (an entry was removed or inserted)' : 'was changed after it was written'}.`,
      );
      code = 2;
    } else {
      console.log(`Access log intact: ${n} entries, hash chain verified.`);
    }
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await db.embedded?.stop();
  }
  process.exit(code);
}

main().catch((error) => {
  console.error(`Verification failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
