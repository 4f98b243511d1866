// Point-in-time restore drill (`npm run drill:restore`; docs/runbook.md "Restore").
//
//  1. start a throwaway primary with WAL archiving, migrate it and seed the demo data;
//  2. take a base backup (PostgreSQL's low-level backup API: the embedded binaries have no
//     pg_basebackup; production uses pg_basebackup, see infra/postgres/base-backup.sh);
//  3. write access-log entries ("before"), note the time T, write more ("after"), archive the WAL;
//  4. restore the base backup into a new data folder with recovery_target_time = T, start it;
//  5. check the restored database: every "before" entry is there, no "after" entry is, and the
//     access log's hash chain verifies with the API's own verifier.
//
// Prints progress to stderr and, with --json, a report to stdout. Exit code 0 when every check
// passed, 1 otherwise. --keep leaves the work folder for inspection.
import path from 'node:path';
import {
  api,
  baseBackup,
  configure,
  connect,
  copyCluster,
  countMarker,
  removeDir,
  signal,
  stepper,
  verifyChain,
  waitFor,
  workDir,
  writeAccessLog,
  drillReport,
} from './lib.mjs';

const BEFORE = 25;
const AFTER = 15;

export async function restoreDrill({ keep = false } = {}) {
  const step = stepper();
  const { core, data } = api();
  const dir = workDir('restore-drill');
  const servers = [];
  const sources = [];
  const started = Date.now();
  const { report, check } = drillReport(step, dir);
  try {
    const primary = new core.EmbeddedPostgres({ dataDir: path.join(dir, 'primary') });
    servers.push(primary);
    const archive = primary.ownedDir(path.join(dir, 'wal-archive'));
    const backup = path.join(dir, 'base-backup');

    step('initialising the primary');
    await primary.start();
    await primary.ensureDatabase('tandem');
    // Archiving needs a restart to switch on; the rest of the settings are PostgreSQL's defaults
    // made explicit (see infra/postgres/primary.conf for the production values).
    configure(primary.dataDir, {
      wal_level: 'replica',
      archive_mode: 'on',
      archive_command: `test ! -f ${archive}/%f && cp %p ${archive}/%f`,
    });
    await primary.stop();
    await primary.start();
    const url = primary.connectionUrl('tandem');

    step('migrating and seeding');
    const migrations = await data.runMigrations(url);
    const owner = await connect(url);
    sources.push(owner);
    await data.seedDemo(owner);
    const app = await connect(url, data.APP_DB_ROLE);
    sources.push(app);
    const seededEntries = (await verifyChain(app)).entries;

    step('taking a base backup (pg_backup_start, copy, pg_backup_stop)');
    report.baseBackup = await baseBackup(
      primary.connectionUrl('postgres'),
      primary.dataDir,
      backup,
    );

    step(`writing ${BEFORE} access-log entries, noting the time, writing ${AFTER} more`);
    await writeAccessLog(app, 'before', BEFORE);
    const [{ target }] = await owner.query('SELECT clock_timestamp()::text AS target');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeAccessLog(app, 'after', AFTER);
    const primaryEntries = (await verifyChain(app)).entries;
    const [{ wal }] = await owner.query('SELECT pg_walfile_name(pg_switch_wal()) AS wal');
    await waitFor('the WAL to be archived', async () => {
      const [row] = await owner.query('SELECT last_archived_wal FROM pg_stat_archiver');
      return row.last_archived_wal && row.last_archived_wal >= wal;
    });
    for (const ds of sources.splice(0)) await ds.destroy();
    await primary.stop();
    report.targetTime = target;

    step(`restoring into a new data folder, up to ${target}`);
    const restoredDir = path.join(dir, 'restored');
    copyCluster(backup, restoredDir);
    configure(restoredDir, {
      archive_mode: 'off',
      restore_command: `cp ${archive}/%f %p`,
      recovery_target_time: target,
      recovery_target_action: 'promote',
    });
    signal(restoredDir, 'recovery.signal');
    const restored = new core.EmbeddedPostgres({ dataDir: restoredDir });
    servers.push(restored);
    const restoreStarted = Date.now();
    await restored.start();
    // The server answers read-only queries while it replays; wait until it reached the target and
    // promoted itself (recovery_target_action = promote).
    const probe = await connect(restored.connectionUrl('tandem'));
    sources.push(probe);
    await waitFor(
      'the restored server to finish recovery',
      async () => !(await probe.query('SELECT pg_is_in_recovery() AS r'))[0].r,
      60_000,
    ).catch(() => undefined);
    report.recoverySeconds = (Date.now() - restoreStarted) / 1000;

    step('checking the restored database');
    const check1 = await connect(restored.connectionUrl('tandem'), data.APP_DB_ROLE);
    sources.push(check1);
    const before = await countMarker(check1, 'before');
    const after = await countMarker(check1, 'after');
    const chain = await verifyChain(check1);
    const [{ clients }] = await check1.query('SELECT count(*)::int AS clients FROM clients');
    const [{ inRecovery }] = await check1.query('SELECT pg_is_in_recovery() AS "inRecovery"');
    check('entries before the target time are restored', before === BEFORE, {
      expected: BEFORE,
      found: before,
    });
    check('entries after the target time are not', after === 0, { expected: 0, found: after });
    check('the access-log hash chain verifies', chain.ok, {
      entries: chain.entries,
      expected: seededEntries + BEFORE,
      primaryHad: primaryEntries,
      problem: chain.problem,
    });
    check(
      'the chain holds exactly the entries up to the target',
      chain.entries === seededEntries + BEFORE,
      {
        entries: chain.entries,
      },
    );
    check('the demo data and migrations are there', clients > 0, {
      clients,
      migrations: migrations.length,
    });
    check('the restored server was promoted and accepts writes', !inRecovery, { inRecovery });
    if (!inRecovery) await writeAccessLog(check1, 'after-restore', 1);
    const chainAfterWrite = await verifyChain(check1);
    check(
      'a new entry on the restored server extends the verified chain',
      chainAfterWrite.ok && chainAfterWrite.entries === chain.entries + 1,
      {
        entries: chainAfterWrite.entries,
      },
    );
    report.ok = Object.values(report.checks).every((c) => c.passed);
    report.seconds = (Date.now() - started) / 1000;
    step(report.ok ? 'restore drill passed' : 'restore drill FAILED');
    return report;
  } finally {
    for (const ds of sources) await ds.destroy().catch(() => undefined);
    for (const server of servers) await server.stop().catch(() => undefined);
    if (!keep) removeDir(dir);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  restoreDrill({ keep: args.includes('--keep') }).then(
    (report) => {
      if (args.includes('--json')) process.stdout.write(`${JSON.stringify(report)}\n`);
      process.exit(report.ok ? 0 : 1);
    },
    (error) => {
      process.stderr.write(`restore drill failed: ${error.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
