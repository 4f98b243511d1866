import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '@tandem/api-authz';
import type { EmployerContactKind, EmployerContactOutcome } from '@tandem/domain';
import { likePattern, rowsOf } from './sql';

export interface EmployerRow {
  id: string;
  teamId: string;
  name: string;
  sector: string;
  city: string;
  phone: string;
  email: string;
  notes: string;
  contactPersons: { id: string; name: string; role: string; phone: string; email: string }[];
  version: number;
}

export interface EmployerContactRow {
  id: string;
  teamId: string;
  employerId: string;
  employerName: string;
  contactPersonId: string | null;
  contactPersonName: string | null;
  specialistId: string;
  specialistName: string;
  clientId: string | null;
  clientName: string | null;
  contactOn: string;
  kind: EmployerContactKind;
  outcome: EmployerContactOutcome;
  notes: string;
  followUpOn: string | null;
  followUp: string;
  version: number;
  createdAt: Date;
}

const SELECT_EMPLOYER = `
  SELECT e.id, e.team_id AS "teamId", e.name, e.sector, e.city, e.phone, e.email, e.notes, e.version,
         coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'role', p.role, 'phone', p.phone, 'email', p.email)
                    ORDER BY p.name) FROM ips_employer_contact_persons p WHERE p.employer_id = e.id), '[]') AS "contactPersons"
  FROM ips_employers e`;

const SELECT_CONTACT = `
  SELECT ec.id, ec.team_id AS "teamId", ec.employer_id AS "employerId", e.name AS "employerName",
         ec.contact_person_id AS "contactPersonId", cp.name AS "contactPersonName", ec.specialist_id AS "specialistId",
         su.display_name AS "specialistName", ec.client_id AS "clientId",
         CASE WHEN c.id IS NULL THEN NULL ELSE c.first_name || ' ' || c.last_name END AS "clientName",
         to_char(ec.contact_on, 'YYYY-MM-DD') AS "contactOn", ec.kind, ec.outcome, ec.notes,
         to_char(ec.follow_up_on, 'YYYY-MM-DD') AS "followUpOn", ec.follow_up AS "followUp", ec.version, ec.created_at AS "createdAt"
  FROM ips_employer_contacts ec JOIN ips_employers e ON e.id = ec.employer_id JOIN users su ON su.id = ec.specialist_id
  LEFT JOIN ips_employer_contact_persons cp ON cp.id = ec.contact_person_id LEFT JOIN clients c ON c.id = ec.client_id`;

export interface EmployerContactFilter {
  teamId?: string;
  specialistId?: string;
  clientId?: string;
  employerId?: string;
  from?: string;
  to?: string;
}

/** SQL for the employer register and employer contacts. Lists take the caller's scope. */
@Injectable()
export class EmployersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The register the caller may read, filtered and paged. */
  async list(
    scopeSql: string,
    params: SqlParams,
    filter: { teamId?: string; q?: string },
    page: number,
    pageSize: number,
  ): Promise<{ rows: EmployerRow[]; total: number }> {
    const where = [scopeSql];
    if (filter.teamId) where.push(`e.team_id = ${params.add(filter.teamId)}`);
    if (filter.q?.trim()) {
      const p = params.add(likePattern(filter.q));
      where.push(`(e.name ILIKE ${p} OR e.sector ILIKE ${p} OR e.city ILIKE ${p})`);
    }
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM ips_employers e WHERE ${whereSql}`,
      params.values,
    );
    const limit = params.add(pageSize);
    const offset = params.add((page - 1) * pageSize);
    const rows = await this.db.query(
      `${SELECT_EMPLOYER} WHERE ${whereSql} ORDER BY lower(e.name), e.id LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    );
    return { rows, total };
  }

  /** Per employer: the last contact date and the number of contacts, counting only contacts in the caller's scope. */
  async contactStats(
    scopeSql: string,
    params: SqlParams,
    employerIds: string[],
  ): Promise<Map<string, { lastContactOn: string | null; contactCount: number }>> {
    if (!employerIds.length) return new Map();
    const rows: { employerId: string; lastContactOn: string | null; contactCount: number }[] =
      await this.db.query(
        `SELECT ec.employer_id AS "employerId", to_char(max(ec.contact_on), 'YYYY-MM-DD') AS "lastContactOn",
              count(*)::int AS "contactCount"
       FROM ips_employer_contacts ec LEFT JOIN clients c ON c.id = ec.client_id
       WHERE ${scopeSql} AND ec.employer_id = ANY(${params.add(employerIds)}::uuid[])
       GROUP BY ec.employer_id`,
        params.values,
      );
    return new Map(rows.map((r) => [r.employerId, r]));
  }

  /** One employer, unscoped: callers check read Employer on its team. */
  async findById(id: string, m: EntityManager = this.db.manager): Promise<EmployerRow | null> {
    const rows = await m.query(`${SELECT_EMPLOYER} WHERE e.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findByName(
    teamId: string,
    name: string,
    m: EntityManager = this.db.manager,
  ): Promise<{ id: string } | null> {
    const rows = await m.query(
      'SELECT id FROM ips_employers WHERE team_id = $1 AND lower(name) = lower($2)',
      [teamId, name.trim()],
    );
    return rows[0] ?? null;
  }

  async insert(
    m: EntityManager,
    e: {
      teamId: string;
      name: string;
      sector: string;
      city: string;
      phone: string;
      email: string;
      notes: string;
      createdBy: string;
    },
  ): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO ips_employers (team_id, name, sector, city, phone, email, notes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [e.teamId, e.name, e.sector, e.city, e.phone, e.email, e.notes, e.createdBy],
    );
    return id;
  }

  async update(
    m: EntityManager,
    id: string,
    version: number,
    change: Partial<Record<'name' | 'sector' | 'city' | 'phone' | 'email' | 'notes', string>>,
  ): Promise<boolean> {
    const values: unknown[] = [id, version];
    const sets = Object.entries(change)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => {
        values.push(v);
        return `${k} = $${values.length}`;
      });
    const rows = rowsOf(
      await m.query(
        `UPDATE ips_employers SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
         WHERE id = $1 AND version = $2 RETURNING version`,
        values,
      ),
    );
    return rows.length > 0;
  }

  async addContactPerson(
    m: EntityManager,
    p: {
      employerId: string;
      name: string;
      role: string;
      phone: string;
      email: string;
      createdBy: string;
    },
  ): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO ips_employer_contact_persons (employer_id, name, role, phone, email, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [p.employerId, p.name, p.role, p.phone, p.email, p.createdBy],
    );
    return id;
  }

  async contacts(
    scopeSql: string,
    params: SqlParams,
    filter: EmployerContactFilter,
    page: number,
    pageSize: number,
  ): Promise<{ rows: EmployerContactRow[]; total: number }> {
    const where = [scopeSql];
    if (filter.teamId) where.push(`ec.team_id = ${params.add(filter.teamId)}`);
    if (filter.specialistId) where.push(`ec.specialist_id = ${params.add(filter.specialistId)}`);
    if (filter.clientId) where.push(`ec.client_id = ${params.add(filter.clientId)}`);
    if (filter.employerId) where.push(`ec.employer_id = ${params.add(filter.employerId)}`);
    if (filter.from) where.push(`ec.contact_on >= ${params.add(filter.from)}::date`);
    if (filter.to) where.push(`ec.contact_on <= ${params.add(filter.to)}::date`);
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM ips_employer_contacts ec LEFT JOIN clients c ON c.id = ec.client_id WHERE ${whereSql}`,
      params.values,
    );
    const limit = params.add(pageSize);
    const offset = params.add((page - 1) * pageSize);
    const rows = await this.db.query(
      `${SELECT_CONTACT} WHERE ${whereSql} ORDER BY ec.contact_on DESC, ec.created_at DESC, ec.id LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    );
    return { rows, total };
  }

  /** One contact, unscoped: callers check read EmployerContact on it. */
  async findContact(
    id: string,
    m: EntityManager = this.db.manager,
  ): Promise<EmployerContactRow | null> {
    const rows = await m.query(`${SELECT_CONTACT} WHERE ec.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async insertContact(
    m: EntityManager,
    c: {
      teamId: string;
      employerId: string;
      contactPersonId: string | null;
      specialistId: string;
      clientId: string | null;
      contactOn: string;
      kind: string;
      outcome: string;
      notes: string;
      followUpOn: string | null;
      followUp: string;
    },
  ): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO ips_employer_contacts (team_id, employer_id, contact_person_id, specialist_id, client_id, contact_on, kind,
         outcome, notes, follow_up_on, follow_up)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        c.teamId,
        c.employerId,
        c.contactPersonId,
        c.specialistId,
        c.clientId,
        c.contactOn,
        c.kind,
        c.outcome,
        c.notes,
        c.followUpOn,
        c.followUp,
      ],
    );
    return id;
  }

  async updateContact(
    m: EntityManager,
    id: string,
    version: number,
    change: Partial<
      Record<'contactOn' | 'kind' | 'outcome' | 'notes' | 'followUpOn' | 'followUp', string | null>
    >,
  ): Promise<boolean> {
    const columns: Record<string, string> = {
      contactOn: 'contact_on',
      kind: 'kind',
      outcome: 'outcome',
      notes: 'notes',
      followUpOn: 'follow_up_on',
      followUp: 'follow_up',
    };
    const values: unknown[] = [id, version];
    const sets = Object.entries(change)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => {
        values.push(v);
        return `${columns[k]} = $${values.length}`;
      });
    const rows = rowsOf(
      await m.query(
        `UPDATE ips_employer_contacts SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
         WHERE id = $1 AND version = $2 RETURNING version`,
        values,
      ),
    );
    return rows.length > 0;
  }
}
