import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface CareTeamRow {
  id: string;
  name: string;
  type: string;
  organisationId: string;
  organisationName: string;
  organisationType: string;
}

export interface TeamPersonRow {
  userId: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  organisationType: string;
  assignments: string[];
  teamRole: string | null;
  since: string | null;
}

/**
 * Who works with one client: teams, team members, users and assignments are not client records
 * (no scope applies); the caller passes the client's own id after the passport check.
 */
@Injectable()
export class TeamRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async careTeam(teamId: string): Promise<CareTeamRow | null> {
    const rows: CareTeamRow[] = await this.db.query(
      `SELECT t.id, t.name, t.type, o.id AS "organisationId", o.name AS "organisationName", o.type AS "organisationType"
       FROM teams t JOIN organisations o ON o.id = t.organisation_id WHERE t.id = $1`,
      [teamId],
    );
    return rows[0] ?? null;
  }

  /**
   * The people assigned to the client now, and the members of her care team who work with clients
   * (team leads, functional administrators and data-protection officers see no client content).
   */
  async people(clientId: string, teamId: string, teamRoles: string[]): Promise<TeamPersonRow[]> {
    return this.db.query(
      `WITH assigned AS (
         SELECT a.user_id, array_agg(a.kind ORDER BY a.kind) AS kinds, min(a.started_at) AS since
         FROM client_assignments a WHERE a.client_id = $1 AND a.ended_at IS NULL GROUP BY a.user_id
       ), members AS (
         SELECT tm.user_id, tm.role FROM team_members tm WHERE tm.team_id = $2 AND tm.role = ANY($3)
       )
       SELECT u.id AS "userId", u.display_name AS "displayName", o.id AS "organisationId",
              o.name AS "organisationName", o.type AS "organisationType",
              coalesce(a.kinds, '{}') AS assignments, m.role AS "teamRole",
              to_char(a.since, 'YYYY-MM-DD') AS since
       FROM users u
       JOIN organisations o ON o.id = u.organisation_id
       LEFT JOIN assigned a ON a.user_id = u.id
       LEFT JOIN members m ON m.user_id = u.id
       WHERE u.active AND (a.user_id IS NOT NULL OR m.user_id IS NOT NULL)
       ORDER BY u.display_name`,
      [clientId, teamId, teamRoles],
    );
  }
}
