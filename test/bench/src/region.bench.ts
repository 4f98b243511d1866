import { execFileSync } from 'node:child_process';
import { createSecretKey, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { CLIENT_ALL_FIELDS, pickPermitted } from '@tandem/ability';
import { AccessLogService, AuditFact } from '@tandem/api-audit';
import { AuthService } from '@tandem/api-auth';
import { AuthzService, SqlParams } from '@tandem/api-authz';
import { ClientsRepository } from '@tandem/api-caseload';
import { NotesRepository } from '@tandem/api-notes';
import { EmbeddedPostgres, hashPassword, loadConfig, runInWriteUnit } from '@tandem/api-core';
import { DEMO_PASSWORD, dataSourceOptions, runMigrations } from '@tandem/api-data-access';
import type { Principal } from '@tandem/domain';
// The benchmark measures the real application, booted exactly as the API's own tests boot it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createApp } from '../../../apps/api/src/app/bootstrap';
import {
  CapturedQuery,
  PlanSummary,
  captureQueries,
  explain,
  planningTime,
  timeInSql,
} from './explain';
import { Stats, cpuMonitor, measure, measurePair, stats, timed } from './measure';
import { DEFAULT_REGION, RegionClient, generateRegion, planRegion } from './region';
import { formatMarkdown, ms, ratio, table, writeGeneratedBlock } from './report';

/**
 * Benchmark (not a timed test: it asserts nothing about time). Generates one region — 20 teams ×
 * 200 clients, 200,000 notes × BENCH_SCALE — in a fresh embedded PostgreSQL, boots the real API
 * and reports p50/p95 of the board and the note list, and the cost of the authorization scope in
 * SQL (scoped vs the same query with TRUE as scope). Prints the figures and writes them into
 * docs/performance.md. Run with `npm run bench` (or `npm run bench -- --scale 5`).
 */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const SQL_ITERATIONS = Number(process.env.BENCH_SQL_ITERATIONS ?? 200);
const WRITE_DOC = process.env.BENCH_WRITE_DOC !== '0';
const ROOT = path.resolve(__dirname, '../../..');
const DOC = path.join(ROOT, 'docs/performance.md');

const TARGET_RATIO = 1.5;
const TARGET_BOARD_P95_MS = 50;

const out = (text = '') => process.stdout.write(`${text}\n`);
const step = (text: string) => out(`[bench] ${text}`);
const silent = { log() {}, error() {}, warn() {}, debug() {}, verbose() {} };

type BoardQuery = Parameters<ClientsRepository['list']>[2];
interface Persona {
  key: string;
  label: string;
  userKey: string;
  /** Clients whose note list this persona opens (rotated through). */
  noteClients: RegionClient[];
  token: string;
  principal: Principal;
  assignments: number;
}

interface EndpointResult {
  endpoint: string;
  persona: Persona;
  stats: Stats;
  /** `total` / items of the first response (sanity). */
  total: number;
  items: number;
}

interface PairResult {
  query: string;
  persona: Persona;
  scoped: Stats;
  unscoped: Stats;
  scopedTotal: number;
  unscopedTotal: number;
  scopeSql: string;
  arrayParams: number[];
}

const median = (values: number[]) => stats(values).p50;

interface Micro {
  planning: { label: string; ms: number }[];
  fields: { persona: Persona; rows: number; stats: Stats }[];
  jwt: { stringSecret: number; keyObject: number };
  accessLog: { durable: number; asyncCommit: number };
}

interface RequestBreakdown {
  /** Median wall time of the request, and of the SQL statements within it (ms). */
  wall: number;
  sql: number;
  queries: CapturedQuery[];
  /** Per statement (by position in the request): its durations over the requests, ms. */
  durations: number[][];
}

describe('region benchmark', () => {
  it(`board and note list, region at scale ${SCALE}`, async () => {
    const started = Date.now();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-'));
    fs.chmodSync(dir, 0o755); // as root, PostgreSQL runs as another user and must get in
    const pg = new EmbeddedPostgres({ dataDir: path.join(dir, 'data') });
    let ds: DataSource | null = null;
    let app: NestFastifyApplication | null = null;
    try {
      // --- Database and region -------------------------------------------------------------
      step(`starting PostgreSQL in ${dir}`);
      await pg.start();
      await pg.ensureDatabase('tandem_bench');
      const url = pg.connectionUrl('tandem_bench');
      await runMigrations(url);
      const plan = planRegion({ scale: SCALE });
      step(
        `generating the region: ${plan.teams.length} teams, ${plan.clients.length} clients, ` +
          `${plan.users.length} users, ${plan.assignments.length} assignments, ` +
          `${Math.round(plan.options.notes * SCALE)} notes (seed ${plan.options.seed})`,
      );
      ds = new DataSource(dataSourceOptions(url, 2));
      await ds.initialize();
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      const generated = await generateRegion(ds, plan, {
        passwordHash,
        log: (m) => step(`  ${m}`),
      });
      step(`region written in ${(generated.ms / 1000).toFixed(1)} s`);
      const dataset = await describeDataset(ds);

      // --- Application and personas --------------------------------------------------------
      const config = loadConfig({
        NODE_ENV: 'test',
        JWT_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'error',
        SEED_DEMO: 'false',
        ACCESS_TOKEN_TTL_SECONDS: '3600',
        SESSION_IDLE_MINUTES: '600',
      });
      app = await createApp(config, url, { logger: silent, webDistDir: null });
      const appDb = app.get(DataSource);
      const auth = app.get(AuthService, { strict: false });
      const authz = app.get(AuthzService, { strict: false });
      const clientsRepo = app.get(ClientsRepository, { strict: false });
      const notesRepo = app.get(NotesRepository, { strict: false });

      const inject = async (token: string, url: string) => {
        const res = await app!.inject({
          method: 'GET',
          url,
          headers: { authorization: `Bearer ${token}` },
        });
        if (res.statusCode !== 200)
          throw new Error(`GET ${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
        return res;
      };

      const team = plan.teams[0];
      const teamClients = plan.clients.filter((c) => c.teamIndex === team.index);
      const staff = plan.staff[team.index];
      const km = plan.klantmanagers[0][0];
      const userOf = (index: number) => plan.users[index];
      const activeAssignments = (index: number) =>
        plan.assignments.filter((a) => a.userId === userOf(index).id && !a.endedAt).length;
      const personaDefs = [
        {
          key: 'spv',
          label: 'SPV / key worker (care, 1 team)',
          user: staff.spv[0],
          noteClients: teamClients.slice(0, 50),
        },
        {
          key: 'regie',
          label: 'Regiebehandelaar (care, 1 team)',
          user: staff.regie,
          noteClients: teamClients.slice(0, 50),
        },
        {
          key: 'ips',
          label: 'IPS specialist (in the team)',
          user: staff.ips[0],
          noteClients: teamClients.filter((c) => c.ips === staff.ips[0]),
        },
        {
          key: 'km',
          label: 'Klantmanager (municipality, no team)',
          user: km,
          noteClients: plan.clients.filter((c) => c.klantmanager === km),
        },
      ];
      const personas: Persona[] = [];
      for (const def of personaDefs) {
        const user = userOf(def.user);
        const login = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: DEMO_PASSWORD },
        });
        if (login.statusCode !== 200)
          throw new Error(`sign-in of ${user.key} failed: ${login.statusCode} ${login.body}`);
        const token = JSON.parse(login.body).accessToken as string;
        const principal = await auth.verifyAccessToken(token);
        if (!principal) throw new Error(`no principal for ${user.key}`);
        personas.push({
          key: def.key,
          label: def.label,
          userKey: user.key,
          noteClients: def.noteClients,
          token,
          principal,
          assignments: activeAssignments(def.user),
        });
      }
      const persona = (key: string) => personas.find((p) => p.key === key) as Persona;

      // --- Endpoints (full stack: Fastify, guards, pipes, ability, SQL, serialisation) ------
      const boardUrl = (sort = 'name') =>
        `/api/v1/caseload?teamId=${team.id}&pageSize=50${sort === 'name' ? '' : `&sort=${sort}`}`;
      const noteUrl = (clientId: string) => `/api/v1/clients/${clientId}/notes?pageSize=25`;
      const endpoints: EndpointResult[] = [];
      const scenarios: { endpoint: string; persona: Persona; urlFor: (i: number) => string }[] = [
        ...personas.map((p) => ({ endpoint: 'board', persona: p, urlFor: () => boardUrl() })),
        {
          endpoint: 'board, sort=lastContactOn',
          persona: persona('spv'),
          urlFor: () => boardUrl('lastContactOn'),
        },
        ...personas.map((p) => ({
          endpoint: 'note list',
          persona: p,
          urlFor: (i: number) => noteUrl(p.noteClients[i % p.noteClients.length].id),
        })),
      ];
      const monitor = cpuMonitor(pg.pid);
      step(
        `measuring the endpoints: ${scenarios.length} scenarios × ${ITERATIONS} sequential requests, ` +
          'round-robin (so that a burst of other load hits every scenario alike), after warm-up',
      );
      const samples = scenarios.map(() => [] as number[]);
      const firsts: { total: number; items: unknown[] }[] = [];
      for (const sc of scenarios) {
        firsts.push(JSON.parse((await inject(sc.persona.token, sc.urlFor(0))).body));
        for (let i = 0; i < 30; i++) await inject(sc.persona.token, sc.urlFor(i));
      }
      for (let i = 0; i < ITERATIONS; i++) {
        for (const [k, sc] of scenarios.entries()) {
          const [took] = await timed(() => inject(sc.persona.token, sc.urlFor(i)));
          samples[k].push(took);
        }
      }
      for (const [k, sc] of scenarios.entries()) {
        const result = stats(samples[k]);
        endpoints.push({
          endpoint: sc.endpoint,
          persona: sc.persona,
          stats: result,
          total: firsts[k].total,
          items: firsts[k].items.length,
        });
        step(
          `${sc.endpoint} as ${sc.persona.key}: p50 ${ms(result.p50)} ms, p95 ${ms(result.p95)} ms`,
        );
      }
      // Where the time of a request goes: SQL (statements sent through the app's DataSource,
      // wall time including the round trip) versus everything else in the process.
      const breakdown = async (urlFor: (i: number) => string): Promise<RequestBreakdown> => {
        const walls: number[] = [];
        const sql: number[] = [];
        let queries: CapturedQuery[] = [];
        const durations: number[][] = [];
        for (let i = 0; i < 60; i++) {
          const start = performance.now();
          const captured = await captureQueries(appDb, () =>
            inject(persona('spv').token, urlFor(i)),
          );
          if (i < 10) continue; // warm-up
          walls.push(performance.now() - start);
          sql.push(timeInSql(captured.queries));
          queries = captured.queries;
          captured.queries.forEach((q, k) => (durations[k] ??= []).push(q.end - q.start));
        }
        return { wall: median(walls), sql: median(sql), queries, durations };
      };
      const spvClients = persona('spv').noteClients;
      const boardRequest = await breakdown(() => boardUrl());
      const notesRequest = await breakdown((i) => noteUrl(spvClients[i % spvClients.length].id));

      // --- The scope in SQL: the repositories' own queries, scoped vs TRUE -----------------
      step(`measuring scoped vs unscoped SQL (${SQL_ITERATIONS} interleaved pairs each)`);
      const pairs: PairResult[] = [];
      const plans: { title: string; summary: PlanSummary }[] = [];
      const abilityBuild: { persona: Persona; stats: Stats }[] = [];
      const boardQuery: BoardQuery = { teamId: team.id, page: 1, pageSize: 50, sort: 'name' };
      for (const p of personas) {
        const clientScope = new SqlParams();
        const clientSql = await authz.scope(p.principal, 'read', 'Client', clientScope);
        const noteScope = new SqlParams();
        const noteSql = await authz.scope(p.principal, 'read', 'Note', noteScope);
        const arrays = (params: SqlParams) =>
          params.values.filter(Array.isArray).map((a) => (a as unknown[]).length);

        const scopedBoard = () =>
          clientsRepo.list(clientSql, new SqlParams(clientScope.values), boardQuery);
        const unscopedBoard = () => clientsRepo.list('TRUE', new SqlParams(), boardQuery);
        const [bs, bu] = await measurePair(scopedBoard, unscopedBoard, SQL_ITERATIONS);
        pairs.push({
          query: 'board (count + page of 50)',
          persona: p,
          scoped: bs,
          unscoped: bu,
          scopedTotal: (await scopedBoard()).total,
          unscopedTotal: (await unscopedBoard()).total,
          scopeSql: clientSql,
          arrayParams: arrays(clientScope),
        });

        const clientAt = (i: number) => p.noteClients[i % p.noteClients.length].id;
        const scopedNotes = (i: number) =>
          notesRepo.list(noteSql, new SqlParams(noteScope.values), clientAt(i), undefined, 1, 25);
        const unscopedNotes = (i: number) =>
          notesRepo.list('TRUE', new SqlParams(), clientAt(i), undefined, 1, 25);
        const [ns, nu] = await measurePair(scopedNotes, unscopedNotes, SQL_ITERATIONS);
        const totals = async (fn: (i: number) => Promise<{ total: number }>) =>
          median(
            await Promise.all(p.noteClients.slice(0, 20).map((_, i) => fn(i).then((r) => r.total))),
          );
        pairs.push({
          query: 'note list (count + page of 25)',
          persona: p,
          scoped: ns,
          unscoped: nu,
          scopedTotal: await totals(scopedNotes),
          unscopedTotal: await totals(unscopedNotes),
          scopeSql: noteSql,
          arrayParams: arrays(noteScope),
        });
        step(
          `${p.key}: board ratio ${ratio(bs.p50 / bu.p50)}, note list ratio ${ratio(ns.p50 / nu.p50)}`,
        );

        // The ability itself: built once per request from assignments and team settings.
        abilityBuild.push({
          persona: p,
          stats: await measure(
            () => authz.scope({ ...p.principal }, 'read', 'Client', new SqlParams()),
            100,
            10,
          ),
        });

        // Plans of the scoped statements (EXPLAIN ANALYZE once each).
        const board = await captureQueries(appDb, scopedBoard);
        const notes = await captureQueries(appDb, () => scopedNotes(0));
        const named: [string, CapturedQuery][] = [
          ['board count', board.queries[0]],
          ['board page', board.queries[1]],
          ['note count', notes.queries[0]],
          ['note page', notes.queries[1]],
        ];
        for (const [title, q] of named) {
          plans.push({ title: `${p.key}: ${title}`, summary: await explain(appDb, q) });
        }
      }

      // --- Micro-measurements: evidence for where the scope and the request spend time --------
      step('micro-measurements (planning time, field filtering, token check)');
      const micro: Micro = {
        planning: [],
        fields: [],
        jwt: { stringSecret: NaN, keyObject: NaN },
        accessLog: { durable: NaN, asyncCommit: NaN },
      };
      // 1. Planning time of the regiebehandelaar's note count statement as its array of assigned
      //    client ids grows (the same statement with other arrays), against the unscoped one.
      const regie = persona('regie');
      const regieNoteParams = new SqlParams();
      const regieNoteSql = await authz.scope(regie.principal, 'read', 'Note', regieNoteParams);
      const clientId = regie.noteClients[0].id;
      const scopedCount = (
        await captureQueries(appDb, () =>
          notesRepo.list(
            regieNoteSql,
            new SqlParams(regieNoteParams.values),
            clientId,
            undefined,
            1,
            25,
          ),
        )
      ).queries[0];
      const unscopedCount = (
        await captureQueries(appDb, () =>
          notesRepo.list('TRUE', new SqlParams(), clientId, undefined, 1, 25),
        )
      ).queries[0];
      const uuidArray = scopedCount.params.findIndex(
        (v) => Array.isArray(v) && v.length > 0 && /^[0-9a-f-]{36}$/.test(String(v[0])),
      );
      micro.planning.push({
        label: 'unscoped (TRUE)',
        ms: await planningTime(appDb, unscopedCount),
      });
      if (uuidArray >= 0) {
        for (const size of [0, 25, 50, 100, 200, 400]) {
          const params = [...scopedCount.params];
          params[uuidArray] = plan.clients.slice(0, size).map((c) => c.id);
          micro.planning.push({
            label: `scoped, ${size} client ids`,
            ms: await planningTime(appDb, { ...scopedCount, params }),
          });
        }
      }
      // 2. Field-level filtering of one board page (what toItem does per row), per persona.
      for (const p of personas) {
        const ability = await authz.abilityFor(p.principal);
        const params = new SqlParams();
        const scopeSql = await authz.scope(p.principal, 'read', 'Client', params);
        const { rows } = await clientsRepo.list(scopeSql, params, boardQuery);
        const filterPage = async () =>
          rows.map((row) =>
            pickPermitted(
              ability,
              'read',
              'Client',
              { id: row.id, teamId: row.teamId },
              row,
              CLIENT_ALL_FIELDS,
            ),
          );
        micro.fields.push({
          persona: p,
          rows: rows.length,
          stats: await measure(filterPage, 200, 20),
        });
      }
      // 3. Checking an access token: the secret as a string vs as a KeyObject (as configured).
      const jwt = app.get(JwtService, { strict: false });
      const secret = config.JWT_SECRET as string;
      const key = createSecretKey(Buffer.from(secret)) as unknown as string; // KeyObject: typed as string by @nestjs/jwt
      const token = persona('spv').token;
      micro.jwt.stringSecret = (
        await measure(() => jwt.verifyAsync(token, { secret }), 2000, 200)
      ).p50;
      micro.jwt.keyObject = (
        await measure(() => jwt.verifyAsync(token, { secret: key }), 2000, 200)
      ).p50;

      // 4. One access-log entry (written before every response on a client-data route), durable
      //    as the interceptor writes it, and once without waiting for the WAL flush.
      const accessLog = app.get(AccessLogService, { strict: false });
      const fact: AuditFact = {
        objectType: 'Client',
        objectId: clientId,
        clientId,
        action: 'READ',
        basis: 'TREATMENT_RELATIONSHIP',
      };
      const origin = { channel: 'SYSTEM' as const, route: 'benchmark' };
      micro.accessLog.durable = (
        await measure(() => accessLog.write(regie.principal, 'ALLOWED', [fact], origin), 200, 20)
      ).p50;
      micro.accessLog.asyncCommit = (
        await measure(
          () =>
            // In a write unit the entry joins the unit's transaction, as for an HTTP write.
            runInWriteUnit(appDb, async () => {
              await appDb.query('SET LOCAL synchronous_commit = off');
              await accessLog.write(regie.principal, 'ALLOWED', [fact], origin);
            }),
          200,
          20,
        )
      ).p50;

      // --- Report ----------------------------------------------------------------------------
      const machine = await describeMachine(appDb, monitor.stop());
      const report = renderReport({
        date: new Date(),
        machine,
        dataset,
        generated,
        endpoints,
        pairs,
        abilityBuild,
        plans,
        boardRequest,
        notesRequest,
        micro,
        personas,
        teamName: team.name,
        seconds: Math.round((Date.now() - started) / 1000),
      });
      out('');
      out(report);
      if (WRITE_DOC) {
        writeGeneratedBlock(DOC, `scale-${SCALE}`, report, 'Performance');
        formatMarkdown(DOC, ROOT);
        step(`figures written to ${path.relative(ROOT, DOC)}`);
      }
    } finally {
      await app?.close();
      await ds?.destroy();
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(pg.dataDir, { recursive: true, force: true });
    }
  });
});

interface Dataset {
  counts: Record<string, number>;
  domains: { domain: string; notes: number }[];
  notesPerClient: { min: number; median: number; max: number };
  assignments: { kind: string; users: number; clients: number; perUserMax: number }[];
  sizes: { database: string; notes: string; notesIndexes: string };
}

async function describeDataset(ds: DataSource): Promise<Dataset> {
  const counts: Record<string, number> = {};
  for (const t of ['organisations', 'teams', 'users', 'clients', 'client_assignments', 'notes']) {
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM ${t}`);
    counts[t] = n;
  }
  const [{ n: onBoard }] = await ds.query('SELECT count(*)::int AS n FROM clients WHERE on_board');
  counts['clients on the board'] = onBoard;
  const domains = await ds.query(
    'SELECT domain, count(*)::int AS notes FROM notes GROUP BY domain ORDER BY 2 DESC',
  );
  const [perClient] = await ds.query(`
    SELECT min(n)::int AS min, percentile_disc(0.5) WITHIN GROUP (ORDER BY n)::int AS median, max(n)::int AS max
    FROM (SELECT count(*) AS n FROM notes GROUP BY client_id) x`);
  const assignments = await ds.query(`
    SELECT kind, count(DISTINCT user_id)::int AS users, count(*)::int AS clients,
           max(per_user)::int AS "perUserMax"
    FROM (SELECT kind, user_id, count(*) OVER (PARTITION BY kind, user_id) AS per_user
          FROM client_assignments WHERE ended_at IS NULL) a
    GROUP BY kind ORDER BY kind`);
  const [sizes] = await ds.query(`
    SELECT pg_size_pretty(pg_database_size(current_database())) AS database,
           pg_size_pretty(pg_table_size('notes')) AS notes,
           pg_size_pretty(pg_indexes_size('notes')) AS "notesIndexes"`);
  return { counts, domains, notesPerClient: perClient, assignments, sizes };
}

interface Machine {
  code: string;
  /** Average CPU use while measuring, in cores: this process, PostgreSQL, everything else. */
  usage: { self: number; postgres: number; other: number } | null;
  cores: number;
  cpu: string;
  memoryGb: number;
  os: string;
  node: string;
  postgres: string;
  sharedBuffers: string;
}

async function describeMachine(ds: DataSource, usage: Machine['usage']): Promise<Machine> {
  const [{ version }] = await ds.query('SELECT version()');
  const [{ shared_buffers }] = await ds.query('SHOW shared_buffers');
  return {
    code: codeLabel(),
    usage,
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: String(version).split(' on ')[0],
    sharedBuffers: shared_buffers,
  };
}

function renderReport(r: {
  date: Date;
  machine: Machine;
  dataset: Dataset;
  generated: Awaited<ReturnType<typeof generateRegion>>;
  endpoints: EndpointResult[];
  pairs: PairResult[];
  abilityBuild: { persona: Persona; stats: Stats }[];
  plans: { title: string; summary: PlanSummary }[];
  boardRequest: RequestBreakdown;
  notesRequest: RequestBreakdown;
  micro: Micro;
  personas: Persona[];
  teamName: string;
  seconds: number;
}): string {
  const m = r.machine;
  const notes = r.dataset.counts.notes;
  const lines: string[] = [];
  const add = (...text: string[]) => text.forEach((t) => lines.push(t, ''));

  add(
    `### Scale ${SCALE}× — ${notes.toLocaleString('en-GB')} notes`,
    `Run of ${r.date.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${m.cores} cores ` +
      `(${m.cpu}), ${m.memoryGb} GB RAM, ${m.os}; Node ${m.node}; ${m.postgres} ` +
      `(embedded, shared_buffers ${m.sharedBuffers}). Code: ${m.code}. Whole run: ${r.seconds} s.` +
      (m.usage
        ? ` CPU while measuring (cores, average): benchmark process ${m.usage.self.toFixed(2)}, ` +
          `PostgreSQL ${m.usage.postgres.toFixed(2)}, other processes ${m.usage.other.toFixed(2)}` +
          (m.usage.other > 0.25
            ? ' — **the machine was shared with other work: these figures are pessimistic; run again on a quiet machine**.'
            : ' (quiet machine).')
        : ''),
  );

  // Targets
  const boardSpv = r.endpoints.find((e) => e.endpoint === 'board' && e.persona.key === 'spv');
  const current = r.pairs;
  const worstRatio = current.reduce(
    (worst, p) => Math.max(worst, p.scoped.p50 / p.unscoped.p50),
    0,
  );
  const over = current.filter((p) => p.scoped.p50 / p.unscoped.p50 > TARGET_RATIO);
  const boardP95 = boardSpv?.stats.p95 ?? NaN;
  const slowBoards = r.endpoints.filter(
    (e) => e.endpoint === 'board' && e.stats.p95 >= TARGET_BOARD_P95_MS,
  );
  add(
    '**Targets**',
    table(
      ['Target', 'Measured', 'Met'],
      [
        [
          `scoped / unscoped SQL ≤ ${TARGET_RATIO} at p50 (every persona and query)`,
          `worst ${ratio(worstRatio)}`,
          over.length
            ? `no (${over.map((p) => `${p.persona.key} ${p.query.split(' (')[0]}`).join(', ')})`
            : 'yes',
        ],
        [
          `board p95 < ${TARGET_BOARD_P95_MS} ms (care user, team of ${r.dataset.counts.clients / (r.dataset.counts.teams || 1)} clients)` +
            (SCALE === 1 ? '' : ' — target applies at 1×'),
          `${ms(boardP95)} ms (all personas: max ${ms(Math.max(...r.endpoints.filter((e) => e.endpoint === 'board').map((e) => e.stats.p95)))} ms)`,
          slowBoards.length === 0
            ? 'yes'
            : `no (${slowBoards.map((e) => e.persona.key).join(', ')})`,
        ],
      ],
    ),
  );

  // Endpoints
  const breakdowns: [string, RequestBreakdown][] = [
    ['board', r.boardRequest],
    ['note list', r.notesRequest],
  ];
  add(
    `**Endpoints** — ${ITERATIONS} requests per scenario after 30 warm-up requests, one at a time, the ` +
      'scenarios taking turns (round-robin), through `app.inject` ' +
      '(full Fastify/Nest stack: JWT and session check, principal, ability, SQL, field filtering, ' +
      'access log, serialisation; ' +
      `no network). Board: \`GET /api/v1/caseload?teamId=<${r.teamName}>&pageSize=50\`; note list: ` +
      '`GET /api/v1/clients/:id/notes?pageSize=25`, rotating over the persona’s clients.',
    table(
      ['Endpoint', 'Persona', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'total / items'],
      r.endpoints.map((e) => [
        e.endpoint,
        e.persona.label,
        ms(e.stats.p50),
        ms(e.stats.p95),
        ms(e.stats.p99),
        ms(e.stats.max),
        `${e.total} / ${e.items}`,
      ]),
      [false, false, true, true, true, true, true],
    ),
    'Where the time goes (SPV, median of 50 requests): ' +
      breakdowns
        .map(
          ([name, b]) =>
            `${name} ${ms(b.wall)} ms, of which ${ms(b.sql)} ms waiting for ${b.queries.length} SQL ` +
            `statements (${summariseStatements(b.queries, b.durations)})`,
        )
        .join('; ') +
      '. "Waiting for SQL" is the time with at least one statement in flight (driver, round trip and PostgreSQL); the rest is CPU in the Node process: JWT check, Nest/Fastify pipeline, CASL, serialisation.',
  );

  // Scoped vs unscoped
  add(
    `**Scope cost in SQL** — the repositories' own list queries (count + page), ${SQL_ITERATIONS} ` +
      'interleaved pairs each: with the scope the real ability produces, and with `TRUE` instead ' +
      '(still filtered by team or client, as the endpoint does). Ratio = scoped p50 / unscoped p50.',
    table(
      [
        'Query',
        'Persona',
        'Active assignments',
        'Array params',
        'Scoped p50 / p95',
        'Unscoped p50 / p95',
        'Ratio p50',
        'Rows scoped / unscoped',
      ],
      r.pairs.map((p) => [
        p.query,
        p.persona.label,
        p.persona.assignments,
        p.arrayParams.length ? p.arrayParams.join(', ') : '–',
        `${ms(p.scoped.p50)} / ${ms(p.scoped.p95)}`,
        `${ms(p.unscoped.p50)} / ${ms(p.unscoped.p95)}`,
        ratio(p.scoped.p50 / p.unscoped.p50),
        `${p.scopedTotal} / ${p.unscopedTotal}`,
      ]),
      [false, false, true, true, true, true, true, true],
    ),
    'Building the ability (once per request: the facts it needs — active assignments, team settings, ' +
      'consents, emergency access — read in parallel, then CASL), p50 / p95: ' +
      r.abilityBuild
        .map((a) => `${a.persona.key} p50 ${ms(a.stats.p50)} ms / p95 ${ms(a.stats.p95)} ms`)
        .join('; ') +
      '.',
  );

  // Scope SQL per persona (once)
  const scopes = r.pairs.map(
    (p) =>
      `- ${p.persona.key}, ${p.query.split(' (')[0]}: \`${p.scopeSql.replace(/\s+/g, ' ').slice(0, 240)}\``,
  );
  add('**Scope conditions** (as generated by `abilityToSql`):', scopes.join('\n'));

  // Micro-measurements
  add(
    '**Micro-measurements** (evidence for the analysis below):',
    [
      `- Planning time of the regiebehandelaar's note count statement (mean of 50 EXPLAIN runs): ` +
        r.micro.planning.map((x) => `${x.label} ${x.ms.toFixed(2)} ms`).join('; ') +
        '.',
      '- Field filtering of one board page (`pickPermitted` per row, as `toItem` does; p50): ' +
        r.micro.fields
          .map(
            (f) =>
              `${f.persona.key} (${f.persona.assignments} assignments) ` +
              `${ms(f.stats.p50)} ms for ${f.rows} rows`,
          )
          .join('; ') +
        '.',
      `- Access-token check (\`JwtService.verifyAsync\`, p50): secret as a string ` +
        `${(r.micro.jwt.stringSecret * 1000).toFixed(0)} µs, as a \`KeyObject\` ` +
        `${(r.micro.jwt.keyObject * 1000).toFixed(0)} µs.`,
      `- One access-log entry (\`AccessLogService.write\`, p50): as written per request (autocommit, ` +
        `waits for the WAL flush) ${ms(r.micro.accessLog.durable)} ms; in a transaction with ` +
        `\`synchronous_commit = off\` ${ms(r.micro.accessLog.asyncCommit)} ms (two more round trips, no flush wait).`,
    ].join('\n'),
  );

  // Plans
  add(
    '**Plans of the scoped queries** (EXPLAIN ANALYZE, BUFFERS; one run each, warm cache):',
    '```text\n' +
      r.plans
        .map(
          (p) =>
            `${p.title}: ${p.summary.executionMs.toFixed(2)} ms execution, ${p.summary.planningMs.toFixed(2)} ms planning, ` +
            `buffers hit ${p.summary.sharedHit} read ${p.summary.sharedRead}; ` +
            `indexes: ${p.summary.indexes.join(', ') || 'none'}` +
            (p.summary.seqScans.length ? `; SEQ SCAN on ${p.summary.seqScans.join(', ')}` : '') +
            '\n' +
            p.summary.lines.map((l) => `  ${l}`).join('\n'),
        )
        .join('\n\n') +
      '\n```',
  );

  // Dataset
  const d = r.dataset;
  add(
    `**Data set** (seed ${DEFAULT_REGION.seed}; loaded in ${(r.generated.ms / 1000).toFixed(1)} s: ` +
      r.generated.steps.map((s) => `${s.name} ${(s.ms / 1000).toFixed(1)} s`).join(', ') +
      `). Database ${d.sizes.database}; notes table ${d.sizes.notes} + ${d.sizes.notesIndexes} indexes.`,
    table(
      ['Rows', 'Count'],
      Object.entries(d.counts).map(([k, v]) => [k, v.toLocaleString('en-GB')]),
      [false, true],
    ),
    `Notes by domain: ${d.domains.map((x) => `${x.domain} ${((100 * x.notes) / notes).toFixed(1)}%`).join(', ')}. ` +
      `Notes per client: min ${d.notesPerClient.min}, median ${d.notesPerClient.median}, max ${d.notesPerClient.max}. ` +
      `Active assignments: ${d.assignments.map((a) => `${a.kind} ${a.clients} (${a.users} users, max ${a.perUserMax} each)`).join('; ')}.`,
  );
  return lines.join('\n').trim();
}

/** Which code was measured: BENCH_CODE_LABEL, or the git commit (+ whether apps/libs differ from it). */
function codeLabel(): string {
  if (process.env.BENCH_CODE_LABEL) return process.env.BENCH_CODE_LABEL;
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    const dirty = git('status', '--porcelain', '--', 'apps', 'libs') !== '';
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes in apps/ or libs/' : ''}`;
  } catch {
    return 'unknown code version';
  }
}

/** One line per statement of a request: verb, main table and its median duration. */
function summariseStatements(queries: CapturedQuery[], durations: number[][]): string {
  return queries
    .map((q, k) => {
      let sql = q.sql.replace(/\s+/g, ' ').trim();
      // The main table: the first FROM outside parentheses (subqueries, function calls).
      while (/\([^()]*\)/.test(sql)) sql = sql.replace(/\([^()]*\)/g, '');
      const verb = sql.split(' ')[0].toUpperCase();
      const table = /\b(?:FROM|INTO|UPDATE) (\w+)/i.exec(sql)?.[1] ?? '?';
      return `${verb} ${table} ${ms(median(durations[k] ?? []))} ms`;
    })
    .join(', ');
}
