/**
 * Roles from the domain brief §4. A user holds roles per organisation; a team membership adds the
 * role they play in that team. Values are stable identifiers stored in the database.
 */
export const Role = {
  REGIEBEHANDELAAR: 'REGIEBEHANDELAAR',
  PSYCHIATER: 'PSYCHIATER',
  SPV: 'SPV',
  PSYCHOLOOG: 'PSYCHOLOOG',
  ERVARINGSDESKUNDIGE: 'ERVARINGSDESKUNDIGE',
  IPS_TRAJECTBEGELEIDER: 'IPS_TRAJECTBEGELEIDER',
  KLANTMANAGER: 'KLANTMANAGER',
  ARBEIDSDESKUNDIGE: 'ARBEIDSDESKUNDIGE',
  TEAMLEIDER: 'TEAMLEIDER',
  FUNCTIONEEL_BEHEERDER: 'FUNCTIONEEL_BEHEERDER',
  FUNCTIONARIS_GEGEVENSBESCHERMING: 'FUNCTIONARIS_GEGEVENSBESCHERMING',
  CLIENT: 'CLIENT',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Care staff: work under the Zvw and may hold a treatment relationship. */
export const CARE_ROLES: readonly Role[] = [
  Role.REGIEBEHANDELAAR,
  Role.PSYCHIATER,
  Role.SPV,
  Role.PSYCHOLOOG,
];

/** Participation staff: work for re-integration, funded by municipality or UWV. */
export const PARTICIPATION_ROLES: readonly Role[] = [
  Role.IPS_TRAJECTBEGELEIDER,
  Role.KLANTMANAGER,
  Role.ARBEIDSDESKUNDIGE,
];

/** Roles that see membership and aggregates, never content. */
export const OVERSIGHT_ROLES: readonly Role[] = [Role.TEAMLEIDER, Role.FUNCTIONEEL_BEHEERDER];

export function isCareRole(role: Role): boolean {
  return CARE_ROLES.includes(role);
}

export function isParticipationRole(role: Role): boolean {
  return PARTICIPATION_ROLES.includes(role);
}
