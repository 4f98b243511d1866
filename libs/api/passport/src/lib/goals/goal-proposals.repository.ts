import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '@tandem/api-authz';

export interface GoalProposalRow {
  id: string;
  clientId: string;
  text: string;
  authorName: string;
  createdAt: Date;
}

const SELECT = `
  SELECT wg.id, wg.client_id AS "clientId", wg.text, u.display_name AS "authorName", wg.created_at AS "createdAt"
  FROM ips_work_goal_proposals wg
  JOIN clients c ON c.id = wg.client_id
  JOIN users u ON u.id = wg.author_id`;

/**
 * The client's own work-goal proposals. They are read under the work goals' rule: the table is
 * aliased `wg` so the `read WorkGoal` scope (client and care team) applies to it unchanged.
 */
@Injectable()
export class GoalProposalsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async listForClient(
    scopeSql: string,
    params: SqlParams,
    clientId: string,
  ): Promise<GoalProposalRow[]> {
    return this.db.query(
      `${SELECT} WHERE (${scopeSql}) AND wg.client_id = ${params.add(clientId)}
       ORDER BY wg.created_at DESC, wg.id`,
      params.values,
    );
  }

  async insert(
    m: EntityManager,
    proposal: { clientId: string; authorId: string; text: string },
  ): Promise<GoalProposalRow> {
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO ips_work_goal_proposals (client_id, author_id, text) VALUES ($1, $2, $3) RETURNING id`,
      [proposal.clientId, proposal.authorId, proposal.text],
    );
    const [created]: GoalProposalRow[] = await m.query(`${SELECT} WHERE wg.id = $1`, [row.id]);
    return created;
  }
}
