import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@tandem/api-core';
import { DEMO_PASSWORD, dataSourceOptions, demoUser } from '@tandem/api-data-access';
import { createApp } from '../src/app/bootstrap';

const adminUrl = () => {
  const url = process.env.TANDEM_TEST_PG_ADMIN_URL;
  if (!url) throw new Error('The test PostgreSQL is not running (globalSetup did not run).');
  return url;
};

export const dbUrl = (name: string) => adminUrl().replace(/\/[^/]*$/, `/${name}`);

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file: empty, migrated, or migrated with the demo data. */
export async function createTestDatabase(
  kind: 'empty' | 'migrated' | 'demo' = 'demo',
): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const template =
    kind === 'empty'
      ? 'template0'
      : kind === 'migrated'
        ? 'tandem_template'
        : 'tandem_template_demo';
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return dbUrl(name);
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = url.split('/').pop() as string;
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'error',
    SEED_DEMO: 'false',
    LOGIN_FAILURE_DELAY_MS: '5',
    RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
    ...overrides,
  });
}

const silent = { log() {}, error() {}, warn() {}, debug() {}, verbose() {} };

/**
 * Note: Passport strategies are registered process-wide, so boot one app per test file at a time.
 */
export interface TestApp {
  app: NestFastifyApplication;
  db: DataSource;
  url: string;
  config: AppConfig;
  /** Signs in a demo user (by key, e.g. 'keyworker') and returns the access token. */
  tokenFor(userKey: string): Promise<string>;
  request(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Record<string, string | string[] | undefined>;
  cookies: { name: string; value: string }[];
}

/** Boots the real application (Fastify, guards, pipes, TypeORM) on a fresh database. */
export async function createTestApp(
  options: { database?: 'migrated' | 'demo'; config?: Record<string, string> } = {},
): Promise<TestApp> {
  const url = await createTestDatabase(options.database ?? 'demo');
  const config = testConfig(options.config);
  const app = await createApp(config, url, { logger: silent, webDistDir: null });
  const db = new DataSource(dataSourceOptions(url, 4));
  await db.initialize();
  const tokens = new Map<string, string>();

  const request: TestApp['request'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const res = await app.inject({
      method: method as 'GET',
      url: path,
      headers,
      ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
    });
    let body: unknown = res.body;
    try {
      body = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      // not JSON
    }
    return {
      status: res.statusCode,
      body,
      headers: res.headers as TestResponse['headers'],
      cookies: res.cookies as { name: string; value: string }[],
    };
  };

  return {
    app,
    db,
    url,
    config,
    request,
    async tokenFor(userKey: string) {
      const cached = tokens.get(userKey);
      if (cached) return cached;
      const res = await request('POST', '/api/v1/auth/login', {
        body: { email: demoUser(userKey).email, password: DEMO_PASSWORD },
      });
      if (res.status !== 200)
        throw new Error(`Sign-in for ${userKey} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(userKey, res.body.accessToken);
      return res.body.accessToken as string;
    },
    async close() {
      await app.close();
      await db.destroy();
      await dropTestDatabase(url);
    },
  };
}
