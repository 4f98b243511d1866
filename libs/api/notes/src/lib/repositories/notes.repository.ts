import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '@tandem/api-authz';
import type { RecordDomain } from '@tandem/domain';

export interface NoteRow {
  id: string;
  clientId: string;
  teamId: string;
  domain: RecordDomain;
  title: string;
  body: string;
  contactOn: string;
  authorId: string;
  authorName: string;
  authorRole: string;
  organisationId: string;
  organisationName: string;
  sharedWithClient: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT = `
  SELECT n.id, n.client_id AS "clientId", c.team_id AS "teamId", n.domain, n.title, n.body,
         to_char(n.contact_on, 'YYYY-MM-DD') AS "contactOn", n.author_id AS "authorId", u.display_name AS "authorName",
         coalesce(u.roles[1], '') AS "authorRole", n.organisation_id AS "organisationId", o.name AS "organisationName",
         n.shared_with_client AS "sharedWithClient", n.version, n.created_at AS "createdAt", n.updated_at AS "updatedAt"
  FROM notes n JOIN clients c ON c.id = n.client_id JOIN users u ON u.id = n.author_id JOIN organisations o ON o.id = n.organisation_id`;

const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray((result as unknown[])[0]) ? (result as T[][])[0] : (result as T[]);

/** SQL for notes. Lists take the caller's scope as their first condition. */
@Injectable()
export class NotesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(
    scopeSql: string,
    params: SqlParams,
    clientId: string,
    domain: RecordDomain | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ rows: NoteRow[]; total: number }> {
    const where = [scopeSql, `n.client_id = ${params.add(clientId)}`];
    if (domain) where.push(`n.domain = ${params.add(domain)}`);
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM notes n JOIN clients c ON c.id = n.client_id WHERE ${whereSql}`,
      params.values,
    );
    const limit = params.add(pageSize);
    const offset = params.add((page - 1) * pageSize);
    const rows = await this.db.query(
      `${SELECT} WHERE ${whereSql} ORDER BY n.contact_on DESC, n.created_at DESC, n.id LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    );
    return { rows, total };
  }

  /** One note by id, unscoped: callers check the ability on the row before returning anything. */
  async findById(id: string, manager: EntityManager = this.db.manager): Promise<NoteRow | null> {
    const rows = await manager.query(`${SELECT} WHERE n.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async revisions(noteId: string) {
    return this.db.query(
      `SELECT r.version, r.title, r.body, r.author_id AS "authorId", u.display_name AS "authorName", r.reason, r.created_at AS "createdAt"
       FROM note_revisions r JOIN users u ON u.id = r.author_id WHERE r.note_id = $1 ORDER BY r.version DESC`,
      [noteId],
    );
  }

  async insert(
    m: EntityManager,
    note: {
      clientId: string;
      domain: RecordDomain;
      authorId: string;
      organisationId: string;
      contactOn: string;
      title: string;
      body: string;
      sharedWithClient: boolean;
    },
  ): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO notes (client_id, domain, author_id, organisation_id, contact_on, title, body, shared_with_client)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        note.clientId,
        note.domain,
        note.authorId,
        note.organisationId,
        note.contactOn,
        note.title,
        note.body,
        note.sharedWithClient,
      ],
    );
    await m.query(
      'INSERT INTO note_revisions (note_id, version, title, body, author_id) VALUES ($1, 1, $2, $3, $4)',
      [id, note.title, note.body, note.authorId],
    );
    return id;
  }

  /** A correction: a new revision; the note shows the newest text. Only when `version` is still current. */
  async correct(
    m: EntityManager,
    id: string,
    version: number,
    change: { title: string; body: string; reason: string; authorId: string },
  ): Promise<boolean> {
    const updated = rowsOf<{ version: number }>(
      await m.query(
        'UPDATE notes SET title = $3, body = $4, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING version',
        [id, version, change.title, change.body],
      ),
    );
    if (!updated[0]) return false;
    await m.query(
      'INSERT INTO note_revisions (note_id, version, title, body, author_id, reason) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, updated[0].version, change.title, change.body, change.authorId, change.reason],
    );
    return true;
  }
}

export interface PlanRow {
  id: string;
  clientId: string;
  teamId: string;
  domain: 'TREATMENT' | 'PARTICIPATION';
  summary: string;
  goals: {
    id: string;
    text: string;
    status: string;
    targetDate?: string | null;
    treatmentGoalId?: string | null;
  }[];
  version: number;
  updatedAt: Date | null;
}

@Injectable()
export class PlansRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(scopeSql: string, params: SqlParams, clientId: string): Promise<PlanRow[]> {
    return this.db.query(
      `SELECT p.id, p.client_id AS "clientId", c.team_id AS "teamId", p.domain, p.summary, p.goals, p.version, p.updated_at AS "updatedAt"
       FROM plans p JOIN clients c ON c.id = p.client_id
       WHERE ${scopeSql} AND p.client_id = ${params.add(clientId)} ORDER BY p.domain DESC`,
      params.values,
    );
  }

  /** One plan, unscoped: for merging an edit after the ability allowed it. */
  async findOne(clientId: string, domain: string): Promise<PlanRow | null> {
    const rows = await this.db.query(
      'SELECT id, client_id AS "clientId", domain, summary, goals, version, updated_at AS "updatedAt" FROM plans WHERE client_id = $1 AND domain = $2',
      [clientId, domain],
    );
    return rows[0] ?? null;
  }

  /** Treatment goals by id for a client (resolved for care staff only). */
  async treatmentGoals(clientId: string): Promise<{ id: string; text: string }[]> {
    const rows: { goals: { id: string; text: string }[] }[] = await this.db.query(
      "SELECT goals FROM plans WHERE client_id = $1 AND domain = 'TREATMENT'",
      [clientId],
    );
    return rows[0]?.goals.map((g) => ({ id: g.id, text: g.text })) ?? [];
  }

  /** Creates (version 0 → 1) or updates a plan when `version` is current; null on a conflict. */
  async save(
    m: EntityManager,
    clientId: string,
    domain: string,
    version: number,
    summary: string,
    goals: unknown[],
    userId: string,
  ): Promise<number | null> {
    if (version === 0) {
      const rows = await m.query(
        `INSERT INTO plans (client_id, domain, summary, goals, updated_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (client_id, domain) DO NOTHING RETURNING version`,
        [clientId, domain, summary, JSON.stringify(goals), userId],
      );
      return rows[0]?.version ?? null;
    }
    const rows = rowsOf<{ version: number }>(
      await m.query(
        `UPDATE plans SET summary = $4, goals = $5, version = version + 1, updated_at = now(), updated_by = $6
         WHERE client_id = $1 AND domain = $2 AND version = $3 RETURNING version`,
        [clientId, domain, version, summary, JSON.stringify(goals), userId],
      ),
    );
    return rows[0]?.version ?? null;
  }
}
