import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API_MAIN, workspaceRoot } from './paths';

export interface TandemServer {
  url: string;
  /** Everything the server printed, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

const READY = /Tandem is running at (http:\/\/[^\s]+\/)/;

/**
 * Starts the built API (dist/apps/api/main.js) on a free port with a fresh data folder: it starts
 * its own embedded PostgreSQL there, migrates and seeds the demo data, and serves the web client.
 */
export async function startTandem(timeoutMs = 90_000): Promise<TandemServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-e2e-'));
  fs.chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as another user and must get in
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TANDEM_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: workspaceRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const cleanUp = () => fs.rmSync(dataDir, { recursive: true, force: true });
  const stop = async () => {
    await stopProcess(child);
    cleanUp();
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Tandem did not start within ${timeoutMs / 1000} s.`)),
        timeoutMs,
      );
      const onData = () => {
        const match = READY.exec(output);
        if (match) {
          clearTimeout(timer);
          child.stdout?.off('data', onData);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Tandem stopped during start-up (code ${code}, signal ${signal}).`));
      });
    });
    return { url, output: () => output, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
}

/** SIGTERM, then wait for the exit (the API stops its PostgreSQL first); SIGKILL after 30 s. */
function stopProcess(child: ChildProcess, graceMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
