import type { ConsentGrant } from '@tandem/ability';
import type { Principal } from '@tandem/domain';
import type { EntityManager } from 'typeorm';

/**
 * Supplies the consents that currently grant the caller access. The consent registry provides the
 * real one; until it is registered, no consent grants anything.
 */
export const CONSENT_GRANTS = Symbol('CONSENT_GRANTS');

export interface ConsentGrantProvider {
  grantsFor(principal: Principal, db: EntityManager): Promise<ConsentGrant[]>;
}

export const NO_CONSENTS: ConsentGrantProvider = { grantsFor: async () => [] };
