import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import type { Principal } from '@tandem/domain';
import { AuthProvider, type CaseloadItem, SignedIn } from '@tandem/web-data-access';
import { commonResources, emptyTranslations, translationKeys } from '@tandem/web-ui';
import { mockFetch, type FetchMock, type MockCall, createTestI18n } from '@tandem/web-testing';
import { CaseloadPage } from './caseload-page';
import { caseloadEn, caseloadNl, caseloadResources } from './i18n';

const NOORD = '11111111-1111-4111-8111-111111111111';
const ZUID = '22222222-2222-4222-8222-222222222222';

const principal: Principal = {
  userId: 'u-sanne',
  sessionId: 's1',
  displayName: 'Sanne Jansen',
  email: 'sanne.jansen@ggz-rivierenland.example',
  organisationId: 'o1',
  organisationName: 'GGZ Rivierenland',
  organisationType: 'GGZ',
  roles: ['SPV'],
  teams: [
    { teamId: NOORD, teamName: 'FACT Rivierstad-Noord', teamType: 'FACT', role: 'SPV' },
    { teamId: ZUID, teamName: 'FACT Rivierstad-Zuid', teamType: 'FACT', role: 'SPV' },
  ],
  clientId: null,
  locale: 'nl',
};

const clients: CaseloadItem[] = Array.from({ length: 61 }, (_, i) => ({
  clientId: `c${i}`,
  firstName: i === 0 ? 'Monique' : `Voornaam${i}`,
  lastName: i === 0 ? 'van Dam' : `Achternaam${String(i).padStart(2, '0')}`,
  teamId: i < 55 ? NOORD : ZUID,
  teamName: i < 55 ? 'FACT Rivierstad-Noord' : 'FACT Rivierstad-Zuid',
  keyWorker: i === 0 ? { userId: 'u-sanne', displayName: 'Sanne Jansen' } : null,
  regiebehandelaar: { userId: 'u-anna', displayName: 'Anna de Vries' },
  onBoard: false,
  boardSince: null,
  daysOnBoard: null,
  lastContactOn: null,
  nextContactOn: null,
  version: 1,
}));

/** A tiny in-memory version of GET /api/v1/caseload. */
function caseloadApi(call: MockCall) {
  const q = (call.query.get('q') ?? '').toLowerCase();
  const teamId = call.query.get('teamId');
  const page = Number(call.query.get('page') ?? 1);
  const pageSize = Number(call.query.get('pageSize') ?? 50);
  const matches = clients.filter(
    (c) =>
      (!q || `${c.firstName} ${c.lastName}`.toLowerCase().includes(q)) &&
      (!teamId || c.teamId === teamId),
  );
  return {
    body: {
      items: matches.slice((page - 1) * pageSize, page * pageSize),
      total: matches.length,
      page,
      pageSize,
    },
  };
}

function renderPage(url = '/caseload') {
  return render(
    <I18nextProvider
      i18n={createTestI18n({ caseload: caseloadResources, common: commonResources })}
    >
      <AuthProvider>
        <MemoryRouter initialEntries={[url]}>
          <SignedIn>
            <CaseloadPage />
          </SignedIn>
        </MemoryRouter>
      </AuthProvider>
    </I18nextProvider>,
  );
}

const refreshOk = { body: { accessToken: 'token-1', expiresIn: 900, principal } };

describe('CaseloadPage', () => {
  let net: FetchMock;
  afterEach(() => net.restore());

  it('shows a progress indicator, then the clients in a table with a caption', async () => {
    let release: () => void = () => undefined;
    const hold = new Promise<void>((resolve) => (release = resolve));
    net = mockFetch({
      'POST /api/v1/auth/refresh': refreshOk,
      'GET /api/v1/caseload': (call) => ({ ...caseloadApi(call), hold }),
    });
    const { container } = renderPage();

    expect(await screen.findByRole('status')).toHaveTextContent('Caseload laden…');
    expect(container.querySelector('[aria-busy="true"]')).not.toBeNull();
    release();

    const table = await screen.findByRole('table', { name: /Cliënten in je caseload/ });
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Caseload' })).toBeInTheDocument();
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(51); // header + 50
    const monique = within(table).getByRole('rowheader', { name: 'van Dam, Monique' });
    const row = monique.closest('tr') as HTMLElement;
    expect(within(row).getByText('FACT Rivierstad-Noord')).toBeInTheDocument();
    expect(within(row).getByText('Sanne Jansen')).toBeInTheDocument();
    expect(within(row).getByText('Anna de Vries')).toBeInTheDocument();
    expect(within(rows[2]).getByText('Niet toegewezen')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Pagina’s van de caseload' })).toHaveTextContent(
      '1–50 van 61',
    );
    expect(screen.getByText('61 cliënten gevonden')).toBeInTheDocument();

    const [call] = net.callsTo('GET /api/v1/caseload');
    expect(call.headers['Authorization']).toBe('Bearer token-1');
    expect(call.query.get('page')).toBe('1');
    expect(call.query.get('pageSize')).toBe('50');
    expect(call.query.has('q')).toBe(false);
  });

  it('searches with q after the user stops typing, with one request', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': refreshOk,
      'GET /api/v1/caseload': caseloadApi,
    });
    renderPage();
    await screen.findByRole('table');

    await userEvent.type(screen.getByRole('searchbox', { name: 'Zoek op naam' }), 'moniq');
    await waitFor(() => expect(screen.getByRole('table')).toHaveTextContent(/1–1 van 1/));
    const calls = net.callsTo('GET /api/v1/caseload');
    expect(calls.map((c) => c.query.get('q'))).toEqual([null, 'moniq']);
    expect(calls[1].query.get('page')).toBe('1');
    expect(screen.getByText('1 cliënt gevonden')).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'van Dam, Monique' })).toBeInTheDocument();
  });

  it('pages forward and back', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': refreshOk,
      'GET /api/v1/caseload': caseloadApi,
    });
    renderPage();
    await screen.findByRole('table');
    const pages = screen.getByRole('navigation', { name: 'Pagina’s van de caseload' });

    await userEvent.click(within(pages).getByRole('button', { name: /Volgende/ }));
    await waitFor(() => expect(pages).toHaveTextContent('51–61 van 61'));
    expect(net.callsTo('GET /api/v1/caseload').at(-1)?.query.get('page')).toBe('2');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(12);
    expect(within(pages).getByRole('button', { name: /Volgende/ })).toBeDisabled();
    expect(screen.getByRole('table')).toHaveFocus();

    await userEvent.click(within(pages).getByRole('button', { name: /Vorige/ }));
    await waitFor(() => expect(pages).toHaveTextContent('1–50 van 61'));
  });

  it('filters by team', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': refreshOk,
      'GET /api/v1/caseload': caseloadApi,
    });
    renderPage();
    await screen.findByRole('table');
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Team' }),
      'FACT Rivierstad-Zuid',
    );
    await waitFor(() => expect(screen.getByText('6 cliënten gevonden')).toBeInTheDocument());
    expect(net.callsTo('GET /api/v1/caseload').at(-1)?.query.get('teamId')).toBe(ZUID);
    expect(screen.queryByRole('navigation', { name: /caseload/ })).not.toBeInTheDocument();
  });

  it('says plainly when nothing matches, and can clear the search', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': refreshOk,
      'GET /api/v1/caseload': caseloadApi,
    });
    renderPage('/caseload?q=zzz');
    expect(
      await screen.findByRole('heading', { name: 'Geen cliënten gevonden' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/passen bij je zoekopdracht/)).toBeInTheDocument();
    expect(screen.getByRole('searchbox')).toHaveValue('zzz');
    await userEvent.click(screen.getByRole('button', { name: 'Zoekopdracht wissen' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.getByRole('searchbox')).toHaveValue('');
  });

  it('shows an error with a retry button that loads again', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': refreshOk,
      'GET /api/v1/caseload': [
        { status: 500, body: { statusCode: 500, code: 'INTERNAL', message: 'x' } },
        { networkError: true },
        caseloadApi,
      ],
    });
    renderPage();
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('De caseload kon niet worden geladen'));
    expect(alert).toHaveTextContent('Er ging iets mis bij Tandem');

    await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    await waitFor(() => expect(alert).toHaveTextContent('niet bereikbaar'));

    await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(alert).toBeEmptyDOMElement();
  });
});

describe('caseload texts', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expect(translationKeys(caseloadEn)).toEqual(translationKeys(caseloadNl));
    expect(emptyTranslations(caseloadNl)).toEqual([]);
    expect(emptyTranslations(caseloadEn)).toEqual([]);
  });
});
