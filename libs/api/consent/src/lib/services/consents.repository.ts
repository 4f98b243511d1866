import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '@tandem/api-authz';

export interface ConsentRow {
  id: string;
  clientId: string;
  teamId: string;
  recipientType: string;
  recipientOrganisationId: string;
  recipientOrganisationName: string;
  recipientRole: string | null;
  recipientUserId: string | null;
  recipientUserName: string | null;
  purpose: string;
  categories: string[];
  status: string;
  textShown: string;
  method: string | null;
  situation: string;
  hasSignedForm: boolean;
  validFrom: string;
  validUntil: string;
  recordedByName: string | null;
  recordedAt: Date | null;
  revokedAt: Date | null;
  agreementName: string | null;
  version: number;
}

const SELECT = `
  SELECT k.id, k.client_id AS "clientId", c.team_id AS "teamId", k.recipient_type AS "recipientType",
         k.recipient_organisation_id AS "recipientOrganisationId", ro.name AS "recipientOrganisationName",
         k.recipient_role AS "recipientRole", k.recipient_user_id AS "recipientUserId", ru.display_name AS "recipientUserName",
         k.purpose, k.categories, k.status, k.text_shown AS "textShown", k.method, k.situation, (k.form_sha256 IS NOT NULL) AS "hasSignedForm",
         to_char(k.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(k.valid_until, 'YYYY-MM-DD') AS "validUntil",
         rb.display_name AS "recordedByName", k.recorded_at AS "recordedAt", k.revoked_at AS "revokedAt", a.name AS "agreementName", k.version
  FROM consents k
  JOIN clients c ON c.id = k.client_id
  JOIN organisations ro ON ro.id = k.recipient_organisation_id
  LEFT JOIN users ru ON ru.id = k.recipient_user_id
  LEFT JOIN users rb ON rb.id = k.recorded_by
  LEFT JOIN sharing_agreements a ON a.id = k.agreement_id`;

const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray((result as unknown[])[0]) ? (result as T[][])[0] : (result as T[]);

@Injectable()
export class ConsentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(scopeSql: string, params: SqlParams, clientId: string): Promise<ConsentRow[]> {
    return this.db.query(
      `${SELECT} WHERE ${scopeSql} AND k.client_id = ${params.add(clientId)} ORDER BY k.created_at DESC`,
      params.values,
    );
  }

  /** One consent by id, unscoped: callers check the ability on the row. */
  async findById(id: string, m: EntityManager = this.db.manager): Promise<ConsentRow | null> {
    const rows = await m.query(`${SELECT} WHERE k.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async history(consentIds: string[]): Promise<
    {
      consentId: string;
      event: string;
      at: Date;
      actorName: string | null;
      details: Record<string, unknown>;
    }[]
  > {
    if (!consentIds.length) return [];
    return this.db.query(
      `SELECT e.consent_id AS "consentId", e.event, e.at, u.display_name AS "actorName", e.details
       FROM consent_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.consent_id = ANY($1) ORDER BY e.id`,
      [consentIds],
    );
  }

  async event(
    m: EntityManager,
    consentId: string,
    event: string,
    actorId: string | null,
    details: Record<string, unknown> = {},
  ) {
    await m.query(
      'INSERT INTO consent_events (consent_id, event, actor_id, details) VALUES ($1, $2, $3, $4)',
      [consentId, event, actorId, JSON.stringify(details)],
    );
  }

  async insert(m: EntityManager, values: Record<string, unknown>): Promise<string> {
    const columns = Object.keys(values);
    const [{ id }] = await m.query(
      `INSERT INTO consents (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    return id;
  }

  /** A state change guarded by the expected current status; false when it changed meanwhile. */
  async transition(
    m: EntityManager,
    id: string,
    from: string[],
    set: Record<string, unknown>,
  ): Promise<boolean> {
    const columns = Object.keys(set);
    const result = rowsOf<{ id: string }>(
      await m.query(
        `UPDATE consents SET ${columns.map((c, i) => `${c} = $${i + 3}`).join(', ')}, version = version + 1
         WHERE id = $1 AND status = ANY($2) RETURNING id`,
        [id, from, ...Object.values(set)],
      ),
    );
    return result.length > 0;
  }

  /** Active agreements that include both organisations, with the categories they allow. */
  async agreementsBetween(
    orgA: string,
    orgB: string,
  ): Promise<{ id: string; name: string; categories: string[] }[]> {
    return this.db.query(
      `SELECT id, name, categories FROM sharing_agreements
       WHERE $1 = ANY(party_ids) AND $2 = ANY(party_ids) AND valid_from <= current_date AND valid_until >= current_date
       ORDER BY valid_until DESC`,
      [orgA, orgB],
    );
  }

  async careOrganisationOf(
    clientId: string,
  ): Promise<{ organisationId: string; organisationName: string } | null> {
    const rows = await this.db.query(
      'SELECT o.id AS "organisationId", o.name AS "organisationName" FROM clients c JOIN teams t ON t.id = c.team_id JOIN organisations o ON o.id = t.organisation_id WHERE c.id = $1',
      [clientId],
    );
    return rows[0] ?? null;
  }

  async organisationName(id: string): Promise<string | null> {
    const rows = await this.db.query('SELECT name FROM organisations WHERE id = $1', [id]);
    return rows[0]?.name ?? null;
  }

  async userInOrganisation(userId: string, organisationId: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM users WHERE id = $1 AND organisation_id = $2', [
      userId,
      organisationId,
    ]);
    return rows.length > 0;
  }
}
