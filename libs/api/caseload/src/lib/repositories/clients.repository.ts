import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '@tandem/api-authz';
import type { CaseloadQueryDto } from '../dtos/caseload.dto';

export interface ClientRow {
  id: string;
  teamId: string;
  teamName: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  pseudonym: string;
  diagnosis: string | null;
  onBoard: boolean;
  boardReason: string | null;
  boardSince: string | null;
  daysOnBoard: number | null;
  lastContactOn: string | null;
  nextContactOn: string | null;
  version: number;
  keyWorker: { userId: string; displayName: string } | null;
  regiebehandelaar: { userId: string; displayName: string } | null;
}

const SELECT = `
  SELECT c.id, c.team_id AS "teamId", t.name AS "teamName", c.first_name AS "firstName", c.last_name AS "lastName",
         to_char(c.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", c.pseudonym, c.diagnosis,
         c.on_board AS "onBoard", c.board_reason AS "boardReason", c.board_since AS "boardSince",
         CASE WHEN c.on_board THEN (current_date - c.board_since::date) END AS "daysOnBoard",
         (SELECT to_char(max(n.contact_on), 'YYYY-MM-DD') FROM notes n WHERE n.client_id = c.id) AS "lastContactOn",
         to_char(c.next_contact_on, 'YYYY-MM-DD') AS "nextContactOn", c.version,
         (SELECT json_build_object('userId', u.id, 'displayName', u.display_name) FROM client_assignments a JOIN users u ON u.id = a.user_id
           WHERE a.client_id = c.id AND a.kind = 'KEY_WORKER' AND a.ended_at IS NULL ORDER BY a.started_at DESC LIMIT 1) AS "keyWorker",
         (SELECT json_build_object('userId', u.id, 'displayName', u.display_name) FROM client_assignments a JOIN users u ON u.id = a.user_id
           WHERE a.client_id = c.id AND a.kind = 'REGIEBEHANDELAAR' AND a.ended_at IS NULL LIMIT 1) AS "regiebehandelaar"
  FROM clients c JOIN teams t ON t.id = c.team_id`;

const ORDER: Record<CaseloadQueryDto['sort'], string> = {
  name: 'c.last_name, c.first_name, c.id',
  boardSince: 'c.board_since NULLS LAST, c.id',
  nextContactOn: 'c.next_contact_on NULLS LAST, c.id',
  lastContactOn: '"lastContactOn" NULLS FIRST, c.id',
};

/** SQL for clients. List queries take the caller's scope (from AuthzService) as their first condition. */
@Injectable()
export class ClientsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(
    scopeSql: string,
    params: SqlParams,
    query: CaseloadQueryDto,
  ): Promise<{ rows: ClientRow[]; total: number }> {
    const where = [scopeSql];
    if (query.teamId) where.push(`c.team_id = ${params.add(query.teamId)}`);
    if (query.onBoard !== undefined) where.push(`c.on_board = ${params.add(query.onBoard)}`);
    if (query.keyWorkerId) {
      where.push(
        `EXISTS (SELECT 1 FROM client_assignments ka WHERE ka.client_id = c.id AND ka.kind = 'KEY_WORKER' AND ka.ended_at IS NULL AND ka.user_id = ${params.add(query.keyWorkerId)})`,
      );
    }
    if (query.q?.trim()) {
      const pattern = `%${query.q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      where.push(`(c.first_name || ' ' || c.last_name) ILIKE ${params.add(pattern)}`);
    }
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM clients c WHERE ${whereSql}`,
      params.values,
    );
    const limit = params.add(query.pageSize);
    const offset = params.add((query.page - 1) * query.pageSize);
    const rows = await this.db.query(
      `${SELECT} WHERE ${whereSql} ORDER BY ${ORDER[query.sort]} LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    );
    return { rows, total };
  }

  /** One client by id, unscoped: callers check the ability on the row before returning anything. */
  async findById(id: string, manager: EntityManager = this.db.manager): Promise<ClientRow | null> {
    const rows = await manager.query(`${SELECT} WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** A client's id and care team, unscoped: all a single-record ability check needs. */
  async findRef(
    id: string,
    manager: EntityManager = this.db.manager,
  ): Promise<{ id: string; teamId: string } | null> {
    const rows = await manager.query('SELECT id, team_id AS "teamId" FROM clients WHERE id = $1', [
      id,
    ]);
    return rows[0] ?? null;
  }

  /** Ids and care teams of several clients in one query (for access-log facts of a list). */
  async findRefs(ids: string[]): Promise<{ id: string; teamId: string }[]> {
    if (!ids.length) return [];
    return this.db.query('SELECT id, team_id AS "teamId" FROM clients WHERE id = ANY($1)', [
      [...new Set(ids)],
    ]);
  }

  /** Conditional update: only applies when `version` is still current. Returns null on a conflict. */
  async updateBoard(
    manager: EntityManager,
    id: string,
    version: number,
    change: {
      onBoard: boolean;
      boardReason: string | null;
      nextContactOn: string | null | undefined;
    },
  ): Promise<{ version: number } | null> {
    const rows = await manager.query(
      `UPDATE clients SET
         on_board = $3,
         board_reason = CASE WHEN $3 THEN $4 ELSE NULL END,
         board_since = CASE WHEN $3 AND NOT on_board THEN now() WHEN $3 THEN board_since ELSE NULL END,
         next_contact_on = CASE WHEN $6 THEN $5::date ELSE next_contact_on END,
         version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2
       RETURNING version`,
      [
        id,
        version,
        change.onBoard,
        change.boardReason,
        change.nextContactOn ?? null,
        change.nextContactOn !== undefined,
      ],
    );
    const updated = Array.isArray(rows[0]) ? rows[0] : rows;
    return updated[0] ?? null;
  }

  async transfer(
    manager: EntityManager,
    id: string,
    version: number,
    teamId: string,
  ): Promise<{ version: number } | null> {
    const rows = await manager.query(
      'UPDATE clients SET team_id = $3, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING version',
      [id, version, teamId],
    );
    const updated = Array.isArray(rows[0]) ? rows[0] : rows;
    return updated[0] ?? null;
  }

  async teamExists(teamId: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM teams WHERE id = $1', [teamId]);
    return rows.length > 0;
  }
}
