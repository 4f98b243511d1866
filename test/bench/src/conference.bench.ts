import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { io, Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { ConferenceBus } from '@tandem/api-conferences';
import { EmbeddedPostgres, hashPassword, loadConfig } from '@tandem/api-core';
import {
  DEMO_ORGS,
  DEMO_PASSWORD,
  DEMO_TEAMS,
  dataSourceOptions,
  demoClients,
  demoUser,
  runMigrations,
  seedDemo,
  stableId,
} from '@tandem/api-data-access';
// The benchmark measures the real application, booted exactly as the API's own tests boot it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createApp } from '../../../apps/api/src/app/bootstrap';

/**
 * Case-conference benchmark (issue 5): 30 participants in one live room, spread over two API
 * instances joined by the socket.io PostgreSQL adapter. Reports
 * - event fan-out: from the moment a committed minutes change is published on the writer's
 *   instance until each other participant has received their own version of it (p50/p95, same
 *   instance and across instances), next to the writer's round trip (checks, transaction, ack)
 *   and the end-to-end time from sending to receiving;
 * - revocation latency: from the revoke request until the klantmanager's socket on the other
 *   instance shows the anonymised item.
 * Asserts nothing about time; prints the figures (target: fan-out p95 < 25 ms on loopback).
 * Run: npx jest -c test/bench/jest.bench.config.ts conference --runInBand
 */
const PARTICIPANTS = 30;
const WRITES = Number(process.env.BENCH_CONFERENCE_WRITES ?? 200);
const REVOCATIONS = Number(process.env.BENCH_CONFERENCE_REVOCATIONS ?? 10);

const out = (text = '') => process.stdout.write(`${text}\n`);
const silent = { log() {}, error() {}, warn() {}, debug() {}, verbose() {} };

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
  return {
    n: sorted.length,
    p50: at(50),
    p95: at(95),
    max: sorted[sorted.length - 1],
  };
}
const fmt = (s: { n: number; p50: number; p95: number; max: number }) =>
  `n=${s.n}  p50=${s.p50.toFixed(1)} ms  p95=${s.p95.toFixed(1)} ms  max=${s.max.toFixed(1)} ms`;

interface Participant {
  key: string;
  userId: string;
  instance: 'A' | 'B';
  socket: Socket;
  token: string;
}

describe('case-conference benchmark', () => {
  it('fans out 30 participants over two instances and re-gates on revocation', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-conf-'));
    fs.chmodSync(dir, 0o755);
    const pg = new EmbeddedPostgres({ dataDir: path.join(dir, 'data') });
    const apps: NestFastifyApplication[] = [];
    const sockets: Socket[] = [];
    await pg.start();
    try {
      await pg.ensureDatabase('tandem_bench_conf');
      const url = pg.connectionUrl('tandem_bench_conf');
      await runMigrations(url);
      const ds = new DataSource(dataSourceOptions(url, 2));
      await ds.initialize();
      await seedDemo(ds);
      // 24 more care staff in FACT Noord (they see Monique identified) next to the demo users.
      const hash = await hashPassword(DEMO_PASSWORD);
      const extra = Array.from({ length: 24 }, (_, i) => ({
        key: `bench-${i}`,
        id: stableId(`user:bench-${i}`),
        email: `bench-${i}@ggz-rivierenland.example`,
      }));
      for (const u of extra) {
        await ds.query(
          `INSERT INTO users (id, organisation_id, email, display_name, password_hash, roles) VALUES ($1, $2, $3, $4, $5, ARRAY['SPV'])`,
          [u.id, DEMO_ORGS.ggz.id, u.email, `Bench ${u.key}`, hash],
        );
        await ds.query("INSERT INTO team_members (team_id, user_id, role) VALUES ($1, $2, 'SPV')", [
          DEMO_TEAMS.noord.id,
          u.id,
        ]);
      }
      await ds.destroy();

      const config = loadConfig({
        NODE_ENV: 'test',
        JWT_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'error',
        SEED_DEMO: 'false',
        RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
      });
      const bases: string[] = [];
      for (let i = 0; i < 2; i++) {
        const app = await createApp(config, url, { logger: silent, webDistDir: null });
        await app.listen({ port: 0, host: '127.0.0.1' });
        apps.push(app);
        const address = app.getHttpServer().address();
        bases.push(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
      }
      const [a] = apps;
      const login = async (email: string) => {
        const res = await a.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email, password: DEMO_PASSWORD },
        });
        return JSON.parse(res.body).accessToken as string;
      };
      const http = async (method: 'GET' | 'POST', url: string, token: string, body?: object) => {
        const res = await a.inject({
          method,
          url,
          headers: { authorization: `Bearer ${token}` },
          ...(body ? { payload: body } : {}),
        });
        return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
      };

      const demoKeys = ['keyworker', 'regie', 'psychiater', 'ips', 'peer', 'klantmanager'];
      const people = [
        ...demoKeys.map((key) => ({ key, id: demoUser(key).id, email: demoUser(key).email })),
        ...extra,
      ].slice(0, PARTICIPANTS);
      const monique = demoClients().find((c) => c.key === 'monique')!;
      const keyworkerToken = await login(demoUser('keyworker').email);
      const planned = await http('POST', '/api/v1/conferences', keyworkerToken, {
        teamId: DEMO_TEAMS.noord.id,
        kind: 'PARTNER_CASE_DISCUSSION',
        title: 'Benchmark',
        startsAt: '2026-12-01T13:00:00+01:00',
        durationMinutes: 60,
        location: 'Loopback',
        attendeeIds: people.map((p) => p.id).filter((id) => id !== demoUser('keyworker').id),
        items: [{ clientId: monique.id }],
      });
      if (planned.status !== 201) throw new Error(`planning failed: ${planned.status}`);
      const conferenceId = planned.body.id as string;
      const itemId = planned.body.items[0].id as string;

      // Participants alternate between the instances; the klantmanager sits on instance B.
      const participants: Participant[] = [];
      for (const [i, p] of people.entries()) {
        const instance: 'A' | 'B' = p.key === 'klantmanager' || i % 2 ? 'B' : 'A';
        const token = p.key === 'keyworker' ? keyworkerToken : await login(p.email);
        const socket = io(`${bases[instance === 'A' ? 0 : 1]}/conference`, {
          auth: { token },
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        });
        sockets.push(socket);
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        const ack = await socket.timeout(5000).emitWithAck('conference:join', { conferenceId });
        if (!ack.ok) throw new Error(`join failed for ${p.key}: ${JSON.stringify(ack)}`);
        participants.push({ key: p.key, userId: p.id, instance, socket, token });
      }
      out(
        `[bench] ${participants.length} participants joined (${participants.filter((p) => p.instance === 'A').length} on A, ${participants.filter((p) => p.instance === 'B').length} on B)`,
      );

      // --- Fan-out: the key worker (instance A) types; everyone else receives each version.
      const writer = participants.find((p) => p.key === 'keyworker')!;
      const receivers = participants.filter((p) => p !== writer);
      const sentAt = new Map<number, number>();
      const publishedAt = new Map<number, number>();
      a.get(ConferenceBus, { strict: false }).on((e) => {
        if (e.type === 'minutes.changed')
          publishedAt.set(Number(e.payload.version), performance.now());
      });
      const same: number[] = [];
      const cross: number[] = [];
      const endToEnd: number[] = [];
      for (const r of receivers) {
        r.socket.on('conference:event', (e: { type: string; version?: number }) => {
          if (e.type !== 'minutes.changed' || e.version === undefined) return;
          const sent = sentAt.get(e.version);
          const published = publishedAt.get(e.version);
          if (sent === undefined || published === undefined) return;
          const now = performance.now();
          endToEnd.push(now - sent);
          (r.instance === writer.instance ? same : cross).push(now - published);
        });
      }
      let text = '';
      const warmup = 20;
      const roundTrips: number[] = [];
      for (let v = 1; v <= WRITES + warmup; v++) {
        text += ` w${v}`;
        const expected = receivers.length;
        const before = same.length + cross.length;
        if (v > warmup) sentAt.set(v, performance.now());
        const ack = await writer.socket.timeout(5000).emitWithAck('minutes:write', {
          conferenceId,
          itemId,
          section: 'ANONYMISED',
          baseVersion: v - 1,
          text,
        });
        if (!ack.ok) throw new Error(`write failed: ${JSON.stringify(ack)}`);
        if (v > warmup) {
          roundTrips.push(performance.now() - (sentAt.get(v) as number));
          const deadline = Date.now() + 5000;
          while (same.length + cross.length < before + expected && Date.now() < deadline)
            await new Promise((resolve) => setImmediate(resolve));
        }
      }
      const all = summary([...same, ...cross]);
      out(
        `[bench] write round trip (checked, committed, acknowledged): ${fmt(summary(roundTrips))}`,
      );
      out(`[bench] end to end (send → every receiver): ${fmt(summary(endToEnd))}`);
      out(`[bench] fan-out after commit, all receivers:    ${fmt(all)}`);
      out(`[bench] fan-out after commit, same instance:    ${fmt(summary(same))}`);
      out(`[bench] fan-out after commit, across instances: ${fmt(summary(cross))}`);
      out(`[bench] target p95 < 25 ms: ${all.p95 < 25 ? 'met' : 'NOT met'}`);

      // --- Revocation: the consent is given and revoked on instance A; the klantmanager is on B.
      const km = participants.find((p) => p.key === 'klantmanager')!;
      const moniqueToken = await login(demoUser('monique').email);
      const waitFor = (view: string) =>
        new Promise<number>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no ${view} item within 5 s`)), 5000);
          const handler = (p: { item: { view: string } }) => {
            if (p.item.view !== view) return;
            clearTimeout(timer);
            km.socket.off('conference:item', handler);
            resolve(performance.now());
          };
          km.socket.on('conference:item', handler);
        });
      const revocations: number[] = [];
      for (let i = 0; i < REVOCATIONS; i++) {
        const requested = await http(
          'POST',
          `/api/v1/clients/${monique.id}/consent-requests`,
          km.token,
          {
            recipientType: 'ORGANISATION',
            recipientOrganisationId: DEMO_ORGS.gemeente.id,
            purpose: 'CASUSOVERLEG',
            categories: ['CONFERENCE_IDENTITY'],
          },
        );
        const identified = waitFor('IDENTIFIED');
        await http('POST', `/api/v1/me/consents/${requested.body.id}/accept`, moniqueToken);
        await identified;
        const anonymised = waitFor('ANONYMISED');
        const start = performance.now();
        const res = await http(
          'POST',
          `/api/v1/me/consents/${requested.body.id}/revoke`,
          moniqueToken,
          {},
        );
        if (res.status !== 200) throw new Error(`revoke failed: ${res.status}`);
        revocations.push((await anonymised) - start);
      }
      const rev = summary(revocations);
      out(`[bench] revocation → anonymised view on the other instance: ${fmt(rev)}`);
      out(`[bench] target < 1000 ms: ${rev.max < 1000 ? 'met' : 'NOT met'}`);
      expect(all.n).toBe(WRITES * receivers.length);
    } finally {
      for (const s of sockets) s.disconnect();
      for (const app of apps) await app.close().catch(() => undefined);
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
