// `npm start`: installs what is missing, builds the web client and the API, and starts Tandem with
// the demo data on an embedded PostgreSQL (or on DATABASE_URL when set). Ctrl-C stops everything.
import path from 'node:path';
import { ensureInstalled, root, run, runForwardingSignals, step } from './lib.mjs';

try {
  if (!process.argv.includes('--no-build')) {
    ensureInstalled();
    step('Building the web client and the API');
    run(
      process.execPath,
      [
        path.join(root, 'node_modules/nx/bin/nx.js'),
        'run-many',
        '-t',
        'build',
        '-p',
        'api',
        'web',
        '--outputStyle=static',
      ],
      {
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      },
    );
  }
  step('Starting Tandem');
  const code = await runForwardingSignals(process.execPath, [
    '--enable-source-maps',
    path.join(root, 'dist/apps/api/main.js'),
  ]);
  process.exit(code);
} catch (error) {
  console.error(error.message);
  process.exit(error.exitCode ?? 1);
}
