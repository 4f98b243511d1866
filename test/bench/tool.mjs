// Runs one operational tool from test/bench/src/tools through Jest (which compiles the workspace's
// TypeScript). Options are passed on as TOOL_* environment variables. Usage:
//   node test/bench/tool.mjs seed-region [--years 5] [--scale 1] [--consents 50000]
//                                        [--access-log 1000000] [--data-dir .data/region] [--fresh]
//   node test/bench/tool.mjs load [--users 300] [--duration 30] [--think 1000]
//   node test/bench/tool.mjs drill-pg-restart
//   node test/bench/tool.mjs drill-kill-instance
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [tool, ...args] = process.argv.slice(2);
const file = path.join(root, 'test/bench/src/tools', `${tool}.tool.ts`);
if (!tool || !fs.existsSync(file)) {
  const tools = fs
    .readdirSync(path.join(root, 'test/bench/src/tools'))
    .filter((f) => f.endsWith('.tool.ts'))
    .map((f) => f.replace('.tool.ts', ''));
  process.stderr.write(`Usage: node test/bench/tool.mjs <${tools.join('|')}> [--option value]\n`);
  process.exit(2);
}
const env = { ...process.env };
for (let i = 0; i < args.length; i++) {
  const [flag, inline] = args[i].split('=');
  if (!flag.startsWith('--')) {
    process.stderr.write(`Unexpected argument ${args[i]}; options look like --years 5\n`);
    process.exit(2);
  }
  const name = `TOOL_${flag.slice(2).replace(/-/g, '_').toUpperCase()}`;
  const next = args[i + 1];
  env[name] = inline ?? (next === undefined || next.startsWith('--') ? 'true' : args[++i]);
}
const jest = path.join(root, 'node_modules/jest/bin/jest.js');
const result = spawnSync(
  process.execPath,
  [jest, '-c', 'test/bench/jest.tools.config.ts', '--runInBand', '--ci', file],
  { cwd: root, env, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
