import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@tandem/domain';
import { CaseloadItemDto, CaseloadPageDto, CaseloadQueryDto } from '../dtos/caseload.dto';

/**
 * The team's shared caseload. The scope is applied in SQL: a user sees the clients of the teams
 * they belong to and the clients assigned to them; totals are counted on that scoped set.
 */
@Injectable()
export class CaseloadService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(principal: Principal, query: CaseloadQueryDto): Promise<CaseloadPageDto> {
    const params: unknown[] = [principal.userId];
    const where = [
      `(c.team_id IN (SELECT team_id FROM team_members WHERE user_id = $1)
        OR EXISTS (SELECT 1 FROM client_assignments a WHERE a.client_id = c.id AND a.user_id = $1 AND a.ended_at IS NULL))`,
    ];
    if (query.teamId) {
      params.push(query.teamId);
      where.push(`c.team_id = $${params.length}`);
    }
    if (query.q?.trim()) {
      params.push(`%${query.q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      where.push(`(c.first_name || ' ' || c.last_name) ILIKE $${params.length}`);
    }
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM clients c WHERE ${whereSql}`,
      params,
    );
    const pageParams = [...params, query.pageSize, (query.page - 1) * query.pageSize];
    const rows: {
      id: string;
      first_name: string;
      last_name: string;
      team_id: string;
      team_name: string;
      key_worker: { userId: string; displayName: string } | null;
      regie: { userId: string; displayName: string } | null;
    }[] = await this.db.query(
      `SELECT c.id, c.first_name, c.last_name, c.team_id, t.name AS team_name,
              (SELECT json_build_object('userId', u.id, 'displayName', u.display_name) FROM client_assignments a JOIN users u ON u.id = a.user_id
                WHERE a.client_id = c.id AND a.kind = 'KEY_WORKER' AND a.ended_at IS NULL ORDER BY a.started_at DESC LIMIT 1) AS key_worker,
              (SELECT json_build_object('userId', u.id, 'displayName', u.display_name) FROM client_assignments a JOIN users u ON u.id = a.user_id
                WHERE a.client_id = c.id AND a.kind = 'REGIEBEHANDELAAR' AND a.ended_at IS NULL LIMIT 1) AS regie
       FROM clients c JOIN teams t ON t.id = c.team_id
       WHERE ${whereSql}
       ORDER BY c.last_name, c.first_name, c.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      pageParams,
    );
    const items: CaseloadItemDto[] = rows.map((r) => ({
      clientId: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      teamId: r.team_id,
      teamName: r.team_name,
      keyWorker: r.key_worker,
      regiebehandelaar: r.regie,
    }));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
