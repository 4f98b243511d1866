import { render } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Principal } from '@tandem/domain';
import { AuthProvider, useAuth } from '@tandem/web-data-access';
import { commonResources } from '@tandem/web-ui';
import type { MockReply } from '@tandem/web-testing';
import { passportResources } from './i18n';

export const MONIQUE_ID = 'c-monique';

export const monique: Principal = {
  userId: 'u-monique',
  sessionId: 's1',
  displayName: 'Monique van Dam',
  email: 'monique@client.example',
  organisationId: 'o-ggz',
  organisationName: 'GGZ Rivierenland',
  organisationType: 'GGZ',
  roles: ['CLIENT'],
  teams: [],
  clientId: MONIQUE_ID,
  locale: 'nl',
};

export const signedIn = (principal: Principal = monique): MockReply => ({
  body: { accessToken: `token-${principal.userId}`, expiresIn: 900, principal },
});

export function createTestI18n(lng = 'nl') {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    lng,
    fallbackLng: 'nl',
    ns: ['passport', 'common'],
    defaultNS: 'passport',
    resources: {
      nl: { passport: passportResources.nl, common: commonResources.nl },
      en: { passport: passportResources.en, common: commonResources.en },
    },
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  return i18n;
}

function SignedIn({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  return status === 'signedIn' ? children : null;
}

/** Renders passport routes for a signed-in client (the refresh call must be mocked). */
export function renderPassport(
  path: string,
  element: ReactNode,
  pattern = '/passport/*',
  onlySignedIn = true,
) {
  const routes = (
    <Routes>
      <Route path={pattern} element={element} />
    </Routes>
  );
  return render(
    <I18nextProvider i18n={createTestI18n()}>
      <AuthProvider>
        <MemoryRouter initialEntries={[path]}>
          {onlySignedIn ? <SignedIn>{routes}</SignedIn> : routes}
        </MemoryRouter>
      </AuthProvider>
    </I18nextProvider>,
  );
}
