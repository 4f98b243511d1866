import { render } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { consentResources } from '@tandem/web-consent';
import { AuthProvider, useAuth } from '@tandem/web-data-access';
import { commonResources } from '@tandem/web-ui';
import { passportAccessResources } from '../access/i18n';
import { passportConsentsResources } from '../consents/i18n';
import { passportDataResources } from './i18n';

/** Renders one of the data sections (consents, access, data) for a signed-in client. */
export function renderDataSection(element: ReactNode, lng = 'nl') {
  const i18n = i18next.createInstance();
  const tree = (l: 'nl' | 'en') => ({
    common: commonResources[l],
    consent: consentResources[l],
    'passport-consents': passportConsentsResources[l],
    'passport-access': passportAccessResources[l],
    'passport-data': passportDataResources[l],
  });
  void i18n.use(initReactI18next).init({
    lng,
    fallbackLng: 'nl',
    ns: ['common', 'consent', 'passport-consents', 'passport-access', 'passport-data'],
    defaultNS: 'common',
    resources: { nl: tree('nl'), en: tree('en') },
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  function SignedIn({ children }: { children: ReactNode }) {
    return useAuth().status === 'signedIn' ? children : null;
  }
  return render(
    <I18nextProvider i18n={i18n}>
      <AuthProvider>
        <MemoryRouter>
          <SignedIn>{element}</SignedIn>
        </MemoryRouter>
      </AuthProvider>
    </I18nextProvider>,
  );
}
