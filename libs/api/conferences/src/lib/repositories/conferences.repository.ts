import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '@tandem/api-authz';
import type { Role } from '@tandem/domain';
import type {
  ActionRecord,
  ConferenceKind,
  DecisionRecord,
  ItemRecord,
  ItemSource,
  MinutesRecord,
  Section,
  Visibility,
} from '../services/privacy-gate';

/** TypeORM answers an UPDATE ... RETURNING with [rows, count] on PostgreSQL. */
const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray((result as unknown[])[0]) ? (result as T[][])[0] : (result as T[]);

export type ConferenceStatus = 'PLANNED' | 'LIVE' | 'CLOSED' | 'CANCELLED';

export interface ConferenceRow {
  id: string;
  teamId: string;
  teamName: string;
  seriesId: string | null;
  kind: ConferenceKind;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
  status: ConferenceStatus;
  currentItemId: string | null;
  organiserId: string;
  organiserName: string;
  version: number;
  eventSeq: number;
  attendeeIds: string[];
  itemCount: number;
}

export interface AttendeeRow {
  userId: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  roles: Role[];
  clientId: string | null;
}

export interface UserRow {
  id: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  clientId: string | null;
  active: boolean;
  teamIds: string[];
}

export interface ClientBasics {
  id: string;
  teamId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  pseudonym: string;
}

export interface EventRow {
  conferenceId: string;
  seq: number;
  type: string;
  itemId: string | null;
  actorId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export interface TaskRow {
  id: string;
  conferenceId: string;
  conferenceTitle: string;
  conferenceStartsAt: Date;
  itemId: string;
  clientId: string | null;
  teamId: string | null;
  firstName: string | null;
  lastName: string | null;
  pseudonym: string;
  text: string;
  visibility: Visibility;
  ownerId: string;
  ownerName: string;
  dueOn: string;
  status: 'OPEN' | 'DONE';
  version: number;
}

export interface InviteeRow {
  userId: string;
  displayName: string;
  organisationName: string;
  roles: string[];
  /** Member of the organising team (else: a partner working with the team's clients). */
  teamMember: boolean;
  /** Assigned to the client asked about (or the client herself). */
  worksWithClient: boolean;
  /** The client's own account (asked for with a client id). */
  isClient: boolean;
}

export interface ProposalRow {
  clientId: string;
  firstName: string;
  lastName: string;
  pseudonym: string;
  source: ItemSource;
  since: Date | null;
}

const SELECT_CONFERENCE = `
  SELECT cf.id, cf.team_id AS "teamId", t.name AS "teamName", cf.series_id AS "seriesId", cf.kind, cf.title,
         cf.starts_at AS "startsAt", cf.duration_minutes AS "durationMinutes", cf.location, cf.video_url AS "videoUrl",
         cf.status, cf.current_item_id AS "currentItemId", cf.organiser_id AS "organiserId", ou.display_name AS "organiserName",
         cf.version, cf.event_seq::int AS "eventSeq",
         (SELECT coalesce(array_agg(ca.user_id::text ORDER BY ca.invited_at), '{}') FROM conference_attendees ca
           WHERE ca.conference_id = cf.id AND ca.removed_at IS NULL) AS "attendeeIds",
         (SELECT count(*)::int FROM conference_items ci WHERE ci.conference_id = cf.id AND ci.withdrawn_at IS NULL) AS "itemCount"
  FROM conferences cf JOIN teams t ON t.id = cf.team_id JOIN users ou ON ou.id = cf.organiser_id`;

const SELECT_ITEM = `
  SELECT i.id, i.conference_id AS "conferenceId", i.position, i.client_id AS "clientId", c.team_id AS "teamId",
         c.first_name AS "firstName", c.last_name AS "lastName", to_char(c.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
         i.pseudonym, i.age_band AS "ageBand", i.topic, i.source, i.withdrawn_at IS NOT NULL AS withdrawn,
         i.attached_note_id IS NOT NULL AS "attachedToFile"
  FROM conference_items i LEFT JOIN clients c ON c.id = i.client_id`;

interface ItemBaseRow {
  id: string;
  conferenceId: string;
  position: number;
  clientId: string | null;
  teamId: string | null;
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  pseudonym: string;
  ageBand: string;
  topic: string;
  source: ItemSource;
  withdrawn: boolean;
  attachedToFile: boolean;
}

const SELECT_TASK = `
  SELECT a.id, a.conference_id AS "conferenceId", cf.title AS "conferenceTitle", cf.starts_at AS "conferenceStartsAt", a.item_id AS "itemId",
         a.client_id AS "clientId", c.team_id AS "teamId", c.first_name AS "firstName", c.last_name AS "lastName", i.pseudonym,
         a.text, a.visibility, a.owner_id AS "ownerId", u.display_name AS "ownerName", to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn",
         a.status, a.version
  FROM conference_actions a JOIN conferences cf ON cf.id = a.conference_id JOIN conference_items i ON i.id = a.item_id
  JOIN users u ON u.id = a.owner_id LEFT JOIN clients c ON c.id = a.client_id`;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * SQL for case conferences. The conference list takes the caller's scope; everything else is a
 * single conference or item that the services load only after checking the ability on the
 * conference (and the privacy gate per item) — see the scoping guard's allowlist.
 */
@Injectable()
export class ConferencesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(
    scopeSql: string,
    params: SqlParams,
    filter: { teamId?: string; from?: string; to?: string },
  ): Promise<ConferenceRow[]> {
    const where = [scopeSql];
    if (filter.teamId) where.push(`cf.team_id = ${params.add(filter.teamId)}`);
    if (filter.from) where.push(`cf.starts_at >= ${params.add(filter.from)}::date`);
    if (filter.to) where.push(`cf.starts_at < (${params.add(filter.to)}::date + 1)`);
    return this.db.query(
      `${SELECT_CONFERENCE} WHERE ${where.join(' AND ')} ORDER BY cf.starts_at, cf.id LIMIT 500`,
      params.values,
    );
  }

  /** One conference by id, unscoped: callers check the ability on it before returning anything. */
  async findById(id: string, m: EntityManager = this.db.manager): Promise<ConferenceRow | null> {
    const rows = await m.query(`${SELECT_CONFERENCE} WHERE cf.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async attendees(
    conferenceId: string,
    m: EntityManager = this.db.manager,
  ): Promise<AttendeeRow[]> {
    return m.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.organisation_id AS "organisationId", o.name AS "organisationName",
              u.roles, u.client_id AS "clientId"
       FROM conference_attendees ca JOIN users u ON u.id = ca.user_id JOIN organisations o ON o.id = u.organisation_id
       WHERE ca.conference_id = $1 AND ca.removed_at IS NULL ORDER BY ca.invited_at, u.display_name`,
      [conferenceId],
    );
  }

  async isAttendee(conferenceId: string, userId: string): Promise<boolean> {
    const rows = await this.db.query(
      'SELECT 1 FROM conference_attendees WHERE conference_id = $1 AND user_id = $2 AND removed_at IS NULL',
      [conferenceId, userId],
    );
    return rows.length > 0;
  }

  async users(ids: string[], m: EntityManager = this.db.manager): Promise<UserRow[]> {
    if (!ids.length) return [];
    return m.query(
      `SELECT u.id, u.display_name AS "displayName", u.organisation_id AS "organisationId", u.roles, u.client_id AS "clientId", u.active,
              coalesce((SELECT array_agg(tm.team_id::text) FROM team_members tm WHERE tm.user_id = u.id), '{}') AS "teamIds"
       FROM users u WHERE u.id = ANY($1)`,
      [ids],
    );
  }

  /** The client's regiebehandelaar (the one who decides in a conference). */
  async regiebehandelaarOf(clientId: string): Promise<string | null> {
    const rows = await this.db.query(
      "SELECT user_id FROM client_assignments WHERE client_id = $1 AND kind = 'REGIEBEHANDELAAR' AND ended_at IS NULL",
      [clientId],
    );
    return rows[0]?.user_id ?? null;
  }

  /** Clients by id with what an agenda item snapshots; callers check read Client (care fields) first. */
  async clientBasics(ids: string[], m: EntityManager = this.db.manager): Promise<ClientBasics[]> {
    if (!ids.length) return [];
    return m.query(
      `SELECT c.id, c.team_id AS "teamId", c.first_name AS "firstName", c.last_name AS "lastName",
              to_char(c.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", c.pseudonym
       FROM clients c WHERE c.id = ANY($1)`,
      [ids],
    );
  }

  async insertConference(
    m: EntityManager,
    c: {
      teamId: string;
      seriesId?: string | null;
      kind: ConferenceKind;
      title: string;
      startsAt: string;
      durationMinutes: number;
      location: string | null;
      videoUrl: string | null;
      organiserId: string;
    },
  ): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO conferences (team_id, series_id, kind, title, starts_at, duration_minutes, location, video_url, organiser_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        c.teamId,
        c.seriesId ?? null,
        c.kind,
        c.title,
        c.startsAt,
        c.durationMinutes,
        c.location,
        c.videoUrl,
        c.organiserId,
      ],
    );
    return id;
  }

  async addAttendees(
    m: EntityManager,
    conferenceId: string,
    userIds: string[],
    invitedBy: string,
  ): Promise<string[]> {
    if (!userIds.length) return [];
    const rows = rowsOf<{ user_id: string }>(
      await m.query(
        `INSERT INTO conference_attendees (conference_id, user_id, invited_by)
         SELECT $1, u, $3 FROM unnest($2::uuid[]) AS u
         ON CONFLICT (conference_id, user_id) DO UPDATE SET removed_at = NULL, invited_by = EXCLUDED.invited_by, invited_at = now()
           WHERE conference_attendees.removed_at IS NOT NULL
         RETURNING user_id`,
        [conferenceId, userIds, invitedBy],
      ),
    );
    return rows.map((r) => r.user_id);
  }

  async removeAttendee(m: EntityManager, conferenceId: string, userId: string): Promise<boolean> {
    const rows = rowsOf(
      await m.query(
        'UPDATE conference_attendees SET removed_at = now() WHERE conference_id = $1 AND user_id = $2 AND removed_at IS NULL RETURNING user_id',
        [conferenceId, userId],
      ),
    );
    return rows.length > 0;
  }

  /** Conditional update of the planning fields; null when `version` is no longer current. */
  async updatePlanning(
    m: EntityManager,
    id: string,
    version: number,
    change: {
      title: string;
      startsAt: string;
      durationMinutes: number;
      location: string | null;
      videoUrl: string | null;
      status: ConferenceStatus;
    },
  ): Promise<{ version: number } | null> {
    const rows = rowsOf<{ version: number }>(
      await m.query(
        `UPDATE conferences SET title = $3, starts_at = $4, duration_minutes = $5, location = $6, video_url = $7, status = $8,
           version = version + 1
         WHERE id = $1 AND version = $2 AND status IN ('PLANNED','LIVE') RETURNING version`,
        [
          id,
          version,
          change.title,
          change.startsAt,
          change.durationMinutes,
          change.location,
          change.videoUrl,
          change.status,
        ],
      ),
    );
    return rows[0] ?? null;
  }

  /**
   * Locks a conference that is still open for the rest of the transaction (every change to a
   * conference takes this lock first, so changes never wait on each other in opposite orders).
   */
  async lockOpen(m: EntityManager, conferenceId: string): Promise<boolean> {
    const rows = await m.query(
      "SELECT 1 FROM conferences WHERE id = $1 AND status IN ('PLANNED','LIVE') FOR UPDATE",
      [conferenceId],
    );
    return rows.length > 0;
  }

  /**
   * Takes the next event number of a conference that is still open (planned or live), locking the
   * conference row until the transaction ends: changes to one conference are serialised, and the
   * numbers have no gaps. Null when the conference is closed or cancelled.
   */
  async appendEvent(
    m: EntityManager,
    conferenceId: string,
    type: string,
    itemId: string | null,
    actorId: string | null,
    payload: Record<string, unknown>,
    extra: { close?: boolean; live?: boolean; currentItemId?: string | null } = {},
  ): Promise<number | null> {
    // One statement: the numbered conference row and its event, or nothing when it is closed.
    const rows: { seq: string }[] = await m.query(
      `WITH c AS (
         UPDATE conferences SET event_seq = event_seq + 1,
           status = CASE WHEN $4 THEN 'CLOSED' WHEN $5 THEN 'LIVE' ELSE status END,
           closed_at = CASE WHEN $4 THEN now() ELSE closed_at END,
           closed_by = CASE WHEN $4 THEN $2::uuid ELSE closed_by END,
           version = CASE WHEN $4 THEN version + 1 ELSE version END,
           started_at = CASE WHEN $4 OR $5 THEN coalesce(started_at, now()) ELSE started_at END,
           current_item_id = CASE WHEN $6 THEN $3::uuid ELSE current_item_id END
         WHERE id = $1 AND status IN ('PLANNED','LIVE') RETURNING id, event_seq)
       INSERT INTO conference_events (conference_id, seq, type, item_id, actor_id, payload)
       SELECT id, event_seq, $7, $8, $2, $9 FROM c RETURNING seq`,
      [
        conferenceId,
        actorId,
        extra.currentItemId ?? null,
        !!extra.close,
        !!extra.live,
        extra.currentItemId !== undefined,
        type,
        itemId,
        JSON.stringify(payload),
      ],
    );
    return rows[0] ? Number(rows[0].seq) : null;
  }

  /** Events of one conference after a sequence number (replay for a reconnecting attendee). */
  async events(conferenceId: string, afterSeq: number, limit = 1000): Promise<EventRow[]> {
    const rows: EventRow[] = await this.db.query(
      `SELECT conference_id AS "conferenceId", seq::int AS seq, type, item_id AS "itemId", actor_id AS "actorId", payload, created_at AS "createdAt"
       FROM conference_events WHERE conference_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [conferenceId, afterSeq, limit],
    );
    return rows;
  }

  async nextPosition(m: EntityManager, conferenceId: string): Promise<number> {
    const [{ n }] = await m.query(
      'SELECT coalesce(max(position), 0) + 1 AS n FROM conference_items WHERE conference_id = $1',
      [conferenceId],
    );
    return Number(n);
  }

  async insertItem(
    m: EntityManager,
    item: {
      id: string;
      conferenceId: string;
      position: number;
      clientId: string | null;
      pseudonym: string;
      ageBand: string;
      topic: string;
      source: ItemSource;
      addedBy: string;
    },
  ): Promise<string | null> {
    const rows = await m.query(
      `INSERT INTO conference_items (id, conference_id, position, client_id, pseudonym, age_band, topic, source, added_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (conference_id, client_id) WHERE client_id IS NOT NULL AND withdrawn_at IS NULL DO NOTHING RETURNING id`,
      [
        item.id,
        item.conferenceId,
        item.position,
        item.clientId,
        item.pseudonym,
        item.ageBand,
        item.topic,
        item.source,
        item.addedBy,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async withdrawItem(m: EntityManager, itemId: string): Promise<boolean> {
    const rows = rowsOf(
      await m.query(
        'UPDATE conference_items SET withdrawn_at = now() WHERE id = $1 AND withdrawn_at IS NULL RETURNING id',
        [itemId],
      ),
    );
    return rows.length > 0;
  }

  /** The items of one conference with their minutes, decisions and actions (gated by the caller). */
  async items(conferenceId: string, m: EntityManager = this.db.manager): Promise<ItemRecord[]> {
    const base: ItemBaseRow[] = await m.query(
      `${SELECT_ITEM} WHERE i.conference_id = $1 AND i.withdrawn_at IS NULL ORDER BY i.position, i.created_at`,
      [conferenceId],
    );
    return this.complete(base, m);
  }

  /** What the privacy gate needs of one item: whose it is and the client's team now. */
  async itemRef(itemId: string): Promise<{
    id: string;
    conferenceId: string;
    clientId: string | null;
    teamId: string | null;
    withdrawn: boolean;
  } | null> {
    const rows = await this.db.query(
      `SELECT i.id, i.conference_id AS "conferenceId", i.client_id AS "clientId", c.team_id AS "teamId",
              i.withdrawn_at IS NOT NULL AS withdrawn
       FROM conference_items i LEFT JOIN clients c ON c.id = i.client_id WHERE i.id = $1`,
      [itemId],
    );
    return rows[0] ?? null;
  }

  /** One item (also a withdrawn one) with its minutes, decisions and actions. */
  async item(itemId: string, m: EntityManager = this.db.manager): Promise<ItemRecord | null> {
    const base: ItemBaseRow[] = await m.query(`${SELECT_ITEM} WHERE i.id = $1`, [itemId]);
    return (await this.complete(base, m))[0] ?? null;
  }

  private async complete(base: ItemBaseRow[], m: EntityManager): Promise<ItemRecord[]> {
    if (!base.length) return [];
    const ids = base.map((b) => b.id);
    // Sequential: inside a transaction the queries share one connection.
    const minutes: (MinutesRecord & {
      itemId: string;
      section: Section;
      updatedAt: Date | null;
    })[] = await m.query(
      `SELECT mi.item_id AS "itemId", mi.section, mi.text, mi.version, mi.updated_at AS "updatedAt", u.display_name AS "updatedByName",
                coalesce((SELECT array_agg(cu.display_name ORDER BY cu.display_name) FROM users cu WHERE cu.id = ANY(mi.contributors)), '{}') AS contributors
         FROM conference_minutes mi LEFT JOIN users u ON u.id = mi.updated_by WHERE mi.item_id = ANY($1)`,
      [ids],
    );
    const decisions: (DecisionRecord & { itemId: string; createdAt: Date })[] = await m.query(
      `SELECT d.id, d.item_id AS "itemId", d.text, d.visibility, d.decided_by AS "decidedBy", u.display_name AS "decidedByName", d.created_at AS "createdAt"
       FROM conference_decisions d JOIN users u ON u.id = d.decided_by WHERE d.item_id = ANY($1) ORDER BY d.created_at, d.id`,
      [ids],
    );
    const actions: (ActionRecord & { itemId: string; createdAt: Date })[] = await m.query(
      `SELECT a.id, a.item_id AS "itemId", a.text, a.visibility, a.owner_id AS "ownerId", u.display_name AS "ownerName",
              to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.status, a.created_at AS "createdAt"
       FROM conference_actions a JOIN users u ON u.id = a.owner_id WHERE a.item_id = ANY($1) ORDER BY a.created_at, a.id`,
      [ids],
    );
    return base.map((b) => ({
      id: b.id,
      conferenceId: b.conferenceId,
      position: b.position,
      clientId: b.clientId,
      teamId: b.teamId,
      client:
        b.clientId && b.firstName && b.lastName && b.dateOfBirth
          ? { firstName: b.firstName, lastName: b.lastName, dateOfBirth: b.dateOfBirth }
          : null,
      pseudonym: b.pseudonym,
      ageBand: b.ageBand,
      topic: b.topic,
      source: b.source,
      withdrawn: b.withdrawn,
      attachedToFile: b.attachedToFile,
      minutes: Object.fromEntries(
        minutes
          .filter((x) => x.itemId === b.id)
          .map((x) => [
            x.section,
            {
              text: x.text,
              version: x.version,
              updatedAt: iso(x.updatedAt),
              updatedByName: x.updatedByName,
              contributors: x.contributors,
            },
          ]),
      ),
      decisions: decisions
        .filter((x) => x.itemId === b.id)
        .map(({ itemId: _i, createdAt, ...d }) => ({ ...d, createdAt: iso(createdAt) as string })),
      actions: actions
        .filter((x) => x.itemId === b.id)
        .map(({ itemId: _i, createdAt, ...a }) => ({ ...a, createdAt: iso(createdAt) as string })),
    }));
  }

  /** The current minutes of one section, locked for the write that follows. */
  async lockMinutes(
    m: EntityManager,
    itemId: string,
    section: Section,
  ): Promise<{ text: string; version: number }> {
    // Creates the section on first use; either way the row is locked until the transaction ends.
    const rows = rowsOf<{ text: string; version: number }>(
      await m.query(
        `INSERT INTO conference_minutes (item_id, section) VALUES ($1, $2)
         ON CONFLICT (item_id, section) DO UPDATE SET item_id = EXCLUDED.item_id RETURNING text, version`,
        [itemId, section],
      ),
    );
    return rows[0];
  }

  /** The text of an earlier version (the base a stale writer edited). */
  async minutesRevision(
    m: EntityManager,
    itemId: string,
    section: Section,
    version: number,
  ): Promise<string | null> {
    if (version === 0) return '';
    const rows = await m.query(
      'SELECT text FROM conference_minutes_revisions WHERE item_id = $1 AND section = $2 AND version = $3',
      [itemId, section, version],
    );
    return rows[0]?.text ?? null;
  }

  /** The text of one saved version (what a minutes event refers to). */
  async minutesRevisionText(
    itemId: string,
    section: Section,
    version: number,
  ): Promise<string | null> {
    const rows = await this.db.query(
      'SELECT text FROM conference_minutes_revisions WHERE item_id = $1 AND section = $2 AND version = $3',
      [itemId, section, version],
    );
    return rows[0]?.text ?? null;
  }

  async saveMinutes(
    m: EntityManager,
    itemId: string,
    section: Section,
    version: number,
    text: string,
    authorId: string,
    merged: boolean,
  ): Promise<void> {
    await m.query(
      `WITH u AS (
         UPDATE conference_minutes SET text = $4, version = $3, updated_by = $5, updated_at = now(),
           contributors = CASE WHEN $5 = ANY(contributors) THEN contributors ELSE contributors || $5::uuid END
         WHERE item_id = $1 AND section = $2 RETURNING item_id)
       INSERT INTO conference_minutes_revisions (item_id, section, version, text, author_id, merged)
       SELECT item_id, $2, $3, $4, $5, $6 FROM u`,
      [itemId, section, version, text, authorId, merged],
    );
  }

  async insertDecision(
    m: EntityManager,
    d: {
      id: string;
      itemId: string;
      text: string;
      visibility: Visibility;
      decidedBy: string;
      recordedBy: string;
    },
  ): Promise<void> {
    await m.query(
      'INSERT INTO conference_decisions (id, item_id, text, visibility, decided_by, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)',
      [d.id, d.itemId, d.text, d.visibility, d.decidedBy, d.recordedBy],
    );
  }

  async insertAction(
    m: EntityManager,
    a: {
      id: string;
      conferenceId: string;
      itemId: string;
      clientId: string | null;
      text: string;
      visibility: Visibility;
      ownerId: string;
      dueOn: string;
      createdBy: string;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO conference_actions (id, conference_id, item_id, client_id, text, visibility, owner_id, due_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        a.id,
        a.conferenceId,
        a.itemId,
        a.clientId,
        a.text,
        a.visibility,
        a.ownerId,
        a.dueOn,
        a.createdBy,
      ],
    );
  }

  /** Minutes of the identified sections of open items, for writing into the client files at closing. */
  async minutesForFile(m: EntityManager, conferenceId: string) {
    return m.query(
      `SELECT mi.item_id AS "itemId", i.client_id AS "clientId", mi.section, mi.text, mi.updated_by AS "authorId",
              u.organisation_id AS "organisationId",
              coalesce((SELECT array_agg(cu.display_name ORDER BY cu.display_name) FROM users cu WHERE cu.id = ANY(mi.contributors)), '{}') AS contributors
       FROM conference_minutes mi JOIN conference_items i ON i.id = mi.item_id JOIN users u ON u.id = mi.updated_by
       WHERE i.conference_id = $1 AND i.withdrawn_at IS NULL AND i.client_id IS NOT NULL
         AND mi.section IN ('TREATMENT','PARTICIPATION') AND btrim(mi.text) <> '' AND mi.note_id IS NULL
       ORDER BY i.position, mi.section`,
      [conferenceId],
    ) as Promise<
      {
        itemId: string;
        clientId: string;
        section: 'TREATMENT' | 'PARTICIPATION';
        text: string;
        authorId: string;
        organisationId: string;
        contributors: string[];
      }[]
    >;
  }

  async linkMinutesToNote(
    m: EntityManager,
    itemId: string,
    section: Section,
    noteId: string,
  ): Promise<void> {
    await m.query(
      'UPDATE conference_minutes SET note_id = $3 WHERE item_id = $1 AND section = $2 AND note_id IS NULL',
      [itemId, section, noteId],
    );
  }

  /** Marks an anonymised item's minutes as attached to a file; false when someone was first. */
  async markAttached(m: EntityManager, itemId: string, noteId: string): Promise<boolean> {
    const rows = rowsOf(
      await m.query(
        'UPDATE conference_items SET attached_note_id = $2 WHERE id = $1 AND attached_note_id IS NULL RETURNING id',
        [itemId, noteId],
      ),
    );
    return rows.length > 0;
  }

  /**
   * Agenda proposals for a team: clients on the board (longest first) and new referrals
   * (registered in the last 14 days, no contact recorded yet), limited to what the caller may read.
   */
  async proposals(scopeSql: string, params: SqlParams, teamId: string): Promise<ProposalRow[]> {
    const team = params.add(teamId);
    return this.db.query(
      `SELECT c.id AS "clientId", c.first_name AS "firstName", c.last_name AS "lastName", c.pseudonym, x.source, x.since
       FROM clients c CROSS JOIN LATERAL (
         SELECT 'BOARD' AS source, c.board_since AS since WHERE c.on_board
         UNION ALL
         SELECT 'NEW_REFERRAL', c.created_at WHERE NOT c.on_board AND c.created_at > now() - interval '14 days'
           AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.client_id = c.id)
       ) x
       WHERE ${scopeSql} AND c.team_id = ${team}
       ORDER BY x.source, x.since NULLS LAST, c.id LIMIT 200`,
      params.values,
    );
  }

  /**
   * People who can be invited to a team's conference: the team's members and the professionals
   * (also of partner organisations) with an active assignment to a client of the team the caller
   * may read. Names, organisations and roles only; which client links them is not returned.
   */
  /**
   * The team and the partners working with its clients; with `clientId` (a client of the team the
   * caller reads) also that client's own active account, for a three-way meeting about them.
   */
  async invitees(
    scopeSql: string,
    params: SqlParams,
    teamId: string,
    clientId: string | null = null,
  ): Promise<InviteeRow[]> {
    const team = params.add(teamId);
    const client = params.add(clientId);
    return this.db.query(
      `WITH ids AS (
         SELECT tm.user_id, true AS member, false AS with_client, false AS is_client
         FROM team_members tm WHERE tm.team_id = ${team}
         UNION ALL
         SELECT ca.user_id, false, ca.client_id = ${client}::uuid, false
         FROM client_assignments ca JOIN clients c ON c.id = ca.client_id
         WHERE ${scopeSql} AND c.team_id = ${team} AND ca.ended_at IS NULL
         UNION ALL
         SELECT cu.id, false, true, true FROM users cu JOIN clients c ON c.id = cu.client_id
         WHERE ${scopeSql} AND c.team_id = ${team} AND c.id = ${client}::uuid
       )
       SELECT u.id AS "userId", u.display_name AS "displayName", o.name AS "organisationName", u.roles,
              bool_or(ids.member) AS "teamMember", coalesce(bool_or(ids.with_client), false) AS "worksWithClient",
              bool_or(ids.is_client) AS "isClient"
       FROM ids JOIN users u ON u.id = ids.user_id JOIN organisations o ON o.id = u.organisation_id
       WHERE u.active AND (u.client_id IS NULL OR u.client_id = ${client}::uuid)
       GROUP BY u.id, u.display_name, o.name, u.roles
       ORDER BY bool_or(ids.is_client) DESC, bool_or(ids.member) DESC, o.name, u.display_name LIMIT 500`,
      params.values,
    );
  }

  /** Action items owned by one user (their task list); labelled per the owner's view by the service. */
  async tasksOf(userId: string): Promise<TaskRow[]> {
    return this.db.query(
      `${SELECT_TASK} WHERE a.owner_id = $1 ORDER BY a.status DESC, a.due_on, a.created_at LIMIT 500`,
      [userId],
    );
  }

  /** Action items about one client (for the client page); callers check read Client first and filter per viewer. */
  async actionsForClient(clientId: string): Promise<TaskRow[]> {
    return this.db.query(
      `${SELECT_TASK} WHERE a.client_id = $1 ORDER BY a.status DESC, a.due_on, a.created_at LIMIT 500`,
      [clientId],
    );
  }

  async action(id: string): Promise<TaskRow | null> {
    const rows = await this.db.query(`${SELECT_TASK} WHERE a.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async completeAction(
    m: EntityManager,
    id: string,
    version: number,
    done: boolean,
  ): Promise<boolean> {
    const rows = rowsOf(
      await m.query(
        `UPDATE conference_actions SET status = CASE WHEN $3 THEN 'DONE' ELSE 'OPEN' END,
           done_at = CASE WHEN $3 THEN now() ELSE NULL END, version = version + 1
         WHERE id = $1 AND version = $2 RETURNING id`,
        [id, version, done],
      ),
    );
    return rows.length > 0;
  }

  /** Open conferences (planned or live) with an item about this client: rooms to re-check after an access change. */
  async openConferencesWithClient(clientId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT DISTINCT i.conference_id AS id FROM conference_items i JOIN conferences cf ON cf.id = i.conference_id
       WHERE i.client_id = $1 AND i.withdrawn_at IS NULL AND cf.status IN ('PLANNED','LIVE')`,
      [clientId],
    );
    return rows.map((r) => r.id);
  }

  async insertSeries(
    m: EntityManager,
    s: {
      teamId: string;
      kind: 'FACT_BOARD' | 'MDO';
      title: string;
      weekdays: number[];
      startTime: string;
      durationMinutes: number;
      location: string | null;
      videoUrl: string | null;
      startsOn: string;
      endsOn: string;
      createdBy: string;
    },
  ): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO conference_series (team_id, kind, title, weekdays, start_time, duration_minutes, location, video_url, starts_on, ends_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        s.teamId,
        s.kind,
        s.title,
        s.weekdays,
        s.startTime,
        s.durationMinutes,
        s.location,
        s.videoUrl,
        s.startsOn,
        s.endsOn,
        s.createdBy,
      ],
    );
    return id;
  }

  /**
   * Creates the occurrences of a weekly series (local time Europe/Amsterdam) with the series'
   * attendees; existing occurrences are kept. Returns the new conference ids.
   */
  async generateOccurrences(
    m: EntityManager,
    seriesId: string,
    attendeeIds: string[],
  ): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO conferences (team_id, series_id, kind, title, starts_at, duration_minutes, location, video_url, organiser_id)
       SELECT s.team_id, s.id, s.kind, s.title, (d::date + s.start_time) AT TIME ZONE 'Europe/Amsterdam', s.duration_minutes,
              s.location, s.video_url, s.created_by
       FROM conference_series s, generate_series(s.starts_on, s.ends_on, interval '1 day') d
       WHERE s.id = $1 AND extract(isodow FROM d)::int = ANY(s.weekdays)
       ON CONFLICT (series_id, starts_at) WHERE series_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [seriesId],
    );
    const ids = rows.map((r) => r.id);
    if (ids.length && attendeeIds.length) {
      await m.query(
        `INSERT INTO conference_attendees (conference_id, user_id, invited_by)
         SELECT c, u, (SELECT created_by FROM conference_series WHERE id = $3) FROM unnest($1::uuid[]) c, unnest($2::uuid[]) u
         ON CONFLICT DO NOTHING`,
        [ids, attendeeIds, seriesId],
      );
    }
    return ids;
  }
}
