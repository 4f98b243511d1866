import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthzService, SqlParams } from '@tandem/api-authz';
import type { Principal } from '@tandem/domain';
import { AccessLogEntryDto, AccessLogQueryDto } from '../dtos/access-log.dto';
import { AuditTrail } from './audit-trail';

const SELECT = `
  SELECT l.id::text, l.at, l.user_id AS "userId", u.display_name AS "userName", l.user_role AS "userRole", o.name AS "organisationName",
         l.client_id AS "clientId", CASE WHEN lc2.id IS NULL THEN NULL ELSE lc2.first_name || ' ' || lc2.last_name END AS "clientName",
         coalesce(l.client_ids, '{}') AS "clientIds", l.object_type AS "objectType", l.object_id AS "objectId", l.action, l.outcome, l.basis,
         coalesce(l.consent_ids, '{}') AS "consentIds", l.emergency, l.channel, l.route, l.ip, l.user_agent AS "userAgent", l.session_id AS "sessionId"
  FROM access_log l
  LEFT JOIN users u ON u.id = l.user_id
  LEFT JOIN organisations o ON o.id = l.organisation_id
  LEFT JOIN clients lc2 ON lc2.id = l.client_id`;

const entryOf = (r: AccessLogEntryDto & { at: Date }): AccessLogEntryDto => ({
  ...r,
  at: new Date(r.at).toISOString(),
});

/** Views on the access log (by client, by user, by period), scoped by the ability; reading is itself logged. */
@Injectable()
export class AccessLogQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly authz: AuthzService,
    private readonly trail: AuditTrail,
  ) {}

  async list(
    principal: Principal,
    query: AccessLogQueryDto,
  ): Promise<{ rows: AccessLogEntryDto[]; total: number }> {
    const params = new SqlParams();
    const scopeSql = await this.authz.scope(principal, 'read', 'AccessLog', params);
    return this.query(scopeSql, params, query);
  }

  /**
   * For a client: the entries about her own file (the passport's "who looked"). Without further
   * filters the page is found through access_log_clients — the count an index-only scan, the page
   * 25 look-ups — instead of a bitmap scan over the whole log; each entry is still checked against
   * her scope. That count needs no scope of its own: she may read every entry about herself (as the
   * only client named, or as one of a list's clients), which is checked on the ability first.
   */
  async ownFile(
    principal: Principal,
    clientId: string,
    query: AccessLogQueryDto,
  ): Promise<{ rows: AccessLogEntryDto[]; total: number }> {
    const params = new SqlParams();
    const scopeSql = await this.authz.scope(principal, 'read', 'AccessLog', params);
    const filtered = query.userId || query.from || query.to || query.emergency !== undefined;
    const about = (one: string | null, list: string[]) => ({
      organisationId: null,
      clientOrganisationId: null,
      clientId: one,
      clientIds: list,
    });
    const allAboutHer =
      (await this.authz.can(principal, 'read', 'AccessLog', about(clientId, []))) &&
      (await this.authz.can(principal, 'read', 'AccessLog', about(null, [clientId])));
    if (filtered || !allAboutHer) return this.query(scopeSql, params, { ...query, clientId });
    return this.pageAboutClient(scopeSql, params, clientId, query);
  }

  private async pageAboutClient(
    scopeSql: string,
    params: SqlParams,
    clientId: string,
    query: AccessLogQueryDto,
  ): Promise<{ rows: AccessLogEntryDto[]; total: number }> {
    const [{ total }] = await this.db.query(
      'SELECT count(*)::int AS total FROM access_log_clients x WHERE x.client_id = $1',
      [clientId],
    );
    const client = params.add(clientId);
    const limit = params.add(query.pageSize);
    const offset = params.add((query.page - 1) * query.pageSize);
    const rows = await this.db.query(
      `${SELECT}
       JOIN (SELECT x.log_id FROM access_log_clients x WHERE x.client_id = ${client}
             ORDER BY x.log_id DESC LIMIT ${limit} OFFSET ${offset}) page ON page.log_id = l.id
       WHERE ${scopeSql} ORDER BY l.id DESC`,
      params.values,
    );
    return { rows: rows.map(entryOf), total };
  }

  private async query(
    scopeSql: string,
    params: SqlParams,
    query: AccessLogQueryDto,
  ): Promise<{ rows: AccessLogEntryDto[]; total: number }> {
    const where = [scopeSql];
    if (query.clientId) {
      const p = params.add(query.clientId);
      where.push(`(l.client_id = ${p} OR l.client_ids @> ARRAY[${p}::uuid])`);
    }
    if (query.userId) where.push(`l.user_id = ${params.add(query.userId)}`);
    if (query.from) where.push(`l.at >= ${params.add(query.from)}`);
    if (query.to) where.push(`l.at < ${params.add(query.to)}`);
    if (query.emergency !== undefined) where.push(`l.emergency = ${params.add(query.emergency)}`);
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM access_log l WHERE ${whereSql}`,
      params.values,
    );
    const limit = params.add(query.pageSize);
    const offset = params.add((query.page - 1) * query.pageSize);
    const rows = await this.db.query(
      `${SELECT} WHERE ${whereSql} ORDER BY l.id DESC LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    );
    return { rows: rows.map(entryOf), total };
  }

  recordRead(
    principal: Principal,
    query: AccessLogQueryDto,
    count: number,
    action: 'LOG_READ' | 'EXPORT',
    basis = 'SUPERVISION',
  ) {
    this.trail.add(principal, {
      objectType: 'AccessLog',
      clientId: query.clientId ?? null,
      action,
      basis,
      details: {
        filter: {
          clientId: query.clientId,
          userId: query.userId,
          from: query.from,
          to: query.to,
          emergency: query.emergency,
        },
        count,
      },
    });
  }
}
