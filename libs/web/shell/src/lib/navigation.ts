import { CARE_ROLES, PARTICIPATION_ROLES, Role, type Principal } from '@tandem/domain';
import { boardTeams } from '@tandem/web-board';
import { canSeeDueWorkGoals } from '@tandem/web-ips';

export type PageKey =
  | 'caseload'
  | 'board'
  | 'conferences'
  | 'ipsQuick'
  | 'ipsWorkGoals'
  | 'ipsDashboard'
  | 'fundingReport'
  | 'passport'
  | 'accessLog';

export interface NavItem {
  key: PageKey;
  path: string;
  /** Key in the `shell` namespace. */
  labelKey: `nav.${PageKey}`;
}

export const PATHS: Record<PageKey, string> = {
  caseload: '/caseload',
  board: '/board',
  conferences: '/conferences',
  ipsQuick: '/ips/quick',
  ipsWorkGoals: '/ips/work-goals',
  ipsDashboard: '/ips/dashboard',
  fundingReport: '/ips/funding',
  passport: '/passport',
  accessLog: '/access-log',
};

/** Staff roles that can be assigned to clients (and so have a caseload without a team). */
const CASELOAD_ROLES: readonly Role[] = [
  ...CARE_ROLES,
  ...PARTICIPATION_ROLES,
  Role.ERVARINGSDESKUNDIGE,
];

/** Which pages a user may open. The API checks again; this only shapes the menu. */
export function canOpen(principal: Principal, page: PageKey): boolean {
  const roles = principal.roles;
  switch (page) {
    // Conferences go to the same people: organisers plan, invited partners attend (the API decides).
    case 'caseload':
    case 'conferences':
      return (
        !roles.includes(Role.CLIENT) &&
        (principal.teams.length > 0 || roles.some((role) => CASELOAD_ROLES.includes(role)))
      );
    case 'board':
      return !roles.includes(Role.CLIENT) && boardTeams(principal).length > 0;
    case 'ipsQuick':
      // The IPS specialist logs employer contacts, placements and activities.
      return roles.includes(Role.IPS_TRAJECTBEGELEIDER);
    case 'ipsWorkGoals':
      return canSeeDueWorkGoals(principal);
    case 'ipsDashboard':
      // Every team member reads the team's IPS figures (aggregates only).
      return !roles.includes(Role.CLIENT) && principal.teams.length > 0;
    case 'fundingReport':
      // Whoever may read activities: care staff and participation staff (scoped by the API).
      return roles.some((role) => CARE_ROLES.includes(role) || PARTICIPATION_ROLES.includes(role));
    case 'passport':
      return roles.includes(Role.CLIENT) || principal.clientId !== null;
    case 'accessLog':
      return roles.includes(Role.FUNCTIONARIS_GEGEVENSBESCHERMING);
  }
}

export function navItemsFor(principal: Principal): NavItem[] {
  return (Object.keys(PATHS) as PageKey[])
    .filter((key) => canOpen(principal, key))
    .map((key) => ({ key, path: PATHS[key], labelKey: `nav.${key}` as const }));
}
