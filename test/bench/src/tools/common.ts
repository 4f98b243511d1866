import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { EmbeddedPostgres } from '@tandem/api-core';
import type { RegionOptions } from '../region';

export const out = (text = '') => process.stdout.write(`${text}\n`);
export const workspaceRoot = path.resolve(__dirname, '../../../..');
export const silent = { log() {}, error() {}, warn() {}, debug() {}, verbose() {} };

/** A numeric `--option` (passed by tool.mjs as TOOL_OPTION); refuses anything but a number ≥ 0. */
export function numberOption(name: string, fallback: number): number {
  const raw = process.env[`TOOL_${name}`];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(
      `--${name.toLowerCase().replace(/_/g, '-')} must be a number ≥ 0, got "${raw}"`,
    );
  return value;
}

export function flagOption(name: string): boolean {
  const raw = process.env[`TOOL_${name}`];
  return raw !== undefined && raw !== 'false' && raw !== '0';
}

export function stringOption(name: string, fallback: string): string {
  return process.env[`TOOL_${name}`] ?? fallback;
}

/** Where the region seed keeps its cluster (persisting between runs) and what it generated. */
export function regionDataDir(): string {
  return path.resolve(workspaceRoot, stringOption('DATA_DIR', '.data/region'));
}

export const REGION_DATABASE = 'tandem_region';

export interface RegionDatabase {
  url: string;
  pg: EmbeddedPostgres | null;
  stop(): Promise<void>;
}

/** DATABASE_URL when set, otherwise the embedded cluster in the region data folder. */
export async function openRegionDatabase(): Promise<RegionDatabase> {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, pg: null, stop: async () => undefined };
  const dir = regionDataDir();
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  fs.chmodSync(dir, 0o755); // as root, PostgreSQL runs as another user and must get in
  // The region's database is 1.7 GB: give it the cache a production server would (a quarter of
  // a small server's memory) instead of the 128 MB default for the demo.
  const pg = new EmbeddedPostgres({
    dataDir: path.join(dir, 'postgres'),
    settings: {
      shared_buffers: stringOption('SHARED_BUFFERS', '1GB'),
      // --pg-stats: which statements the database spends its time on (pg_stat_statements).
      ...(flagOption('PG_STATS')
        ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' }
        : {}),
    },
  });
  await pg.start();
  await pg.ensureDatabase(REGION_DATABASE);
  return { url: pg.connectionUrl(REGION_DATABASE), pg, stop: () => pg.stop() };
}

const manifest = () => path.join(regionDataDir(), 'region.json');

export function writeRegionManifest(options: RegionOptions): void {
  fs.writeFileSync(manifest(), `${JSON.stringify(options, null, 2)}\n`);
}

/** The options the region in the data folder was generated with (null when there is none). */
export function readRegionManifest(): RegionOptions | null {
  if (process.env.TOOL_REGION_JSON) return JSON.parse(process.env.TOOL_REGION_JSON);
  return fs.existsSync(manifest()) ? JSON.parse(fs.readFileSync(manifest(), 'utf8')) : null;
}

export const fmt = (n: number) => n.toLocaleString('en-US');

/** Builds dist/apps/api (tools/build-api.mjs) unless --no-build. */
export function buildApi(step: (text: string) => void): void {
  if (flagOption('NO_BUILD')) return;
  step('building the API (tools/build-api.mjs; --no-build to skip)');
  execFileSync(process.execPath, [path.join(workspaceRoot, 'tools/build-api.mjs')], {
    cwd: workspaceRoot,
    stdio: 'ignore',
  });
}

export interface ApiProcess {
  child: ChildProcess;
  port: number;
  output(): string;
}

/**
 * Starts the built API (dist/apps/api/main.js, NODE_ENV=production) on a database; resolves with
 * its port once it listens. Its output is kept (the last 20,000 characters) for error messages.
 */
export function startApi(
  url: string,
  jwtSecret: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<ApiProcess> {
  const main = path.join(workspaceRoot, 'dist/apps/api/main.js');
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd: workspaceRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      JWT_SECRET: jwtSecret,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      // Many users sign in within seconds from one address: the per-address limit would refuse them.
      RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 120_000);
    const onData = () => {
      const match = /Tandem is running at http:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.removeListener('exit', onExit);
        resolve({ child, port: Number(match[1]), output: () => output });
      }
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`API exited (code ${code}):\n${output.slice(-3000)}`));
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** SIGTERM and wait for the exit (SIGKILL after 20 s). */
export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
