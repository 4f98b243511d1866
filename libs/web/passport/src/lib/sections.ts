/** The seven sections of the passport, in menu order. Paths are relative to `/passport`. */
export const PASSPORT_SECTIONS = [
  'team',
  'goals',
  'work',
  'meetings',
  'consents',
  'access',
  'data',
] as const;

export type PassportSection = (typeof PASSPORT_SECTIONS)[number];

export const PASSPORT_BASE = '/passport';

export function passportPath(section: PassportSection): string {
  return `${PASSPORT_BASE}/${section}`;
}
