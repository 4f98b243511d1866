import { CARE_ROLES, PARTICIPATION_ROLES, Role, type Principal } from '@tandem/domain';
import { boardTeams } from '@tandem/web-board';

export type PageKey = 'caseload' | 'board' | 'conferences' | 'passport' | 'accessLog';

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
