import './register-paths';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { EmbeddedPostgres } from '@tandem/api-core';
import { dataSourceOptions, runMigrations, seedDemo } from '@tandem/api-data-access';

/**
 * Starts one real PostgreSQL for the whole run and prepares two template databases: one migrated
 * and empty, one migrated with the demo data. Each test file clones its own database from a
 * template (CREATE DATABASE ... TEMPLATE), so files are isolated and fast.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TANDEM_TEST_PG_ADMIN_URL) return; // an outer runner already started one
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-test-pg-'));
  fs.chmodSync(dir, 0o755); // PostgreSQL runs as an unprivileged user when we are root
  const pg = new EmbeddedPostgres({ dataDir: path.join(dir, 'data') });
  await pg.start();
  const admin = pg.connectionUrl('postgres');
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query('CREATE DATABASE tandem_template');
  await client.query('CREATE DATABASE tandem_template_demo');
  await client.end();
  await runMigrations(pg.connectionUrl('tandem_template'));
  await runMigrations(pg.connectionUrl('tandem_template_demo'));
  const ds = new DataSource(dataSourceOptions(pg.connectionUrl('tandem_template_demo'), 2));
  await ds.initialize();
  await seedDemo(ds);
  await ds.destroy();

  process.env.TANDEM_TEST_PG_ADMIN_URL = admin;
  (globalThis as { __tandemPg?: { pg: EmbeddedPostgres; dir: string } }).__tandemPg = { pg, dir };
}
