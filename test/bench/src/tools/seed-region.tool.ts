import { DataSource } from 'typeorm';
import { AccessLogService } from '@tandem/api-audit';
import { hashPassword } from '@tandem/api-core';
import { DEMO_PASSWORD, dataSourceOptions, runMigrations } from '@tandem/api-data-access';
import { DEFAULT_REGION, generateRegion, planRegion } from '../region';
import {
  REGION_DATABASE,
  flagOption,
  fmt,
  numberOption,
  openRegionDatabase,
  out,
  regionDataDir,
  writeRegionManifest,
} from './common';

/**
 * `npm run seed:region -- --years 5`: one region at production scale in one command. Starts the
 * embedded PostgreSQL in .data/region (or uses DATABASE_URL: an empty database), migrates it and
 * loads the region with years of history — notes (200,000 a year), consents (50,000) and a
 * hash-chained access log (1,000,000 entries) — then checks the chain and prints the row counts.
 */
describe('seed:region', () => {
  it('migrates and loads one region', async () => {
    const years = numberOption('YEARS', 5);
    const options = {
      ...DEFAULT_REGION,
      years: Math.max(1, Math.round(years)),
      scale: numberOption('SCALE', 1),
      consents: Math.round(numberOption('CONSENTS', 50_000)),
      accessLogEntries: Math.round(numberOption('ACCESS_LOG', 1_000_000)),
    };
    const started = Date.now();
    const step = (text: string) =>
      out(`[seed:region ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}`);
    step(
      process.env.DATABASE_URL
        ? 'using DATABASE_URL'
        : `starting the embedded PostgreSQL in ${regionDataDir()}/postgres (database ${REGION_DATABASE})`,
    );
    const db = await openRegionDatabase();
    let ds: DataSource | null = null;
    try {
      if (flagOption('FRESH') && db.pg) {
        step('--fresh: dropping the region database');
        const admin = new DataSource(dataSourceOptions(db.pg.connectionUrl('postgres'), 1));
        await admin.initialize();
        await admin.query(`DROP DATABASE IF EXISTS ${REGION_DATABASE} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${REGION_DATABASE}`);
        await admin.destroy();
      }
      const ran = await runMigrations(db.url);
      step(`migrations applied: ${ran.length}`);
      ds = new DataSource(dataSourceOptions(db.url, 2));
      await ds.initialize();
      const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM organisations');
      if (n > 0) {
        throw new Error(
          'This database already holds data. Run with --fresh to replace the region (embedded ' +
            'cluster only), or point DATABASE_URL at an empty database.',
        );
      }
      const plan = planRegion(options);
      step(
        `generating: ${plan.teams.length} teams, ${fmt(plan.clients.length)} clients, ` +
          `${fmt(plan.users.length)} users, ${fmt(options.notes * options.scale * options.years)} notes over ` +
          `${options.years} year(s), ${fmt(options.consents)} consents, ${fmt(options.accessLogEntries)} ` +
          `access-log entries (seed ${options.seed}, reference date ${options.referenceDate})`,
      );
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      const result = await generateRegion(ds, plan, { passwordHash, log: (m) => step(`  ${m}`) });
      step(`loaded in ${(result.ms / 1000).toFixed(1)} s`);
      writeRegionManifest(options);

      step('checking the access-log hash chain (as verify-log does)');
      const verified = await new AccessLogService(ds).verify();
      step(
        verified.ok
          ? `access log: ${fmt(verified.entries)} entries, chain intact`
          : `access log BROKEN at entry ${verified.firstBrokenId}: ${verified.problem}`,
      );
      expect(verified.ok).toBe(true);

      const tables = [
        'organisations',
        'teams',
        'users',
        'clients',
        'client_assignments',
        'notes',
        'note_revisions',
        'sharing_agreements',
        'consents',
        'consent_events',
        'access_log',
      ];
      out('');
      out('| Table                | Rows      |');
      out('| -------------------- | --------: |');
      for (const table of tables) {
        const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM ${table}`);
        out(`| ${table.padEnd(20)} | ${fmt(count).padStart(9)} |`);
      }
      const statuses = await ds.query(
        `SELECT status, count(*)::int AS n, count(*) FILTER (WHERE valid_until < $1::date)::int AS expired
         FROM consents GROUP BY status ORDER BY status`,
        [options.referenceDate],
      );
      out('');
      out(
        `Consents by status: ${statuses
          .map(
            (s: { status: string; n: number; expired: number }) =>
              `${s.status} ${fmt(s.n)} (${fmt(s.expired)} expired)`,
          )
          .join(', ')}`,
      );
      const [range] = await ds.query(
        `SELECT min(contact_on)::text AS first, max(contact_on)::text AS last FROM notes`,
      );
      out(`Notes from ${range.first} to ${range.last}.`);
      const [size] = await ds.query(
        'SELECT pg_size_pretty(pg_database_size(current_database())) AS size',
      );
      out(
        `Database size: ${size.size}. Total time ${((Date.now() - started) / 1000).toFixed(0)} s.`,
      );
      if (db.pg) out(`\nThe region stays in ${regionDataDir()}; \`npm run load\` uses it.`);
    } finally {
      await ds?.destroy();
      await db.stop();
    }
  });
});
