import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditTrail } from '@tandem/api-audit';
import { AuthzService, notFound } from '@tandem/api-authz';
import { ClientsRepository } from '@tandem/api-caseload';
import { DomainError } from '@tandem/api-core';
import { RecordDomain, type Principal } from '@tandem/domain';

export interface ClientRef {
  id: string;
  teamId: string;
}

/** Today's date (YYYY-MM-DD, UTC). */
export const today = () => new Date().toISOString().slice(0, 10);

export const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export const iso = (value: Date | string | null | undefined) =>
  value === null || value === undefined ? null : new Date(value).toISOString();

/** A validation error on one field, in the shape of the global validation pipe. */
export const invalid = (field: string, rule: string, message: string) =>
  new DomainError(
    HttpStatus.BAD_REQUEST,
    'VALIDATION_FAILED',
    `Please correct: ${field} (${message})`,
    {
      errors: [{ field, rule, message }],
    },
  );

export const conflict = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new DomainError(HttpStatus.CONFLICT, code, message, extra);

export const versionConflict = (what: string, current: unknown) =>
  conflict(
    'VERSION_CONFLICT',
    `This ${what} was changed by someone else in the meantime. Review the current version below and apply your change again.`,
    { current },
  );

/** Client lookup and the access-log facts shared by the IPS services. */
@Injectable()
export class IpsAccess {
  constructor(
    private readonly clients: ClientsRepository,
    private readonly authz: AuthzService,
    private readonly audit: AuditTrail,
  ) {}

  /** The client (id and care team), or 404. Whether the caller may see IPS records is checked per record. */
  async client(clientId: string): Promise<ClientRef> {
    const row = await this.clients.findRef(clientId);
    if (!row) throw notFound('client');
    return { id: row.id, teamId: row.teamId };
  }

  /** Records an access to one client's IPS records for the NEN 7513 log. */
  async record(
    principal: Principal,
    action: 'READ' | 'CREATE' | 'UPDATE',
    objectType: string,
    client: ClientRef,
    objectId: string | null,
    details?: Record<string, unknown>,
    domains: RecordDomain[] = [RecordDomain.PARTICIPATION],
  ): Promise<void> {
    const bases = await Promise.all(
      (domains.length ? domains : [RecordDomain.PARTICIPATION]).map((d) =>
        this.authz.basisFor(principal, client.id, client.teamId, d),
      ),
    );
    this.audit.add(principal, {
      objectType,
      objectId,
      clientId: client.id,
      action,
      basis: [...new Set(bases.map((b) => b.basis))].sort().join(','),
      consentIds: [...new Set(bases.flatMap((b) => b.consentIds))],
      emergency: bases.some((b) => b.emergency),
      details,
    });
  }

  /** Records a list or report that shows records of several clients. */
  async recordMany(
    principal: Principal,
    action: 'SEARCH' | 'EXPORT',
    objectType: string,
    clients: ClientRef[],
    details: Record<string, unknown>,
  ): Promise<void> {
    const unique = [...new Map(clients.map((c) => [c.id, c])).values()];
    const bases = await Promise.all(
      unique.map((c) => this.authz.basisFor(principal, c.id, c.teamId, RecordDomain.PARTICIPATION)),
    );
    this.audit.add(principal, {
      objectType,
      clientIds: unique.map((c) => c.id),
      action,
      basis: [...new Set(bases.map((b) => b.basis))].sort().join(',') || 'NONE',
      consentIds: [...new Set(bases.flatMap((b) => b.consentIds))],
      emergency: bases.some((b) => b.emergency),
      details,
    });
  }

  /** Records team-level access without client data (register, aggregate figures, settings). */
  recordTeam(
    principal: Principal,
    action: 'READ' | 'SEARCH' | 'CREATE' | 'UPDATE' | 'EXPORT',
    objectType: string,
    objectId: string | null,
    details: Record<string, unknown>,
  ): void {
    this.audit.add(principal, {
      objectType,
      objectId,
      action,
      basis: 'TEAM_MEMBERSHIP',
      details,
    });
  }
}
