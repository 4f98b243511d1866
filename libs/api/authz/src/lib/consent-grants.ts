import type { ConsentGrant } from '@tandem/ability';
import type { Principal } from '@tandem/domain';
import type { EntityManager } from 'typeorm';

/**
 * Supplies the grants that currently open client data beyond the default policy: active consents
 * and emergency access. The consent registry provides the real one; without it nothing is granted.
 * Evaluated on every request: a revocation applies to the very next request.
 */
export const ACCESS_GRANTS = Symbol('ACCESS_GRANTS');

export interface AccessGrants {
  consents: ConsentGrant[];
  emergencyClientIds: string[];
}

export interface AccessGrantProvider {
  grantsFor(principal: Principal, db: EntityManager): Promise<AccessGrants>;
}

export const NO_GRANTS: AccessGrantProvider = {
  grantsFor: async () => ({ consents: [], emergencyClientIds: [] }),
};
