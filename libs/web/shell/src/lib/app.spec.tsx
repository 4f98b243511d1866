import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Principal } from '@tandem/domain';
import { emptyTranslations, translationKeys } from '@tandem/web-ui';
import { mockFetch, type FetchMock, type MockReply } from '@tandem/web-testing';
import { App } from './app';
import { LOCALE_STORAGE_KEY, createI18n, resources } from './i18n';
import { formatLockTime } from './sign-in-errors';

const sanne: Principal = {
  userId: 'u-sanne',
  sessionId: 's1',
  displayName: 'Sanne Jansen',
  email: 'sanne.jansen@ggz-rivierenland.example',
  organisationId: 'o1',
  organisationName: 'GGZ Rivierenland',
  organisationType: 'GGZ',
  roles: ['SPV'],
  teams: [{ teamId: 't-noord', teamName: 'FACT Rivierstad-Noord', teamType: 'FACT', role: 'SPV' }],
  clientId: null,
  locale: 'nl',
};

const monique: Principal = {
  ...sanne,
  userId: 'u-monique',
  displayName: 'Monique van Dam',
  email: 'monique@client.example',
  roles: ['CLIENT'],
  teams: [],
  clientId: 'c-monique',
};

const henk: Principal = {
  ...sanne,
  userId: 'u-henk',
  displayName: 'Henk Dijkstra',
  roles: ['FUNCTIONARIS_GEGEVENSBESCHERMING'],
  teams: [],
};

const tokens = (principal: Principal): MockReply => ({
  body: { accessToken: `token-${principal.userId}`, expiresIn: 900, principal },
});
const noSession: MockReply = {
  status: 401,
  body: { statusCode: 401, code: 'SESSION_ENDED', message: 'Your session has ended.' },
};
const caseload: MockReply = {
  body: {
    items: [
      {
        clientId: 'c-monique',
        firstName: 'Monique',
        lastName: 'van Dam',
        teamId: 't-noord',
        teamName: 'FACT Rivierstad-Noord',
        keyWorker: { userId: 'u-sanne', displayName: 'Sanne Jansen' },
        regiebehandelaar: { userId: 'u-anna', displayName: 'Anna de Vries' },
        onBoard: false,
        boardSince: null,
        daysOnBoard: null,
        lastContactOn: null,
        nextContactOn: null,
        version: 1,
      },
    ],
    total: 1,
    page: 1,
    pageSize: 50,
  },
};

function renderApp(path = '/') {
  window.history.pushState({}, '', path);
  return render(<App i18n={createI18n()} />);
}

async function fillAndSubmit(email = 'sanne.jansen@ggz-rivierenland.example', password = 'secret') {
  await userEvent.type(await screen.findByLabelText('E-mailadres'), email);
  await userEvent.type(screen.getByLabelText('Wachtwoord'), password);
  await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
}

describe('Tandem web app', () => {
  let net: FetchMock;
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });
  afterEach(() => net?.restore());

  it('shows an accessible Dutch sign-in page when there is no session', async () => {
    net = mockFetch({ 'POST /api/v1/auth/refresh': noSession });
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/sign-in');
    expect(document.documentElement.lang).toBe('nl');
    expect(document.title).toBe('Inloggen – Tandem');
    expect(screen.getByLabelText('E-mailadres')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('E-mailadres')).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText('Wachtwoord')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('banner')).toHaveTextContent('Tandem');
    expect(screen.getByRole('link', { name: 'Naar de inhoud' })).toHaveAttribute('href', '#main');
    expect(net.callsTo('POST /api/v1/auth/refresh')[0].credentials).toBe('same-origin');
  });

  it('signs in, shows progress while waiting, and goes to the caseload', async () => {
    let release: () => void = () => undefined;
    const hold = new Promise<void>((resolve) => (release = resolve));
    net = mockFetch({
      'POST /api/v1/auth/refresh': noSession,
      'POST /api/v1/auth/login': { ...tokens(sanne), hold },
      'GET /api/v1/caseload': caseload,
    });
    renderApp('/');
    await fillAndSubmit();

    const busy = screen.getByRole('button', { name: 'Bezig met inloggen…' });
    expect(busy).toHaveAttribute('aria-disabled', 'true');
    release();

    expect(await screen.findByRole('heading', { level: 1, name: 'Caseload' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/caseload');
    expect(await screen.findByRole('rowheader', { name: 'van Dam, Monique' })).toBeInTheDocument();
    expect(net.callsTo('POST /api/v1/auth/login')[0].body).toEqual({
      email: 'sanne.jansen@ggz-rivierenland.example',
      password: 'secret',
    });
    expect(net.callsTo('GET /api/v1/caseload')[0].headers['Authorization']).toBe(
      'Bearer token-u-sanne',
    );

    const header = screen.getByRole('banner');
    expect(header).toHaveTextContent('Sanne Jansen');
    expect(header).toHaveTextContent('GGZ Rivierenland');
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).getByRole('link', { name: 'Caseload' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(nav).queryByRole('link', { name: 'Mijn paspoort' })).not.toBeInTheDocument();
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Caseload', 'Bord', 'Overleggen', 'Werkdoelen', 'IPS-dashboard', 'Financiering']);
    expect(screen.getByRole('link', { name: 'van Dam, Monique' })).toHaveAttribute(
      'href',
      '/clients/c-monique',
    );
  });

  it('gives staff without a FACT team the caseload but no board', async () => {
    const fatima: Principal = {
      ...sanne,
      userId: 'u-fatima',
      displayName: 'Fatima El Amrani',
      organisationName: 'Gemeente Rivierstad',
      organisationType: 'GEMEENTE',
      roles: ['KLANTMANAGER'],
      teams: [],
    };
    net = mockFetch({
      'POST /api/v1/auth/refresh': tokens(fatima),
      'GET /api/v1/caseload': caseload,
    });
    renderApp('/board');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Geen toegang' }),
    ).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Caseload', 'Overleggen', 'Financiering']);
  });

  it('says in Dutch that the e-mail address or password is wrong', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': noSession,
      'POST /api/v1/auth/login': {
        status: 401,
        body: {
          statusCode: 401,
          code: 'INVALID_CREDENTIALS',
          message: 'The e-mail address or password is not correct.',
        },
      },
    });
    renderApp('/sign-in');
    await fillAndSubmit('sanne.jansen@ggz-rivierenland.example', 'wrong');
    const alert = screen.getByRole('alert');
    await waitFor(() =>
      expect(alert).toHaveTextContent('Het e-mailadres of het wachtwoord klopt niet.'),
    );
    expect(alert).toHaveTextContent('Controleer ze allebei en probeer het opnieuw.');
    expect(screen.getByLabelText('Wachtwoord')).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Inloggen' })).not.toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(window.location.pathname).toBe('/sign-in');
  });

  it('tells a locked user from what time they can try again', async () => {
    const lockedUntil = new Date(Date.now() + 14 * 60_000 + 30_000);
    net = mockFetch({
      'POST /api/v1/auth/refresh': noSession,
      'POST /api/v1/auth/login': {
        status: 423,
        body: {
          statusCode: 423,
          code: 'ACCOUNT_LOCKED',
          message: 'This account is locked.',
          retryAfterSeconds: 870,
          lockedUntil: lockedUntil.toISOString(),
        },
      },
    });
    renderApp('/sign-in');
    await fillAndSubmit();
    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('Je account is tijdelijk geblokkeerd'));
    // The time, with the day when the lock ends after midnight (as it does near midnight).
    const sameDay = lockedUntil.toDateString() === new Date().toDateString();
    const time = new Intl.DateTimeFormat('nl', {
      hour: '2-digit',
      minute: '2-digit',
      ...(sameDay ? {} : { weekday: 'long', day: 'numeric', month: 'long' }),
    }).format(lockedUntil);
    expect(alert).toHaveTextContent(`Probeer het opnieuw vanaf ${time}`);
    expect(alert).toHaveTextContent('(over 15 minuten)');
    expect(alert).toHaveTextContent('functioneel beheerder');
  });

  it('checks the fields before sending and maps server validation errors to fields', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': noSession,
      'POST /api/v1/auth/login': {
        status: 400,
        body: {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Please correct: email',
          errors: [{ field: 'email', rule: 'isEmail', message: 'email must be an e-mail address' }],
        },
      },
    });
    renderApp('/sign-in');
    await userEvent.click(await screen.findByRole('button', { name: 'Inloggen' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Controleer de velden hieronder.');
    expect(screen.getByLabelText('E-mailadres')).toHaveAccessibleDescription(
      'Vul je e-mailadres in.',
    );
    expect(screen.getByLabelText('E-mailadres')).toHaveFocus();
    expect(screen.getByLabelText('Wachtwoord')).toHaveAccessibleDescription(
      'Vul je wachtwoord in.',
    );
    expect(net.callsTo('POST /api/v1/auth/login')).toHaveLength(0);

    await fillAndSubmit('a@b.nl', 'pw');
    await waitFor(() =>
      expect(screen.getByLabelText('E-mailadres')).toHaveAccessibleDescription(
        'Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.',
      ),
    );
  });

  it('explains a network failure and any other error', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': noSession,
      'POST /api/v1/auth/login': [
        { networkError: true },
        { status: 500, body: { statusCode: 500, code: 'INTERNAL', message: 'x' } },
      ],
    });
    renderApp('/sign-in');
    await fillAndSubmit();
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Tandem is nu niet bereikbaar'),
    );
    await userEvent.type(screen.getByLabelText('Wachtwoord'), 'again');
    await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Inloggen lukt nu niet'),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Foutcode: INTERNAL');
  });

  it('switches to English, remembers the choice and sets <html lang>', async () => {
    net = mockFetch({ 'POST /api/v1/auth/refresh': noSession });
    renderApp('/sign-in');
    await screen.findByRole('heading', { name: 'Inloggen' });
    const toEnglish = screen.getByRole('button', { name: 'English' });
    expect(toEnglish).toHaveAttribute('lang', 'en');
    await userEvent.click(toEnglish);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByLabelText('E-mail address')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');

    await userEvent.click(screen.getByRole('button', { name: 'Nederlands' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('nl');
  });

  it('restores the session on load and signs out with the bearer token', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': tokens(sanne),
      'GET /api/v1/caseload': caseload,
      'POST /api/v1/auth/logout': { status: 204 },
    });
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Caseload' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Uitloggen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeInTheDocument();
    expect(screen.getByText('Je bent uitgelogd. Tot de volgende keer!')).toBeInTheDocument();
    expect(net.callsTo('POST /api/v1/auth/logout')[0].headers['Authorization']).toBe(
      'Bearer token-u-sanne',
    );
  });

  it('sends a signed-out visitor of the passport to the client sign-in', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': {
        status: 401,
        body: { statusCode: 401, code: 'SESSION_ENDED', message: 'x' },
      },
    });
    renderApp('/passport/goals');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Inloggen op je paspoort' }),
    ).toBeInTheDocument();
    expect(window.location.pathname).toBe('/passport/sign-in');
    expect(screen.getByRole('link', { name: /Log dan hier in/ })).toHaveAttribute(
      'href',
      '/sign-in',
    );
  });

  it('opens the passport for clients at My team, with the passport menu, and no caseload', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': tokens(monique),
      'GET /api/v1/me/team': {
        body: {
          careTeam: {
            id: 't1',
            name: 'FACT Rivierstad-Noord',
            type: 'FACT',
            organisation: { id: 'o-ggz', name: 'GGZ Rivierenland', type: 'GGZ' },
          },
          people: [],
          organisations: [],
        },
      },
    });
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn team' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/passport/team');
    const passportNav = screen.getByRole('navigation', { name: 'Mijn paspoort' });
    expect(
      within(passportNav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Mijn team',
      'Mijn doelen',
      'Mijn werk',
      'Mijn gesprekken',
      'Mijn toestemmingen',
      'Wie keek er?',
      'Mijn gegevens',
    ]);
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Mijn paspoort']);

    await userEvent.click(screen.getByRole('link', { name: /startpagina/ }));
    act(() => {
      window.history.pushState({}, '', '/caseload');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Geen toegang' }),
    ).toBeInTheDocument();
  });

  it('gives the data-protection officer the access log page', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': tokens(henk),
      'GET /api/v1/access-log': { body: { items: [], total: 0, page: 1, pageSize: 50 } },
      'GET /api/v1/notifications': { body: [] },
    });
    renderApp('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Toegangslog' }),
    ).toBeInTheDocument();
    expect(window.location.pathname).toBe('/access-log');
    expect(await screen.findByText('Geen regels gevonden met deze filters.')).toBeInTheDocument();
    expect(screen.getByRole('search', { name: 'Filters voor het toegangslog' })).toBeVisible();
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Toegangslog']);
  });

  it('shows staff their unread notifications in the header, and opens a client’s consents', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': tokens(sanne),
      'GET /api/v1/notifications': {
        body: [
          {
            id: 'n1',
            kind: 'EMERGENCY_ACCESS',
            clientId: 'c-monique',
            message: 'Emergency access to your client.',
            createdAt: '2026-11-24T08:00:00.000Z',
            readAt: null,
          },
        ],
      },
      'GET /api/v1/clients/c-monique': {
        status: 404,
        body: { statusCode: 404, code: 'NOT_FOUND' },
      },
      'GET /api/v1/clients/c-monique/consents': {
        status: 404,
        body: { statusCode: 404, code: 'NOT_FOUND' },
      },
    });
    renderApp('/clients/c-monique/consents');
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Cliënt niet gevonden of geen toegang',
      }),
    ).toBeInTheDocument();
    const header = screen.getByRole('banner');
    expect(
      await within(header).findByRole('button', { name: /Meldingen.*1 nieuw/ }),
    ).toBeInTheDocument();
  });

  it('sends the user to sign in again when the session has ended', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': [tokens(sanne), noSession],
      'GET /api/v1/caseload': {
        status: 401,
        body: { statusCode: 401, code: 'UNAUTHENTICATED', message: 'x' },
      },
    });
    renderApp('/caseload');
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeInTheDocument();
    expect(screen.getByText(/Je sessie is afgelopen/)).toBeInTheDocument();
  });
});

describe('translations', () => {
  it('has the same keys in Dutch and English for every namespace, none empty', () => {
    for (const ns of Object.keys(resources.nl) as (keyof typeof resources.nl)[]) {
      expect({ ns, keys: translationKeys(resources.en[ns]) }).toEqual({
        ns,
        keys: translationKeys(resources.nl[ns]),
      });
      expect(emptyTranslations(resources.nl[ns])).toEqual([]);
      expect(emptyTranslations(resources.en[ns])).toEqual([]);
    }
  });
});

describe('formatLockTime', () => {
  it('adds the date when the lock ends on another day', () => {
    const now = new Date(2030, 0, 1, 23, 50);
    expect(formatLockTime(new Date(2030, 0, 1, 23, 59), 'nl', now)).toBe('23:59');
    expect(formatLockTime(new Date(2030, 0, 2, 0, 5), 'nl', now)).toBe(
      'woensdag 2 januari om 00:05',
    );
  });
});
