import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Principal } from '@tandem/domain';
import { AuthProvider, LiveProvider, SignedIn, type LiveConnect } from '@tandem/web-data-access';
import { commonResources } from '@tandem/web-ui';
import { createTestI18n, type MockReply } from '@tandem/web-testing';
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

/**
 * Renders passport routes for a signed-in client (the refresh call must be mocked); `connect`
 * replaces how sockets are opened (a fake socket.io for the live meeting).
 */
export function renderPassport(
  path: string,
  element: ReactNode,
  pattern = '/passport/*',
  onlySignedIn = true,
  connect?: LiveConnect,
) {
  const routes = (
    <Routes>
      <Route path={pattern} element={element} />
    </Routes>
  );
  return render(
    <I18nextProvider
      i18n={createTestI18n({ passport: passportResources, common: commonResources })}
    >
      <AuthProvider>
        <MemoryRouter initialEntries={[path]}>
          {connect ? (
            <LiveProvider connect={connect}>
              {onlySignedIn ? <SignedIn>{routes}</SignedIn> : routes}
            </LiveProvider>
          ) : onlySignedIn ? (
            <SignedIn>{routes}</SignedIn>
          ) : (
            routes
          )}
        </MemoryRouter>
      </AuthProvider>
    </I18nextProvider>,
  );
}
