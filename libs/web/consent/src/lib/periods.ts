import { CONSENT_DEFAULT_MONTHS, CONSENT_MAX_DAYS } from '@tandem/domain';
import { parseDay } from '@tandem/web-ui';

/**
 * Calendar arithmetic on `YYYY-MM-DD` days, the same way the API counts (whole days, no time
 * zone), so the browser can warn before the server refuses.
 */
const DAY_MS = 86_400_000;

const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const format = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addMonths(day: string, months: number): string {
  const date = new Date(utc(day));
  date.setUTCMonth(date.getUTCMonth() + months);
  return format(date.getTime());
}

export function addDays(day: string, days: number): string {
  return format(utc(day) + days * DAY_MS);
}

export function daysBetween(from: string, until: string): number {
  return Math.round((utc(until) - utc(from)) / DAY_MS);
}

/** The default end of a consent that starts on `from`: 12 months later. */
export function defaultUntil(from: string): string {
  return addMonths(from, CONSENT_DEFAULT_MONTHS);
}

/** The last day a consent that starts on `from` may last until (2 years). */
export function maxUntil(from: string): string {
  return addDays(from, CONSENT_MAX_DAYS);
}

export type PeriodProblem = 'validFromInvalid' | 'validUntilInvalid' | 'after' | 'max' | 'future';

/** What is wrong with a period, checked as the API does; null when it is fine. */
export function periodProblem(
  from: string,
  until: string,
  today: string,
): { field: 'validFrom' | 'validUntil'; problem: PeriodProblem } | null {
  if (!parseDay(from)) return { field: 'validFrom', problem: 'validFromInvalid' };
  if (!parseDay(until)) return { field: 'validUntil', problem: 'validUntilInvalid' };
  if (daysBetween(from, until) <= 0) return { field: 'validUntil', problem: 'after' };
  if (daysBetween(from, until) > CONSENT_MAX_DAYS) return { field: 'validUntil', problem: 'max' };
  if (until < today) return { field: 'validUntil', problem: 'future' };
  return null;
}
