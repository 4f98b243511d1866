import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { effectiveDataDir } from '@tandem/api-core';
import { createTestDatabase, dropTestDatabase } from './harness';

/**
 * The built server as a real process: start-up, the printed URL, clean shutdown on SIGTERM, and no
 * orphaned PostgreSQL even when the Node process is killed hard.
 */
const root = path.resolve(__dirname, '../../..');
const main = path.join(root, 'dist/apps/api/main.js');

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function start(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Tandem is running at (http:\/\/[^\s]+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const postmasterPid = (dataDir: string) =>
  Number(
    fs
      .readFileSync(
        path.join(effectiveDataDir(path.join(dataDir, 'postgres')), 'postmaster.pid'),
        'utf8',
      )
      .split('\n')[0],
  );

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('the server process', () => {
  let dataDir: string;

  beforeAll(() => {
    if (!fs.existsSync(main))
      execFileSync(process.execPath, [path.join(root, 'tools/build-api.mjs')], {
        cwd: root,
        stdio: 'ignore',
      });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-proc-'));
    fs.chmodSync(dataDir, 0o755);
  });
  afterAll(() => {
    fs.rmSync(effectiveDataDir(path.join(dataDir, 'postgres')), { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts an embedded PostgreSQL, prints its URL, and on SIGTERM stops cleanly with no postgres left', async () => {
    const server = await start({ TANDEM_DATA_DIR: dataDir, SEED_DEMO: 'false' });
    const ready = await fetch(`${server.url}api/ready`);
    expect(ready.status).toBe(200);
    const pgPid = postmasterPid(dataDir);
    expect(alive(pgPid)).toBe(true);

    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
    expect(await waitUntil(() => !alive(pgPid), 5000)).toBe(true);
    expect(server.output()).not.toMatch(/error/i);
  });

  it('keeps its data between runs, and leaves no orphaned postgres when killed hard (SIGKILL)', async () => {
    const server = await start({ TANDEM_DATA_DIR: dataDir, SEED_DEMO: 'false' });
    // Same cluster as before: the migrations are already applied, so the second start is quick.
    expect(
      fs.existsSync(path.join(effectiveDataDir(path.join(dataDir, 'postgres')), 'PG_VERSION')),
    ).toBe(true);
    const pgPid = postmasterPid(dataDir);
    server.child.kill('SIGKILL');
    await exited(server.child);
    expect(await waitUntil(() => !alive(pgPid), 10_000)).toBe(true);
  });

  it('uses DATABASE_URL when set and starts no embedded server', async () => {
    const url = await createTestDatabase('migrated');
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-ext-'));
    try {
      const server = await start({
        TANDEM_DATA_DIR: otherDir,
        DATABASE_URL: url,
        SEED_DEMO: 'false',
      });
      expect((await fetch(`${server.url}api/ready`)).status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await exited(server.child)).toBe(0);
      expect(fs.existsSync(path.join(otherDir, 'postgres'))).toBe(false);
    } finally {
      fs.rmSync(otherDir, { recursive: true, force: true });
      await dropTestDatabase(url);
    }
  });

  it('refuses to start on a malformed setting and names it', async () => {
    const child = spawn(process.execPath, [main], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', PORT: 'eighty', SEED_DEMO: 'maybe' },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    expect(await exited(child)).toBe(78);
    expect(stderr).toMatch(/PORT: /);
    expect(stderr).toMatch(/SEED_DEMO: /);
  });
});
