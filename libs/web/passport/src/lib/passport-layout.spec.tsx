import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { emptyTranslations, translationKeys } from '@tandem/web-ui';
import { mockFetch, type FetchMock } from '@tandem/web-testing';
import { passportEn, passportNl } from './i18n';
import { PassportRoutes } from './passport-routes';
import { renderPassport, signedIn } from './passport-test-utils';

const team = {
  careTeam: {
    id: 't1',
    name: 'FACT Rivierstad-Noord',
    type: 'FACT',
    organisation: { id: 'o-ggz', name: 'GGZ Rivierenland', type: 'GGZ' },
  },
  people: [],
  organisations: [{ id: 'o-ggz', name: 'GGZ Rivierenland', type: 'GGZ' }],
};

describe('passport layout', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  it('opens My team from /passport and marks it as the current section', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn(),
      'GET /api/v1/me/team': { body: team },
    });
    renderPassport('/passport', <PassportRoutes />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn team' })).toBeVisible();
    const nav = screen.getByRole('navigation', { name: 'Mijn paspoort' });
    expect(within(nav).getByRole('link', { name: 'Mijn team' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('has a link to each of the seven sections, reachable with the keyboard', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn(),
      'GET /api/v1/me/team': { body: team },
      'GET /api/v1/clients/c-monique/ips/work-goals': {
        body: { items: [], total: 0, page: 1, pageSize: 50 },
      },
      'GET /api/v1/me/goal-proposals': { body: [] },
    });
    renderPassport('/passport/team', <PassportRoutes />);
    const nav = await screen.findByRole('navigation', { name: 'Mijn paspoort' });
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
    net = mockFetch({ 'POST /api/v1/auth/refresh': signedIn() });
    renderPassport('/passport/nothing-here', <PassportRoutes />);
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
