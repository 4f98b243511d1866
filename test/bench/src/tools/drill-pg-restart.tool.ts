import { randomBytes } from 'node:crypto';
import { demoClients } from '@tandem/api-data-access';
import { RegionOptions, planRegion } from '../region';
import {
  buildApi,
  flagOption,
  fmt,
  numberOption,
  out,
  readRegionManifest,
  sleep,
  startApi,
  stopProcess,
} from './common';
import { call, drillDatabase, newKey, regionDrillDatabase, signIn } from './drill-helpers';

/**
 * `npm run drill:pg-restart`: the built API process (NODE_ENV=production) takes note writes from
 * four writers while its PostgreSQL is stopped (fast shutdown) and started again. Checks that
 * /api/ready answers 503 while the database is away and 200 again afterwards without restarting the
 * API, and that every write that got a 2xx is in the database exactly once. Writers retry a failed
 * write with the same Idempotency-Key, as a client should. Meanwhile --readers users (default 300)
 * load the API with board, note-list and client-page reads (mean pause 5 s); the drill reports
 * their answers before, during and after the outage and checks that they all succeed again once
 * the API is ready. Options: --down 4 (seconds without database), --writers 4, --readers 300,
 * --region (on the region from `npm run seed:region` instead of fresh demo data: one team's
 * regiebehandelaar writes, its care staff read its 200 clients), --no-build.
 */
interface Subjects {
  writer: { key: string; email?: string };
  readers: { key: string; email?: string }[];
  /** Clients the writer may write treatment notes for and the readers may read; the first is written to. */
  clients: string[];
}

function demoSubjects(): Subjects {
  const monique = demoClients().find((c) => c.key === 'monique')!;
  return {
    writer: { key: 'keyworker' },
    readers: ['regie', 'psychiater', 'keyworker'].map((key) => ({ key })),
    clients: [monique.id],
  };
}

/** The first team of the region: its regiebehandelaar writes, its care staff read its clients. */
function regionSubjects(options: RegionOptions): Subjects {
  const plan = planRegion(options);
  const staff = plan.staff[0];
  const user = (i: number) => ({ key: plan.users[i].key, email: plan.users[i].email });
  return {
    writer: user(staff.regie),
    readers: [staff.regie, staff.psychiater, ...staff.spv].map(user),
    clients: plan.clients.filter((c) => c.teamIndex === 0).map((c) => c.id),
  };
}

describe('drill: PostgreSQL restart during writes', () => {
  it('keeps every acknowledged write and recovers without restarting the API', async () => {
    const downSeconds = numberOption('DOWN', 4);
    const writerCount = Math.max(1, Math.round(numberOption('WRITERS', 4)));
    const readerCount = Math.max(0, Math.round(numberOption('READERS', 300)));
    const started = Date.now();
    const step = (text: string) =>
      out(`[drill:pg-restart ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${text}`);
    buildApi(step);
    const region = flagOption('REGION') ? readRegionManifest() : null;
    if (flagOption('REGION') && !region)
      throw new Error('No region: run `npm run seed:region -- --years 5` first.');
    step(
      region
        ? `starting the region's PostgreSQL (${fmt(region.notes * region.scale * region.years)} notes)`
        : 'starting a fresh PostgreSQL with the demo data',
    );
    const db = region ? await regionDrillDatabase() : await drillDatabase();
    const runTag = randomBytes(3).toString('hex'); // the region keeps its notes between drills
    const api = await startApi(db.url, randomBytes(32).toString('hex'), { LOG_LEVEL: 'warn' });
    const apiPid = api.child.pid;
    let apiExited = false;
    api.child.once('exit', () => (apiExited = true));
    const base = `http://127.0.0.1:${api.port}`;
    try {
      // Who writes and reads: the demo's key worker and Monique, or one team of the region.
      const subjects = region ? regionSubjects(region) : demoSubjects();
      const token = await signIn(base, subjects.writer.key, subjects.writer.email);
      const writeTo = subjects.clients[0];
      const readerTokens = await Promise.all(
        subjects.readers.map((r) => signIn(base, r.key, r.email)),
      );
      const phaseOf = (at: number) =>
        at < downAt
          ? 'before'
          : at < upAt
            ? 'during'
            : readyAt !== null && at >= readyAt
              ? 'after'
              : 'recovering';
      let downAt = Infinity;
      let upAt = Infinity;
      let readyAt: number | null = null;
      const reads = new Map<string, Map<number, number>>();
      const readLatencies: number[] = [];
      let reading = true;
      const readerPause = () => -Math.log(1 - Math.random()) * 5000;
      const reader = async (n: number) => {
        await sleep(readerPause()); // as users already at work: a random point of their pause
        const readerToken = readerTokens[n % readerTokens.length];
        while (reading) {
          const sentAt = Date.now();
          const clientId = subjects.clients[Math.floor(Math.random() * subjects.clients.length)];
          const paths = [
            '/api/v1/caseload?pageSize=50',
            `/api/v1/clients/${clientId}/notes?pageSize=25`,
            `/api/v1/clients/${clientId}`,
          ];
          const res = await call(base, 'GET', paths[Math.floor(Math.random() * paths.length)], {
            token: readerToken,
          });
          const phase = phaseOf(sentAt);
          const counts = reads.get(phase) ?? new Map<number, number>();
          reads.set(phase, counts);
          counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
          if (phase === 'after') readLatencies.push(Date.now() - sentAt);
          await sleep(readerPause());
        }
      };
      const readers = Array.from({ length: readerCount }, (_, n) => reader(n));

      // Readiness, every 100 ms.
      const readiness: { at: number; status: number }[] = [];
      let polling = true;
      const poller = (async () => {
        while (polling) {
          readiness.push({
            at: Date.now(),
            status: (await call(base, 'GET', '/api/ready')).status,
          });
          await sleep(100);
        }
      })();

      // Writers: each note has its own key; a failed attempt is retried with the same key.
      const acked: { id: string; title: string; attempts: number }[] = [];
      let attempts = 0;
      let failedAttempts = 0;
      const failures = new Map<number, number>();
      let writing = true;
      let counter = 0;
      const writer = async () => {
        while (writing) {
          const title = `Drill ${runTag} ${++counter}`;
          const key = newKey();
          for (let attempt = 1; ; attempt++) {
            attempts++;
            const res = await call(base, 'POST', `/api/v1/clients/${writeTo}/notes`, {
              token,
              headers: { 'idempotency-key': key },
              body: {
                domain: 'TREATMENT',
                title,
                body: 'Schrijftest tijdens herstart.',
                contactOn: '2026-11-30',
              },
            });
            if (res.status >= 200 && res.status < 300) {
              acked.push({ id: res.body.id, title, attempts: attempt });
              break;
            }
            failedAttempts++;
            failures.set(res.status, (failures.get(res.status) ?? 0) + 1);
            if (!writing && attempt > 50) break; // give up long after the drill ended
            await sleep(250);
          }
          await sleep(20);
        }
      };
      const writers = Array.from({ length: writerCount }, writer);

      await sleep(3000);
      const beforeStop = acked.length;
      step(`${beforeStop} notes acknowledged; stopping PostgreSQL (fast shutdown)`);
      downAt = Date.now();
      await db.pg.stop();
      const stoppedAt = Date.now();
      await sleep(downSeconds * 1000);
      step(`starting PostgreSQL again after ${downSeconds} s`);
      await db.pg.start();
      upAt = Date.now();
      while (Date.now() - upAt < 30_000) {
        if ((await call(base, 'GET', '/api/ready')).status === 200) {
          readyAt = Date.now();
          break;
        }
        await sleep(100);
      }
      step(
        readyAt
          ? `ready again ${readyAt - upAt} ms after PostgreSQL was up`
          : 'NOT ready within 30 s',
      );
      await sleep(3000);
      writing = false;
      reading = false;
      await Promise.all([...writers, ...readers]);
      polling = false;
      await poller;

      // Checks.
      const ids = acked.map((a) => a.id);
      const found = await db.query<{ id: string; title: string }>(
        'SELECT id::text, title FROM notes WHERE id = ANY($1::uuid[])',
        [ids],
      );
      const foundIds = new Set(found.map((r) => r.id));
      const lost = acked.filter((a) => !foundIds.has(a.id));
      const duplicates = await db.query<{ title: string; n: number }>(
        `SELECT title, count(*)::int AS n FROM notes WHERE title LIKE $1 GROUP BY title HAVING count(*) > 1`,
        [`Drill ${runTag} %`],
      );
      const during = readiness.filter((r) => r.at > stoppedAt + 200 && r.at < upAt);
      const notReadyWhileDown = during.length > 0 && during.every((r) => r.status === 503);
      const readyAfter = readiness.filter((r) => r.at > (readyAt ?? Infinity));
      const retried = acked.filter((a) => a.attempts > 1).length;

      out('');
      out('## Drill: PostgreSQL restart during writes');
      out('');
      out(
        `- database: ${region ? `the region (${fmt(region.notes * region.scale * region.years)} notes, ${fmt(region.accessLogEntries)} access-log entries)` : 'the demo data'}`,
      );
      out(
        `- writers: ${writerCount}; PostgreSQL shutting down for ${((stoppedAt - downAt) / 1000).toFixed(1)} s, then down for ${((upAt - stoppedAt) / 1000).toFixed(1)} s`,
      );
      out(
        `- writes acknowledged (2xx): ${acked.length} (${retried} of them after a retry with the same key)`,
      );
      out(
        `- failed attempts while the database was away: ${failedAttempts} of ${attempts} (${[...failures].map(([s, n]) => `${s === 0 ? 'network' : s}: ${n}`).join(', ') || 'none'})`,
      );
      const readSummary = (phase: string) => {
        const counts = reads.get(phase);
        if (!counts) return 'none';
        const total = [...counts.values()].reduce((a, b) => a + b, 0);
        return `${total} (${[...counts].map(([s, n]) => `${s === 0 ? 'network' : s}: ${n}`).join(', ')})`;
      };
      const sortedReads = [...readLatencies].sort((a, b) => a - b);
      const readP95 = sortedReads[Math.max(0, Math.ceil(sortedReads.length * 0.95) - 1)] ?? NaN;
      const readsFailedAfter = [...(reads.get('after') ?? new Map<number, number>())]
        .filter(([s]) => s !== 200)
        .reduce((a, [, n]) => a + n, 0);
      if (readerCount) {
        out(`- readers: ${readerCount} users (board, note list, client page; mean pause 5 s)`);
        out(
          `  - sent before the stop (some still in flight when it began): ${readSummary('before')}`,
        );
        out(`  - while PostgreSQL was stopping or down: ${readSummary('during')}`);
        out(`  - after it was up, before /api/ready said 200: ${readSummary('recovering')}`);
        out(`  - after ready: ${readSummary('after')}; p95 ${readP95} ms`);
      }
      out(`- acknowledged writes missing from the database: ${lost.length}`);
      out(`- notes written twice (same title): ${duplicates.length}`);
      out(
        `- /api/ready while PostgreSQL was down: ${
          during
            .map((r) => r.status)
            .filter((s, i, a) => a.indexOf(s) === i)
            .join(', ') || 'no samples'
        } (${during.length} samples)`,
      );
      out(
        `- ready again after PostgreSQL was up: ${readyAt ? `${readyAt - upAt} ms` : 'NO'}; ${readyAfter.filter((r) => r.status === 200).length}/${readyAfter.length} samples 200 afterwards`,
      );
      out(
        `- API process restarted: ${apiExited ? 'YES (it exited)' : `no (pid ${apiPid} ran throughout)`}`,
      );
      const pass =
        lost.length === 0 &&
        duplicates.length === 0 &&
        notReadyWhileDown &&
        readyAt !== null &&
        readsFailedAfter === 0 &&
        !apiExited;
      out(`- result: ${pass ? 'PASSED' : 'FAILED'}`);
      if (!pass) out(api.output().slice(-3000));

      expect(lost).toEqual([]);
      expect(duplicates).toEqual([]);
      expect(notReadyWhileDown).toBe(true);
      expect(readyAt).not.toBeNull();
      expect(readsFailedAfter).toBe(0);
      expect(apiExited).toBe(false);
    } finally {
      await stopProcess(api.child);
      await db.remove();
    }
  });
});
