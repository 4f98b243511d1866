import i18next, { type i18n as I18n, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** One namespace's texts in both languages (the shape of the libraries' `…Resources`). */
export interface TestNamespace {
  nl: ResourceKey;
  en: ResourceKey;
}

/**
 * An i18next instance for a component test, ready at once (no async init): the given namespaces
 * in Dutch and English, the first of them the default, Dutch the fallback. Pass `common` too
 * (`commonResources` from @tandem/web-ui) where the component uses the shared texts.
 */
export function createTestI18n(namespaces: Record<string, TestNamespace>, lng = 'nl'): I18n {
  const ns = Object.keys(namespaces);
  const language = (l: 'nl' | 'en') =>
    Object.fromEntries(ns.map((name) => [name, namespaces[name][l]]));
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    lng,
    fallbackLng: 'nl',
    ns,
    defaultNS: ns[0],
    resources: { nl: language('nl'), en: language('en') },
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  return i18n;
}
