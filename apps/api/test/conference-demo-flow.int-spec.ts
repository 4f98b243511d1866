import { stableId } from '@tandem/api-data-access';
import { createTestApp, TestApp } from './harness';
import {
  MONIQUE_CONSENT,
  MONIQUE_IDENTIFIERS,
  NOORD,
  RoomClient,
  connectRoom,
  listen,
  monique,
  userId,
} from './conference-helpers';

/**
 * Issue 5, "done when", on the seeded demo: the key worker runs the partner case discussion with
 * the klantmanager; Monique is anonymised to the klantmanager until her case-conference consent is
 * recorded, then identified; revoking it mid-meeting flips the klantmanager's view back within a
 * second; the minutes land in the right domains of Monique's file.
 */
describe('case conferences: the demo flow (done when)', () => {
  let t: TestApp;
  let base: string;
  const sockets: RoomClient[] = [];
  const conferenceId = stableId('conference:partner-discussion:monique');
  const itemId = stableId('conference-item:partner-discussion:monique');

  beforeAll(async () => {
    t = await createTestApp();
    base = await listen(t);
  });
  afterAll(async () => {
    for (const s of sockets) s.socket.disconnect();
    await t.close();
  });

  const room = async (key: string) => {
    const c = await connectRoom(base, await t.tokenFor(key));
    sockets.push(c);
    return c;
  };

  it('has the partner case discussion and the FACT Noord board series in the demo data', async () => {
    const km = await t.request('GET', '/api/v1/conferences', {
      token: await t.tokenFor('klantmanager'),
    });
    expect(km.body.map((c: { id: string }) => c.id)).toContain(conferenceId);
    const regie = await t.request('GET', `/api/v1/conferences?teamId=${NOORD}&to=2026-12-06`, {
      token: await t.tokenFor('regie'),
    });
    const board = regie.body.filter((c: { kind: string }) => c.kind === 'FACT_BOARD');
    expect(board.length).toBe(3); // Mon 30 Nov, Wed 2 Dec, Fri 4 Dec
    expect(board.every((c: { seriesId: string | null }) => c.seriesId)).toBe(true);
  });

  it('runs the meeting from anonymised, to identified, back to anonymised, into the file', async () => {
    const sanne = await room('keyworker');
    const fatima = await room('klantmanager');
    const joined = await sanne.send('conference:join', { conferenceId });
    expect(joined.items[0]).toMatchObject({ id: itemId, view: 'IDENTIFIED' });
    const kmJoined = await fatima.send('conference:join', { conferenceId });
    expect(kmJoined.items[0]).toMatchObject({ view: 'ANONYMISED', pseudonym: monique.pseudonym });
    for (const secret of MONIQUE_IDENTIFIERS)
      expect(JSON.stringify(kmJoined)).not.toContain(secret);

    await sanne.send('conference:select-item', { conferenceId, itemId });
    await fatima.next('conference:event', (e) => e.type === 'current.changed');

    // Monique accepts the klantmanager's request in her passport: identified within a second.
    const accepted = await t.request('POST', `/api/v1/me/consents/${MONIQUE_CONSENT}/accept`, {
      token: await t.tokenFor('monique'),
    });
    expect(accepted.status).toBe(200);
    const identified = await fatima.next(
      'conference:item',
      (p) => p.item.view === 'IDENTIFIED',
      1000,
    );
    expect(identified.item.client.name).toBe('Monique van Dam');

    expect(
      await sanne.send('minutes:write', {
        conferenceId,
        itemId,
        section: 'TREATMENT',
        baseVersion: 0,
        text: 'Stemming stabiel; werk draagt bij aan het herstel. Behandeling ongewijzigd.',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await fatima.send('minutes:write', {
        conferenceId,
        itemId,
        section: 'PARTICIPATION',
        baseVersion: 0,
        text: 'Vrijstelling van de sollicitatieplicht tot 1 maart; werkervaringsplaats loopt door.',
      }),
    ).toMatchObject({ ok: true });
    const action = await sanne.send('action:add', {
      conferenceId,
      itemId,
      text: 'Vrijstelling schriftelijk bevestigen',
      ownerId: userId('klantmanager'),
      dueOn: '2026-12-08',
    });
    expect(action).toMatchObject({ ok: true, action: { visibility: 'IDENTIFIED' } });

    // Monique withdraws her consent mid-meeting: the klantmanager's screen flips back.
    fatima.received.length = 0;
    const started = Date.now();
    const revoked = await t.request('POST', `/api/v1/me/consents/${MONIQUE_CONSENT}/revoke`, {
      token: await t.tokenFor('monique'),
      body: {},
    });
    expect(revoked.status).toBe(200);
    const back = await fatima.next('conference:item', (p) => p.item.view === 'ANONYMISED', 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    for (const secret of MONIQUE_IDENTIFIERS) expect(JSON.stringify(back)).not.toContain(secret);
    // Her task stays, without the identified text.
    const tasks = await t.request('GET', '/api/v1/me/tasks', {
      token: await t.tokenFor('klantmanager'),
    });
    const task = tasks.body.find((x: { id: string }) => x.id === action.action.id);
    expect(task).toMatchObject({ about: monique.pseudonym, view: 'ANONYMISED' });
    expect(task.text).not.toContain('Vrijstelling schriftelijk');

    const closed = await t.request('POST', `/api/v1/conferences/${conferenceId}/close`, {
      token: await t.tokenFor('keyworker'),
    });
    expect(closed.status).toBe(201);
    const notes = async (domain: string) =>
      (
        await t.request('GET', `/api/v1/clients/${monique.id}/notes?domain=${domain}`, {
          token: await t.tokenFor('keyworker'),
        })
      ).body.items.map((n: { body: string; authorName: string }) => `${n.authorName}: ${n.body}`);
    expect((await notes('TREATMENT')).join('\n')).toContain(
      'Sanne Jansen: Stemming stabiel; werk draagt bij aan het herstel',
    );
    expect((await notes('PARTICIPATION')).join('\n')).toContain(
      'Fatima El Amrani: Vrijstelling van de sollicitatieplicht tot 1 maart',
    );
  });
});
