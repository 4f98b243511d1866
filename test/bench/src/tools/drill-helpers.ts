import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres } from '@tandem/api-core';
import { DEMO_PASSWORD, demoUser } from '@tandem/api-data-access';
// The tools run the real application, booted as the API's own tests boot it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { prepareDatabase } from '../../../../apps/api/src/app/bootstrap';
import { openRegionDatabase, silent } from './common';

/** A connection for checking results (the drill's observer, not the system). */
function observer(url: string) {
  return async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
}

/**
 * The region from `npm run seed:region` (its own embedded PostgreSQL, kept afterwards): the drill
 * then runs against a production-sized database. The API migrates it when it starts.
 */
export async function regionDrillDatabase() {
  const region = await openRegionDatabase();
  if (!region.pg)
    throw new Error('--region needs the embedded region database: unset DATABASE_URL.');
  return { pg: region.pg, url: region.url, query: observer(region.url), remove: region.stop };
}

/** A fresh embedded PostgreSQL with the migrated demo data, in a temporary folder. */
export async function drillDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-drill-'));
  fs.chmodSync(dir, 0o755); // as root, PostgreSQL runs as another user and must get in
  const pg = new EmbeddedPostgres({ dataDir: path.join(dir, 'postgres') });
  await pg.start();
  await pg.ensureDatabase('tandem');
  const url = pg.connectionUrl('tandem');
  await prepareDatabase(url, true, silent);
  return {
    pg,
    url,
    query: observer(url),
    async remove() {
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface HttpResult {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** fetch with a timeout; a network error or timeout is status 0. */
export async function call(
  base: string,
  method: string,
  url: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  try {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.headers ?? {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body };
  } catch {
    return { status: 0, body: undefined };
  }
}

export async function signIn(base: string, key: string, email?: string): Promise<string> {
  const res = await call(base, 'POST', '/api/v1/auth/login', {
    body: { email: email ?? demoUser(key).email, password: DEMO_PASSWORD },
  });
  if (res.status !== 200) throw new Error(`sign-in of ${key} failed: ${res.status}`);
  return res.body.accessToken as string;
}

export const newKey = () => randomUUID();
