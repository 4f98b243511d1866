import { FakeSocket, fakeIo, type FakeIo } from '@tandem/web-testing';
import type { AgendaItem } from './conferences-api';
import { RoomStore, draftKey } from './room-store';

const CONF = 'c1';
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function item(overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    id: 'i1',
    position: 1,
    view: 'IDENTIFIED',
    clientId: 'c-monique',
    client: { name: 'Monique van Dam', dateOfBirth: '1981-03-14' },
    pseudonym: 'K-7F3A',
    ageBand: '40-49',
    topic: 'Werkervaringsplaats',
    source: 'MANUAL',
    attachedToFile: false,
    minutes: {
      PARTICIPATION: {
        text: 'Eerste zin. Tweede zin.',
        version: 1,
        updatedAt: null,
        updatedByName: 'Daan Mulder',
        contributors: [],
      },
      ANONYMISED: { text: '', version: 0, updatedAt: null, updatedByName: null, contributors: [] },
    },
    decisions: [],
    actions: [],
    readable: ['PARTICIPATION', 'ANONYMISED'],
    writable: ['PARTICIPATION', 'ANONYMISED'],
    ...overrides,
  };
}

const anonymised = (): AgendaItem => ({
  ...item(),
  view: 'ANONYMISED',
  clientId: undefined,
  client: undefined,
  topic: undefined,
  minutes: {
    ANONYMISED: { text: '', version: 0, updatedAt: null, updatedByName: null, contributors: [] },
  },
  readable: ['ANONYMISED'],
  writable: ['ANONYMISED'],
});

const snapshot = (items: AgendaItem[], seq = 4) => ({
  ok: true,
  conferenceId: CONF,
  seq,
  conference: {
    id: CONF,
    kind: 'PARTNER_CASE_DISCUSSION',
    title: 'Casusoverleg',
    startsAt: '2026-12-01T12:00:00.000Z',
    status: 'PLANNED',
    teamName: 'FACT Noord',
    location: 'Gemeentehuis',
    videoUrl: null,
  },
  currentItemId: null,
  attendees: [],
  items,
});

describe('RoomStore (live room state)', () => {
  let io: FakeIo;
  let socket: FakeSocket;
  let store: RoomStore;
  const key = draftKey('i1', 'PARTICIPATION');

  const open = async (items: AgendaItem[]) => {
    io = fakeIo();
    io.answers['conference:join'] = snapshot(items);
    store = new RoomStore(CONF);
    socket = io.io('/conference', { auth: { token: 't' }, transports: ['websocket'] });
    store.attach(socket);
    await tick();
    await tick();
  };
  afterEach(() => store?.stop());

  it('joins with the snapshot built for this user', async () => {
    await open([item()]);
    expect(socket.sent('conference:join')).toEqual([{ conferenceId: CONF }]);
    const state = store.getState();
    expect(state.status).toBe('live');
    expect(state.seq).toBe(4);
    expect(state.items[0].client?.name).toBe('Monique van Dam');
    expect(state.drafts[key]).toMatchObject({ text: 'Eerste zin. Tweede zin.', baseVersion: 1 });
  });

  it('marks a planned meeting as going on when the chair opens the first topic', async () => {
    await open([item()]);
    expect(store.getState().conference?.status).toBe('PLANNED');
    socket.serverEmit('conference:event', {
      conferenceId: CONF,
      seq: 5,
      type: 'current.changed',
      itemId: 'i1',
    });
    expect(store.getState()).toMatchObject({ currentItemId: 'i1', seq: 5 });
    expect(store.getState().conference?.status).toBe('LIVE');
  });

  it('merges a colleague’s change into your unsaved text when you edited another part', async () => {
    await open([item()]);
    store.edit('i1', 'PARTICIPATION', 'Begin. Eerste zin. Tweede zin.');
    socket.serverEmit('conference:event', {
      conferenceId: CONF,
      seq: 5,
      type: 'minutes.changed',
      itemId: 'i1',
      section: 'PARTICIPATION',
      version: 2,
      text: 'Eerste zin. Tweede zin. Derde zin.',
      byName: 'Fatima El Amrani',
    });
    const draft = store.getState().drafts[key];
    expect(draft.text).toBe('Begin. Eerste zin. Tweede zin. Derde zin.');
    expect(draft).toMatchObject({ baseVersion: 2, dirty: true, conflict: null });
    expect(store.getState().items[0].minutes.PARTICIPATION?.updatedByName).toBe('Fatima El Amrani');
  });

  it('keeps your text and shows the other’s next to it when both changed the same part', async () => {
    await open([item()]);
    store.edit('i1', 'PARTICIPATION', 'Eerste zin. Mijn versie.');
    socket.serverEmit('conference:event', {
      conferenceId: CONF,
      seq: 5,
      type: 'minutes.changed',
      itemId: 'i1',
      section: 'PARTICIPATION',
      version: 2,
      text: 'Eerste zin. Hun versie.',
      byName: 'Fatima El Amrani',
    });
    let draft = store.getState().drafts[key];
    expect(draft.text).toBe('Eerste zin. Mijn versie.');
    expect(draft.conflict).toMatchObject({ text: 'Eerste zin. Hun versie.', version: 2 });

    // Keeping mine saves it on top of their version (nothing silently overwritten before).
    io.answers['minutes:write'] = (payload: unknown) => ({
      ok: true,
      version: 3,
      text: (payload as { text: string }).text,
      merged: false,
    });
    store.keepMine('i1', 'PARTICIPATION');
    await tick();
    await tick();
    expect(socket.sent('minutes:write')).toEqual([
      expect.objectContaining({ baseVersion: 2, text: 'Eerste zin. Mijn versie.' }),
    ]);
    draft = store.getState().drafts[key];
    expect(draft).toMatchObject({ baseVersion: 3, dirty: false, conflict: null });
  });

  it('keeps your text when the server refuses a save with a version conflict', async () => {
    await open([item()]);
    io.answers['minutes:write'] = {
      ok: false,
      code: 'VERSION_CONFLICT',
      current: { text: 'Iets heel anders.', version: 7 },
    };
    store.edit('i1', 'PARTICIPATION', 'Mijn tekst.');
    store.flush('i1', 'PARTICIPATION');
    await tick();
    await tick();
    expect(socket.sent('minutes:write')).toEqual([
      expect.objectContaining({ section: 'PARTICIPATION', baseVersion: 1, text: 'Mijn tekst.' }),
    ]);
    const draft = store.getState().drafts[key];
    expect(draft.text).toBe('Mijn tekst.');
    expect(draft.conflict).toMatchObject({ text: 'Iets heel anders.', version: 7 });
    store.takeTheirs('i1', 'PARTICIPATION');
    expect(store.getState().drafts[key]).toMatchObject({
      text: 'Iets heel anders.',
      baseVersion: 7,
      dirty: false,
    });
  });

  it('flips an item to anonymised on a revocation and drops what you may no longer see', async () => {
    await open([item()]);
    store.edit('i1', 'PARTICIPATION', 'Nog niet opgeslagen over Monique');
    socket.serverEmit('conference:item', {
      conferenceId: CONF,
      reason: 'ACCESS_CHANGED',
      item: anonymised(),
    });
    const state = store.getState();
    expect(state.items[0].view).toBe('ANONYMISED');
    expect(JSON.stringify(state.items)).not.toContain('Monique');
    expect(state.drafts[key]).toBeUndefined();
    expect(JSON.stringify(state.drafts)).not.toContain('Monique');
    expect(state.notices).toEqual([
      expect.objectContaining({ position: 1, view: 'ANONYMISED', droppedUnsaved: true }),
    ]);
  });

  it('rejoins after a reconnect with the last event number and applies what it missed', async () => {
    await open([item()]);
    socket.serverEmit('disconnect');
    expect(store.getState().status).toBe('offline');
    io.answers['conference:join'] = {
      ok: true,
      conferenceId: CONF,
      seq: 6,
      missed: [
        { conferenceId: CONF, seq: 5, type: 'skip' },
        {
          conferenceId: CONF,
          seq: 6,
          type: 'decision.added',
          itemId: 'i1',
          decision: {
            id: 'd1',
            text: 'Proefplaatsing gaat door',
            visibility: 'IDENTIFIED',
            decidedBy: 'u-anna',
            decidedByName: 'Anna de Vries',
            createdAt: '2026-12-01T12:10:00.000Z',
          },
        },
      ],
    };
    socket.serverEmit('connect');
    await tick();
    expect(socket.sent('conference:join').at(-1)).toEqual({ conferenceId: CONF, lastSeq: 4 });
    const state = store.getState();
    expect(state.status).toBe('live');
    expect(state.seq).toBe(6);
    expect(state.resyncs).toBe(1);
    expect(state.items[0].decisions.map((d) => d.text)).toEqual(['Proefplaatsing gaat door']);
  });

  it('reports a refused join with its code', async () => {
    io = fakeIo();
    io.answers['conference:join'] = { ok: false, code: 'FORBIDDEN' };
    store = new RoomStore(CONF);
    socket = io.io('/conference', { auth: { token: 't' }, transports: ['websocket'] });
    store.attach(socket);
    await tick();
    await tick();
    expect(store.getState()).toMatchObject({ status: 'refused', code: 'FORBIDDEN' });
  });
});
