import './register-paths';
import fs from 'node:fs';
import type { EmbeddedPostgres } from '@tandem/api-core';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __tandemPg?: { pg: EmbeddedPostgres; dir: string } }).__tandemPg;
  if (!state) return;
  await state.pg.stop();
  fs.rmSync(state.dir, { recursive: true, force: true });
}
