import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { auditResources } from '@tandem/web-audit';
import { boardResources } from '@tandem/web-board';
import { caseloadResources } from '@tandem/web-caseload';
import { clientFileResources } from '@tandem/web-client-file';
import { conferencesResources } from '@tandem/web-conferences';
import { consentResources } from '@tandem/web-consent';
import { ipsResources } from '@tandem/web-ips';
import {
  passportAccessResources,
  passportConsentsResources,
  passportDataResources,
  passportResources,
} from '@tandem/web-passport';
import { commonResources } from '@tandem/web-ui';
import { shellEn, shellNl } from './i18n-resources';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';
export const LOCALE_STORAGE_KEY = 'tandem.locale';

/** Every namespace in both languages. */
export const resources = {
  nl: {
    shell: shellNl,
    common: commonResources.nl,
    caseload: caseloadResources.nl,
    board: boardResources.nl,
    clientFile: clientFileResources.nl,
    consent: consentResources.nl,
    ips: ipsResources.nl,
    audit: auditResources.nl,
    conferences: conferencesResources.nl,
    passport: passportResources.nl,
    'passport-consents': passportConsentsResources.nl,
    'passport-access': passportAccessResources.nl,
    'passport-data': passportDataResources.nl,
  },
  en: {
    shell: shellEn,
    common: commonResources.en,
    caseload: caseloadResources.en,
    board: boardResources.en,
    clientFile: clientFileResources.en,
    consent: consentResources.en,
    ips: ipsResources.en,
    audit: auditResources.en,
    conferences: conferencesResources.en,
    passport: passportResources.en,
    'passport-consents': passportConsentsResources.en,
    'passport-access': passportAccessResources.en,
    'passport-data': passportDataResources.en,
  },
};

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/** The language the user chose earlier with the switch, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/** Switches the language and remembers the choice in this browser. */
export async function chooseLocale(i18n: I18n, locale: Locale): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage can be blocked (private mode); the switch still works for this visit.
  }
  await i18n.changeLanguage(locale);
}

/**
 * A ready i18next instance: Dutch unless the user chose English before. Keeps `<html lang>` in
 * step with the language.
 */
export function createI18n(locale: Locale = storedLocale() ?? DEFAULT_LOCALE): I18n {
  const i18n = i18next.createInstance();
  i18n.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  });
  void i18n.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    ns: [
      'shell',
      'common',
      'caseload',
      'board',
      'clientFile',
      'consent',
      'ips',
      'audit',
      'conferences',
      'passport',
      'passport-consents',
      'passport-access',
      'passport-data',
    ],
    defaultNS: 'shell',
    resources,
    // React escapes output itself; escaping here would show "&amp;" in names.
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  return i18n;
}
