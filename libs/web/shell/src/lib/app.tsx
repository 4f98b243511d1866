import { useEffect, useState, type ReactNode } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { AccessLogPage } from '@tandem/web-audit';
import { BoardPage } from '@tandem/web-board';
import { CaseloadPage } from '@tandem/web-caseload';
import { ClientPage } from '@tandem/web-client-file';
import { ConferencesRoutes } from '@tandem/web-conferences';
import { ConsentsPage } from '@tandem/web-consent';
import { AuthProvider, AuthSession, useAuth } from '@tandem/web-data-access';
import {
  DashboardPage,
  DueWorkGoalsPage,
  FundingReportPage,
  QuickEntryPage,
} from '@tandem/web-ips';
import { PASSPORT_BASE, PassportRoutes, PassportSignInPage } from '@tandem/web-passport';
import { Progress } from '@tandem/web-ui';
import { createI18n, isLocale, storedLocale } from './i18n';
import { Layout, SignedOutLayout } from './layout';
import { canOpen, PATHS, type PageKey } from './navigation';
import { HomeRedirect, NoAccessPage, NotFoundPage } from './pages';
import { SignInPage } from './sign-in-page';
import './shell.css';

/** Sends signed-out visitors to the sign-in page, and back here afterwards. */
function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status !== 'signedIn') {
    // Clients have their own, simpler sign-in for the passport.
    const signIn = location.pathname.startsWith(PASSPORT_BASE)
      ? `${PASSPORT_BASE}/sign-in`
      : '/sign-in';
    return <Navigate to={signIn} state={{ from: location }} replace />;
  }
  return children;
}

function RequirePage({ page, children }: { page: PageKey; children: ReactNode }) {
  const { principal } = useAuth();
  if (!principal || !canOpen(principal, page)) return <NoAccessPage />;
  return children;
}

/** Without a choice of their own, users get the language from their profile after sign-in. */
function useProfileLocale() {
  const { principal } = useAuth();
  const { i18n } = useTranslation();
  const locale = principal?.locale;
  useEffect(() => {
    if (isLocale(locale) && !storedLocale() && i18n.language !== locale) {
      void i18n.changeLanguage(locale);
    }
  }, [locale, i18n]);
}

function Restoring() {
  const { t } = useTranslation('shell');
  return (
    <main className="shell-main" id="main">
      <Progress label={t('loading')} block />
    </main>
  );
}

export function AppRoutes() {
  const { status } = useAuth();
  useProfileLocale();
  if (status === 'restoring') return <Restoring />;
  return (
    <Routes>
      <Route
        path="/sign-in"
        element={
          <SignedOutLayout>
            <SignInPage />
          </SignedOutLayout>
        }
      />
      <Route
        path={`${PASSPORT_BASE}/sign-in`}
        element={
          <SignedOutLayout>
            <PassportSignInPage />
          </SignedOutLayout>
        }
      />
      <Route
        element={
          <RequireAuth>
            <Layout />
          </RequireAuth>
        }
      >
        <Route index element={<HomeRedirect />} />
        <Route
          path={PATHS.caseload}
          element={
            <RequirePage page="caseload">
              <CaseloadPage />
            </RequirePage>
          }
        />
        <Route
          path={PATHS.board}
          element={
            <RequirePage page="board">
              <BoardPage />
            </RequirePage>
          }
        />
        <Route
          path="/clients/:clientId"
          element={
            <RequirePage page="caseload">
              <ClientPage />
            </RequirePage>
          }
        />
        <Route
          path="/clients/:clientId/consents"
          element={
            <RequirePage page="caseload">
              <ConsentsPage />
            </RequirePage>
          }
        />
        <Route
          path={`${PATHS.conferences}/*`}
          element={
            <RequirePage page="conferences">
              <ConferencesRoutes />
            </RequirePage>
          }
        />
        <Route
          path={PATHS.ipsQuick}
          element={
            <RequirePage page="ipsQuick">
              <QuickEntryPage />
            </RequirePage>
          }
        />
        <Route
          path={PATHS.ipsWorkGoals}
          element={
            <RequirePage page="ipsWorkGoals">
              <DueWorkGoalsPage />
            </RequirePage>
          }
        />
        <Route
          path={PATHS.ipsDashboard}
          element={
            <RequirePage page="ipsDashboard">
              <DashboardPage />
            </RequirePage>
          }
        />
        <Route
          path={PATHS.fundingReport}
          element={
            <RequirePage page="fundingReport">
              <FundingReportPage />
            </RequirePage>
          }
        />
        <Route
          path={`${PATHS.passport}/*`}
          element={
            <RequirePage page="passport">
              <PassportRoutes />
            </RequirePage>
          }
        />
        <Route
          path={PATHS.accessLog}
          element={
            <RequirePage page="accessLog">
              <AccessLogPage />
            </RequirePage>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export interface AppProps {
  /** Defaults to a new instance (Dutch unless English was chosen before). */
  i18n?: I18n;
  /** Defaults to a new session against the same origin. */
  session?: AuthSession;
}

/** The whole web client: language, session and routes. */
export function App({ i18n, session }: AppProps) {
  const [ownI18n] = useState(() => i18n ?? createI18n());
  return (
    <I18nextProvider i18n={ownI18n}>
      <AuthProvider session={session}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AuthProvider>
    </I18nextProvider>
  );
}
