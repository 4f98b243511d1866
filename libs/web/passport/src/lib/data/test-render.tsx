import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { consentResources } from '@tandem/web-consent';
import { AuthProvider, SignedIn } from '@tandem/web-data-access';
import { createTestI18n } from '@tandem/web-testing';
import { commonResources } from '@tandem/web-ui';
import { passportAccessResources } from '../access/i18n';
import { passportConsentsResources } from '../consents/i18n';
import { passportDataResources } from './i18n';

/** Renders one of the data sections (consents, access, data) for a signed-in client. */
export function renderDataSection(element: ReactNode, lng = 'nl') {
  const i18n = createTestI18n(
    {
      common: commonResources,
      consent: consentResources,
      'passport-consents': passportConsentsResources,
      'passport-access': passportAccessResources,
      'passport-data': passportDataResources,
    },
    lng,
  );
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
