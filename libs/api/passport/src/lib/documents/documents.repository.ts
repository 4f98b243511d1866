import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '@tandem/api-authz';

export interface DocumentRow {
  id: string;
  clientId: string;
  teamId: string;
  title: string;
  fileName: string;
  mime: string;
  sizeBytes: number;
  recipientUserId: string;
  recipientName: string;
  recipientOrganisationName: string;
  purpose: string;
  message: string | null;
  validFrom: string;
  validUntil: string;
  sharedAt: Date;
  revokedAt: Date | null;
  active: boolean;
}

const SELECT_DOCUMENT = `
  SELECT d.id, d.client_id AS "clientId", c.team_id AS "teamId", d.title, d.file_name AS "fileName", d.mime,
         d.size_bytes AS "sizeBytes", d.recipient_user_id AS "recipientUserId", ru.display_name AS "recipientName",
         ro.name AS "recipientOrganisationName", d.purpose, d.message,
         to_char(d.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(d.valid_until, 'YYYY-MM-DD') AS "validUntil",
         d.shared_at AS "sharedAt", d.revoked_at AS "revokedAt",
         (d.revoked_at IS NULL AND d.valid_from <= current_date AND d.valid_until >= current_date) AS active
  FROM client_documents d
  JOIN clients c ON c.id = d.client_id
  JOIN users ru ON ru.id = d.recipient_user_id
  JOIN organisations ro ON ro.id = d.recipient_organisation_id`;

/** Documents clients share themselves. Lists take the caller's scope; single reads are checked by the caller. */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(scopeSql: string, params: SqlParams, clientId: string): Promise<DocumentRow[]> {
    return this.db.query(
      `${SELECT_DOCUMENT} WHERE ${scopeSql} AND d.client_id = ${params.add(clientId)} ORDER BY d.shared_at DESC, d.id`,
      params.values,
    );
  }

  async findById(id: string): Promise<DocumentRow | null> {
    const rows = await this.db.query(`${SELECT_DOCUMENT} WHERE d.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async content(id: string): Promise<Buffer> {
    const [row] = await this.db.query('SELECT content FROM client_documents WHERE id = $1', [id]);
    return row.content as Buffer;
  }

  /** The people who work with the client now (active assignments), with their organisation. */
  async recipients(clientId: string): Promise<
    {
      userId: string;
      displayName: string;
      kind: string;
      organisationId: string;
      organisationName: string;
    }[]
  > {
    return this.db.query(
      `SELECT DISTINCT ON (u.id) u.id AS "userId", u.display_name AS "displayName", a.kind,
              o.id AS "organisationId", o.name AS "organisationName"
       FROM client_assignments a JOIN users u ON u.id = a.user_id JOIN organisations o ON o.id = u.organisation_id
       WHERE a.client_id = $1 AND a.ended_at IS NULL AND u.active
       ORDER BY u.id, a.started_at`,
      [clientId],
    );
  }

  async insert(m: EntityManager, values: Record<string, unknown>): Promise<string> {
    const columns = Object.keys(values);
    const [{ id }] = await m.query(
      `INSERT INTO client_documents (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    return id;
  }

  /** Revokes an active share; false when it was revoked meanwhile. */
  async revoke(m: EntityManager, id: string, by: string): Promise<boolean> {
    const result = await m.query(
      `UPDATE client_documents SET revoked_at = now(), revoked_by = $2, version = version + 1
       WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [id, by],
    );
    const rows = Array.isArray(result[0]) ? result[0] : result;
    return rows.length > 0;
  }
}
