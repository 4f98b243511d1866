import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inWriteUnit, outsideWriteUnit } from '@tandem/api-core';
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

const COLUMNS =
  'user_id, user_role, organisation_id, client_id, client_ids, object_type, object_id, action, outcome, basis, ' +
  'consent_ids, emergency, channel, route, ip, user_agent, session_id, details, prev_hash, hash';
const PARAMS_PER_ROW = 18;
/** Rows per statement in a group commit (PostgreSQL allows 65,535 parameters). */
const MAX_BATCH_ROWS = 500;

function insertSql(rows: number): string {
  const values = Array.from({ length: rows }, (_, r) => {
    const first = r * PARAMS_PER_ROW + 1;
    const params = Array.from({ length: PARAMS_PER_ROW }, (_, i) => `$${first + i}`).join(', ');
    return `(${params}, '', '')`;
  });
  return `INSERT INTO access_log (${COLUMNS}) VALUES ${values.join(', ')}`;
}

interface Pending {
  rows: unknown[][];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Writes and reads the NEN 7513 access log. Entries are hash-chained by a database trigger and can
 * be neither changed nor deleted (triggers and the application role's privileges).
 *
 * Every entry takes the chain's lock and a commit. Inside a write unit the entry is part of the
 * write's own transaction. Outside one (reads, refusals, the live room) entries are written with
 * **group commit**: while one INSERT is being committed, the entries that arrive wait and then go
 * together in the next statement — one lock and one commit for many requests — and each caller's
 * promise resolves only once its entry is committed (no access without a record). Alone, an entry
 * is written at once.
 */
@Injectable()
export class AccessLogService {
  private readonly queue: Pending[] = [];
  private flushing = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async write(
    principal: Principal | null,
    outcome: 'ALLOWED' | 'DENIED',
    facts: AuditFact[],
    origin: AccessOrigin,
  ): Promise<void> {
    const rows = facts.map((f) => [
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
    ]);
    if (!rows.length) return;
    if (inWriteUnit()) {
      await this.db.query(insertSql(rows.length), rows.flat());
      return;
    }
    await new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      void this.flush();
    });
  }

  /** Writes what is queued, batch after batch, until the queue is empty. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length) {
        const batch: Pending[] = [];
        let count = 0;
        while (
          this.queue.length &&
          (!batch.length || count + this.queue[0].rows.length <= MAX_BATCH_ROWS)
        ) {
          const next = this.queue.shift() as Pending;
          batch.push(next);
          count += next.rows.length;
        }
        try {
          await this.insert(batch.flatMap((p) => p.rows));
          for (const p of batch) p.resolve();
        } catch (error) {
          if (batch.length === 1) batch[0].reject(error);
          // One bad entry must not fail the other requests: write them one by one.
          else for (const p of batch) await this.insert(p.rows).then(p.resolve, p.reject);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private insert(rows: unknown[][]) {
    return outsideWriteUnit(() => this.db.query(insertSql(rows.length), rows.flat()));
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
