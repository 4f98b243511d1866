// Runs the region benchmark (test/bench) through Jest, which compiles the TypeScript with the
// workspace aliases. Usage:
//   npm run bench                      # 1×: 200,000 notes
//   npm run bench -- --scale 5         # 5×: 1,000,000 notes (also: npm run bench:5x)
//   options: --iterations N (requests per endpoint, default 300), --sql-iterations N (default 200),
//            --no-doc (print only; do not update docs/performance.md)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const fail = (message) => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = { ...process.env };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const [flag, inline] = args[i].split('=');
  const value = () => inline ?? args[++i];
  if (flag === '--scale') env.BENCH_SCALE = value();
  else if (flag === '--iterations') env.BENCH_ITERATIONS = value();
  else if (flag === '--sql-iterations') env.BENCH_SQL_ITERATIONS = value();
  else if (flag === '--no-doc') env.BENCH_WRITE_DOC = '0';
  else {
    fail(
      `Unknown option ${args[i]}. Options: --scale N, --iterations N, --sql-iterations N, --no-doc`,
    );
  }
}
for (const name of ['BENCH_SCALE', 'BENCH_ITERATIONS', 'BENCH_SQL_ITERATIONS']) {
  if (env[name] !== undefined && !(Number(env[name]) > 0)) {
    fail(`${name} must be a positive number, got "${env[name]}"`);
  }
}

const jest = path.join(root, 'node_modules/jest/bin/jest.js');
const result = spawnSync(
  process.execPath,
  [jest, '-c', 'test/bench/jest.bench.config.ts', '--runInBand', '--ci'],
  { cwd: root, env, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
