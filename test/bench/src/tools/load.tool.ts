import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@tandem/api-core';
import { DEMO_PASSWORD } from '@tandem/api-data-access';
import { Client as PgClient } from 'pg';
import { Role } from '@tandem/domain';
// The tools run the real application, booted as the API's own tests boot it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createApp } from '../../../../apps/api/src/app/bootstrap';
import { RegionPlan, planRegion } from '../region';
import {
  buildApi,
  fmt,
  startApi,
  stopProcess,
  numberOption,
  flagOption,
  stringOption,
  openRegionDatabase,
  out,
  readRegionManifest,
  regionDataDir,
  silent,
  workspaceRoot,
} from './common';

/**
 * `npm run load`: many signed-in users against the real API process on the region data, with a
 * realistic mix; then the same requests against a bare Fastify/pg server running the very SQL the
 * API sent (captured per user and endpoint), with and without the access-log INSERT. Prints
 * throughput, p50/p95/p99 and errors per endpoint, the ratios, and whether the targets are met.
 * Options: --users 300 --duration 60 --warmup 10 --think 1000 (mean pause between a user's
 * requests, ms; 0 = flat out) --rounds 2 (the bare phases with and without the access-log INSERT
 * alternate in A-B-B-A order, each duration/rounds long) --no-build (use dist/apps/api as built).
 */

type TemplateName =
  'board' | 'client' | 'notes' | 'noteWrite' | 'consents' | 'myAccessLog' | 'myConsents';

const LABEL: Record<TemplateName, string> = {
  board: 'board (GET /caseload)',
  client: 'client page (GET /clients/:id)',
  notes: 'note list (GET /clients/:id/notes)',
  noteWrite: 'note write (POST /clients/:id/notes)',
  consents: 'consent check (GET /clients/:id/consents)',
  myAccessLog: 'access-log read (GET /me/access-log)',
  myConsents: 'own consents (GET /me/consents)',
};

/** Share of a staff member's requests per endpoint; client accounts read their log and consents. */
const STAFF_MIX: [TemplateName, number][] = [
  ['board', 0.25],
  ['client', 0.2],
  ['notes', 0.25],
  ['noteWrite', 0.1],
  ['consents', 0.2],
];
const CLIENT_MIX: [TemplateName, number][] = [
  ['myAccessLog', 0.7],
  ['myConsents', 0.3],
];

interface VirtualUser {
  key: string;
  email: string;
  teamId: string | null;
  clients: string[];
  noteDomain: string | null;
  mix: [TemplateName, number][];
  token?: string;
}

interface CapturedStatement {
  sql: string;
  params: unknown[];
  client: number;
  /** Indexes of the statements that had finished when this one was sent. */
  after: number[];
  /** The id this statement returned (later statements use it; the replay substitutes its own). */
  idOut?: string;
}

const today = () => new Date().toISOString().slice(0, 10);

function requestFor(vu: VirtualUser, name: TemplateName, clientId: string) {
  switch (name) {
    case 'board':
      return {
        method: 'GET',
        path: `/api/v1/caseload?${vu.teamId ? `teamId=${vu.teamId}&` : ''}pageSize=50`,
      };
    case 'client':
      return { method: 'GET', path: `/api/v1/clients/${clientId}` };
    case 'notes':
      return { method: 'GET', path: `/api/v1/clients/${clientId}/notes?pageSize=25` };
    case 'noteWrite':
      return {
        method: 'POST',
        path: `/api/v1/clients/${clientId}/notes`,
        body: {
          domain: vu.noteDomain,
          title: 'Telefonisch contact',
          body: 'Kort telefonisch contact over de afspraken van deze week. Geen bijzonderheden.',
          contactOn: today(),
        },
      };
    case 'consents':
      return { method: 'GET', path: `/api/v1/clients/${clientId}/consents` };
    case 'myAccessLog':
      return { method: 'GET', path: '/api/v1/me/access-log?pageSize=25' };
    case 'myConsents':
      return { method: 'GET', path: '/api/v1/me/consents' };
  }
}

/** 300 users by default: every team's staff, the partners, and client accounts for the rest. */
function virtualUsers(plan: RegionPlan, count: number): VirtualUser[] {
  const users: VirtualUser[] = [];
  const add = (index: number, clients: string[], noteDomain: string | null) => {
    const u = plan.users[index];
    if (!clients.length) return;
    users.push({
      key: u.key,
      email: u.email,
      teamId: u.teamId,
      clients,
      noteDomain,
      mix: u.role === Role.CLIENT ? CLIENT_MIX : STAFF_MIX,
    });
  };
  const teamClients = (t: number) => plan.clients.filter((c) => c.teamIndex === t).map((c) => c.id);
  plan.staff.forEach((s, t) => {
    for (const i of [s.regie, s.psychiater, ...s.spv]) add(i, teamClients(t), 'TREATMENT');
    add(s.peer, teamClients(t), 'PARTICIPATION');
    for (const i of s.ips)
      add(
        i,
        plan.clients.filter((c) => c.ips === i).map((c) => c.id),
        'PARTICIPATION',
      );
  });
  for (const i of [...plan.klantmanagers.flat(), ...plan.arbeidsdeskundigen]) {
    add(
      i,
      plan.clients
        .filter((c) => c.klantmanager === i || c.arbeidsdeskundige === i)
        .map((c) => c.id),
      'PARTICIPATION',
    );
  }
  for (const c of plan.clients) {
    if (users.length >= count) break;
    if (c.account !== null) add(c.account, [c.id], null);
  }
  return users.slice(0, count);
}

interface Result {
  status: number;
  ms: number;
  body: string;
}

function send(
  agent: http.Agent,
  port: number,
  token: string | undefined,
  req: { method: string; path: string; body?: unknown },
): Promise<Result> {
  return new Promise((resolve) => {
    const started = performance.now();
    const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
    const r = http.request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.path,
        agent,
        timeout: 15_000,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    r.on('timeout', () => r.destroy(new Error('timeout')));
    r.on('error', () => resolve({ status: 0, ms: performance.now() - started, body: '' }));
    if (payload) r.write(payload);
    r.end();
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
    : NaN;

interface PhaseStats {
  name: string;
  seconds: number;
  perTemplate: Map<TemplateName, { ms: number[]; errors: number }>;
  all: number[];
  errors: number;
  errorSamples: string[];
}

async function runPhase(
  name: string,
  port: number,
  users: VirtualUser[],
  available: Map<string, TemplateName[]>,
  opts: { duration: number; warmup: number; think: number },
): Promise<PhaseStats> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: users.length });
  const stats: PhaseStats = {
    name,
    seconds: opts.duration,
    perTemplate: new Map(),
    all: [],
    errors: 0,
    errorSamples: [],
  };
  const start = performance.now();
  const measureFrom = start + opts.warmup * 1000;
  const end = measureFrom + opts.duration * 1000;
  const pause = () => (opts.think > 0 ? -Math.log(1 - Math.random()) * opts.think : 0);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await Promise.all(
    users.map(async (vu, n) => {
      // Each user starts at a random point of their pause, as users who are already working do
      // (an exponential pause has no memory); starting all 300 in the same second would measure
      // a stampede that takes 10–15 s to drain instead of the steady state. With --think 0, users
      // start spread over the first second.
      await sleep(opts.think > 0 ? pause() : (n / users.length) * 1000);
      const mix = vu.mix.filter(([t]) => available.get(vu.key)?.includes(t));
      const total = mix.reduce((a, [, w]) => a + w, 0);
      while (performance.now() < end) {
        let r = Math.random() * total;
        const template = (mix.find(([, w]) => (r -= w) < 0) ?? mix[0])[0];
        const clientId = vu.clients[Math.floor(Math.random() * vu.clients.length)];
        const sentAt = performance.now();
        const res = await send(agent, port, vu.token, requestFor(vu, template, clientId));
        if (sentAt >= measureFrom && sentAt < end) {
          const entry = stats.perTemplate.get(template) ?? { ms: [], errors: 0 };
          stats.perTemplate.set(template, entry);
          if (res.status >= 200 && res.status < 300) {
            entry.ms.push(res.ms);
            stats.all.push(res.ms);
          } else {
            entry.errors++;
            stats.errors++;
            if (stats.errorSamples.length < 5)
              stats.errorSamples.push(`${template}: ${res.status} ${res.body.slice(0, 160)}`);
          }
        }
        await sleep(pause());
      }
    }),
  );
  agent.destroy();
  return stats;
}

/** Several shorter phases of one kind as one (their samples and errors together). */
function mergePhases(name: string, runs: PhaseStats[]): PhaseStats {
  const merged: PhaseStats = {
    name,
    seconds: runs.reduce((a, r) => a + r.seconds, 0),
    perTemplate: new Map(),
    all: runs.flatMap((r) => r.all),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    errorSamples: runs.flatMap((r) => r.errorSamples).slice(0, 5),
  };
  for (const run of runs)
    for (const [template, entry] of run.perTemplate) {
      const into = merged.perTemplate.get(template) ?? { ms: [], errors: 0 };
      merged.perTemplate.set(template, into);
      into.ms.push(...entry.ms);
      into.errors += entry.errors;
    }
  return merged;
}

function printPhase(s: PhaseStats) {
  out('');
  out(`### ${s.name}`);
  out('');
  out('| Endpoint | Requests | Req/s | p50 ms | p95 ms | p99 ms | Errors |');
  out('| --- | --: | --: | --: | --: | --: | --: |');
  const row = (label: string, ms: number[], errors: number) => {
    const sorted = [...ms].sort((a, b) => a - b);
    out(
      `| ${label} | ${fmt(ms.length)} | ${(ms.length / s.seconds).toFixed(1)} | ${percentile(sorted, 50).toFixed(1)} | ` +
        `${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${errors} |`,
    );
  };
  for (const [t, e] of s.perTemplate) row(LABEL[t], e.ms, e.errors);
  row('**all**', s.all, s.errors);
  for (const e of s.errorSamples) out(`  error sample: ${e}`);
}

function startBare(url: string, captureFile: string, skipLog: boolean) {
  const child = spawn(process.execPath, [path.join(__dirname, 'bare-server.cjs')], {
    cwd: workspaceRoot,
    env: {
      ...process.env,
      DATABASE_URL: url,
      CAPTURE_FILE: captureFile,
      SKIP_ACCESS_LOG: skipLog ? '1' : '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<{ child: ChildProcess; port: number }>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /listening on (\d+)/.exec(chunk.toString());
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.once('exit', (code) => reject(new Error(`bare server exited (code ${code})`)));
  });
}

const stop = stopProcess;

/**
 * Records every statement the API's own code sends for one request (through pg, so transactions
 * and statements on several pool connections are seen as they are).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pg = require('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
function startCapture() {
  const original = pg.Client.prototype.query;
  const ids = new WeakMap<object, number>();
  let nextId = 0;
  const recorded: (CapturedStatement & { start: number; end: number })[] = [];
  pg.Client.prototype.query = function (this: object, ...args: unknown[]) {
    const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown];
    const sql = typeof config === 'string' ? config : config?.text;
    const params = (typeof config === 'string' ? values : (config?.values ?? values)) as unknown[];
    const result = original.apply(this, args);
    if (typeof sql !== 'string' || /socket_io|pg_notify|LISTEN|UNLISTEN/i.test(sql)) return result;
    if (!ids.has(this)) ids.set(this, nextId++);
    const entry = {
      sql,
      params: JSON.parse(JSON.stringify(Array.isArray(params) ? params : [])),
      client: ids.get(this) as number,
      after: [] as number[],
      start: performance.now(),
      end: Infinity,
    } as CapturedStatement & { start: number; end: number };
    recorded.push(entry);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<{ rows?: { id?: unknown }[] }>).then(
        (r) => {
          entry.end = performance.now();
          const id = r?.rows?.[0]?.id;
          if (typeof id === 'string') entry.idOut = id;
        },
        () => (entry.end = performance.now()),
      );
    }
    return result;
  };
  return {
    take(): CapturedStatement[] {
      const list = recorded.splice(0);
      return list.map((q, i) => ({
        sql: q.sql,
        params: q.params,
        client: q.client,
        idOut: q.idOut,
        after: list
          .slice(0, i)
          .map((p, j) => [p, j] as const)
          .filter(([p]) => p.end <= q.start || p.client === q.client)
          .map(([, j]) => j),
      }));
    },
    stop() {
      pg.Client.prototype.query = original;
    },
  };
}

/**
 * Runs each user's endpoints once in an in-process app with the same code and records the SQL it
 * sends, for the bare handler to replay.
 */
async function captureSql(
  url: string,
  jwtSecret: string,
  users: VirtualUser[],
  available: Map<string, TemplateName[]>,
  captureFile: string,
  step: (text: string) => void,
) {
  step('capturing the SQL each user and endpoint runs (in-process app, same code)');
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: jwtSecret,
    LOG_LEVEL: 'error',
    SEED_DEMO: 'false',
  });
  const inproc = await createApp(config, url, { logger: silent, webDistDir: null });
  const capture = startCapture();
  const captured: { token: string; templates: Record<string, unknown> }[] = [];
  try {
    for (const vu of users) {
      const templates: Record<string, unknown> = {};
      for (const t of available.get(vu.key) ?? []) {
        const clientId = vu.clients[0];
        const req = requestFor(vu, t, clientId);
        capture.take();
        const res = await inproc.inject({
          method: req.method as 'GET',
          url: req.path,
          headers: { authorization: `Bearer ${vu.token}` },
          ...(req.body ? { payload: req.body as object } : {}),
        });
        await new Promise((r) => setTimeout(r, 5)); // let the last result callbacks run
        const queries = capture.take();
        templates[t] = {
          status: res.statusCode,
          clientId: t === 'board' || t.startsWith('my') ? null : clientId,
          queries,
          transactional: [
            ...new Set(
              queries
                .filter((q) => /^\s*(BEGIN|START TRANSACTION)/i.test(q.sql))
                .map((q) => q.client),
            ),
          ],
        };
      }
      captured.push({ token: vu.token as string, templates });
    }
  } finally {
    capture.stop();
    await inproc.close();
  }
  fs.writeFileSync(captureFile, JSON.stringify({ users: captured }));
  const sample = captured[0].templates.notes as { queries: CapturedStatement[] } | undefined;
  step(`captured; e.g. the note list runs ${sample?.queries.length ?? '?'} statements per request`);
}

/** Empties pg_stat_statements (--pg-stats) just before the real API's phase. */
async function resetStatementStats(url: string): Promise<true> {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query('SELECT pg_stat_statements_reset()');
  } finally {
    await client.end();
  }
  return true;
}

/**
 * Where the database's time went during the real API's phase (warm-up included): the statements
 * with the most execution time, per request answered. Statement texts are normalised by
 * PostgreSQL (parameters as $1), so no data appears in them.
 */
async function statementStats(url: string, requests: number): Promise<string> {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      query: string;
      calls: string;
      total: number;
      mean: number;
      rows: string;
      share: number;
      toplevel: boolean;
    }>(`SELECT query, calls, total_exec_time AS total, mean_exec_time AS mean, rows, toplevel,
              100 * total_exec_time / sum(total_exec_time) FILTER (WHERE toplevel) OVER () AS share
         FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY total_exec_time DESC LIMIT 20`);
    const lines = [
      `### Database time by statement (pg_stat_statements, ${fmt(requests)} requests measured)`,
      '',
      '| Statement | Calls | Total ms | Mean ms | Rows | Share of top-level time |',
      '| --- | --: | --: | --: | --: | --: |',
      ...rows.map(
        (r) =>
          `| ${r.toplevel ? '' : '(nested) '}\`${r.query.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 140)}\` | ` +
          `${fmt(Number(r.calls))} | ${r.total.toFixed(0)} | ${r.mean.toFixed(2)} | ${fmt(Number(r.rows))} | ` +
          `${r.toplevel ? `${r.share.toFixed(1)}%` : ''} |`,
      ),
    ];
    return lines.join('\n');
  } finally {
    await client.end();
  }
}

describe('load', () => {
  it('many users against the real API, compared with a bare handler', async () => {
    const userCount = Math.round(numberOption('USERS', 300));
    const duration = numberOption('DURATION', 60);
    const warmup = numberOption('WARMUP', 10);
    const think = numberOption('THINK', 1000);
    const apiOnly = flagOption('API_ONLY');
    const profileDir = stringOption('PROFILE', '');
    const logLevel = stringOption('LOG_LEVEL', 'info');
    const options = readRegionManifest();
    if (!options)
      throw new Error(
        `No region in ${regionDataDir()}: run \`npm run seed:region -- --years 5\` first.`,
      );
    const step = (text: string) => out(`[load] ${text}`);
    step(
      `region: seed ${options.seed}, ${options.years} year(s), ${fmt(options.notes * options.scale * options.years)} notes, ` +
        `${fmt(options.consents)} consents, ${fmt(options.accessLogEntries)} access-log entries`,
    );
    buildApi(step);
    const db = await openRegionDatabase();
    const jwtSecret = randomBytes(32).toString('hex');
    const captureFile = path.join(os.tmpdir(), `tandem-load-capture-${process.pid}.json`);
    let api: { child: ChildProcess; port: number } | null = null;
    try {
      api = await startApi(
        db.url,
        jwtSecret,
        { LOG_LEVEL: logLevel },
        profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [],
      );
      api.child.stdout?.resume();
      step(`API (NODE_ENV=production, LOG_LEVEL=${logLevel}) listening on ${api.port}`);

      const plan = planRegion(options);
      const users = virtualUsers(plan, userCount);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
      step(`signing in ${users.length} users (one session each)`);
      for (let i = 0; i < users.length; i += 8) {
        await Promise.all(
          users.slice(i, i + 8).map(async (vu) => {
            const res = await send(agent, api!.port, undefined, {
              method: 'POST',
              path: '/api/v1/auth/login',
              body: { email: vu.email, password: DEMO_PASSWORD },
            });
            if (res.status !== 200)
              throw new Error(`sign-in of ${vu.key} failed: ${res.status} ${res.body}`);
            vu.token = JSON.parse(res.body).accessToken;
          }),
        );
      }

      // Which endpoints each user may use (a klantmanager's consent list may be refused, ...).
      step('checking which endpoints each user may call');
      const available = new Map<string, TemplateName[]>();
      const dropped = new Map<string, number>();
      for (const vu of users) {
        const ok: TemplateName[] = [];
        for (const [t] of vu.mix) {
          const res = await send(agent, api.port, vu.token, requestFor(vu, t, vu.clients[0]));
          if (res.status >= 200 && res.status < 300) ok.push(t);
          else dropped.set(`${t} (${res.status})`, (dropped.get(`${t} (${res.status})`) ?? 0) + 1);
        }
        available.set(vu.key, ok);
      }
      if (dropped.size)
        step(
          `left out (refused for that user by design): ${[...dropped].map(([k, n]) => `${k} × ${n}`).join(', ')}`,
        );

      if (!apiOnly) await captureSql(db.url, jwtSecret, users, available, captureFile, step);

      const phase = { duration, warmup, think };
      step(
        `phase 1: real API, ${users.length} users, mean pause ${think} ms, ${warmup} s warm-up + ${duration} s`,
      );
      const load1 = os.loadavg()[0];
      const pgStats = flagOption('PG_STATS') ? await resetStatementStats(db.url) : null;
      const real = await runPhase('Real API', api.port, users, available, phase);
      const topStatements = pgStats ? await statementStats(db.url, real.all.length) : null;
      await stop(api.child);
      api = null;
      if (profileDir) step(`CPU profile of the API process written to ${path.resolve(profileDir)}`);
      out('');
      out(
        `## Load: ${users.length} users, mean pause ${think} ms, ${duration} s measured after ${warmup} s warm-up ` +
          `(${os.cpus().length} cores, load average ${load1.toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after)`,
      );
      printPhase(real);
      if (topStatements) {
        out('');
        out(topStatements);
      }
      if (!apiOnly) {
        // The bare handler with and without the access-log INSERT (left out with --api-only),
        // interleaved A-B-B-A so that a change in the machine's load affects both alike.
        const rounds = Math.max(1, Math.round(numberOption('ROUNDS', 2)));
        const bareRuns: PhaseStats[] = [];
        const noLogRuns: PhaseStats[] = [];
        for (let round = 0; round < rounds; round++) {
          for (const skipLog of round % 2 === 0 ? [false, true] : [true, false]) {
            step(
              `phase ${2 + bareRuns.length + noLogRuns.length}: bare handler, same SQL${skipLog ? ' without the access-log INSERT' : ''} (round ${round + 1} of ${rounds})`,
            );
            const bare = await startBare(db.url, captureFile, skipLog);
            const stats = await runPhase('bare', bare.port, users, available, {
              ...phase,
              duration: duration / rounds,
            });
            await stop(bare.child);
            (skipLog ? noLogRuns : bareRuns).push(stats);
          }
        }
        const bareStats = mergePhases('Bare Fastify/pg, same SQL', bareRuns);
        const noLog = mergePhases('Bare Fastify/pg, same SQL, no access-log INSERT', noLogRuns);

        printPhase(bareStats);
        printPhase(noLog);
        out('');
        out('### Ratios');
        out('');
        out('| Endpoint | API / bare p50 | API / bare p95 | access-log share of bare p50 |');
        out('| --- | --: | --: | --: |');
        for (const [t, e] of real.perTemplate) {
          const b = bareStats.perTemplate.get(t);
          const n = noLog.perTemplate.get(t);
          if (!b || !n) continue;
          const p = (ms: number[], q: number) =>
            percentile(
              [...ms].sort((x, y) => x - y),
              q,
            );
          out(
            `| ${LABEL[t]} | ${(p(e.ms, 50) / p(b.ms, 50)).toFixed(2)} | ${(p(e.ms, 95) / p(b.ms, 95)).toFixed(2)} | ` +
              `${(((p(b.ms, 50) - p(n.ms, 50)) / p(b.ms, 50)) * 100).toFixed(0)}% |`,
          );
        }
      }
      const sorted = [...real.all].sort((a, b) => a - b);
      const p95 = percentile(sorted, 95);
      const p99 = percentile(sorted, 99);
      out('');
      out('### Targets (real API, all endpoints)');
      out('');
      out(`- p95 < 100 ms: ${p95 < 100 ? 'MET' : 'NOT MET'} (${p95.toFixed(1)} ms)`);
      out(`- p99 < 250 ms: ${p99 < 250 ? 'MET' : 'NOT MET'} (${p99.toFixed(1)} ms)`);
      out(`- no errors: ${real.errors === 0 ? 'MET' : 'NOT MET'} (${real.errors})`);
      out(`- throughput: ${(real.all.length / duration).toFixed(1)} requests/s`);
    } finally {
      if (api) await stop(api.child);
      fs.rmSync(captureFile, { force: true });
      await db.stop();
    }
  });
});
