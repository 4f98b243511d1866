import type { Domain } from '@tandem/web-data-access';

/** The order of the sections on the client page. */
export const DOMAIN_ORDER: readonly Domain[] = [
  'TREATMENT',
  'PARTICIPATION',
  'WMO',
  'WORK_CAPACITY',
  'CLIENT',
];

/** The id of a domain's section (for the "on this page" links). */
export function domainAnchor(domain: Domain): string {
  return `notes-${domain.toLowerCase().replace('_', '-')}`;
}

/** The id of the plans section. */
export const PLANS_ANCHOR = 'plans';
