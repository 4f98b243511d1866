import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { PASSPORT_SECTIONS, passportPath } from './sections';
import './passport.css';

/**
 * Frame of the passport: a sub-navigation with the seven sections, then the section. On a phone
 * the menu wraps into a grid of buttons, so every section is one tap away without a hidden menu.
 */
export function PassportLayout() {
  const { t } = useTranslation('passport');
  return (
    <div className="passport">
      <nav className="passport-nav" aria-label={t('nav.label')}>
        <ul>
          {PASSPORT_SECTIONS.map((section) => (
            <li key={section}>
              <NavLink to={passportPath(section)}>{t(`nav.${section}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="passport-section">
        <Outlet />
      </div>
    </div>
  );
}
