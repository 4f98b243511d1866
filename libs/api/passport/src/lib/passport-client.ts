import { Injectable } from '@nestjs/common';
import { AuthzService, notFound } from '@tandem/api-authz';
import { AuditTrail, type AuditAction } from '@tandem/api-audit';
import { ClientsRepository } from '@tandem/api-caseload';
import type { Principal } from '@tandem/domain';

export interface OwnClient {
  id: string;
  teamId: string;
}

/**
 * The signed-in client's own record, for the `me/...` routes of the passport. Anyone who is not a
 * client (staff, or a client account without a file) gets 404: there is no passport to show.
 */
@Injectable()
export class PassportClient {
  constructor(
    private readonly clients: ClientsRepository,
    private readonly authz: AuthzService,
    private readonly audit: AuditTrail,
  ) {}

  async own(principal: Principal): Promise<OwnClient> {
    const ref = principal.clientId ? await this.clients.findRef(principal.clientId) : null;
    if (
      !ref ||
      !(await this.authz.can(principal, 'read', 'Client', { id: ref.id, teamId: ref.teamId }))
    ) {
      throw notFound('passport');
    }
    return ref;
  }

  /** Writes what the client looked at or did into the access log (basis: her own data). */
  async record(
    principal: Principal,
    client: OwnClient,
    action: AuditAction,
    objectType: string,
    objectId: string | null = null,
    details?: Record<string, unknown>,
  ): Promise<void> {
    const basis = await this.authz.basisFor(principal, client.id, client.teamId);
    this.audit.add(principal, {
      objectType,
      objectId,
      clientId: client.id,
      action,
      basis: basis.basis,
      consentIds: basis.consentIds,
      emergency: basis.emergency,
      details,
    });
  }
}
