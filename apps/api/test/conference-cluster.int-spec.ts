import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/app/bootstrap';
import { createTestApp, TestApp } from './harness';
import {
  MONIQUE_IDENTIFIERS,
  RoomClient,
  connectRoom,
  giveIdentityConsent,
  listen,
  monique,
  planPartnerDiscussion,
  userId,
} from './conference-helpers';

const silent = { log() {}, error() {}, warn() {}, debug() {}, verbose() {} };

/**
 * Two API instances on one database, joined by the socket.io PostgreSQL adapter: a change made
 * on one instance reaches attendees connected to the other, each with their own payload, and a
 * revocation on one instance re-gates sockets on the other within a second.
 */
describe('case conferences across two API instances', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let baseA: string;
  let baseB: string;
  const clients: RoomClient[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    baseA = await listen(t);
    second = await createApp(t.config, t.url, { logger: silent, webDistDir: null });
    await second.listen({ port: 0, host: '127.0.0.1' });
    const address = second.getHttpServer().address();
    baseB = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    for (const c of clients) c.socket.disconnect();
    await second.close();
    await t.close();
  });

  const room = async (base: string, key: string) => {
    const c = await connectRoom(base, await t.tokenFor(key));
    clients.push(c);
    return c;
  };

  it('delivers events written on one instance to attendees on the other, gated per attendee', async () => {
    const { id, itemId } = await planPartnerDiscussion(t);
    const sanne = await room(baseA, 'keyworker');
    const fatima = await room(baseB, 'klantmanager');
    expect(await sanne.send('conference:join', { conferenceId: id })).toMatchObject({ ok: true });
    const joined = await fatima.send('conference:join', { conferenceId: id });
    expect(joined.items[0].view).toBe('ANONYMISED');

    // Presence is the union over both instances.
    await sanne.next(
      'conference:presence',
      (p) => p.online.includes(userId('klantmanager')) && p.online.includes(userId('keyworker')),
      3000,
    );

    const sent = Date.now();
    await sanne.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'ANONYMISED',
      baseVersion: 0,
      text: 'Werkervaringsplaats loopt goed.',
    });
    const got = await fatima.next('conference:event', (e) => e.type === 'minutes.changed', 2000);
    expect(got.text).toBe('Werkervaringsplaats loopt goed.');
    expect(Date.now() - sent).toBeLessThan(1000);

    await sanne.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'TREATMENT',
      baseVersion: 0,
      text: 'Monique van Dam: Depressieve stoornis met psychotische kenmerken, stabiel.',
    });
    const skipped = await fatima.next('conference:event', (e) => e.seq === got.seq + 1, 2000);
    expect(skipped.type).toBe('skip');
    for (const secret of MONIQUE_IDENTIFIERS) expect(fatima.all()).not.toContain(secret);

    // A write on instance B reaches the key worker on instance A.
    await fatima.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'ANONYMISED',
      baseVersion: 1,
      text: 'Werkervaringsplaats loopt goed. Vrijstelling aangevraagd.',
    });
    const back = await sanne.next(
      'conference:event',
      (e) => e.type === 'minutes.changed' && e.version === 2 && e.section === 'ANONYMISED',
      2000,
    );
    expect(back.text).toContain('Vrijstelling aangevraagd');
  });

  it('re-gates a socket on the other instance within a second of a revocation', async () => {
    const { id, itemId } = await planPartnerDiscussion(t);
    const sanne = await room(baseA, 'keyworker');
    const fatima = await room(baseB, 'klantmanager');
    await sanne.send('conference:join', { conferenceId: id });
    await fatima.send('conference:join', { conferenceId: id });

    const consentId = await giveIdentityConsent(t); // HTTP on instance A
    const identified = await fatima.next(
      'conference:item',
      (p) => p.item.view === 'IDENTIFIED',
      1000,
    );
    expect(identified.item.clientId).toBe(monique.id);

    fatima.received.length = 0;
    const started = Date.now();
    const revoked = await t.request(
      'POST',
      `/api/v1/clients/${monique.id}/consents/${consentId}/revoke`,
      { token: await t.tokenFor('keyworker'), body: {} },
    );
    expect(revoked.status).toBe(200);
    const flipped = await fatima.next('conference:item', (p) => p.item.view === 'ANONYMISED', 1000);
    const latency = Date.now() - started;
    expect(latency).toBeLessThan(1000);
    for (const secret of MONIQUE_IDENTIFIERS) expect(JSON.stringify(flipped)).not.toContain(secret);
    // eslint-disable-next-line no-console
    console.info(`revocation on instance A re-gated a socket on instance B after ${latency} ms`);

    fatima.received.length = 0;
    await sanne.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'TREATMENT',
      baseVersion: 0,
      text: 'Monique van Dam: geen terugval.',
    });
    expect((await fatima.next('conference:event', () => true, 2000)).type).toBe('skip');
  });

  it('replays on instance B what was written through instance A', async () => {
    const { id, itemId } = await planPartnerDiscussion(t);
    const sanne = await room(baseA, 'keyworker');
    await sanne.send('conference:join', { conferenceId: id });
    await sanne.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'ANONYMISED',
      baseVersion: 0,
      text: 'Punt één.',
    });
    const fatima = await room(baseB, 'klantmanager');
    const replay = await fatima.send('conference:join', { conferenceId: id, lastSeq: 0 });
    expect(replay.missed).toEqual([
      expect.objectContaining({ seq: 1, type: 'minutes.changed', text: 'Punt één.' }),
    ]);
  });
});
