import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@tandem/domain';
import type { AuditFact } from './audit-trail';

/** Where an access came from (NEN 7513): address, agent, session, channel and route. */
export interface AccessOrigin {
  channel: 'HTTP' | 'SOCKET' | 'SYSTEM';
  route?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  firstBrokenId: string | null;
  problem: string | null;
}

/**
 * Writes and reads the NEN 7513 access log. Entries are hash-chained by a database trigger and can
 * be neither changed nor deleted (triggers and the application role's privileges).
 */
@Injectable()
export class AccessLogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async write(
    principal: Principal | null,
    outcome: 'ALLOWED' | 'DENIED',
    facts: AuditFact[],
    origin: AccessOrigin,
    manager: EntityManager = this.db.manager,
  ): Promise<void> {
    for (const f of facts) {
      await manager.query(
        `INSERT INTO access_log (user_id, user_role, organisation_id, client_id, client_ids, object_type, object_id, action, outcome, basis,
           consent_ids, emergency, channel, route, ip, user_agent, session_id, details, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, '', '')`,
        [
          principal?.userId ?? null,
          principal?.roles.join(',') ?? null,
          principal?.organisationId ?? null,
          f.clientId ?? null,
          f.clientIds?.length ? f.clientIds : null,
          f.objectType,
          f.objectId ?? null,
          f.action,
          outcome,
          outcome === 'DENIED' ? 'NONE' : f.basis,
          f.consentIds?.length ? f.consentIds : null,
          f.emergency ?? false,
          origin.channel,
          origin.route ?? null,
          origin.ip ?? null,
          origin.userAgent?.slice(0, 300) ?? null,
          principal?.sessionId ?? null,
          JSON.stringify(f.details ?? {}),
        ],
      );
    }
  }

  /** Recomputes every hash and link; reports the first entry that does not match. */
  async verify(): Promise<VerifyResult> {
    const [{ n }] = await this.db.query('SELECT count(*)::int AS n FROM access_log');
    const broken: { id: string; ok_hash: boolean; ok_link: boolean }[] = await this.db.query(`
      SELECT id::text, ok_hash, ok_link FROM (
        SELECT id,
               hash = encode(sha256(convert_to(tandem_access_log_canonical(l), 'UTF8')), 'hex') AS ok_hash,
               prev_hash = coalesce(lag(hash) OVER (ORDER BY id), 'GENESIS') AS ok_link
        FROM access_log l
      ) x WHERE NOT (ok_hash AND ok_link) ORDER BY id LIMIT 1`);
    const first = broken[0];
    return {
      ok: !first,
      entries: n,
      firstBrokenId: first?.id ?? null,
      problem: first
        ? first.ok_hash
          ? 'the chain link to the previous entry is broken (an entry was removed or inserted)'
          : 'the entry was changed after it was written'
        : null,
    };
  }
}
