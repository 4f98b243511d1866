import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const appDir = path.dirname(fileURLToPath(import.meta.url));
const workspaceRoot = path.resolve(appDir, '../..');

/** The @tandem/* aliases, read from tsconfig.base.json so there is one list. */
function workspaceAliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(path.join(workspaceRoot, 'tsconfig.base.json'), 'utf8'));
  const paths: Record<string, string[]> = tsconfig.compilerOptions.paths;
  return Object.fromEntries(
    Object.entries(paths).map(([alias, [target]]) => [alias, path.join(workspaceRoot, target)]),
  );
}

const apiTarget = process.env.TANDEM_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: appDir,
  cacheDir: path.join(workspaceRoot, 'node_modules/.vite/web'),
  plugins: [react()],
  resolve: { alias: workspaceAliases() },
  server: {
    host: '127.0.0.1',
    port: 4200,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
  preview: { host: '127.0.0.1', port: 4300 },
  build: {
    outDir: path.join(workspaceRoot, 'dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
});
