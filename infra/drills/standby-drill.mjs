// Streaming standby and failover drill (`npm run drill:standby`; docs/runbook.md "Failover").
//
//  1. start a throwaway primary, migrate and seed it, reserve a physical replication slot;
//  2. take a base backup and start it as a hot standby streaming from the primary;
//  3. write access-log entries on the primary; check they arrive on the standby, and that the
//     standby refuses writes;
//  4. stop the primary (the failure), promote the standby;
//  5. check the promoted server: every entry is there, it accepts writes as the application role,
//     and the access log's hash chain verifies with the API's own verifier.
//
// Progress on stderr; with --json a report on stdout. Exit code 0 when every check passed.
import path from 'node:path';
import {
  api,
  baseBackup,
  configure,
  connect,
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

const ENTRIES = 20;

export async function standbyDrill({ keep = false } = {}) {
  const step = stepper();
  const { core, data } = api();
  const dir = workDir('standby-drill');
  const servers = [];
  const sources = [];
  const started = Date.now();
  const { report, check } = drillReport(step, dir);
  try {
    step('initialising the primary');
    const primary = new core.EmbeddedPostgres({ dataDir: path.join(dir, 'primary') });
    servers.push(primary);
    await primary.start();
    await primary.ensureDatabase('tandem');
    const url = primary.connectionUrl('tandem');
    step('migrating and seeding');
    await data.runMigrations(url);
    const owner = await connect(url);
    sources.push(owner);
    await data.seedDemo(owner);
    // The slot keeps the WAL the standby still needs, so it can catch up after any pause.
    await owner.query("SELECT pg_create_physical_replication_slot('tandem_standby', true)");

    step('base backup, started as a hot standby');
    const standbyDir = path.join(dir, 'standby');
    await baseBackup(primary.connectionUrl('postgres'), primary.dataDir, standbyDir);
    configure(standbyDir, {
      primary_conninfo: `host=127.0.0.1 port=${primary.port} user=${primary.user} password=${primary.password} application_name=tandem_standby`,
      primary_slot_name: 'tandem_standby',
      hot_standby: 'on',
    });
    signal(standbyDir, 'standby.signal');
    const standby = new core.EmbeddedPostgres({ dataDir: standbyDir });
    servers.push(standby);
    await standby.start();
    const standbyApp = await connect(standby.connectionUrl('tandem'), data.APP_DB_ROLE);
    sources.push(standbyApp);
    const streaming = await waitFor('the standby to stream', async () => {
      const [row] = await owner.query(
        "SELECT count(*)::int AS n FROM pg_stat_replication WHERE application_name = 'tandem_standby' AND state = 'streaming'",
      );
      return row.n;
    }).catch(() => 0);
    check('the standby streams from the primary', streaming === 1, { streaming });

    step(`writing ${ENTRIES} access-log entries on the primary`);
    const app = await connect(url, data.APP_DB_ROLE);
    sources.push(app);
    const written = Date.now();
    await writeAccessLog(app, 'primary', ENTRIES);
    await waitFor(
      'the entries on the standby',
      async () => (await countMarker(standbyApp, 'primary')) === ENTRIES,
    );
    report.replicationMs = Date.now() - written;
    check('the entries arrive on the standby', true, {
      entries: ENTRIES,
      ms: report.replicationMs,
    });
    let refused = null;
    try {
      await writeAccessLog(standbyApp, 'on-standby', 1);
    } catch (error) {
      refused = String(error.message);
    }
    check('the standby refuses writes', /read-only/.test(refused ?? ''), { refused });
    const primaryChain = await verifyChain(app);

    step('failover: stopping the primary, promoting the standby');
    for (const ds of [owner, app]) {
      await ds.destroy();
      sources.splice(sources.indexOf(ds), 1);
    }
    await primary.stop();
    const promoteStarted = Date.now();
    // The operator's step (a superuser, or `pg_ctl promote`): the application role may not promote.
    const standbyOwner = await connect(standby.connectionUrl('tandem'));
    sources.push(standbyOwner);
    const [{ promoted }] = await standbyOwner.query('SELECT pg_promote(true, 30) AS promoted');
    report.promoteMs = Date.now() - promoteStarted;
    const [{ inRecovery }] = await standbyApp.query('SELECT pg_is_in_recovery() AS "inRecovery"');
    check('the standby is promoted', promoted && !inRecovery, {
      promoted,
      inRecovery,
      ms: report.promoteMs,
    });
    const kept = await countMarker(standbyApp, 'primary');
    check('no committed entry was lost', kept === ENTRIES, { expected: ENTRIES, found: kept });
    await writeAccessLog(standbyApp, 'after-failover', 3);
    const chain = await verifyChain(standbyApp);
    check(
      'the access-log hash chain verifies on the new primary',
      chain.ok && chain.entries === primaryChain.entries + 3,
      {
        entries: chain.entries,
        expected: primaryChain.entries + 3,
        problem: chain.problem,
      },
    );
    report.ok = Object.values(report.checks).every((c) => c.passed);
    report.seconds = (Date.now() - started) / 1000;
    step(report.ok ? 'standby drill passed' : 'standby drill FAILED');
    return report;
  } finally {
    for (const ds of sources) await ds.destroy().catch(() => undefined);
    for (const server of servers.reverse()) await server.stop().catch(() => undefined);
    if (!keep) removeDir(dir);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  standbyDrill({ keep: args.includes('--keep') }).then(
    (report) => {
      if (args.includes('--json')) process.stdout.write(`${JSON.stringify(report)}\n`);
      process.exit(report.ok ? 0 : 1);
    },
    (error) => {
      process.stderr.write(`standby drill failed: ${error.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
