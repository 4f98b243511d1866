import { createTestApp, TestApp } from './harness';
import {
  MONIQUE_IDENTIFIERS,
  RoomClient,
  closed,
  connectRoom,
  giveIdentityConsent,
  listen,
  monique,
  planPartnerDiscussion,
  userId,
} from './conference-helpers';

/**
 * The live room (socket.io, namespace /conference): authorization on the handshake and per
 * message, per-attendee payloads, presence, current item, minutes without lost updates,
 * decisions, action items, revocation within a second, closing into the file, replay.
 */
describe('case conferences: the live room', () => {
  let t: TestApp;
  let base: string;
  const clients: RoomClient[] = [];
  const room = async (key: string) => {
    const c = await connectRoom(base, await t.tokenFor(key));
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await createTestApp();
    base = await listen(t);
  });
  afterAll(async () => {
    for (const c of clients) c.socket.disconnect();
    await t.close();
  });

  const revisions = async () =>
    (await t.db.query('SELECT count(*)::int AS n FROM conference_minutes_revisions'))[0].n;

  it('refuses a handshake without a valid token', async () => {
    const c = await connectRoom(base, 'not-a-token');
    clients.push(c);
    await closed(c.socket);
    expect(c.socket.connected).toBe(false);
  });

  it('lets only attendees join: others get NOT_FOUND, team members not invited FORBIDDEN', async () => {
    const { id } = await planPartnerDiscussion(t);
    for (const [key, code] of [
      ['zuid-regie', 'NOT_FOUND'],
      ['arbeidsdeskundige', 'NOT_FOUND'],
      ['monique', 'NOT_FOUND'],
      ['psychiater', 'FORBIDDEN'],
    ]) {
      const c = await room(key);
      const ack = await c.send('conference:join', { conferenceId: id });
      expect({ key, ok: ack.ok, code: ack.code }).toEqual({ key, ok: false, code });
      // Not in the room: nothing about the conference reaches this socket.
      const write = await c.send('minutes:write', {
        conferenceId: id,
        itemId: '00000000-0000-4000-8000-000000000000',
        section: 'ANONYMISED',
        baseVersion: 0,
        text: 'x',
      });
      expect(write).toMatchObject({ ok: false, code: 'NOT_JOINED' });
    }
    const bad = await (await room('keyworker')).send('conference:join', { conferenceId: 'nope' });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  it('gives each attendee their own version: the klantmanager never receives Monique identified', async () => {
    const { id, itemId } = await planPartnerDiscussion(t);
    const sanne = await room('keyworker');
    const fatima = await room('klantmanager');
    const joined = await sanne.send('conference:join', { conferenceId: id });
    expect(joined).toMatchObject({ ok: true, seq: 0 });
    expect(joined.items[0]).toMatchObject({ view: 'IDENTIFIED', clientId: monique.id });
    const kmJoin = await fatima.send('conference:join', { conferenceId: id });
    expect(kmJoin.items[0]).toMatchObject({ view: 'ANONYMISED', pseudonym: monique.pseudonym });

    // Presence: both online.
    await sanne.next('conference:presence', (p) => p.online.includes(userId('klantmanager')));

    const treatment = await sanne.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'TREATMENT',
      baseVersion: 0,
      text: 'Monique van Dam: Depressieve stoornis met psychotische kenmerken, stabiel.',
    });
    expect(treatment).toMatchObject({ ok: true, version: 1 });
    const anonymised = await sanne.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'ANONYMISED',
      baseVersion: 0,
      text: 'Werkervaringsplaats loopt; vrijstelling sollicitatieplicht wenselijk.',
    });
    expect(anonymised).toMatchObject({ ok: true, version: 1 });
    const decision = await sanne.send('decision:add', {
      conferenceId: id,
      itemId,
      text: 'Medicatie van Monique ongewijzigd',
      decidedBy: userId('regie'),
    });
    expect(decision).toMatchObject({ ok: true, decision: { visibility: 'IDENTIFIED' } });

    await fatima.next('conference:event', (e) => e.type === 'minutes.changed');
    await fatima.next('conference:event', (e) => e.seq === 3);
    const kmEvents = fatima.received.filter((r) => r.event === 'conference:event');
    expect(kmEvents.map((e) => e.payload.type)).toEqual(['skip', 'minutes.changed', 'skip']);
    expect(kmEvents[1].payload).toMatchObject({
      section: 'ANONYMISED',
      text: 'Werkervaringsplaats loopt; vrijstelling sollicitatieplicht wenselijk.',
    });
    for (const secret of [...MONIQUE_IDENTIFIERS, 'Medicatie', 'Werkervaringsplaats receptie']) {
      expect(fatima.all()).not.toContain(secret);
      expect(JSON.stringify(kmJoin)).not.toContain(secret);
    }
    // The key worker received her own treatment minutes and the decision.
    await sanne.next('conference:event', (e) => e.type === 'decision.added');
    expect(sanne.all()).toContain('Depressieve stoornis');
  });

  it('refuses writes outside one’s sections and leaves nothing behind', async () => {
    const { id, itemId } = await planPartnerDiscussion(t);
    const fatima = await room('klantmanager');
    await fatima.send('conference:join', { conferenceId: id });
    const before = await revisions();
    for (const section of ['TREATMENT', 'PARTICIPATION']) {
      const res = await fatima.send('minutes:write', {
        conferenceId: id,
        itemId,
        section,
        baseVersion: 0,
        text: 'Poging',
      });
      expect({ section, ok: res.ok, code: res.code }).toEqual({
        section,
        ok: false,
        code: 'FORBIDDEN',
      });
    }
    const select = await fatima.send('conference:select-item', { conferenceId: id, itemId });
    expect(select).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const decision = await fatima.send('decision:add', {
      conferenceId: id,
      itemId,
      text: 'x',
      decidedBy: userId('regie'),
    });
    expect(decision).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await revisions()).toBe(before);
    const [{ n }] = await t.db.query(
      'SELECT count(*)::int AS n FROM conference_events WHERE conference_id = $1',
      [id],
    );
    expect(n).toBe(0);
    const own = await fatima.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'ANONYMISED',
      baseVersion: 0,
      text: 'Gemeente kan vrijstelling verlenen.',
    });
    expect(own).toMatchObject({ ok: true, version: 1 });
  });

  it('announces the current agenda item to everyone, as an id', async () => {
    const { id, itemId } = await planPartnerDiscussion(t);
    const sanne = await room('keyworker');
    const fatima = await room('klantmanager');
    await sanne.send('conference:join', { conferenceId: id });
    await fatima.send('conference:join', { conferenceId: id });
    expect(await sanne.send('conference:select-item', { conferenceId: id, itemId })).toMatchObject({
      ok: true,
      seq: 1,
    });
    const event = await fatima.next('conference:event', (e) => e.type === 'current.changed');
    expect(event).toEqual({ conferenceId: id, seq: 1, type: 'current.changed', itemId });
    const [row] = await t.db.query(
      'SELECT status, current_item_id FROM conferences WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ status: 'LIVE', current_item_id: itemId });
  });

  it('sends an item added during the meeting to those already in the room, each in their own view, and its minutes after it', async () => {
    const { id } = await planPartnerDiscussion(t, { items: [] });
    const sanne = await room('keyworker');
    const fatima = await room('klantmanager');
    expect(await sanne.send('conference:join', { conferenceId: id })).toMatchObject({ items: [] });
    expect(await fatima.send('conference:join', { conferenceId: id })).toMatchObject({ items: [] });

    const added = await t.request('POST', `/api/v1/conferences/${id}/items`, {
      token: await t.tokenFor('keyworker'),
      body: { clientId: monique.id, topic: 'Monique: vrijstelling' },
    });
    expect(added.status).toBe(201);
    const itemId = added.body.items[0].id;
    const forSanne = await sanne.next('conference:event', (e) => e.type === 'item.added');
    expect(forSanne.item).toMatchObject({ id: itemId, view: 'IDENTIFIED', clientId: monique.id });
    const forFatima = await fatima.next('conference:event', (e) => e.type === 'item.added');
    expect(forFatima.item).toMatchObject({ id: itemId, view: 'ANONYMISED' });
    for (const secret of MONIQUE_IDENTIFIERS) expect(fatima.all()).not.toContain(secret);

    expect(
      await fatima.send('minutes:write', {
        conferenceId: id,
        itemId,
        section: 'ANONYMISED',
        baseVersion: 0,
        text: 'Werkervaringsplaats loopt goed.',
      }),
    ).toMatchObject({ ok: true });
    const minutes = await sanne.next('conference:event', (e) => e.type === 'minutes.changed');
    expect(minutes).toMatchObject({
      itemId,
      section: 'ANONYMISED',
      text: 'Werkervaringsplaats loopt goed.',
    });
  });

  it('two editors typing in the same minutes at the same time lose nothing', async () => {
    const { id, itemId } = await planPartnerDiscussion(t);
    const sanne = await room('keyworker');
    const anna = await room('regie');
    await sanne.send('conference:join', { conferenceId: id });
    await anna.send('conference:join', { conferenceId: id });
    const editor = (client: RoomClient, tag: string) => {
      let state = { version: 0, text: '' };
      client.socket.on('conference:event', (e) => {
        if (e.type === 'minutes.changed' && e.section === 'TREATMENT' && e.version > state.version)
          state = { version: e.version, text: e.text };
      });
      return async (round: number) => {
        const mine = `${state.text}<${tag}${round}>`;
        let res = await client.send('minutes:write', {
          conferenceId: id,
          itemId,
          section: 'TREATMENT',
          baseVersion: state.version,
          text: mine,
        });
        while (!res.ok) {
          // Conflict: the editor keeps their words and re-applies them on the current text.
          state = res.current;
          res = await client.send('minutes:write', {
            conferenceId: id,
            itemId,
            section: 'TREATMENT',
            baseVersion: state.version,
            text: `${state.text}<${tag}${round}>`,
          });
        }
        if (res.version > state.version) state = { version: res.version, text: res.text };
      };
    };
    const sanneTypes = editor(sanne, 's');
    const annaTypes = editor(anna, 'a');
    for (let round = 0; round < 15; round++) {
      await Promise.all([sanneTypes(round), annaTypes(round)]);
    }
    const [row] = await t.db.query(
      "SELECT text, version FROM conference_minutes WHERE item_id = $1 AND section = 'TREATMENT'",
      [itemId],
    );
    for (let round = 0; round < 15; round++) {
      expect(row.text).toContain(`<s${round}>`);
      expect(row.text).toContain(`<a${round}>`);
    }
    const [{ merged }] = await t.db.query(
      "SELECT count(*) FILTER (WHERE merged)::int AS merged FROM conference_minutes_revisions WHERE item_id = $1 AND section = 'TREATMENT'",
      [itemId],
    );
    expect(row.version).toBe(30);
    expect(merged).toBeGreaterThan(0);
  });

  it('answers an overlapping stale write with a conflict and the current text', async () => {
    const { id, itemId } = await planPartnerDiscussion(t);
    const sanne = await room('keyworker');
    const anna = await room('regie');
    await sanne.send('conference:join', { conferenceId: id });
    await anna.send('conference:join', { conferenceId: id });
    const write = (c: RoomClient, baseVersion: number, text: string) =>
      c.send('minutes:write', {
        conferenceId: id,
        itemId,
        section: 'TREATMENT',
        baseVersion,
        text,
      });
    expect(await write(sanne, 0, 'Afspraak: dinsdag')).toMatchObject({ ok: true, version: 1 });
    expect(await write(sanne, 1, 'Afspraak: woensdag')).toMatchObject({ ok: true, version: 2 });
    const stale = await write(anna, 1, 'Afspraak: donderdag');
    expect(stale).toMatchObject({
      ok: false,
      code: 'VERSION_CONFLICT',
      current: { text: 'Afspraak: woensdag', version: 2 },
    });
    const event = await anna.next('minutes:conflict');
    expect(event.current).toEqual({ text: 'Afspraak: woensdag', version: 2 });
  });

  it('records decisions by the regiebehandelaar and action items that reach task lists and the client page', async () => {
    const { id, itemId } = await planPartnerDiscussion(t);
    const sanne = await room('keyworker');
    await sanne.send('conference:join', { conferenceId: id });
    const notRegie = await sanne.send('decision:add', {
      conferenceId: id,
      itemId,
      text: 'x',
      decidedBy: userId('ips'),
    });
    expect(notRegie).toMatchObject({ ok: false, code: 'NOT_THE_REGIEBEHANDELAAR' });
    const anonymisedOwner = await sanne.send('action:add', {
      conferenceId: id,
      itemId,
      text: 'Vrijstelling voor Monique regelen',
      ownerId: userId('klantmanager'),
      dueOn: '2026-12-15',
    });
    expect(anonymisedOwner).toMatchObject({ ok: false, code: 'OWNER_SEES_ANONYMISED' });
    const forAll = await sanne.send('action:add', {
      conferenceId: id,
      itemId,
      text: 'Vrijstelling sollicitatieplicht regelen',
      ownerId: userId('klantmanager'),
      dueOn: '2026-12-15',
      visibility: 'ALL',
    });
    expect(forAll).toMatchObject({ ok: true, action: { visibility: 'ALL' } });
    const own = await sanne.send('action:add', {
      conferenceId: id,
      itemId,
      text: 'Signaleringsplan met Monique doornemen',
      ownerId: userId('keyworker'),
      dueOn: '2026-12-08',
    });
    expect(own).toMatchObject({ ok: true, action: { visibility: 'IDENTIFIED' } });

    const kmTasks = await t.request('GET', '/api/v1/me/tasks', {
      token: await t.tokenFor('klantmanager'),
    });
    const kmTask = kmTasks.body.find((x: { id: string }) => x.id === forAll.action.id);
    expect(kmTask).toMatchObject({
      about: monique.pseudonym,
      view: 'ANONYMISED',
      dueOn: '2026-12-15',
    });
    expect(kmTask.clientId).toBeUndefined();
    const sanneTasks = await t.request('GET', '/api/v1/me/tasks', {
      token: await t.tokenFor('keyworker'),
    });
    expect(sanneTasks.body.find((x: { id: string }) => x.id === own.action.id)).toMatchObject({
      about: 'Monique van Dam',
      view: 'IDENTIFIED',
      clientId: monique.id,
    });

    const page = async (key: string) =>
      t.request('GET', `/api/v1/clients/${monique.id}/actions`, { token: await t.tokenFor(key) });
    const care = await page('regie');
    expect(care.body.map((a: { id: string }) => a.id)).toEqual(
      expect.arrayContaining([forAll.action.id, own.action.id]),
    );
    const km = await page('klantmanager');
    expect(km.status).toBe(200);
    expect(km.body.map((a: { id: string }) => a.id)).toContain(forAll.action.id);
    expect(km.body.map((a: { id: string }) => a.id)).not.toContain(own.action.id);
    expect((await page('zuid-regie')).status).toBe(404);

    const done = await t.request('POST', `/api/v1/me/tasks/${forAll.action.id}/complete`, {
      token: await t.tokenFor('klantmanager'),
      body: { done: true, version: 1 },
    });
    expect(done.status).toBe(201);
    expect(done.body.status).toBe('DONE');
    const notMine = await t.request('POST', `/api/v1/me/tasks/${own.action.id}/complete`, {
      token: await t.tokenFor('klantmanager'),
      body: { done: true, version: 1 },
    });
    expect(notMine.status).toBe(404);
  });

  it('switches the klantmanager back to the anonymised view within a second of a revocation, and logs it', async () => {
    const { id, itemId } = await planPartnerDiscussion(t);
    const sanne = await room('keyworker');
    const fatima = await room('klantmanager');
    await sanne.send('conference:join', { conferenceId: id });
    await fatima.send('conference:join', { conferenceId: id });

    const consentId = await giveIdentityConsent(t);
    const identified = await fatima.next(
      'conference:item',
      (p) => p.item.view === 'IDENTIFIED',
      1000,
    );
    expect(identified.item).toMatchObject({
      client: { name: 'Monique van Dam' },
      readable: ['PARTICIPATION', 'ANONYMISED'],
    });
    expect(JSON.stringify(identified)).not.toContain('Depressieve');

    // Identified: she writes participation minutes and receives them.
    const written = await fatima.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'PARTICIPATION',
      baseVersion: 0,
      text: 'Monique van Dam krijgt vrijstelling tot 1 maart.',
    });
    expect(written).toMatchObject({ ok: true, version: 1 });

    fatima.received.length = 0;
    const started = Date.now();
    const revoke = await t.request(
      'POST',
      `/api/v1/clients/${monique.id}/consents/${consentId}/revoke`,
      { token: await t.tokenFor('keyworker'), body: { reason: 'Cliënt trekt toestemming in' } },
    );
    expect(revoke.status).toBe(200);
    const flipped = await fatima.next('conference:item', (p) => p.item.view === 'ANONYMISED', 1000);
    const latency = Date.now() - started;
    expect(latency).toBeLessThan(1000);
    expect(flipped.item.readable).toEqual(['ANONYMISED']);
    for (const secret of MONIQUE_IDENTIFIERS) expect(JSON.stringify(flipped)).not.toContain(secret);

    // Afterwards identified content no longer reaches her socket.
    fatima.received.length = 0;
    const after = await sanne.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'TREATMENT',
      baseVersion: 0,
      text: 'Monique van Dam: stemming stabiel.',
    });
    expect(after).toMatchObject({ ok: true });
    await fatima.next('conference:event');
    expect(fatima.received.map((r) => r.payload.type)).toEqual(['skip']);
    for (const secret of MONIQUE_IDENTIFIERS) expect(fatima.all()).not.toContain(secret);
    const refused = await fatima.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'PARTICIPATION',
      baseVersion: 2,
      text: 'nog iets',
    });
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const [entry] = await t.db.query(
      `SELECT outcome, channel, route, client_id, details FROM access_log
       WHERE user_id = $1 AND route = 'conference:access-changed' ORDER BY id DESC LIMIT 1`,
      [userId('klantmanager')],
    );
    expect(entry).toMatchObject({
      outcome: 'DENIED',
      channel: 'SOCKET',
      client_id: monique.id,
      details: { previousView: 'IDENTIFIED', newView: 'ANONYMISED', reason: 'CONSENT_REVOKED' },
    });
    // eslint-disable-next-line no-console
    console.info(`revocation took effect on the socket after ${latency} ms`);
  });

  it('replays what a reconnecting attendee missed, built for them', async () => {
    const { id, itemId } = await planPartnerDiscussion(t);
    const sanne = await room('keyworker');
    await sanne.send('conference:join', { conferenceId: id });
    let fatima = await room('klantmanager');
    const first = await fatima.send('conference:join', { conferenceId: id });
    await sanne.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'ANONYMISED',
      baseVersion: 0,
      text: 'Eerste punt.',
    });
    const seen = await fatima.next('conference:event', (e) => e.type === 'minutes.changed');
    expect(seen.seq).toBe(first.seq + 1);
    fatima.socket.disconnect();

    // While she is away: anonymised minutes, treatment minutes, an action for everyone.
    await sanne.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'ANONYMISED',
      baseVersion: 1,
      text: 'Eerste punt. Tweede punt.',
    });
    await sanne.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'TREATMENT',
      baseVersion: 0,
      text: 'Depressieve stoornis: geen terugval.',
    });
    await sanne.send('action:add', {
      conferenceId: id,
      itemId,
      text: 'Werkgever bellen',
      ownerId: userId('klantmanager'),
      dueOn: '2026-12-10',
      visibility: 'ALL',
    });

    fatima = await room('klantmanager');
    const back = await fatima.send('conference:join', { conferenceId: id, lastSeq: seen.seq });
    expect(back.ok).toBe(true);
    expect(back.seq).toBe(seen.seq + 3);
    expect(back.missed.map((e: { seq: number; type: string }) => [e.seq, e.type])).toEqual([
      [seen.seq + 1, 'minutes.changed'],
      [seen.seq + 2, 'skip'],
      [seen.seq + 3, 'action.added'],
    ]);
    expect(back.missed[0].text).toBe('Eerste punt. Tweede punt.');
    expect(JSON.stringify(back)).not.toContain('Depressieve');

    // The key worker replaying from the start gets everything, identified.
    const sanne2 = await room('keyworker');
    const all = await sanne2.send('conference:join', { conferenceId: id, lastSeq: 0 });
    expect(all.missed.map((e: { type: string }) => e.type)).toEqual([
      'minutes.changed',
      'minutes.changed',
      'minutes.changed',
      'action.added',
    ]);
    expect(all.missed[2].text).toBe('Depressieve stoornis: geen terugval.');
  });

  it('closes the meeting: minutes land in the right domains of the file, the room is closed for writing', async () => {
    const { id, itemId } = await planPartnerDiscussion(t, {
      attendeeIds: [userId('klantmanager'), userId('regie'), userId('ips')],
    });
    const sanne = await room('keyworker');
    const fatima = await room('klantmanager');
    await sanne.send('conference:join', { conferenceId: id });
    await fatima.send('conference:join', { conferenceId: id });
    await giveIdentityConsent(t);
    await fatima.next('conference:item', (p) => p.item.view === 'IDENTIFIED', 1000);
    await sanne.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'TREATMENT',
      baseVersion: 0,
      text: 'Stemming stabiel; werk ondersteunt het herstel.',
    });
    await fatima.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'PARTICIPATION',
      baseVersion: 0,
      text: 'Vrijstelling sollicitatieplicht verleend tot 1 maart.',
    });
    await sanne.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'ANONYMISED',
      baseVersion: 0,
      text: 'Algemene les: vroeg afstemmen met de werkgever.',
    });
    const notesBefore = (await t.db.query('SELECT count(*)::int AS n FROM notes'))[0].n;
    const denied = await t.request('POST', `/api/v1/conferences/${id}/close`, {
      token: await t.tokenFor('klantmanager'),
    });
    expect(denied.status).toBe(403);
    expect((await t.db.query('SELECT count(*)::int AS n FROM notes'))[0].n).toBe(notesBefore);

    const res = await t.request('POST', `/api/v1/conferences/${id}/close`, {
      token: await t.tokenFor('keyworker'),
    });
    expect(res.status).toBe(201);
    expect(res.body.notes.map((n: { domain: string }) => n.domain).sort()).toEqual([
      'PARTICIPATION',
      'TREATMENT',
    ]);
    const notes = await t.db.query(
      `SELECT n.domain, n.author_id, n.organisation_id, n.client_id, n.body, r.version FROM notes n
       JOIN note_revisions r ON r.note_id = n.id WHERE n.id = ANY($1) ORDER BY n.domain`,
      [res.body.notes.map((n: { noteId: string }) => n.noteId)],
    );
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatchObject({
      domain: 'PARTICIPATION',
      author_id: userId('klantmanager'),
      client_id: monique.id,
      version: 1,
    });
    expect(notes[0].body).toContain('Vrijstelling sollicitatieplicht verleend');
    expect(notes[1]).toMatchObject({
      domain: 'TREATMENT',
      author_id: userId('keyworker'),
      version: 1,
    });
    expect(notes.some((n: { body: string }) => n.body.includes('Algemene les'))).toBe(false);

    const closedEvent = await fatima.next(
      'conference:event',
      (e) => e.type === 'conference.closed',
    );
    expect(closedEvent.conferenceId).toBe(id);
    const late = await sanne.send('minutes:write', {
      conferenceId: id,
      itemId,
      section: 'TREATMENT',
      baseVersion: 1,
      text: 'te laat',
    });
    expect(late).toMatchObject({ ok: false, code: 'CONFERENCE_CLOSED' });
    const again = await t.request('POST', `/api/v1/conferences/${id}/close`, {
      token: await t.tokenFor('keyworker'),
    });
    expect(again.status).toBe(409);

    // The klantmanager reads her participation note in Monique's file (her own organisation).
    const file = await t.request(
      'GET',
      `/api/v1/clients/${monique.id}/notes?domain=PARTICIPATION`,
      {
        token: await t.tokenFor('klantmanager'),
      },
    );
    expect(file.body.items.map((n: { body: string }) => n.body).join()).toContain(
      'Vrijstelling sollicitatieplicht verleend',
    );

    // Anonymised minutes only on request, by care staff.
    const itemOf = async (userKey: string) =>
      (
        await t.request('GET', `/api/v1/conferences/${id}`, { token: await t.tokenFor(userKey) })
      ).body.items.find((i: { id: string }) => i.id === itemId);
    expect((await itemOf('keyworker')).attachedToFile).toBe(false);
    const kmAttach = await t.request('POST', `/api/v1/conferences/${id}/items/${itemId}/attach`, {
      token: await t.tokenFor('klantmanager'),
      body: { clientId: monique.id, domain: 'PARTICIPATION' },
    });
    expect(kmAttach.status).toBe(404);
    const attach = await t.request('POST', `/api/v1/conferences/${id}/items/${itemId}/attach`, {
      token: await t.tokenFor('keyworker'),
      body: { clientId: monique.id, domain: 'TREATMENT' },
    });
    expect(attach.status).toBe(201);
    // Everyone now sees that it is in a file, not which one.
    expect((await itemOf('keyworker')).attachedToFile).toBe(true);
    const kmItem = await itemOf('klantmanager');
    expect(kmItem.attachedToFile).toBe(true);
    expect(JSON.stringify(kmItem)).not.toContain(attach.body.noteId);
    const twice = await t.request('POST', `/api/v1/conferences/${id}/items/${itemId}/attach`, {
      token: await t.tokenFor('keyworker'),
      body: { clientId: monique.id, domain: 'TREATMENT' },
    });
    expect(twice.status).toBe(409);
  });

  it('ends room access for a removed attendee at once', async () => {
    const { id } = await planPartnerDiscussion(t);
    const fatima = await room('klantmanager');
    await fatima.send('conference:join', { conferenceId: id });
    const res = await t.request(
      'POST',
      `/api/v1/conferences/${id}/attendees/${userId('klantmanager')}/remove`,
      { token: await t.tokenFor('keyworker') },
    );
    expect(res.status).toBe(201);
    await fatima.next('conference:removed', (p) => p.conferenceId === id, 1000);
    const rejoin = await fatima.send('conference:join', { conferenceId: id });
    expect(rejoin).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('ends the socket at the next message once the session is signed out', async () => {
    const { id } = await planPartnerDiscussion(t);
    const login = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'anna.devries@ggz-rivierenland.example', password: 'Tandem-demo-2026' },
    });
    const c = await connectRoom(base, login.body.accessToken);
    clients.push(c);
    expect(await c.send('conference:join', { conferenceId: id })).toMatchObject({ ok: true });
    await t.request('POST', '/api/v1/auth/logout', { token: login.body.accessToken });
    c.socket.emit('conference:join', { conferenceId: id });
    expect(await c.next('session:ended')).toEqual({ code: 'SESSION_ENDED' });
    await closed(c.socket);
  });
});
