import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { commonResources, emptyTranslations, translationKeys } from '@tandem/web-ui';
import { passportEn, passportNl, passportResources } from './i18n';
import { PassportRoutes } from './passport-routes';

function createI18n() {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    lng: 'nl',
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

function renderAt(path: string) {
  return render(
    <I18nextProvider i18n={createI18n()}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/passport/*" element={<PassportRoutes />} />
        </Routes>
      </MemoryRouter>
    </I18nextProvider>,
  );
}

describe('passport layout', () => {
  it('opens My team from /passport and marks it as the current section', async () => {
    renderAt('/passport');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn team' })).toBeVisible();
    const nav = screen.getByRole('navigation', { name: 'Mijn paspoort' });
    expect(within(nav).getByRole('link', { name: 'Mijn team' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('has a link to each of the seven sections, reachable with the keyboard', async () => {
    renderAt('/passport/team');
    const nav = screen.getByRole('navigation', { name: 'Mijn paspoort' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/passport/team',
      '/passport/goals',
      '/passport/work',
      '/passport/meetings',
      '/passport/consents',
      '/passport/access',
      '/passport/data',
    ]);
    const user = userEvent.setup();
    await user.tab();
    expect(links[0]).toHaveFocus();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn doelen' })).toBeVisible();
  });

  it('says plainly when a passport address does not exist', async () => {
    renderAt('/passport/nothing-here');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' }),
    ).toBeVisible();
  });
});

describe('passport texts', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expect(translationKeys(passportEn)).toEqual(translationKeys(passportNl));
    expect(emptyTranslations(passportNl)).toEqual([]);
    expect(emptyTranslations(passportEn)).toEqual([]);
  });
});
