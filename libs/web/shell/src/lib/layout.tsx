import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { Role } from '@tandem/domain';
import { NotificationsMenu } from '@tandem/web-audit';
import { useAuth } from '@tandem/web-data-access';
import { VisuallyHidden } from '@tandem/web-ui';
import { LanguageSwitch } from './language-switch';
import { navItemsFor } from './navigation';

function SkipLink() {
  const { t } = useTranslation('shell');
  return (
    <a
      className="shell-skip"
      href="#main"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      {t('skipLink')}
    </a>
  );
}

/** Moves focus to the main content after navigating, so screen readers start at the new page. */
function useFocusMainOnNavigate(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname, main]);
}

function Main({ children }: { children: ReactNode }) {
  const main = useRef<HTMLElement>(null);
  useFocusMainOnNavigate(main);
  return (
    <main id="main" className="shell-main" tabIndex={-1} ref={main}>
      {children}
    </main>
  );
}

/** Frame for pages before sign-in: name, language switch, content. */
export function SignedOutLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation('shell');
  return (
    <div className="shell">
      <SkipLink />
      <header className="shell-header">
        <div className="shell-header__inner">
          <span className="shell-brand">{t('common:appName')}</span>
          <div className="shell-header__tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <Main>{children}</Main>
    </div>
  );
}

/** Frame after sign-in: header with the user, menu by role, and the page. */
export function Layout() {
  const { t } = useTranslation('shell');
  const { principal, logout } = useAuth();
  const [signingOut, setSigningOut] = useState(false);
  if (!principal) return null;
  const items = navItemsFor(principal);

  const signOut = async () => {
    setSigningOut(true);
    try {
      await logout();
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <div className="shell">
      <SkipLink />
      <header className="shell-header">
        <div className="shell-header__inner">
          <Link to="/" className="shell-brand" aria-label={t('header.home')}>
            {t('common:appName')}
          </Link>
          <div className="shell-header__tools">
            <p className="shell-user">
              <VisuallyHidden>{t('header.signedInAs')} </VisuallyHidden>
              <span className="shell-user__name">{principal.displayName}</span>
              <span className="shell-user__org">{principal.organisationName}</span>
            </p>
            {principal.roles.includes(Role.CLIENT) ? null : <NotificationsMenu />}
            <LanguageSwitch />
            <button
              type="button"
              className="t-button t-button--secondary"
              onClick={() => void signOut()}
              disabled={signingOut}
            >
              {signingOut ? t('header.signingOut') : t('header.signOut')}
            </button>
          </div>
        </div>
        {items.length > 0 ? (
          <nav className="shell-nav" aria-label={t('nav.label')}>
            <ul>
              {items.map((item) => (
                <li key={item.key}>
                  <NavLink to={item.path}>{t(item.labelKey)}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <Main>
        <Outlet />
      </Main>
    </div>
  );
}
