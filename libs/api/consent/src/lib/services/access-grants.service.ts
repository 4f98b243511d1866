import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AccessGrantProvider, AccessGrants } from '@tandem/api-authz';
import { CATEGORY_DOMAINS, ConsentCategory, type Principal } from '@tandem/domain';

/**
 * The grants that open client data to this caller right now, read from the database on every
 * request (no cache, so a revocation or expiry applies to the very next request):
 * given consents within their period and within an active agreement, addressed to the caller's
 * organisation, role or person; and unexpired emergency access.
 */
@Injectable()
export class AccessGrantsService implements AccessGrantProvider {
  async grantsFor(principal: Principal, db: EntityManager): Promise<AccessGrants> {
    const [consents, emergencies] = await Promise.all([
      db.query(
        `SELECT k.id, k.client_id, k.categories FROM consents k
         JOIN sharing_agreements a ON a.id = k.agreement_id AND a.valid_from <= current_date AND a.valid_until >= current_date
         WHERE k.status = 'GIVEN' AND k.valid_from <= current_date AND k.valid_until >= current_date
           AND k.recipient_organisation_id = $1
           AND (k.recipient_type = 'ORGANISATION'
                OR (k.recipient_type = 'ROLE' AND k.recipient_role = ANY($2))
                OR (k.recipient_type = 'PERSON' AND k.recipient_user_id = $3))`,
        [principal.organisationId, principal.roles, principal.userId],
      ) as Promise<{ id: string; client_id: string; categories: ConsentCategory[] }[]>,
      db.query(
        'SELECT DISTINCT client_id FROM emergency_access WHERE user_id = $1 AND expires_at > now()',
        [principal.userId],
      ) as Promise<{ client_id: string }[]>,
    ]);
    return {
      consents: consents.map((c) => ({
        consentId: c.id,
        clientId: c.client_id,
        domains: [...new Set(c.categories.flatMap((cat) => CATEGORY_DOMAINS[cat] ?? []))],
        categories: c.categories,
      })),
      emergencyClientIds: emergencies.map((e) => e.client_id),
    };
  }
}
