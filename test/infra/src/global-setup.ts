import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The drills run the built API (dist/apps/api): build it when it is missing, as the e2e tests do. */
export default function globalSetup(): void {
  const root = path.resolve(__dirname, '../../..');
  if (fs.existsSync(path.join(root, 'dist/apps/api/main.js'))) return;
  console.log('\n[infra] node tools/build-api.mjs');
  execFileSync(process.execPath, ['tools/build-api.mjs'], { cwd: root, stdio: 'inherit' });
}
