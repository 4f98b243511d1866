import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { API_MAIN, CHROMIUM, WEB_INDEX, workspaceRoot } from './paths';

function run(command: string, args: string[]): void {
  console.log(`\n[e2e] ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: workspaceRoot, stdio: 'inherit' });
}

/** Chromium must be at /usr/bin/chromium; as root we install it, otherwise we say how. */
function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  if (process.getuid?.() === 0) {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
    if (fs.existsSync(CHROMIUM)) return;
  }
  throw new Error(
    `The browser test needs Chromium at ${CHROMIUM}, and it is not there. ` +
      'Install it (Debian/Ubuntu, as root: apt-get update && apt-get install -y chromium) and run the test again.',
  );
}

/**
 * Builds the API and the web client when their output is missing. Set TANDEM_E2E_BUILD=always to
 * rebuild anyway (for example after changing code).
 */
function ensureBuilt(): void {
  const always = process.env.TANDEM_E2E_BUILD === 'always';
  if (always || !fs.existsSync(API_MAIN)) run(process.execPath, ['tools/build-api.mjs']);
  if (always || !fs.existsSync(WEB_INDEX)) {
    run(process.execPath, [
      path.join(workspaceRoot, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.ts',
    ]);
  }
}

export default async function globalSetup(): Promise<void> {
  ensureChromium();
  ensureBuilt();
}
