/* eslint-disable @typescript-eslint/no-explicit-any -- socket payloads are untyped JSON here */
import { randomBytes } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import { DEMO_TEAMS, demoClients, demoUser } from '@tandem/api-data-access';
import { buildApi, numberOption, out, sleep, startApi, stopProcess } from './common';
import { call, drillDatabase, signIn } from './drill-helpers';

/**
 * `npm run drill:kill-instance`: two API processes on one database (joined by the socket.io
 * PostgreSQL adapter). The key worker writes the minutes of a case conference through instance A
 * while the klantmanager follows on instance B; A is killed with SIGKILL mid-conference. The key
 * worker's client reconnects to B (as a load balancer would send it), rejoins with the last
 * sequence number it saw and carries on. Checks that every write A or B acknowledged is in the
 * database and reached the klantmanager (live or in the replay on rejoin). Options: --seconds 3
 * (writing before and after the kill), --no-build.
 */

interface Room {
  socket: Socket;
  events: any[];
  send(event: string, body: unknown): Promise<any>;
}

function connect(base: string, token: string): Promise<Room> {
  return new Promise((resolve, reject) => {
    const socket = io(`${base}/conference`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const room: Room = {
      socket,
      events: [],
      send: (event, body) => socket.timeout(3000).emitWithAck(event, body),
    };
    socket.on('conference:event', (e) => room.events.push(e));
    socket.once('connect', () => resolve(room));
    socket.once('connect_error', (e) => reject(e));
  });
}

describe('drill: kill one of two API instances during a case conference', () => {
  it('loses nothing that was acknowledged', async () => {
    const seconds = numberOption('SECONDS', 3);
    const started = Date.now();
    const step = (text: string) =>
      out(
        `[drill:kill-instance ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${text}`,
      );
    buildApi(step);
    step('starting a fresh PostgreSQL with the demo data and two API instances');
    const db = await drillDatabase();
    const secret = randomBytes(32).toString('hex');
    const a = await startApi(db.url, secret, { LOG_LEVEL: 'warn' });
    const b = await startApi(db.url, secret, { LOG_LEVEL: 'warn' });
    const baseA = `http://127.0.0.1:${a.port}`;
    const baseB = `http://127.0.0.1:${b.port}`;
    const rooms: Room[] = [];
    try {
      const monique = demoClients().find((c) => c.key === 'monique')!;
      const kw = await signIn(baseA, 'keyworker');
      const km = await signIn(baseB, 'klantmanager');
      const planned = await call(baseA, 'POST', '/api/v1/conferences', {
        token: kw,
        body: {
          teamId: DEMO_TEAMS.noord.id,
          kind: 'PARTNER_CASE_DISCUSSION',
          title: 'Casusoverleg werk en inkomen',
          startsAt: new Date(Date.now() + 60_000).toISOString(),
          durationMinutes: 60,
          location: 'Gemeentehuis Rivierstad, kamer 2.14',
          attendeeIds: [demoUser('klantmanager').id],
          items: [{ clientId: monique.id, topic: 'Werkervaringsplaats', source: 'MANUAL' }],
        },
      });
      if (planned.status !== 201) throw new Error(`planning failed: ${planned.status}`);
      const conferenceId = planned.body.id as string;
      const itemId = planned.body.items[0].id as string;

      const follower = await connect(baseB, km);
      rooms.push(follower);
      expect((await follower.send('conference:join', { conferenceId })).ok).toBe(true);
      let writer = await connect(baseA, kw);
      rooms.push(writer);
      let joined = await writer.send('conference:join', { conferenceId });
      expect(joined.ok).toBe(true);
      let lastSeq = joined.seq ?? 0;
      writer.socket.on('conference:event', (e) => (lastSeq = Math.max(lastSeq, e.seq)));

      // The key worker types: one line every 50 ms, each save acknowledged with its version.
      const acked: { version: number; text: string; via: 'A' | 'B' }[] = [];
      let version = 0;
      let text = '';
      let line = 0;
      let via: 'A' | 'B' = 'A';
      let unacknowledged = 0;
      let conflicts = 0;
      let killedAt = 0;
      let firstAckAfterKill = 0;
      const stopAt = () => (killedAt ? killedAt + seconds * 1000 : Infinity);
      const typing = (async () => {
        while (Date.now() < stopAt()) {
          if (!writer.socket.connected) {
            // Fail over: the load balancer sends the reconnecting client to the instance that lives.
            writer.socket.close();
            writer = await connect(baseB, kw);
            rooms.push(writer);
            via = 'B';
            joined = await writer.send('conference:join', { conferenceId, lastSeq });
            writer.socket.on('conference:event', (e) => (lastSeq = Math.max(lastSeq, e.seq)));
            step(
              `writer reconnected to B and rejoined (replayed ${joined.missed?.length ?? 0} events)`,
            );
            continue;
          }
          const next = `${text}${text ? '\n' : ''}Regel ${++line}`;
          let ack: any;
          try {
            ack = await writer.send('minutes:write', {
              conferenceId,
              itemId,
              section: 'ANONYMISED',
              baseVersion: version,
              text: next,
            });
          } catch {
            unacknowledged++; // no answer: the instance died with this write in flight
            line--;
            await sleep(100);
            continue;
          }
          if (ack?.ok) {
            version = ack.version;
            text = ack.text;
            acked.push({ version, text, via });
            if (killedAt && !firstAckAfterKill) firstAckAfterKill = Date.now();
          } else if (ack?.code === 'VERSION_CONFLICT' && ack.current) {
            conflicts++; // the write in flight during the kill did land: continue from it
            version = ack.current.version;
            text = ack.current.text;
          } else {
            throw new Error(`unexpected answer: ${JSON.stringify(ack)}`);
          }
          await sleep(50);
        }
      })();

      await sleep(seconds * 1000);
      step(`${acked.length} saves acknowledged by A; killing instance A (SIGKILL)`);
      killedAt = Date.now();
      a.child.kill('SIGKILL');
      await typing;

      // The follower on B: what arrived live, plus what a rejoin replays.
      await sleep(500);
      const live = new Set(
        follower.events.filter((e) => e.type === 'minutes.changed').map((e) => e.version),
      );
      const replay = await follower.send('conference:join', { conferenceId, lastSeq: 0 });
      const replayed = new Set(
        (replay.missed ?? [])
          .filter((e: any) => e.type === 'minutes.changed')
          .map((e: any) => e.version),
      );
      const stored = await db.query<{ version: number; text: string }>(
        `SELECT r.version, r.text FROM conference_minutes_revisions r
         WHERE r.item_id = $1 AND r.section = 'ANONYMISED'`,
        [itemId],
      );
      const storedByVersion = new Map(stored.map((r) => [r.version, r.text]));
      const lostInDb = acked.filter((x) => storedByVersion.get(x.version) !== x.text);
      const notDelivered = acked.filter((x) => !live.has(x.version) && !replayed.has(x.version));
      const onlyReplay = acked.filter((x) => !live.has(x.version) && replayed.has(x.version));

      out('');
      out('## Drill: kill one of two API instances during a case conference');
      out('');
      out(
        `- saves acknowledged: ${acked.length} (A: ${acked.filter((x) => x.via === 'A').length}, B after fail-over: ${acked.filter((x) => x.via === 'B').length})`,
      );
      out(
        `- saves without an answer (in flight when A died): ${unacknowledged}; of those found stored afterwards (conflict on the next save): ${conflicts}`,
      );
      out(
        `- fail-over: first acknowledged save on B ${firstAckAfterKill ? `${firstAckAfterKill - killedAt} ms` : 'NEVER'} after the kill`,
      );
      out(`- acknowledged saves missing or different in the database: ${lostInDb.length}`);
      out(
        `- acknowledged saves the klantmanager on B did not get (live or on rejoin): ${notDelivered.length} (${onlyReplay.length} only through the replay)`,
      );
      const pass =
        acked.length > 0 &&
        lostInDb.length === 0 &&
        notDelivered.length === 0 &&
        firstAckAfterKill > 0;
      out(`- result: ${pass ? 'PASSED' : 'FAILED'}`);
      if (!pass) out(b.output().slice(-3000));

      expect(lostInDb).toEqual([]);
      expect(notDelivered).toEqual([]);
      expect(firstAckAfterKill).toBeGreaterThan(0);
    } finally {
      for (const r of rooms) r.socket.close();
      await stopProcess(a.child);
      await stopProcess(b.child);
      await db.remove();
    }
  });
});
