import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '@tandem/api-authz';
import type { ActivityFacts, ActivityKind, Classification, Funder } from '@tandem/funding';

export interface ActivityRow {
  id: string;
  clientId: string;
  teamId: string;
  kind: ActivityKind;
  domain: 'TREATMENT' | 'PARTICIPATION' | 'WMO';
  performedOn: string;
  durationMinutes: number;
  performedBy: string;
  performedByName: string;
  summary: string;
  inTreatmentPlan: boolean;
  directedByRegiebehandelaar: boolean;
  treatmentGoalId: string | null;
  setting: 'SPECIALIST_GGZ' | 'GP';
  workRelatedCondition: 'BURNOUT' | 'ADJUSTMENT_DISORDER' | null;
  mentalDisorderSuspected: boolean;
  coveredByEmployer: boolean;
  placementId: string | null;
  withWhom: string | null;
  funder: Funder;
  ruleId: string;
  ruleSource: string;
  fundingReason: string;
  overrideFunder: Funder | null;
  overrideReason: string | null;
  overriddenByName: string | null;
  overriddenAt: Date | null;
  effectiveFunder: Funder;
  version: number;
  createdAt: Date;
}

const SELECT_ACTIVITY = `
  SELECT a.id, a.client_id AS "clientId", c.team_id AS "teamId", a.kind, a.domain,
         to_char(a.performed_on, 'YYYY-MM-DD') AS "performedOn", a.duration_minutes AS "durationMinutes",
         a.performed_by AS "performedBy", pu.display_name AS "performedByName", a.summary,
         a.in_treatment_plan AS "inTreatmentPlan", a.directed_by_regiebehandelaar AS "directedByRegiebehandelaar",
         a.treatment_goal_id AS "treatmentGoalId", a.setting, a.work_related_condition AS "workRelatedCondition",
         a.mental_disorder_suspected AS "mentalDisorderSuspected", a.covered_by_employer AS "coveredByEmployer",
         a.placement_id AS "placementId", a.with_whom AS "withWhom", a.funder, a.rule_id AS "ruleId",
         a.rule_source AS "ruleSource", a.funding_reason AS "fundingReason", a.override_funder AS "overrideFunder",
         a.override_reason AS "overrideReason", ou.display_name AS "overriddenByName", a.overridden_at AS "overriddenAt",
         a.effective_funder AS "effectiveFunder", a.version, a.created_at AS "createdAt"
  FROM ips_activities a JOIN clients c ON c.id = a.client_id JOIN users pu ON pu.id = a.performed_by
  LEFT JOIN users ou ON ou.id = a.overridden_by`;

/** The facts the funding rules read, plus what is stored now (to see what changed). */
export interface StoredFacts extends ActivityFacts {
  funder: Funder;
  ruleId: string;
  reason: string;
}

export interface ReportLineRow {
  activityId: string;
  performedOn: string;
  clientId: string;
  teamId: string;
  clientName: string;
  kind: string;
  performedByName: string;
  durationMinutes: number;
  funder: Funder;
  ruleFunder: Funder;
  ruleId: string;
  source: string;
  reason: string;
  overridden: boolean;
}

/** SQL for activities and their funding. Lists and reports take the caller's scope. */
@Injectable()
export class ActivitiesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(
    scopeSql: string,
    params: SqlParams,
    filter: {
      clientId?: string;
      placementId?: string;
      kind?: string;
      funder?: string;
      from?: string;
      to?: string;
    },
    page: number,
    pageSize: number,
  ): Promise<{ rows: ActivityRow[]; total: number }> {
    const where = [scopeSql];
    if (filter.clientId) where.push(`a.client_id = ${params.add(filter.clientId)}`);
    if (filter.placementId) where.push(`a.placement_id = ${params.add(filter.placementId)}`);
    if (filter.kind) where.push(`a.kind = ${params.add(filter.kind)}`);
    if (filter.funder) where.push(`a.effective_funder = ${params.add(filter.funder)}`);
    if (filter.from) where.push(`a.performed_on >= ${params.add(filter.from)}::date`);
    if (filter.to) where.push(`a.performed_on <= ${params.add(filter.to)}::date`);
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM ips_activities a JOIN clients c ON c.id = a.client_id WHERE ${whereSql}`,
      params.values,
    );
    const limit = params.add(pageSize);
    const offset = params.add((page - 1) * pageSize);
    const rows = await this.db.query(
      `${SELECT_ACTIVITY} WHERE ${whereSql} ORDER BY a.performed_on DESC, a.created_at DESC, a.id LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    );
    return { rows, total };
  }

  /** One activity, unscoped: callers check the ability on the row before returning anything. */
  async findById(id: string, m: EntityManager = this.db.manager): Promise<ActivityRow | null> {
    const rows = await m.query(`${SELECT_ACTIVITY} WHERE a.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async fundingHistory(activityId: string) {
    return this.db.query(
      `SELECT f.event, f.funder, f.rule_id AS "ruleId", f.reason, u.display_name AS "actorName", f.at
       FROM ips_activity_funding_events f LEFT JOIN users u ON u.id = f.actor_id
       WHERE f.activity_id = $1 ORDER BY f.id`,
      [activityId],
    ) as Promise<
      {
        event: string;
        funder: Funder;
        ruleId: string;
        reason: string;
        actorName: string | null;
        at: Date;
      }[]
    >;
  }

  /**
   * Every activity of one client with what the funding rules read. Unscoped and never returned to
   * a caller: the rules need the client's whole history (the insurer's cap counts in date order).
   */
  async factsForClient(m: EntityManager, clientId: string): Promise<StoredFacts[]> {
    return m.query(
      `SELECT a.id, a.kind, to_char(a.performed_on, 'YYYY-MM-DD') AS "performedOn",
              to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS sequence,
              a.in_treatment_plan AS "inTreatmentPlan", a.directed_by_regiebehandelaar AS "directedByRegiebehandelaar",
              a.setting, a.work_related_condition AS "workRelatedCondition",
              a.mental_disorder_suspected AS "mentalDisorderSuspected", a.covered_by_employer AS "coveredByEmployer",
              a.funder, a.rule_id AS "ruleId", a.funding_reason AS reason
       FROM ips_activities a WHERE a.client_id = $1 ORDER BY a.performed_on, a.created_at, a.id`,
      [clientId],
    );
  }

  /** Clients with motivational conversations (their classification depends on the insurer caps). */
  async clientsWithCappedActivities(m: EntityManager): Promise<string[]> {
    const rows: { clientId: string }[] = await m.query(
      'SELECT DISTINCT a.client_id AS "clientId" FROM ips_activities a WHERE a.kind = \'MOTIVATIONAL_CONVERSATION\'',
    );
    return rows.map((r) => r.clientId);
  }

  async insert(
    m: EntityManager,
    a: {
      id: string;
      clientId: string;
      kind: string;
      domain: string;
      performedOn: string;
      durationMinutes: number;
      performedBy: string;
      organisationId: string;
      summary: string;
      inTreatmentPlan: boolean;
      directedByRegiebehandelaar: boolean;
      treatmentGoalId: string | null;
      setting: string;
      workRelatedCondition: string | null;
      mentalDisorderSuspected: boolean;
      coveredByEmployer: boolean;
      placementId: string | null;
      withWhom: string | null;
      createdAt: string;
    },
    c: Classification,
  ): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO ips_activities (id, client_id, kind, domain, performed_on, duration_minutes, performed_by, organisation_id,
         summary, in_treatment_plan, directed_by_regiebehandelaar, treatment_goal_id, setting, work_related_condition,
         mental_disorder_suspected, covered_by_employer, placement_id, with_whom, funder, rule_id, rule_source,
         funding_reason, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
       RETURNING id`,
      [
        a.id,
        a.clientId,
        a.kind,
        a.domain,
        a.performedOn,
        a.durationMinutes,
        a.performedBy,
        a.organisationId,
        a.summary,
        a.inTreatmentPlan,
        a.directedByRegiebehandelaar,
        a.treatmentGoalId,
        a.setting,
        a.workRelatedCondition,
        a.mentalDisorderSuspected,
        a.coveredByEmployer,
        a.placementId,
        a.withWhom,
        c.funder,
        c.ruleId,
        c.source,
        c.reason,
        a.createdAt,
      ],
    );
    return id;
  }

  /** Stores a new outcome of the rules (the override, if any, stays). */
  async setClassification(m: EntityManager, id: string, c: Classification): Promise<void> {
    await m.query(
      'UPDATE ips_activities SET funder = $2, rule_id = $3, rule_source = $4, funding_reason = $5 WHERE id = $1',
      [id, c.funder, c.ruleId, c.source, c.reason],
    );
  }

  /** A professional's override, when `version` is current; the rules' outcome is kept next to it. */
  async override(
    m: EntityManager,
    id: string,
    version: number,
    o: { funder: Funder; reason: string; userId: string },
  ): Promise<boolean> {
    const rows = await m.query(
      `UPDATE ips_activities SET override_funder = $3, override_reason = $4, overridden_by = $5, overridden_at = now(),
         version = version + 1 WHERE id = $1 AND version = $2 RETURNING version`,
      [id, version, o.funder, o.reason, o.userId],
    );
    const updated = Array.isArray(rows[0]) ? rows[0] : rows;
    return updated.length > 0;
  }

  async addFundingEvent(
    m: EntityManager,
    e: {
      activityId: string;
      event: 'CLASSIFIED' | 'RECLASSIFIED' | 'OVERRIDDEN';
      funder: Funder;
      ruleId: string;
      reason: string;
      actorId: string | null;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO ips_activity_funding_events (activity_id, event, funder, rule_id, reason, actor_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [e.activityId, e.event, e.funder, e.ruleId, e.reason, e.actorId],
    );
  }

  /** Per-funder totals of the activities in the caller's scope in a period, and the once-only check. */
  async reportTotals(
    scopeSql: string,
    params: SqlParams,
    from: string,
    to: string,
    teamId: string | undefined,
  ): Promise<{
    totals: { funder: Funder; activities: number; minutes: number; overridden: number }[];
    check: { activities: number; distinctActivities: number };
  }> {
    const where = [scopeSql];
    where.push(`a.performed_on BETWEEN ${params.add(from)}::date AND ${params.add(to)}::date`);
    if (teamId) where.push(`c.team_id = ${params.add(teamId)}`);
    const scoped = `SELECT a.id, a.effective_funder, a.duration_minutes, a.override_funder
                    FROM ips_activities a JOIN clients c ON c.id = a.client_id WHERE ${where.join(' AND ')}`;
    const totals = await this.db.query(
      `WITH scoped AS (${scoped})
       SELECT effective_funder AS funder, count(*)::int AS activities, coalesce(sum(duration_minutes), 0)::int AS minutes,
              count(override_funder)::int AS overridden
       FROM scoped GROUP BY effective_funder`,
      params.values,
    );
    const [check] = await this.db.query(
      `WITH scoped AS (${scoped}) SELECT count(*)::int AS activities, count(DISTINCT id)::int AS "distinctActivities" FROM scoped`,
      params.values,
    );
    return { totals, check };
  }

  /** One line per activity in the caller's scope in a period, paged. */
  async reportLines(
    scopeSql: string,
    params: SqlParams,
    filter: { from: string; to: string; teamId?: string; funder?: string },
    page: number,
    pageSize: number,
  ): Promise<{ rows: ReportLineRow[]; total: number }> {
    const where = [scopeSql];
    where.push(
      `a.performed_on BETWEEN ${params.add(filter.from)}::date AND ${params.add(filter.to)}::date`,
    );
    if (filter.teamId) where.push(`c.team_id = ${params.add(filter.teamId)}`);
    if (filter.funder) where.push(`a.effective_funder = ${params.add(filter.funder)}`);
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM ips_activities a JOIN clients c ON c.id = a.client_id WHERE ${whereSql}`,
      params.values,
    );
    const limit = params.add(pageSize);
    const offset = params.add((page - 1) * pageSize);
    const rows = await this.db.query(
      `SELECT a.id AS "activityId", to_char(a.performed_on, 'YYYY-MM-DD') AS "performedOn", a.client_id AS "clientId",
              c.team_id AS "teamId", c.first_name || ' ' || c.last_name AS "clientName", a.kind, u.display_name AS "performedByName",
              a.duration_minutes AS "durationMinutes", a.effective_funder AS funder, a.funder AS "ruleFunder",
              CASE WHEN a.override_funder IS NULL THEN a.rule_id ELSE 'OVERRIDE' END AS "ruleId",
              CASE WHEN a.override_funder IS NULL THEN a.rule_source ELSE 'professional judgement' END AS source,
              coalesce(a.override_reason, a.funding_reason) AS reason, (a.override_funder IS NOT NULL) AS overridden
       FROM ips_activities a JOIN clients c ON c.id = a.client_id JOIN users u ON u.id = a.performed_by
       WHERE ${whereSql} ORDER BY a.performed_on, a.created_at, a.id LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    );
    return { rows, total };
  }
}
