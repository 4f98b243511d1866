import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '@tandem/api-authz';
import type { WorkGoalAssessment, WorkGoalStatus } from '@tandem/domain';
import { rowsOf } from './sql';

export interface WorkGoalReviewRow {
  id: string;
  reviewedOn: string;
  assessment: WorkGoalAssessment;
  comment: string;
  nextReviewOn: string | null;
  reviewerId: string;
  reviewerName: string;
  createdAt: Date;
}

export interface WorkGoalRow {
  id: string;
  clientId: string;
  teamId: string;
  trajectoryId: string;
  treatmentGoalId: string | null;
  text: string;
  status: WorkGoalStatus;
  targetDate: string | null;
  reviewIntervalWeeks: number;
  nextReviewOn: string | null;
  dueForReview: boolean;
  writtenWithClient: boolean;
  lastReview: WorkGoalReviewRow | null;
  commentCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface DueGoalRow {
  goalId: string;
  clientId: string;
  clientName: string;
  pseudonym: string;
  teamId: string;
  text: string;
  nextReviewOn: string;
  daysOverdue: number;
  regiebehandelaar: { userId: string; displayName: string } | null;
  lastReviewedOn: string | null;
  version: number;
}

const SELECT_GOAL = `
  SELECT wg.id, wg.client_id AS "clientId", c.team_id AS "teamId", wg.trajectory_id AS "trajectoryId",
         wg.treatment_goal_id AS "treatmentGoalId", wg.text, wg.status, to_char(wg.target_date, 'YYYY-MM-DD') AS "targetDate",
         wg.review_interval_weeks AS "reviewIntervalWeeks", to_char(wg.next_review_on, 'YYYY-MM-DD') AS "nextReviewOn",
         (wg.status = 'OPEN' AND wg.next_review_on <= current_date) AS "dueForReview",
         wg.written_with_client AS "writtenWithClient",
         (SELECT json_build_object('id', r.id, 'reviewedOn', to_char(r.reviewed_on, 'YYYY-MM-DD'), 'assessment', r.assessment,
                  'comment', r.comment, 'nextReviewOn', to_char(r.next_review_on, 'YYYY-MM-DD'), 'reviewerId', r.reviewer_id,
                  'reviewerName', ru.display_name, 'createdAt', r.created_at)
            FROM ips_work_goal_reviews r JOIN users ru ON ru.id = r.reviewer_id
           WHERE r.goal_id = wg.id ORDER BY r.reviewed_on DESC, r.created_at DESC LIMIT 1) AS "lastReview",
         (SELECT count(*)::int FROM ips_work_goal_comments k WHERE k.goal_id = wg.id) AS "commentCount",
         wg.version, wg.created_at AS "createdAt", wg.updated_at AS "updatedAt"
  FROM ips_work_goals wg JOIN clients c ON c.id = wg.client_id`;

export interface WorkGoalChange {
  text?: string;
  status?: WorkGoalStatus;
  targetDate?: string | null;
  reviewIntervalWeeks?: number;
  writtenWithClient?: boolean;
  treatmentGoalId?: string | null;
  nextReviewOn?: string | null;
}

const COLUMNS: Record<keyof WorkGoalChange, string> = {
  text: 'text',
  status: 'status',
  targetDate: 'target_date',
  reviewIntervalWeeks: 'review_interval_weeks',
  writtenWithClient: 'written_with_client',
  treatmentGoalId: 'treatment_goal_id',
  nextReviewOn: 'next_review_on',
};

/** SQL for work goals, their reviews and the client's comments. */
@Injectable()
export class WorkGoalsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(
    scopeSql: string,
    params: SqlParams,
    clientId: string,
    status: WorkGoalStatus | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ rows: WorkGoalRow[]; total: number }> {
    const where = [scopeSql, `wg.client_id = ${params.add(clientId)}`];
    if (status) where.push(`wg.status = ${params.add(status)}`);
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM ips_work_goals wg JOIN clients c ON c.id = wg.client_id WHERE ${whereSql}`,
      params.values,
    );
    const limit = params.add(pageSize);
    const offset = params.add((page - 1) * pageSize);
    const rows = await this.db.query(
      `${SELECT_GOAL} WHERE ${whereSql} ORDER BY (wg.status = 'OPEN') DESC, wg.next_review_on NULLS LAST, wg.created_at, wg.id
       LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    );
    return { rows, total };
  }

  /** Open goals whose review date has come, across the clients in the caller's scope. */
  async due(
    scopeSql: string,
    params: SqlParams,
    asOf: string,
    teamId: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ rows: DueGoalRow[]; total: number }> {
    const asOfParam = params.add(asOf);
    const where = [scopeSql, "wg.status = 'OPEN'", `wg.next_review_on <= ${asOfParam}::date`];
    if (teamId) where.push(`c.team_id = ${params.add(teamId)}`);
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM ips_work_goals wg JOIN clients c ON c.id = wg.client_id WHERE ${whereSql}`,
      params.values,
    );
    const limit = params.add(pageSize);
    const offset = params.add((page - 1) * pageSize);
    const rows = await this.db.query(
      `SELECT wg.id AS "goalId", wg.client_id AS "clientId", c.first_name || ' ' || c.last_name AS "clientName",
              c.pseudonym, c.team_id AS "teamId", wg.text, to_char(wg.next_review_on, 'YYYY-MM-DD') AS "nextReviewOn",
              (${asOfParam}::date - wg.next_review_on) AS "daysOverdue",
              (SELECT json_build_object('userId', u.id, 'displayName', u.display_name) FROM client_assignments a
                 JOIN users u ON u.id = a.user_id
                WHERE a.client_id = c.id AND a.kind = 'REGIEBEHANDELAAR' AND a.ended_at IS NULL LIMIT 1) AS regiebehandelaar,
              (SELECT to_char(max(r.reviewed_on), 'YYYY-MM-DD') FROM ips_work_goal_reviews r WHERE r.goal_id = wg.id) AS "lastReviewedOn",
              wg.version
       FROM ips_work_goals wg JOIN clients c ON c.id = wg.client_id
       WHERE ${whereSql} ORDER BY wg.next_review_on, c.last_name, wg.id LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    );
    return { rows, total };
  }

  /** One goal, unscoped: callers check the ability on the row before returning anything. */
  async findById(id: string, m: EntityManager = this.db.manager): Promise<WorkGoalRow | null> {
    const rows = await m.query(`${SELECT_GOAL} WHERE wg.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async reviews(goalId: string): Promise<WorkGoalReviewRow[]> {
    return this.db.query(
      `SELECT r.id, to_char(r.reviewed_on, 'YYYY-MM-DD') AS "reviewedOn", r.assessment, r.comment,
              to_char(r.next_review_on, 'YYYY-MM-DD') AS "nextReviewOn", r.reviewer_id AS "reviewerId",
              u.display_name AS "reviewerName", r.created_at AS "createdAt"
       FROM ips_work_goal_reviews r JOIN users u ON u.id = r.reviewer_id
       WHERE r.goal_id = $1 ORDER BY r.reviewed_on DESC, r.created_at DESC`,
      [goalId],
    );
  }

  async comments(
    goalId: string,
  ): Promise<
    { id: string; text: string; authorName: string; byClient: boolean; createdAt: Date }[]
  > {
    return this.db.query(
      `SELECT k.id, k.text, u.display_name AS "authorName", (u.client_id IS NOT NULL) AS "byClient", k.created_at AS "createdAt"
       FROM ips_work_goal_comments k JOIN users u ON u.id = k.author_id WHERE k.goal_id = $1 ORDER BY k.created_at, k.id`,
      [goalId],
    );
  }

  /** The goals of the client's treatment plan (id, text): resolved for care staff only. */
  async treatmentGoals(clientId: string): Promise<{ id: string; text: string }[]> {
    const rows: { goals: { id: string; text: string }[] }[] = await this.db.query(
      "SELECT goals FROM plans WHERE client_id = $1 AND domain = 'TREATMENT'",
      [clientId],
    );
    return rows[0]?.goals.map((g) => ({ id: g.id, text: g.text })) ?? [];
  }

  async insert(
    m: EntityManager,
    g: {
      clientId: string;
      trajectoryId: string;
      text: string;
      targetDate: string | null;
      reviewIntervalWeeks: number;
      nextReviewOn: string;
      writtenWithClient: boolean;
      createdBy: string;
    },
  ): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO ips_work_goals (client_id, trajectory_id, text, target_date, review_interval_weeks, next_review_on,
         written_with_client, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        g.clientId,
        g.trajectoryId,
        g.text,
        g.targetDate,
        g.reviewIntervalWeeks,
        g.nextReviewOn,
        g.writtenWithClient,
        g.createdBy,
      ],
    );
    return id;
  }

  /** Conditional update: only when `version` is current. Returns false on a conflict. */
  async update(
    m: EntityManager,
    id: string,
    version: number,
    change: WorkGoalChange,
  ): Promise<boolean> {
    const values: unknown[] = [id, version];
    const sets = Object.entries(change)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => {
        values.push(v);
        return `${COLUMNS[k as keyof WorkGoalChange]} = $${values.length}`;
      });
    const rows = rowsOf(
      await m.query(
        `UPDATE ips_work_goals SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
         WHERE id = $1 AND version = $2 RETURNING version`,
        values,
      ),
    );
    return rows.length > 0;
  }

  async addReview(
    m: EntityManager,
    r: {
      goalId: string;
      reviewedOn: string;
      assessment: WorkGoalAssessment;
      comment: string;
      nextReviewOn: string | null;
      reviewerId: string;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO ips_work_goal_reviews (goal_id, reviewed_on, assessment, comment, next_review_on, reviewer_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [r.goalId, r.reviewedOn, r.assessment, r.comment, r.nextReviewOn, r.reviewerId],
    );
  }

  async addComment(
    m: EntityManager,
    goalId: string,
    authorId: string,
    text: string,
  ): Promise<string> {
    const [{ id }] = await m.query(
      'INSERT INTO ips_work_goal_comments (goal_id, author_id, text) VALUES ($1, $2, $3) RETURNING id',
      [goalId, authorId, text],
    );
    return id;
  }
}
