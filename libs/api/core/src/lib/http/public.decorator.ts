import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'tandem:public';

/**
 * Marks a route as reachable without signing in. Everything else requires authentication (deny by
 * default); the committed endpoint-policy snapshot shows every route that carries this mark.
 */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);

export const POLICY_KEY = 'tandem:policy';

/**
 * A human-readable statement of what a route checks after sign-in: the ability action and subject,
 * and how its results are scoped. It is part of the committed endpoint-policy snapshot.
 */
export interface PolicyDescription {
  action: string;
  subject: string;
  scope?: string;
  /** How the access log names this access, when the HTTP method alone does not say it (e.g. SEARCH, EXPORT). */
  auditAction?:
    'READ' | 'SEARCH' | 'CREATE' | 'UPDATE' | 'EXPORT' | 'EMERGENCY_ACCESS' | 'LOG_READ';
}

export const Policy = (description: PolicyDescription) => SetMetadata(POLICY_KEY, description);
