import { Injectable } from '@nestjs/common';
import type { Principal } from '@tandem/domain';

export type AuditAction =
  'READ' | 'SEARCH' | 'CREATE' | 'UPDATE' | 'EXPORT' | 'EMERGENCY_ACCESS' | 'LOG_READ';

/** One fact about an access, as the service that performed it knows it. */
export interface AuditFact {
  objectType: string;
  objectId?: string | null;
  clientId?: string | null;
  /** For lists that show several clients (the caseload, the board). */
  clientIds?: string[];
  action: AuditAction;
  basis: string;
  consentIds?: string[];
  emergency?: boolean;
  details?: Record<string, unknown>;
}

/**
 * Collects what a request did with client data, keyed by the request's principal (a fresh object
 * per request). The audit interceptor writes the facts to the access log before the response
 * leaves, so no access goes unrecorded.
 */
@Injectable()
export class AuditTrail {
  private readonly facts = new WeakMap<Principal, AuditFact[]>();

  add(principal: Principal, fact: AuditFact): void {
    const list = this.facts.get(principal) ?? [];
    list.push(fact);
    this.facts.set(principal, list);
  }

  take(principal: Principal): AuditFact[] {
    const list = this.facts.get(principal) ?? [];
    this.facts.delete(principal);
    return list;
  }
}
