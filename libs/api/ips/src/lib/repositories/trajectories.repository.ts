import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '@tandem/api-authz';
import type { BenefitType, IpsPhase } from '@tandem/domain';
import { rowsOf } from './sql';

export interface TrajectoryRow {
  id: string;
  clientId: string;
  teamId: string;
  specialistId: string;
  specialistName: string;
  referralDate: string;
  phase: IpsPhase;
  phaseSince: string;
  benefit: BenefitType;
  healthInsurer: string | null;
  insurerName: string | null;
  motivationalCap: number | null;
  endedOn: string | null;
  endReason: string | null;
  profileVersion: number;
  daysToFirstEmployerContact: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface TrajectoryEventRow {
  event: string;
  effectiveOn: string;
  phase: string | null;
  fromBenefit: string | null;
  toBenefit: string | null;
  throughWork: boolean | null;
  endReason: string | null;
  insurer: string | null;
  actorName: string;
  at: Date;
}

export interface ProfileRow {
  version: number;
  wishes: string;
  strengths: string;
  experience: string;
  limitations: string;
  preferredHoursMin: number | null;
  preferredHoursMax: number | null;
  disclosure: string;
  reason: string;
  placementId: string | null;
  authorName: string;
  createdAt: Date;
}

const SELECT_TRAJECTORY = `
  SELECT tr.id, tr.client_id AS "clientId", c.team_id AS "teamId", tr.specialist_id AS "specialistId",
         su.display_name AS "specialistName", to_char(tr.referral_date, 'YYYY-MM-DD') AS "referralDate", tr.phase,
         to_char(tr.phase_since, 'YYYY-MM-DD') AS "phaseSince", tr.benefit, tr.health_insurer AS "healthInsurer",
         ic.name AS "insurerName", ic.motivational_cap AS "motivationalCap",
         to_char(tr.ended_on, 'YYYY-MM-DD') AS "endedOn", tr.end_reason AS "endReason", tr.profile_version AS "profileVersion",
         (SELECT min(x.contact_on) - tr.referral_date FROM ips_employer_contacts x
           WHERE x.client_id = tr.client_id AND x.contact_on >= tr.referral_date
             AND (tr.ended_on IS NULL OR x.contact_on <= tr.ended_on)) AS "daysToFirstEmployerContact",
         tr.version, tr.created_at AS "createdAt", tr.updated_at AS "updatedAt"
  FROM ips_trajectories tr JOIN clients c ON c.id = tr.client_id JOIN users su ON su.id = tr.specialist_id
  LEFT JOIN ips_insurer_caps ic ON ic.insurer = tr.health_insurer`;

export interface TrajectoryChange {
  phase?: IpsPhase;
  phaseSince?: string;
  benefit?: BenefitType;
  healthInsurer?: string | null;
  endedOn?: string | null;
  endReason?: string | null;
}

/** SQL for IPS trajectories, their history and the vocational profile versions. */
@Injectable()
export class TrajectoriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The client's trajectories the caller may read, open one first, then newest. */
  async listForClient(
    scopeSql: string,
    params: SqlParams,
    clientId: string,
  ): Promise<TrajectoryRow[]> {
    return this.db.query(
      `${SELECT_TRAJECTORY} WHERE ${scopeSql} AND tr.client_id = ${params.add(clientId)}
       ORDER BY (tr.phase = 'ENDED'), tr.referral_date DESC, tr.created_at DESC`,
      params.values,
    );
  }

  /** The client's open trajectory, unscoped: callers check the ability on it. */
  async findOpen(
    clientId: string,
    m: EntityManager = this.db.manager,
  ): Promise<TrajectoryRow | null> {
    const rows = await m.query(
      `${SELECT_TRAJECTORY} WHERE tr.client_id = $1 AND tr.phase <> 'ENDED'`,
      [clientId],
    );
    return rows[0] ?? null;
  }

  async events(trajectoryId: string): Promise<TrajectoryEventRow[]> {
    return this.db.query(
      `SELECT e.event, to_char(e.effective_on, 'YYYY-MM-DD') AS "effectiveOn", e.phase, e.from_benefit AS "fromBenefit",
              e.to_benefit AS "toBenefit", e.through_work AS "throughWork", e.end_reason AS "endReason", e.insurer,
              u.display_name AS "actorName", e.at
       FROM ips_trajectory_events e JOIN users u ON u.id = e.actor_id WHERE e.trajectory_id = $1 ORDER BY e.effective_on, e.id`,
      [trajectoryId],
    );
  }

  async profiles(trajectoryId: string): Promise<ProfileRow[]> {
    return this.db.query(
      `SELECT p.version, p.wishes, p.strengths, p.experience, p.limitations, p.preferred_hours_min AS "preferredHoursMin",
              p.preferred_hours_max AS "preferredHoursMax", p.disclosure, p.reason, p.placement_id AS "placementId",
              u.display_name AS "authorName", p.created_at AS "createdAt"
       FROM ips_vocational_profiles p JOIN users u ON u.id = p.author_id WHERE p.trajectory_id = $1 ORDER BY p.version DESC`,
      [trajectoryId],
    );
  }

  async insert(
    m: EntityManager,
    t: {
      clientId: string;
      specialistId: string;
      referralDate: string;
      phase: IpsPhase;
      benefit: BenefitType;
      healthInsurer: string | null;
    },
  ): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO ips_trajectories (client_id, specialist_id, referral_date, phase, phase_since, benefit, health_insurer, created_by)
       VALUES ($1, $2, $3, $4, $3, $5, $6, $2) RETURNING id`,
      [t.clientId, t.specialistId, t.referralDate, t.phase, t.benefit, t.healthInsurer],
    );
    return id;
  }

  /** Conditional update: only when `version` is current. Returns false on a conflict. */
  async update(
    m: EntityManager,
    id: string,
    version: number,
    change: TrajectoryChange,
  ): Promise<boolean> {
    const sets: string[] = [];
    const values: unknown[] = [id, version];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    if (change.phase !== undefined) set('phase', change.phase);
    if (change.phaseSince !== undefined) set('phase_since', change.phaseSince);
    if (change.benefit !== undefined) set('benefit', change.benefit);
    if (change.healthInsurer !== undefined) set('health_insurer', change.healthInsurer);
    if (change.endedOn !== undefined) set('ended_on', change.endedOn);
    if (change.endReason !== undefined) set('end_reason', change.endReason);
    const rows = rowsOf(
      await m.query(
        `UPDATE ips_trajectories SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
         WHERE id = $1 AND version = $2 RETURNING version`,
        values,
      ),
    );
    return rows.length > 0;
  }

  /** Appends to the trajectory's history (phase, benefit, insurer, end). */
  async addEvent(
    m: EntityManager,
    e: {
      trajectoryId: string;
      event: 'REGISTERED' | 'PHASE' | 'BENEFIT' | 'INSURER' | 'ENDED';
      effectiveOn: string;
      phase?: string | null;
      fromBenefit?: string | null;
      toBenefit?: string | null;
      throughWork?: boolean | null;
      endReason?: string | null;
      insurer?: string | null;
      actorId: string;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO ips_trajectory_events (trajectory_id, event, effective_on, phase, from_benefit, to_benefit, through_work, end_reason, insurer, actor_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        e.trajectoryId,
        e.event,
        e.effectiveOn,
        e.phase ?? null,
        e.fromBenefit ?? null,
        e.toBenefit ?? null,
        e.throughWork ?? null,
        e.endReason ?? null,
        e.insurer ?? null,
        e.actorId,
      ],
    );
  }

  /** Claims the next profile version when `basedOn` is still the current one; null on a conflict. */
  async nextProfileVersion(m: EntityManager, id: string, basedOn: number): Promise<number | null> {
    const rows = rowsOf<{ profile_version: number }>(
      await m.query(
        `UPDATE ips_trajectories SET profile_version = profile_version + 1, updated_at = now()
         WHERE id = $1 AND profile_version = $2 RETURNING profile_version`,
        [id, basedOn],
      ),
    );
    return rows[0]?.profile_version ?? null;
  }

  async insertProfile(
    m: EntityManager,
    p: {
      trajectoryId: string;
      version: number;
      wishes: string;
      strengths: string;
      experience: string;
      limitations: string;
      preferredHoursMin: number | null;
      preferredHoursMax: number | null;
      disclosure: string;
      reason: string;
      placementId: string | null;
      authorId: string;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO ips_vocational_profiles (trajectory_id, version, wishes, strengths, experience, limitations,
         preferred_hours_min, preferred_hours_max, disclosure, reason, placement_id, author_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        p.trajectoryId,
        p.version,
        p.wishes,
        p.strengths,
        p.experience,
        p.limitations,
        p.preferredHoursMin,
        p.preferredHoursMax,
        p.disclosure,
        p.reason,
        p.placementId,
        p.authorId,
      ],
    );
  }

  /**
   * What the funding rules need about the client: the benefit history of their trajectories and the
   * current insurer. Unscoped: used only to classify activities, never returned.
   */
  async fundingFacts(
    m: EntityManager,
    clientId: string,
  ): Promise<{
    benefit: BenefitType | null;
    insurer: string | null;
    history: { from: string; benefit: BenefitType }[];
  }> {
    const history: { from: string; benefit: BenefitType }[] = await m.query(
      `SELECT to_char(e.effective_on, 'YYYY-MM-DD') AS "from", e.to_benefit AS benefit
       FROM ips_trajectory_events e JOIN ips_trajectories tr ON tr.id = e.trajectory_id
       WHERE tr.client_id = $1 AND e.event IN ('REGISTERED', 'BENEFIT') AND e.to_benefit IS NOT NULL
       ORDER BY e.effective_on, e.id`,
      [clientId],
    );
    const [latest] = await m.query(
      `SELECT tr.benefit, tr.health_insurer AS insurer FROM ips_trajectories tr WHERE tr.client_id = $1
       ORDER BY (tr.phase = 'ENDED'), tr.referral_date DESC LIMIT 1`,
      [clientId],
    );
    return { benefit: latest?.benefit ?? null, insurer: latest?.insurer ?? null, history };
  }

  /** Whether an insurer code exists (for a 400 instead of a foreign-key error). */
  async insurerExists(insurer: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM ips_insurer_caps WHERE insurer = $1', [
      insurer,
    ]);
    return rows.length > 0;
  }
}
