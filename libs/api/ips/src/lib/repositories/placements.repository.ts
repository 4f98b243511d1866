import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '@tandem/api-authz';
import type { ContractType, PlacementType, SupportArrangement } from '@tandem/domain';
import { rowsOf } from './sql';

export interface PlacementRow {
  id: string;
  clientId: string;
  teamId: string;
  trajectoryId: string;
  employerId: string;
  employerName: string;
  jobTitle: string;
  type: PlacementType;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  hoursPerWeek: string;
  hourlyWage: string | null;
  contract: ContractType;
  support: SupportArrangement[];
  notes: string;
  tenureDays: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT_PLACEMENT = `
  SELECT pl.id, pl.client_id AS "clientId", c.team_id AS "teamId", pl.trajectory_id AS "trajectoryId",
         pl.employer_id AS "employerId", e.name AS "employerName", pl.job_title AS "jobTitle", pl.type,
         to_char(pl.start_date, 'YYYY-MM-DD') AS "startDate", to_char(pl.end_date, 'YYYY-MM-DD') AS "endDate",
         pl.end_reason AS "endReason", pl.hours_per_week AS "hoursPerWeek", pl.hourly_wage AS "hourlyWage", pl.contract,
         pl.support, pl.notes, greatest(0, least(coalesce(pl.end_date, current_date), current_date) - pl.start_date) AS "tenureDays",
         pl.version, pl.created_at AS "createdAt", pl.updated_at AS "updatedAt"
  FROM ips_placements pl JOIN clients c ON c.id = pl.client_id JOIN ips_employers e ON e.id = pl.employer_id`;

export interface PlacementFields {
  jobTitle?: string;
  type?: PlacementType;
  startDate?: string;
  endDate?: string | null;
  endReason?: string | null;
  hoursPerWeek?: number;
  hourlyWage?: number | null;
  contract?: ContractType;
  support?: SupportArrangement[];
  notes?: string;
}

const COLUMNS: Record<keyof PlacementFields, string> = {
  jobTitle: 'job_title',
  type: 'type',
  startDate: 'start_date',
  endDate: 'end_date',
  endReason: 'end_reason',
  hoursPerWeek: 'hours_per_week',
  hourlyWage: 'hourly_wage',
  contract: 'contract',
  support: 'support',
  notes: 'notes',
};

/** SQL for placements. Lists take the caller's scope as their first condition. */
@Injectable()
export class PlacementsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(
    scopeSql: string,
    params: SqlParams,
    clientId: string,
    active: boolean | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ rows: PlacementRow[]; total: number }> {
    const where = [scopeSql, `pl.client_id = ${params.add(clientId)}`];
    if (active === true) where.push('(pl.end_date IS NULL OR pl.end_date >= current_date)');
    if (active === false) where.push('pl.end_date < current_date');
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM ips_placements pl JOIN clients c ON c.id = pl.client_id WHERE ${whereSql}`,
      params.values,
    );
    const limit = params.add(pageSize);
    const offset = params.add((page - 1) * pageSize);
    const rows = await this.db.query(
      `${SELECT_PLACEMENT} WHERE ${whereSql} ORDER BY pl.start_date DESC, pl.created_at DESC, pl.id LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    );
    return { rows, total };
  }

  /** One placement, unscoped: callers check the ability on the row before returning anything. */
  async findById(id: string, m: EntityManager = this.db.manager): Promise<PlacementRow | null> {
    const rows = await m.query(`${SELECT_PLACEMENT} WHERE pl.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async insert(
    m: EntityManager,
    p: Required<Omit<PlacementFields, 'endDate' | 'endReason'>> & {
      clientId: string;
      trajectoryId: string;
      employerId: string;
      createdBy: string;
    },
  ): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO ips_placements (client_id, trajectory_id, employer_id, job_title, type, start_date, hours_per_week,
         hourly_wage, contract, support, notes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        p.clientId,
        p.trajectoryId,
        p.employerId,
        p.jobTitle,
        p.type,
        p.startDate,
        p.hoursPerWeek,
        p.hourlyWage,
        p.contract,
        p.support,
        p.notes,
        p.createdBy,
      ],
    );
    return id;
  }

  /** Conditional update: only when `version` is current. Returns false on a conflict. */
  async update(
    m: EntityManager,
    id: string,
    version: number,
    change: PlacementFields,
  ): Promise<boolean> {
    const values: unknown[] = [id, version];
    const sets = Object.entries(change)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => {
        values.push(v);
        return `${COLUMNS[k as keyof PlacementFields]} = $${values.length}`;
      });
    const rows = rowsOf(
      await m.query(
        `UPDATE ips_placements SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
         WHERE id = $1 AND version = $2 RETURNING version`,
        values,
      ),
    );
    return rows.length > 0;
  }
}
