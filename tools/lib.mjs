// Helpers shared by the start, test and build scripts. Plain Node (no dependencies), so they run
// on a fresh clone before `npm ci`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    const error = new Error(`${cmd} ${args.join(' ')} failed with exit code ${result.status}`);
    error.exitCode = result.status ?? 1;
    throw error;
  }
}

export function step(message) {
  console.log(`\n\u25b6 ${message}`);
}

/**
 * Installs dependencies when node_modules is missing or older than package-lock.json.
 *
 * `npm install` (which keeps to the committed lockfile) rather than `npm ci`: the registry this
 * project installs from serves only the platform packages of this machine, so `npm ci` refuses a
 * lockfile that lacks the other platforms' optional binaries (see docs/adr/0007-install-with-npm-install.md).
 */
export function ensureInstalled({ clean = false } = {}) {
  const lock = path.join(root, 'package-lock.json');
  const stamp = path.join(root, 'node_modules', '.tandem-install-stamp');
  const hash = createHash('sha256').update(fs.readFileSync(lock)).digest('hex');
  if (clean) fs.rmSync(path.join(root, 'node_modules'), { recursive: true, force: true });
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) return;
  step('Installing dependencies from package-lock.json; this takes a minute or two the first time');
  run('npm', ['install', '--no-audit', '--no-fund']);
  fs.writeFileSync(stamp, hash);
}

/** Runs a command and resolves with its exit code, forwarding Ctrl-C / SIGTERM to it. */
export function runForwardingSignals(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', cwd: root, ...options });
    const forward = (signal) => () => child.kill(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}
