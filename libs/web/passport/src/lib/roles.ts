import type { TeamPerson } from './passport-api';

/** Keys of `passport:roles.*`: what a person does for the client, in plain words. */
export const ROLE_KEYS = [
  'REGIEBEHANDELAAR',
  'KEY_WORKER',
  'IPS_SPECIALIST',
  'KLANTMANAGER',
  'ARBEIDSDESKUNDIGE',
  'PSYCHIATER',
  'SPV',
  'PSYCHOLOOG',
  'ERVARINGSDESKUNDIGE',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number] | 'OTHER';

/** A team role that means the same as an assignment (the IPS specialist of the team). */
const SAME_AS: Record<string, RoleKey> = { IPS_TRAJECTBEGELEIDER: 'IPS_SPECIALIST' };

const known = (key: string): RoleKey =>
  SAME_AS[key] ?? ((ROLE_KEYS as readonly string[]).includes(key) ? (key as RoleKey) : 'OTHER');

/** What the person is to the client: her own assignments first, else their role in her team. */
export function roleKeysOf(person: TeamPerson): RoleKey[] {
  const keys = person.assignments.length
    ? person.assignments.map(known)
    : [known(person.teamRole ?? 'OTHER')];
  return [...new Set(keys)];
}
