import { mergeMinutes } from '@tandem/domain';
import type { LiveSocket } from '@tandem/web-data-access';
import type {
  ActionItem,
  AgendaItem,
  Attendee,
  ConferenceStatus,
  Decision,
  Section,
} from './conferences-api';

/** After the last keystroke, minutes are saved this much later (or at once on leaving the field). */
export const MINUTES_SAVE_DELAY_MS = 600;

/**
 * - `connecting`: opening the connection or joining the room.
 * - `live`: in the room; changes arrive as they happen.
 * - `offline`: the connection dropped; it comes back by itself and replays what was missed.
 * - `refused`: the server does not let you in (`code` says why).
 * - `removed`: you were taken off the attendee list.
 * - `ended`: the session ended (signed out or token expired).
 */
export type RoomStatus = 'connecting' | 'live' | 'offline' | 'refused' | 'removed' | 'ended';

/** Your own text of one section of one item, and how it relates to what the server has. */
export interface Draft {
  text: string;
  /** The server version your text is based on. */
  baseVersion: number;
  /** The server text of `baseVersion`. */
  baseText: string;
  /** Changed since the last save. */
  dirty: boolean;
  saving: boolean;
  /** Someone else changed the same part: their text, kept next to yours until you choose. */
  conflict: { text: string; version: number; byName: string | null } | null;
  error: string | null;
}

export interface RoomConference {
  id: string;
  kind: string;
  title: string;
  startsAt: string;
  status: ConferenceStatus;
  teamName: string;
  location: string | null;
  videoUrl: string | null;
}

/** What changed in the view of an item (consent given or revoked), for a spoken notice. */
export interface ViewNotice {
  id: number;
  position: number;
  view: 'IDENTIFIED' | 'ANONYMISED';
  /** A section whose unsaved text had to be dropped because you may no longer see it. */
  droppedUnsaved: boolean;
}

export interface RoomState {
  status: RoomStatus;
  code: string | null;
  conference: RoomConference | null;
  attendees: Attendee[];
  items: AgendaItem[];
  currentItemId: string | null;
  online: string[];
  /** The last event number received (for replay after a reconnect). */
  seq: number;
  drafts: Record<string, Draft>;
  notices: ViewNotice[];
  /** Bumped when the room was rejoined after a gap (the page reloads what it holds besides). */
  resyncs: number;
}

export const draftKey = (itemId: string, section: Section) => `${itemId}:${section}`;

type Envelope = { conferenceId: string; seq: number; type: string } & Record<string, unknown>;

interface JoinAck {
  ok: boolean;
  code?: string;
  seq?: number;
  conference?: RoomConference;
  currentItemId?: string | null;
  attendees?: Attendee[];
  items?: AgendaItem[];
  missed?: Envelope[];
}

type MinutesAck =
  | { ok: true; version: number; text: string; merged: boolean }
  | { ok: false; code: string; message?: string; current?: { text: string; version: number } };

const initial = (): RoomState => ({
  status: 'connecting',
  code: null,
  conference: null,
  attendees: [],
  items: [],
  currentItemId: null,
  online: [],
  seq: 0,
  drafts: {},
  notices: [],
  resyncs: 0,
});

/**
 * The live room of one conference on one socket: joins (and re-joins with the last event number
 * after a reconnect, so the server replays what was missed), applies the events the server built
 * for this user, and keeps each user's minutes text safe while others type: a change from someone
 * else is merged into unsaved text when the edits do not overlap, otherwise it is shown next to
 * it and nothing is overwritten.
 */
export class RoomStore {
  private state: RoomState = initial();
  private readonly listeners = new Set<() => void>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private noticeId = 0;
  private stopped = false;
  private joinedOnce = false;

  private socket: LiveSocket | null = null;

  constructor(private readonly conferenceId: string) {}

  /**
   * Uses a (new) socket: the first one joins the room; a later one (a new access token) rejoins
   * with the last event number, so the server replays what was missed.
   */
  attach(socket: LiveSocket) {
    this.socket?.disconnect();
    this.socket = socket;
    if (this.state.status === 'ended') this.stopped = false;
    const conferenceId = this.conferenceId;
    const mine = (listener: (payload: unknown) => void) => (payload: unknown) => {
      if (this.socket === socket) listener(payload);
    };
    socket.on(
      'connect',
      mine(() => this.join()),
    );
    socket.on(
      'disconnect',
      mine(() => this.set({ status: 'offline' })),
    );
    socket.on(
      'connect_error',
      mine((error) => {
        if ((error as { message?: unknown } | null)?.message === 'UNAUTHENTICATED')
          this.end('ended', 'UNAUTHENTICATED');
        else this.set({ status: 'offline' });
      }),
    );
    socket.on(
      'session:ended',
      mine((payload) =>
        this.end('ended', (payload as { code?: string } | null)?.code ?? 'SESSION_ENDED'),
      ),
    );
    socket.on(
      'conference:removed',
      mine((payload) => {
        if ((payload as { conferenceId?: string } | null)?.conferenceId === conferenceId)
          this.end('removed', 'REMOVED');
      }),
    );
    socket.on(
      'conference:presence',
      mine((payload) => {
        const p = payload as { conferenceId?: string; online?: string[] } | null;
        if (p?.conferenceId === conferenceId && Array.isArray(p.online))
          this.set({ online: p.online });
      }),
    );
    socket.on(
      'conference:event',
      mine((payload) => this.apply(payload as Envelope)),
    );
    socket.on(
      'conference:item',
      mine((payload) => {
        const p = payload as { conferenceId?: string; item?: AgendaItem } | null;
        if (p?.conferenceId === conferenceId && p.item) this.replaceItem(p.item);
      }),
    );
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = () => this.state;

  stop() {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.socket?.disconnect();
  }

  private set(patch: Partial<RoomState>) {
    if (this.stopped) return;
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private end(status: RoomStatus, code: string) {
    this.set({ status, code });
    this.stopped = true;
    this.socket?.disconnect();
  }

  private join() {
    const socket = this.socket;
    if (!socket) return;
    const rejoin = this.joinedOnce;
    this.set({ status: 'connecting' });
    const body = rejoin
      ? { conferenceId: this.conferenceId, lastSeq: this.state.seq }
      : { conferenceId: this.conferenceId };
    socket.emit('conference:join', body, (reply) => {
      const ack = reply as JoinAck | null;
      if (this.stopped) return;
      if (!ack?.ok) {
        this.set({ status: 'refused', code: ack?.code ?? 'UNKNOWN' });
        return;
      }
      if (!rejoin && ack.items) {
        this.joinedOnce = true;
        this.state = { ...this.state, drafts: {} };
        this.set({
          status: 'live',
          code: null,
          seq: ack.seq ?? 0,
          conference: ack.conference ?? null,
          attendees: ack.attendees ?? [],
          items: [...ack.items].sort((a, b) => a.position - b.position),
          currentItemId: ack.currentItemId ?? null,
        });
        for (const item of ack.items) this.syncDrafts(item);
        return;
      }
      for (const event of ack.missed ?? []) this.apply(event);
      this.set({
        status: 'live',
        code: null,
        seq: Math.max(this.state.seq, ack.seq ?? 0),
        resyncs: this.state.resyncs + 1,
      });
      // Unsaved text survives a reconnect: save it now against what the server has.
      for (const [key, draft] of Object.entries(this.state.drafts))
        if (draft.dirty) this.schedule(key, 0);
    });
  }

  /** Applies one event built for this user; `skip` only moves the numbering on. */
  private apply(event: Envelope) {
    if (!event || event.conferenceId !== this.conferenceId) return;
    if (event.seq <= this.state.seq && event.type !== 'skip') return;
    const seq = Math.max(this.state.seq, event.seq);
    const itemId = typeof event['itemId'] === 'string' ? (event['itemId'] as string) : null;
    switch (event.type) {
      case 'item.added': {
        const item = event['item'] as AgendaItem | undefined;
        if (item) {
          this.set({
            seq,
            items: [...this.state.items.filter((i) => i.id !== item.id), item].sort(
              (a, b) => a.position - b.position,
            ),
          });
          this.syncDrafts(item);
        }
        break;
      }
      case 'item.withdrawn':
        this.set({ seq, items: this.state.items.filter((i) => i.id !== itemId) });
        break;
      case 'minutes.changed':
        this.set({ seq });
        if (itemId) this.remoteMinutes(itemId, event);
        break;
      case 'decision.added':
        this.set({
          seq,
          items: this.updateItem(itemId, (i) => ({
            ...i,
            decisions: [
              ...i.decisions.filter((d) => d.id !== (event['decision'] as Decision).id),
              event['decision'] as Decision,
            ],
          })),
        });
        break;
      case 'action.added':
        this.set({
          seq,
          items: this.updateItem(itemId, (i) => ({
            ...i,
            actions: [
              ...i.actions.filter((a) => a.id !== (event['action'] as ActionItem).id),
              event['action'] as ActionItem,
            ],
          })),
        });
        break;
      case 'current.changed': {
        // Choosing the first topic is what starts a planned meeting (the server marks it LIVE).
        const conference = this.state.conference;
        this.set({
          seq,
          currentItemId: itemId,
          conference:
            conference?.status === 'PLANNED' ? { ...conference, status: 'LIVE' } : conference,
        });
        break;
      }
      case 'conference.updated':
      case 'conference.closed': {
        const conference = this.state.conference;
        const status =
          event.type === 'conference.closed'
            ? 'CLOSED'
            : ((event['status'] as ConferenceStatus | undefined) ?? conference?.status);
        this.set({
          seq,
          conference: conference
            ? {
                ...conference,
                title: (event['title'] as string | undefined) ?? conference.title,
                startsAt: (event['startsAt'] as string | undefined) ?? conference.startsAt,
                location:
                  event['location'] !== undefined
                    ? (event['location'] as string | null)
                    : conference.location,
                videoUrl:
                  event['videoUrl'] !== undefined
                    ? (event['videoUrl'] as string | null)
                    : conference.videoUrl,
                status: status ?? conference.status,
              }
            : null,
        });
        break;
      }
      case 'attendee.added': {
        const userId = event['userId'] as string;
        if (!this.state.attendees.some((a) => a.userId === userId))
          this.set({
            seq,
            attendees: [
              ...this.state.attendees,
              {
                userId,
                displayName: String(event['displayName'] ?? ''),
                organisationName: '',
                isClient: false,
              },
            ],
          });
        else this.set({ seq });
        break;
      }
      case 'attendee.removed':
        this.set({
          seq,
          attendees: this.state.attendees.filter((a) => a.userId !== event['userId']),
        });
        break;
      default:
        this.set({ seq });
    }
  }

  private updateItem(itemId: string | null, change: (item: AgendaItem) => AgendaItem) {
    return this.state.items.map((i) => (i.id === itemId ? change(i) : i));
  }

  /** The server rebuilt an item for you (its view changed): take it as it is. */
  private replaceItem(item: AgendaItem) {
    const before = this.state.items.find((i) => i.id === item.id);
    this.set({ items: this.updateItem(item.id, () => item) });
    const dropped = this.syncDrafts(item);
    if (before && before.view !== item.view)
      this.set({
        notices: [
          ...this.state.notices.slice(-4),
          {
            id: ++this.noticeId,
            position: item.position,
            view: item.view,
            droppedUnsaved: dropped,
          },
        ],
      });
  }

  /**
   * Makes the drafts follow an item's writable sections: new sections start from the server text;
   * sections you may no longer see are dropped (also unsaved text: it concerned a client whose
   * details you may no longer see). Returns whether unsaved text was dropped.
   */
  private syncDrafts(item: AgendaItem): boolean {
    const drafts = { ...this.state.drafts };
    let dropped = false;
    for (const section of ['TREATMENT', 'PARTICIPATION', 'ANONYMISED'] as Section[]) {
      const key = draftKey(item.id, section);
      const minutes = item.minutes[section];
      if (!item.writable.includes(section)) {
        if (drafts[key]) {
          dropped ||= drafts[key].dirty;
          delete drafts[key];
          const timer = this.timers.get(key);
          if (timer) clearTimeout(timer);
          this.timers.delete(key);
        }
        continue;
      }
      const current = drafts[key];
      const text = minutes?.text ?? '';
      const version = minutes?.version ?? 0;
      if (!current) {
        drafts[key] = {
          text,
          baseVersion: version,
          baseText: text,
          dirty: false,
          saving: false,
          conflict: null,
          error: null,
        };
      } else if (!current.dirty && !current.saving && version > current.baseVersion) {
        drafts[key] = { ...current, text, baseVersion: version, baseText: text };
      }
    }
    this.set({ drafts });
    return dropped;
  }

  private patchDraft(key: string, patch: Partial<Draft>) {
    const current = this.state.drafts[key];
    if (!current) return;
    this.set({ drafts: { ...this.state.drafts, [key]: { ...current, ...patch } } });
  }

  /** Someone saved a section: update the item and bring your text along without losing it. */
  private remoteMinutes(itemId: string, event: Envelope) {
    const section = event['section'] as Section;
    const text = String(event['text'] ?? '');
    const version = Number(event['version']);
    const byName = (event['byName'] as string | undefined) ?? null;
    this.set({
      items: this.updateItem(itemId, (i) => ({
        ...i,
        minutes: {
          ...i.minutes,
          [section]: {
            ...(i.minutes[section] ?? { contributors: [] }),
            text,
            version,
            updatedAt: new Date().toISOString(),
            updatedByName: byName,
          },
        },
      })),
    });
    const key = draftKey(itemId, section);
    const draft = this.state.drafts[key];
    // Your own save echoing back, or older than what you have: the acknowledgement handles it.
    if (!draft || version <= draft.baseVersion || draft.saving) return;
    if (!draft.dirty) {
      this.patchDraft(key, { text, baseText: text, baseVersion: version, conflict: null });
      return;
    }
    const merged = mergeMinutes(draft.baseText, text, draft.text);
    if (merged === null) {
      this.patchDraft(key, { conflict: { text, version, byName } });
    } else {
      this.patchDraft(key, { text: merged, baseText: text, baseVersion: version });
      this.schedule(key);
    }
  }

  /** You typed in a section. */
  edit(itemId: string, section: Section, text: string) {
    const key = draftKey(itemId, section);
    if (!this.state.drafts[key]) return;
    this.patchDraft(key, { text, dirty: true, error: null });
    this.schedule(key);
  }

  /** Save now (leaving the field, or the save button). */
  flush(itemId: string, section: Section) {
    this.schedule(draftKey(itemId, section), 0);
  }

  /** In a conflict: keep your text and save it over the other's (you read theirs). */
  keepMine(itemId: string, section: Section) {
    const key = draftKey(itemId, section);
    const draft = this.state.drafts[key];
    if (!draft?.conflict) return;
    this.patchDraft(key, {
      baseVersion: draft.conflict.version,
      baseText: draft.conflict.text,
      conflict: null,
      dirty: true,
    });
    this.schedule(key, 0);
  }

  /** In a conflict: take the other's text instead of yours. */
  takeTheirs(itemId: string, section: Section) {
    const key = draftKey(itemId, section);
    const draft = this.state.drafts[key];
    if (!draft?.conflict) return;
    this.patchDraft(key, {
      text: draft.conflict.text,
      baseVersion: draft.conflict.version,
      baseText: draft.conflict.text,
      conflict: null,
      dirty: false,
    });
  }

  private schedule(key: string, delay = MINUTES_SAVE_DELAY_MS) {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.save(key);
      }, delay),
    );
  }

  private save(key: string) {
    const draft = this.state.drafts[key];
    if (!draft || !draft.dirty || draft.conflict || this.state.status !== 'live') return;
    if (draft.saving) {
      this.schedule(key);
      return;
    }
    const [itemId, section] = key.split(':') as [string, Section];
    const sent = draft.text;
    const socket = this.socket;
    if (!socket) return;
    this.patchDraft(key, { saving: true, error: null });
    socket.emit(
      'minutes:write',
      {
        conferenceId: this.conferenceId,
        itemId,
        section,
        baseVersion: draft.baseVersion,
        text: sent,
      },
      (reply) => {
        const ack = reply as MinutesAck | null;
        const now = this.state.drafts[key];
        if (!now) return;
        if (ack?.ok) {
          if (now.text === sent) {
            this.patchDraft(key, {
              text: ack.text,
              baseText: ack.text,
              baseVersion: ack.version,
              saving: false,
              dirty: false,
            });
          } else {
            // You typed on while it was saved: carry your newer text over to the saved version.
            const rebased = mergeMinutes(sent, ack.text, now.text);
            this.patchDraft(key, {
              text: rebased ?? now.text,
              baseText: ack.text,
              baseVersion: ack.version,
              saving: false,
              conflict:
                rebased === null ? { text: ack.text, version: ack.version, byName: null } : null,
            });
            if (rebased !== null) this.schedule(key);
          }
          this.settleItemMinutes(itemId, section);
          return;
        }
        if (ack?.code === 'VERSION_CONFLICT' && ack.current) {
          this.patchDraft(key, {
            saving: false,
            conflict: { text: ack.current.text, version: ack.current.version, byName: null },
          });
          return;
        }
        this.patchDraft(key, { saving: false, error: ack?.code ?? 'NOT_SAVED' });
      },
    );
  }

  /** After a save, catch up with a newer version that arrived while the save was in flight. */
  private settleItemMinutes(itemId: string, section: Section) {
    const item = this.state.items.find((i) => i.id === itemId);
    const minutes = item?.minutes[section];
    const key = draftKey(itemId, section);
    const draft = this.state.drafts[key];
    if (!minutes || !draft || minutes.version <= draft.baseVersion) return;
    this.remoteMinutes(itemId, {
      conferenceId: this.conferenceId,
      seq: this.state.seq,
      type: 'minutes.changed',
      itemId,
      section,
      text: minutes.text,
      version: minutes.version,
      byName: minutes.updatedByName,
    });
  }

  /**
   * After a gap, the page reloads the conference over HTTP (gated the same way): an item whose view
   * changed meanwhile (a consent given or revoked while you were offline) is taken from there.
   */
  reconcile(items: AgendaItem[]) {
    for (const item of items) {
      const local = this.state.items.find((i) => i.id === item.id);
      if (!local || local.view !== item.view) {
        if (!local)
          this.set({
            items: [...this.state.items, item].sort((a, b) => a.position - b.position),
          });
        this.replaceItem(item);
      }
    }
  }

  /** Chair: the item the meeting is discussing now. */
  select(itemId: string | null) {
    return this.send('conference:select-item', { itemId });
  }

  addDecision(body: {
    itemId: string;
    text: string;
    decidedBy: string;
    visibility: 'IDENTIFIED' | 'ALL';
  }) {
    return this.send('decision:add', body);
  }

  addAction(body: {
    itemId: string;
    text: string;
    ownerId: string;
    dueOn: string;
    visibility: 'IDENTIFIED' | 'ALL';
  }) {
    return this.send('action:add', body);
  }

  /** Any acknowledged room message; resolves with the server's answer. */
  private send(
    event: string,
    body: Record<string, unknown>,
  ): Promise<{ ok: boolean; code?: string; message?: string }> {
    const socket = this.socket;
    if (!socket || this.state.status !== 'live')
      return Promise.resolve({ ok: false, code: 'OFFLINE' });
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, code: 'TIMEOUT' }), 8000);
      socket.emit(event, { conferenceId: this.conferenceId, ...body }, (reply) => {
        clearTimeout(timer);
        resolve((reply as { ok: boolean; code?: string }) ?? { ok: false, code: 'UNKNOWN' });
      });
    });
  }
}
