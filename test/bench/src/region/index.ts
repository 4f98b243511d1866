import type { DataSource } from 'typeorm';
import { GeneratorContext, REGION_GENERATORS, RegionGenerator } from './generators';
import type { RegionPlan } from './plan';

export * from './plan';
export * from './generators';
export * from './bulk';

export interface GenerateResult {
  steps: { name: string; rows: number; ms: number }[];
  ms: number;
}

/**
 * Writes a planned region into a migrated database, in one transaction, then vacuums and analyses
 * the tables (as autovacuum would in a running system) so that plans and index-only scans are
 * realistic. Meant for an otherwise empty database; ids are stable per seed.
 */
export async function generateRegion(
  ds: DataSource,
  plan: RegionPlan,
  options: {
    passwordHash: string;
    generators?: RegionGenerator[];
    log?: (message: string) => void;
  },
): Promise<GenerateResult> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const steps: GenerateResult['steps'] = [];
  await ds.transaction(async (db) => {
    await db.query('SET LOCAL synchronous_commit = off');
    const ctx: GeneratorContext = { db, plan, passwordHash: options.passwordHash, log };
    for (const generator of options.generators ?? REGION_GENERATORS) {
      const t0 = performance.now();
      const rows = await generator.generate(ctx);
      const ms = performance.now() - t0;
      steps.push({ name: generator.name, rows, ms });
      log(`${generator.name}: ${rows} rows in ${(ms / 1000).toFixed(1)} s`);
    }
  });
  const t0 = performance.now();
  await ds.query('VACUUM (ANALYZE)');
  steps.push({ name: 'vacuum analyze', rows: 0, ms: performance.now() - t0 });
  return { steps, ms: performance.now() - started };
}
