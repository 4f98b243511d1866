import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '@tandem/api-authz';

/** Raw counts for one team, or one specialist within it, over a period (all computed in SQL). */
export interface FigureRow {
  activeCaseload: number;
  employerContacts: number;
  faceToFaceContacts: number;
  referrals: number;
  firstContactCount: number;
  firstContactAvg: number | null;
  firstContactMedian: number | null;
  firstContactWithin30: number;
  noContactOver30: number;
  firstVisitAvg: number | null;
  clientsInCompetitiveWork: number;
  jobStarts: number;
  placementStarts: number;
  firstJobs: number;
  timeToFirstJobAvg: number | null;
  timeToFirstJobMedian: number | null;
  averageHoursPerWeek: number | null;
  tenureCount: number;
  tenureAvg: number | null;
  tenureMedian: number | null;
  exitsFromBenefit: number;
  benefitsCounselled: number;
  disclosureRecorded: number;
  endedPlacements: number;
  profileUpdatedAfterJob: number;
  distinctJobTitles: number;
  distinctEmployers: number;
  working: number;
  workingWithFollowAlong: number;
}

/**
 * Aggregates for the IPS dashboard. Every query starts from the teams the caller may read the
 * dashboard of (`scopeSql` on `teams t`) and returns counts only, never client identities.
 */
@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async team(
    scopeSql: string,
    params: SqlParams,
    teamId: string,
  ): Promise<{ id: string; name: string } | null> {
    const rows = await this.db.query(
      `SELECT t.id, t.name FROM teams t WHERE ${scopeSql} AND t.id = ${params.add(teamId)}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  /** IPS specialists of the team: members in that role, and whoever holds its trajectories or contacts. */
  async specialists(
    scopeSql: string,
    params: SqlParams,
    teamId: string,
    from: string,
    to: string,
  ): Promise<{ userId: string; displayName: string }[]> {
    const team = `SELECT t.id FROM teams t WHERE ${scopeSql} AND t.id = ${params.add(teamId)}`;
    const f = params.add(from);
    const t = params.add(to);
    return this.db.query(
      `WITH team AS (${team})
       SELECT u.id AS "userId", u.display_name AS "displayName" FROM users u WHERE u.id IN (
         SELECT tm.user_id FROM team_members tm JOIN team ON team.id = tm.team_id WHERE tm.role = 'IPS_TRAJECTBEGELEIDER'
         UNION
         SELECT tr.specialist_id FROM ips_trajectories tr JOIN clients c ON c.id = tr.client_id JOIN team ON team.id = c.team_id
          WHERE tr.referral_date <= ${t}::date AND (tr.ended_on IS NULL OR tr.ended_on > ${t}::date)
         UNION
         SELECT ec.specialist_id FROM ips_employer_contacts ec JOIN team ON team.id = ec.team_id
          WHERE ec.contact_on BETWEEN ${f}::date AND ${t}::date)
       ORDER BY u.display_name, u.id`,
      params.values,
    );
  }

  /** The figures for the team, or for one specialist's clients and contacts within it. */
  async figures(
    scopeSql: string,
    params: SqlParams,
    teamId: string,
    specialistId: string | null,
    from: string,
    to: string,
    m: EntityManager = this.db.manager,
  ): Promise<FigureRow> {
    const team = `SELECT t.id FROM teams t WHERE ${scopeSql} AND t.id = ${params.add(teamId)}`;
    const s = `${params.add(specialistId)}::uuid`;
    const f = `${params.add(from)}::date`;
    const t = `${params.add(to)}::date`;
    const inPeriod = (column: string) => `${column} BETWEEN ${f} AND ${t}`;
    const runsAtEnd = (p: string) =>
      `${p}.start_date <= ${t} AND (${p}.end_date IS NULL OR ${p}.end_date > ${t})`;
    const tenure = `least(coalesce(pl.end_date, ${t}), ${t}) - pl.start_date`;
    const tenureWhere = `pl.type = 'COMPETITIVE' AND pl.start_date <= ${t} AND (pl.end_date IS NULL OR pl.end_date >= ${f})`;
    const [row] = await m.query(
      `WITH team AS (${team}),
       tr AS (
         SELECT tr.* FROM ips_trajectories tr JOIN clients c ON c.id = tr.client_id JOIN team ON team.id = c.team_id
         WHERE (${s} IS NULL OR tr.specialist_id = ${s})),
       active AS (SELECT * FROM tr WHERE tr.referral_date <= ${t} AND (tr.ended_on IS NULL OR tr.ended_on > ${t})),
       pl AS (SELECT p.* FROM ips_placements p JOIN tr ON tr.id = p.trajectory_id),
       ec AS (
         SELECT ec.* FROM ips_employer_contacts ec JOIN team ON team.id = ec.team_id
         WHERE (${s} IS NULL OR ec.specialist_id = ${s}) AND ${inPeriod('ec.contact_on')}),
       first_contact AS (
         SELECT tr.id, tr.referral_date,
           (SELECT min(x.contact_on) FROM ips_employer_contacts x WHERE x.client_id = tr.client_id AND x.contact_on >= tr.referral_date) AS first_any,
           (SELECT min(x.contact_on) FROM ips_employer_contacts x WHERE x.client_id = tr.client_id AND x.contact_on >= tr.referral_date
              AND x.kind = 'VISIT') AS first_visit
         FROM tr WHERE ${inPeriod('tr.referral_date')}),
       first_job AS (
         SELECT tr.id, tr.referral_date, min(p.start_date) AS first_start
         FROM tr JOIN ips_placements p ON p.trajectory_id = tr.id AND p.type = 'COMPETITIVE' GROUP BY tr.id, tr.referral_date)
       SELECT
         (SELECT count(*) FROM active)::int AS "activeCaseload",
         (SELECT count(*) FROM ec)::int AS "employerContacts",
         (SELECT count(*) FROM ec WHERE ec.kind = 'VISIT')::int AS "faceToFaceContacts",
         (SELECT count(*) FROM first_contact)::int AS referrals,
         (SELECT count(first_any) FROM first_contact)::int AS "firstContactCount",
         (SELECT avg(first_any - referral_date)::float FROM first_contact) AS "firstContactAvg",
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY first_any - referral_date) FROM first_contact
           WHERE first_any IS NOT NULL) AS "firstContactMedian",
         (SELECT count(*) FROM first_contact WHERE first_any - referral_date <= 30)::int AS "firstContactWithin30",
         (SELECT count(*) FROM first_contact WHERE first_any IS NULL AND ${t} - referral_date > 30)::int AS "noContactOver30",
         (SELECT avg(first_visit - referral_date)::float FROM first_contact) AS "firstVisitAvg",
         (SELECT count(DISTINCT pl.client_id) FROM pl JOIN active a ON a.id = pl.trajectory_id
           WHERE pl.type = 'COMPETITIVE' AND ${runsAtEnd('pl')})::int AS "clientsInCompetitiveWork",
         (SELECT count(*) FROM pl WHERE pl.type = 'COMPETITIVE' AND ${inPeriod('pl.start_date')})::int AS "jobStarts",
         (SELECT count(*) FROM pl WHERE ${inPeriod('pl.start_date')})::int AS "placementStarts",
         (SELECT count(*) FROM first_job WHERE ${inPeriod('first_start')})::int AS "firstJobs",
         (SELECT avg(first_start - referral_date)::float FROM first_job WHERE ${inPeriod('first_start')}) AS "timeToFirstJobAvg",
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY first_start - referral_date) FROM first_job
           WHERE ${inPeriod('first_start')}) AS "timeToFirstJobMedian",
         (SELECT avg(pl.hours_per_week)::float FROM pl WHERE pl.type = 'COMPETITIVE' AND ${runsAtEnd('pl')}) AS "averageHoursPerWeek",
         (SELECT count(*) FROM pl WHERE ${tenureWhere})::int AS "tenureCount",
         (SELECT avg(${tenure})::float FROM pl WHERE ${tenureWhere}) AS "tenureAvg",
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ${tenure}) FROM pl WHERE ${tenureWhere}) AS "tenureMedian",
         (SELECT count(*) FROM ips_trajectory_events e JOIN tr ON tr.id = e.trajectory_id
           WHERE e.event = 'BENEFIT' AND e.to_benefit = 'GEEN' AND e.from_benefit <> 'GEEN' AND e.through_work
             AND ${inPeriod('e.effective_on')})::int AS "exitsFromBenefit",
         (SELECT count(*) FROM active a WHERE EXISTS (SELECT 1 FROM ips_activities x WHERE x.client_id = a.client_id
             AND x.kind = 'BENEFITS_COUNSELLING' AND x.performed_on BETWEEN a.referral_date AND ${t}))::int AS "benefitsCounselled",
         (SELECT count(*) FROM active a JOIN ips_vocational_profiles vp ON vp.trajectory_id = a.id AND vp.version = a.profile_version
           WHERE vp.disclosure <> 'UNDECIDED')::int AS "disclosureRecorded",
         (SELECT count(*) FROM pl WHERE ${inPeriod('pl.end_date')})::int AS "endedPlacements",
         (SELECT count(*) FROM pl WHERE ${inPeriod('pl.end_date')} AND EXISTS (SELECT 1 FROM ips_vocational_profiles vp
             WHERE vp.trajectory_id = pl.trajectory_id AND vp.created_at::date BETWEEN pl.end_date AND pl.end_date + 30))::int
           AS "profileUpdatedAfterJob",
         (SELECT count(DISTINCT lower(pl.job_title)) FROM pl WHERE ${inPeriod('pl.start_date')})::int AS "distinctJobTitles",
         (SELECT count(DISTINCT pl.employer_id) FROM pl WHERE ${inPeriod('pl.start_date')})::int AS "distinctEmployers",
         (SELECT count(DISTINCT pl.client_id) FROM pl JOIN active a ON a.id = pl.trajectory_id
           WHERE pl.type <> 'DAY_ACTIVITY' AND ${runsAtEnd('pl')})::int AS working,
         (SELECT count(DISTINCT pl.client_id) FROM pl JOIN active a ON a.id = pl.trajectory_id
           WHERE pl.type <> 'DAY_ACTIVITY' AND ${runsAtEnd('pl')} AND EXISTS (SELECT 1 FROM ips_activities x
             WHERE x.client_id = pl.client_id AND x.kind = 'JOB_COACHING' AND x.performed_on BETWEEN ${t} - 30 AND ${t}))::int
           AS "workingWithFollowAlong"`,
      params.values,
    );
    return row;
  }

  /** Employer contacts per week and placement starts per month, for the charts. */
  async series(
    scopeSql: string,
    params: SqlParams,
    teamId: string,
    from: string,
    to: string,
  ): Promise<{
    weeks: { weekStart: string; employerContacts: number; faceToFace: number }[];
    months: { month: string; jobStarts: number; placementStarts: number }[];
  }> {
    const team = `SELECT t.id FROM teams t WHERE ${scopeSql} AND t.id = ${params.add(teamId)}`;
    const f = `${params.add(from)}::date`;
    const t = `${params.add(to)}::date`;
    const weeks = await this.db.query(
      `WITH team AS (${team})
       SELECT to_char(w, 'YYYY-MM-DD') AS "weekStart",
              count(ec.id)::int AS "employerContacts", count(ec.id) FILTER (WHERE ec.kind = 'VISIT')::int AS "faceToFace"
       FROM generate_series(date_trunc('week', ${f})::date, ${t}, interval '1 week') w
       LEFT JOIN (SELECT ec.* FROM ips_employer_contacts ec JOIN team ON team.id = ec.team_id
                   WHERE ec.contact_on BETWEEN ${f} AND ${t}) ec
         ON ec.contact_on >= w::date AND ec.contact_on < (w + interval '1 week')::date
       GROUP BY w ORDER BY w`,
      params.values,
    );
    const months = await this.db.query(
      `WITH team AS (${team})
       SELECT to_char(mo, 'YYYY-MM') AS month,
              count(pl.id) FILTER (WHERE pl.type = 'COMPETITIVE')::int AS "jobStarts", count(pl.id)::int AS "placementStarts"
       FROM generate_series(date_trunc('month', ${f})::date, ${t}, interval '1 month') mo
       LEFT JOIN (SELECT p.* FROM ips_placements p JOIN clients c ON c.id = p.client_id JOIN team ON team.id = c.team_id
                   WHERE p.start_date BETWEEN ${f} AND ${t}) pl
         ON pl.start_date >= mo::date AND pl.start_date < (mo + interval '1 month')::date
       GROUP BY mo ORDER BY mo`,
      params.values,
    );
    return { weeks, months };
  }

  /** The team's fidelity self-assessments, newest first. */
  async assessments(
    scopeSql: string,
    params: SqlParams,
    teamId: string,
    page: number,
    pageSize: number,
  ): Promise<{
    rows: {
      id: string;
      teamId: string;
      assessedOn: string;
      scores: Record<string, { score: number; comment?: string }>;
      comment: string;
      authorName: string;
      createdAt: Date;
    }[];
    total: number;
  }> {
    const where = `${scopeSql} AND fa.team_id = ${params.add(teamId)}`;
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM ips_fidelity_assessments fa WHERE ${where}`,
      params.values,
    );
    const limit = params.add(pageSize);
    const offset = params.add((page - 1) * pageSize);
    const rows = await this.db.query(
      `SELECT fa.id, fa.team_id AS "teamId", to_char(fa.assessed_on, 'YYYY-MM-DD') AS "assessedOn", fa.scores, fa.comment,
              u.display_name AS "authorName", fa.created_at AS "createdAt"
       FROM ips_fidelity_assessments fa JOIN users u ON u.id = fa.author_id
       WHERE ${where} ORDER BY fa.assessed_on DESC, fa.created_at DESC, fa.id LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    );
    return { rows, total };
  }

  async insertAssessment(
    m: EntityManager,
    a: { teamId: string; assessedOn: string; scores: unknown; comment: string; authorId: string },
  ): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO ips_fidelity_assessments (team_id, assessed_on, scores, comment, author_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [a.teamId, a.assessedOn, JSON.stringify(a.scores), a.comment, a.authorId],
    );
    return id;
  }
}
