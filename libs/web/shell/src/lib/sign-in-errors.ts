import type { TFunction } from 'i18next';
import { isApiError, NETWORK_ERROR, type ApiProblem } from '@tandem/web-data-access';
import { commonErrorKey } from '@tandem/web-ui';

export type SignInField = 'email' | 'password';

export interface SignInProblem {
  title?: string;
  /** Sentences for the alert, each a paragraph. */
  lines: string[];
  fields: Partial<Record<SignInField, string>>;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks before sending, so the user hears about an empty field at once. */
export function validateSignIn(
  email: string,
  password: string,
  t: TFunction,
): SignInProblem | null {
  const fields: SignInProblem['fields'] = {};
  if (!email.trim()) fields.email = t('signIn.errors.emailRequired');
  else if (!EMAIL_PATTERN.test(email.trim())) fields.email = t('signIn.errors.emailInvalid');
  if (!password) fields.password = t('signIn.errors.passwordRequired');
  return Object.keys(fields).length ? { lines: [t('signIn.errors.checkFields')], fields } : null;
}

/** Formats the moment a lock ends: the time, with the date when it is not today. */
export function formatLockTime(until: Date, locale: string, now = new Date()): string {
  const sameDay = until.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { weekday: 'long', day: 'numeric', month: 'long' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(until);
}

/** Turns a failed sign-in into texts that say what happened and what to do next. */
export function describeSignInError(
  error: unknown,
  t: TFunction,
  locale: string,
  now = new Date(),
): SignInProblem {
  if (!isApiError(error)) return { lines: [t('signIn.errors.unknown')], fields: {} };
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return { lines: [t('signIn.errors.invalidCredentials')], fields: {} };
    case 'ACCOUNT_LOCKED': {
      const problem: Partial<ApiProblem> = error.problem ?? {};
      const retry = Number(problem.retryAfterSeconds);
      let until = problem.lockedUntil ? new Date(String(problem.lockedUntil)) : null;
      if ((!until || Number.isNaN(until.getTime())) && retry > 0) {
        until = new Date(now.getTime() + retry * 1000);
      }
      const when =
        until && !Number.isNaN(until.getTime())
          ? t('signIn.errors.lockedUntil', {
              time: formatLockTime(until, locale, now),
              count: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)),
            })
          : t('signIn.errors.lockedLater');
      return {
        title: t('signIn.errors.lockedTitle'),
        lines: [t('signIn.errors.locked'), when, t('signIn.errors.lockedHelp')],
        fields: {},
      };
    }
    case 'VALIDATION_FAILED': {
      const fields: SignInProblem['fields'] = {};
      for (const item of error.problem?.errors ?? []) {
        if (item.field === 'email') fields.email = t('signIn.errors.emailInvalid');
        if (item.field === 'password') fields.password = t('signIn.errors.passwordRequired');
      }
      return { lines: [t('signIn.errors.checkFields')], fields };
    }
    case 'TOO_MANY_REQUESTS':
      return { lines: [t('signIn.errors.tooManyRequests')], fields: {} };
    case NETWORK_ERROR:
      return { lines: [t(commonErrorKey(0, NETWORK_ERROR))], fields: {} };
    default:
      return {
        lines: [t('signIn.errors.unknown'), t('common:errors.code', { code: error.code })],
        fields: {},
      };
  }
}
