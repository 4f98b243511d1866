import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Principal } from '@tandem/domain';
import {
  AuthProvider,
  LiveProvider,
  type CaseloadItem,
  type ClientDetail,
  SignedIn,
} from '@tandem/web-data-access';
import { commonResources, emptyTranslations, translationKeys } from '@tandem/web-ui';
import {
  fakeIo,
  mockFetch,
  type FakeIo,
  type FetchMock,
  type MockCall,
  type MockReply,
  createTestI18n,
  ShowLocation,
} from '@tandem/web-testing';
import { BoardPage } from './board-page';
import { boardEn, boardNl, boardResources } from './i18n';

const NOORD = '11111111-1111-4111-8111-111111111111';
const ZUID = '22222222-2222-4222-8222-222222222222';
const SANNE = { userId: 'u-sanne', displayName: 'Sanne Jansen' };
const RUUD = { userId: 'u-ruud', displayName: 'Ruud Bakker' };

const sanne: Principal = {
  userId: SANNE.userId,
  sessionId: 's1',
  displayName: SANNE.displayName,
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
const lotte: Principal = {
  ...sanne,
  userId: 'u-lotte',
  displayName: 'Lotte Visser',
  roles: ['ERVARINGSDESKUNDIGE'],
  teams: [
    {
      teamId: NOORD,
      teamName: 'FACT Rivierstad-Noord',
      teamType: 'FACT',
      role: 'ERVARINGSDESKUNDIGE',
    },
  ],
};

function item(overrides: Partial<CaseloadItem>): CaseloadItem {
  return {
    clientId: 'c-x',
    firstName: 'X',
    lastName: 'Y',
    teamId: NOORD,
    teamName: 'FACT Rivierstad-Noord',
    keyWorker: SANNE,
    regiebehandelaar: { userId: 'u-anna', displayName: 'Anna de Vries' },
    onBoard: false,
    boardReason: null,
    boardSince: null,
    daysOnBoard: null,
    lastContactOn: '2026-11-02',
    nextContactOn: '2026-11-26',
    version: 1,
    ...overrides,
  };
}

const monique = item({ clientId: 'c-monique', firstName: 'Monique', lastName: 'van Dam' });
const anouk = item({
  clientId: 'c-anouk',
  firstName: 'Anouk',
  lastName: 'Bosman',
  keyWorker: RUUD,
  onBoard: true,
  boardReason: 'Medicatie-ontrouw, zorgen om veiligheid',
  boardSince: '2026-11-06T09:00:00.000Z',
  daysOnBoard: 18,
  lastContactOn: null,
  nextContactOn: null,
});

/** What a user without care rights receives: no boardReason field at all. */
function withoutReason({ boardReason: _drop, ...rest }: CaseloadItem): CaseloadItem {
  return rest;
}

const page = (items: CaseloadItem[]): MockReply => ({
  body: { items, total: items.length, page: 1, pageSize: 50 },
});

function renderBoard(live: FakeIo, url = '/board') {
  return render(
    <I18nextProvider i18n={createTestI18n({ board: boardResources, common: commonResources })}>
      <AuthProvider>
        <LiveProvider connect={live.io}>
          <MemoryRouter initialEntries={[url]}>
            <SignedIn>
              <Routes>
                <Route path="/board" element={<BoardPage />} />
                <Route path="/clients/:clientId" element={<ShowLocation withSearch />} />
              </Routes>
            </SignedIn>
          </MemoryRouter>
        </LiveProvider>
      </AuthProvider>
    </I18nextProvider>,
  );
}

const signedInAs = (principal: Principal): MockReply => ({
  body: { accessToken: `token-${principal.userId}`, expiresIn: 900, principal },
});

function detail(base: CaseloadItem, canUpdateBoard = true): ClientDetail {
  return {
    ...base,
    dateOfBirth: '1981-03-14',
    pseudonym: 'A1',
    diagnosis: 'x',
    permissions: {
      readableDomains: ['TREATMENT'],
      writableDomains: ['TREATMENT'],
      canUpdateBoard,
      canTransfer: canUpdateBoard,
    },
  };
}

const rowOf = (name: string) =>
  screen.getByRole('rowheader', { name }).closest('tr') as HTMLTableRowElement;

describe('BoardPage', () => {
  let net: FetchMock;
  let live: FakeIo;
  beforeEach(() => {
    live = fakeIo();
  });
  afterEach(() => net?.restore());

  it('shows the board of the first team with board status, days and contacts; the reason only when sent', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(sanne),
      'GET /api/v1/caseload': page([anouk, monique]),
    });
    renderBoard(live);
    const table = await screen.findByRole('table', { name: /Bord van FACT Rivierstad-Noord/ });
    expect(screen.getByRole('heading', { level: 1, name: 'Bord' })).toBeInTheDocument();
    const anoukRow = rowOf('Bosman, Anouk');
    expect(within(anoukRow).getByText('Ja')).toBeInTheDocument();
    expect(anoukRow).toHaveTextContent('Reden: Medicatie-ontrouw, zorgen om veiligheid');
    expect(anoukRow).toHaveTextContent('18 dagen');
    expect(anoukRow).toHaveTextContent('Ruud Bakker');
    expect(anoukRow).toHaveTextContent('Nog geen contact');
    expect(anoukRow).toHaveTextContent('Niet gepland');
    const moniqueRow = rowOf('van Dam, Monique');
    expect(moniqueRow).toHaveTextContent('Nee');
    expect(moniqueRow).toHaveTextContent('2 nov 2026');
    expect(moniqueRow).toHaveTextContent('26 nov 2026');
    expect(within(table).getAllByRole('button', { name: /^Wijzigen/ })).toHaveLength(2);
    expect(within(moniqueRow).getByRole('link', { name: 'van Dam, Monique' })).toHaveAttribute(
      'href',
      '/clients/c-monique',
    );

    const [call] = net.callsTo('GET /api/v1/caseload');
    expect(call.query.get('teamId')).toBe(NOORD);
    expect(call.query.get('sort')).toBe('name');
    expect(call.query.has('onBoard')).toBe(false);
  });

  it('marks the clients whose work goal is due for review, from the team’s due list', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(sanne),
      'GET /api/v1/caseload': page([anouk, monique]),
      'GET /api/v1/ips/work-goals/due': {
        body: {
          items: [{ goalId: 'g1', clientId: 'c-monique', nextReviewOn: '2026-11-17' }],
          total: 1,
          page: 1,
          pageSize: 100,
        },
      },
    });
    renderBoard(live);
    await screen.findByRole('table');
    const moniqueHeader = await screen.findByRole('rowheader', {
      name: 'van Dam, Monique Werkdoel evalueren',
    });
    expect(within(moniqueHeader).getByText('Werkdoel evalueren')).toBeVisible();
    expect(rowOf('Bosman, Anouk')).not.toHaveTextContent('Werkdoel evalueren');
    const [call] = net.callsTo('GET /api/v1/ips/work-goals/due');
    expect(call.query.get('teamId')).toBe(NOORD);
  });

  it('shows no reason and no change buttons to a user who does not receive the reason', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(lotte),
      'GET /api/v1/caseload': page([withoutReason(anouk), withoutReason(monique)]),
    });
    renderBoard(live);
    const table = await screen.findByRole('table');
    expect(within(rowOf('Bosman, Anouk')).getByText('Ja')).toBeInTheDocument();
    expect(table).not.toHaveTextContent('Reden');
    expect(within(table).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Team' })).not.toBeInTheDocument();
  });

  it('sends the filters and the sort order as query parameters', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(sanne),
      'GET /api/v1/caseload': page([anouk, monique]),
    });
    renderBoard(live);
    await screen.findByRole('table');
    const last = () => net.callsTo('GET /api/v1/caseload').at(-1) as MockCall;

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Op het bord' }),
      'Alleen op het bord',
    );
    await waitFor(() => expect(last().query.get('onBoard')).toBe('true'));

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Casemanager' }),
      'Ruud Bakker',
    );
    await waitFor(() => expect(last().query.get('keyWorkerId')).toBe(RUUD.userId));

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Sorteren' }),
      'Langst op het bord eerst',
    );
    await waitFor(() => expect(last().query.get('sort')).toBe('boardSince'));

    await userEvent.type(screen.getByRole('searchbox', { name: 'Zoek op naam' }), 'bos');
    await waitFor(() => expect(last().query.get('q')).toBe('bos'));

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Op het bord' }),
      'Alleen niet op het bord',
    );
    await waitFor(() => expect(last().query.get('onBoard')).toBe('false'));

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Team' }),
      'FACT Rivierstad-Zuid',
    );
    await waitFor(() => expect(last().query.get('teamId')).toBe(ZUID));
    // A key worker of the other team makes no sense there: that filter is cleared.
    expect(last().query.has('keyWorkerId')).toBe(false);
    expect(last().query.get('onBoard')).toBe('false');
    expect(last().query.get('page')).toBe('1');
  });

  it('is live: watches the team and reloads the page when the board changes', async () => {
    const onBoardNow = {
      ...monique,
      onBoard: true,
      boardReason: 'Crisis',
      daysOnBoard: 0,
      version: 2,
    };
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(sanne),
      'GET /api/v1/caseload': [page([anouk, monique]), page([anouk, onBoardNow])],
    });
    renderBoard(live);
    await screen.findByRole('table');
    const indicator = screen.getByRole('region', { name: 'Live bijwerken' });
    await waitFor(() => expect(indicator).toHaveTextContent('Live'));
    expect(live.last().options.auth).toEqual({ token: 'token-u-sanne' });
    expect(live.last().watched()).toEqual([{ teamId: NOORD }]);
    expect(net.callsTo('GET /api/v1/caseload')).toHaveLength(1);

    act(() =>
      live.last().serverEmit('board:changed', { clientId: 'c-monique', teamId: NOORD, version: 2 }),
    );
    await waitFor(() => expect(rowOf('van Dam, Monique')).toHaveTextContent('Reden: Crisis'));
    expect(net.callsTo('GET /api/v1/caseload')).toHaveLength(2);
    expect(indicator).toHaveTextContent(/Bijgewerkt om \d\d:\d\d/);

    act(() => live.last().serverEmit('session:ended', { code: 'TOKEN_EXPIRED' }));
    expect(indicator).toHaveTextContent('Niet live');
    expect(live.last().disconnected).toBe(true);
  });

  it('puts a client on the board; on a version conflict it shows what changed and saves again only when asked', async () => {
    const theirs = {
      ...monique,
      onBoard: true,
      boardReason: 'Woonproblemen',
      boardSince: '2026-11-24T08:00:00.000Z',
      daysOnBoard: 0,
      nextContactOn: '2026-12-01',
      version: 2,
    };
    const saved = {
      ...theirs,
      boardReason: 'Crisis na ontslag',
      nextContactOn: '2026-11-27',
      version: 3,
    };
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(sanne),
      'GET /api/v1/caseload': page([anouk, monique]),
      'GET /api/v1/clients/c-monique': { body: detail(monique) },
      'PATCH /api/v1/clients/c-monique/board': [
        {
          status: 409,
          body: {
            statusCode: 409,
            code: 'VERSION_CONFLICT',
            message: 'Someone else changed this client in the meantime.',
            current: theirs,
          },
        },
        { body: saved },
      ],
    });
    renderBoard(live);
    await screen.findByRole('table');
    await userEvent.click(
      within(rowOf('van Dam, Monique')).getByRole('button', { name: /Wijzigen/ }),
    );
    const form = await screen.findByRole('form', {
      name: 'Bord wijzigen voor van Dam, Monique',
    });
    await userEvent.click(within(form).getByRole('radio', { name: 'Ja, op het bord' }));
    // The reason is required when putting a client on the board: checked before sending.
    await userEvent.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(within(form).getByLabelText('Reden')).toHaveAccessibleDescription(/Vul een reden in\./);
    expect(net.callsTo('PATCH /api/v1/clients/c-monique/board')).toHaveLength(0);

    await userEvent.type(within(form).getByLabelText('Reden'), 'Crisis na ontslag');
    const next = within(form).getByLabelText('Volgend contact');
    await userEvent.clear(next);
    await userEvent.type(next, '2026-11-27');
    await userEvent.click(within(form).getByRole('button', { name: 'Opslaan' }));

    const alert = await within(form).findByText('Iemand anders heeft deze cliënt net gewijzigd');
    const notice = alert.closest('.t-alert') as HTMLElement;
    expect(notice).toHaveTextContent('Op het bord: was Nee, nu Ja');
    expect(notice).toHaveTextContent('Reden: was leeg, nu Woonproblemen');
    expect(notice).toHaveTextContent('Volgend contact: was 26 nov 2026, nu 1 dec 2026');
    // Nothing was overwritten: one request, and the user's own text is still in the form.
    expect(net.callsTo('PATCH /api/v1/clients/c-monique/board')).toHaveLength(1);
    expect(within(form).getByLabelText('Reden')).toHaveValue('Crisis na ontslag');

    await userEvent.click(within(form).getByRole('button', { name: 'Mijn wijziging opslaan' }));
    await waitFor(() => expect(screen.queryByRole('form')).not.toBeInTheDocument());
    const [first, second] = net.callsTo('PATCH /api/v1/clients/c-monique/board');
    expect(first.body).toEqual({
      onBoard: true,
      boardReason: 'Crisis na ontslag',
      nextContactOn: '2026-11-27',
      version: 1,
    });
    expect(second.body).toEqual({ ...(first.body as object), version: 2 });
    expect(rowOf('van Dam, Monique')).toHaveTextContent('Reden: Crisis na ontslag');
    expect(screen.getByText('Het bord van van Dam, Monique is opgeslagen.')).toBeInTheDocument();
    expect(
      within(rowOf('van Dam, Monique')).getByRole('button', { name: /Wijzigen/ }),
    ).toHaveFocus();
  });

  it('takes a client off the board without a reason, and can discard after a conflict', async () => {
    const theirs = { ...anouk, nextContactOn: '2026-12-03', version: 5 };
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(sanne),
      'GET /api/v1/caseload': page([anouk, monique]),
      'GET /api/v1/clients/c-anouk': { body: detail({ ...anouk, version: 4 }) },
      'PATCH /api/v1/clients/c-anouk/board': {
        status: 409,
        body: { statusCode: 409, code: 'VERSION_CONFLICT', message: 'x', current: theirs },
      },
    });
    renderBoard(live);
    await screen.findByRole('table');
    await userEvent.click(within(rowOf('Bosman, Anouk')).getByRole('button', { name: /Wijzigen/ }));
    const form = await screen.findByRole('form');
    expect(within(form).getByRole('radio', { name: 'Ja, op het bord' })).toBeChecked();
    expect(within(form).getByLabelText('Reden')).toHaveValue(anouk.boardReason);
    await userEvent.click(within(form).getByRole('radio', { name: 'Nee, niet op het bord' }));
    expect(within(form).queryByLabelText('Reden')).not.toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'Opslaan' }));
    const title = await within(form).findByText('Iemand anders heeft deze cliënt net gewijzigd');
    expect(title.closest('.t-alert')).toHaveTextContent('Volgend contact: was leeg, nu 3 dec 2026');
    expect(net.callsTo('PATCH /api/v1/clients/c-anouk/board')[0].body).toEqual({
      onBoard: false,
      nextContactOn: null,
      version: 4,
    });

    await userEvent.click(within(form).getByRole('button', { name: 'Mijn wijziging weggooien' }));
    expect(within(form).getByRole('radio', { name: 'Ja, op het bord' })).toBeChecked();
    expect(within(form).getByLabelText('Volgend contact')).toHaveValue('2026-12-03');
    expect(net.callsTo('PATCH /api/v1/clients/c-anouk/board')).toHaveLength(1);
  });

  it('does not offer the form when the client says the user may not change the board', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(sanne),
      'GET /api/v1/caseload': page([anouk, monique]),
      'GET /api/v1/clients/c-monique': { body: detail(monique, false) },
    });
    renderBoard(live);
    await screen.findByRole('table');
    await userEvent.click(
      within(rowOf('van Dam, Monique')).getByRole('button', { name: /Wijzigen/ }),
    );
    expect(
      await screen.findByText(/Je kunt het bord voor deze cliënt niet wijzigen/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sluiten' }));
    expect(
      within(rowOf('van Dam, Monique')).getByRole('button', { name: /Wijzigen/ }),
    ).toHaveFocus();
  });

  it('keeps the filters in the URL and passes them to the client page link', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(sanne),
      'GET /api/v1/caseload': page([anouk]),
    });
    renderBoard(live, `/board?team=${ZUID}&board=yes&sort=nextContactOn`);
    await screen.findByRole('table', { name: /Bord van FACT Rivierstad-Zuid/ });
    const [call] = net.callsTo('GET /api/v1/caseload');
    expect(call.query.get('teamId')).toBe(ZUID);
    expect(call.query.get('onBoard')).toBe('true');
    expect(call.query.get('sort')).toBe('nextContactOn');
    expect(screen.getByRole('combobox', { name: 'Sorteren' })).toHaveValue('nextContactOn');
    await userEvent.click(screen.getByRole('link', { name: 'Bosman, Anouk' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/clients/c-anouk');
  });
});

describe('board texts', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expect(translationKeys(boardEn)).toEqual(translationKeys(boardNl));
    expect(emptyTranslations(boardNl)).toEqual([]);
    expect(emptyTranslations(boardEn)).toEqual([]);
  });
});
