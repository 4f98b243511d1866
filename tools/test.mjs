// `npm test`: everything a change must pass, in one command. Installs what is missing, checks
// formatting, lint (zero warnings) and types, builds the API and web client, then runs every Jest
// project (unit, integration against a real PostgreSQL, component, and browser tests in Chromium).
import path from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureInstalled, root, run, step } from './lib.mjs';

const started = Date.now();
const nx = [path.join(root, 'node_modules/nx/bin/nx.js')];
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const extra = process.argv.slice(2);

try {
  ensureInstalled();
  ensureChromium();
  step('Format, lint and type checks');
  run(
    process.execPath,
    [...nx, 'run-many', '-t', 'format', 'lint', 'typecheck', '--outputStyle=static'],
    { env },
  );
  step('Building the API and the web client');
  run(
    process.execPath,
    [...nx, 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'],
    { env },
  );
  step('Running all tests');
  run(
    process.execPath,
    [path.join(root, 'node_modules/jest/bin/jest.js'), '--ci', '--maxWorkers=2', ...extra],
    { env },
  );
  console.log(`\nAll checks and tests passed in ${Math.round((Date.now() - started) / 1000)} s.`);
} catch (error) {
  console.error(`\n${error.message}`);
  process.exit(error.exitCode ?? 1);
}
