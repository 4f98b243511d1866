import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { Principal } from '@tandem/domain';
import { AuthProvider, SignedIn } from '@tandem/web-data-access';
import { commonResources, emptyTranslations, todayDay, translationKeys } from '@tandem/web-ui';
import { mockFetch, type FetchMock, type MockReply, createTestI18n } from '@tandem/web-testing';
import { AccessLogPage } from './access-log-page';
import type { AccessLogEntry, Notification } from './audit-api';
import { auditEn, auditNl, auditResources } from './i18n';
import { NotificationsMenu } from './notifications-menu';

const LOG = 'GET /api/v1/access-log';
const MONIQUE = '5b0c6a4e-2f4d-4c1e-9a55-0f7d3c2b1a00';
const FATIMA = '7e1d2c3b-4a59-4687-8a9b-0c1d2e3f4a5b';

const henk: Principal = {
  userId: 'u-henk',
  sessionId: 's1',
  displayName: 'Henk Dijkstra',
  email: 'henk.dijkstra@ggz-rivierenland.example',
  organisationId: 'o-ggz',
  organisationName: 'GGZ Rivierenland',
  organisationType: 'GGZ',
  roles: ['FUNCTIONARIS_GEGEVENSBESCHERMING'],
  teams: [],
  clientId: null,
  locale: 'nl',
};

let entryCount = 0;
function entry(extra: Partial<AccessLogEntry> = {}): AccessLogEntry {
  entryCount++;
  return {
    id: `log-${entryCount}`,
    at: '2026-11-24T09:30:00.000Z',
    userId: FATIMA,
    userName: 'Fatima El Amrani',
    userRole: 'KLANTMANAGER',
    organisationName: 'Gemeente Rivierstad',
    clientId: MONIQUE,
    clientName: 'Monique van Dam',
    clientIds: [MONIQUE],
    objectType: 'Note',
    objectId: 'n-1',
    action: 'READ',
    outcome: 'ALLOWED',
    basis: 'WORK_RELATIONSHIP,CONSENT',
    consentIds: ['consent-1'],
    emergency: false,
    channel: 'HTTP',
    route: 'GET /api/v1/clients/:clientId/notes',
    ip: '10.0.0.7',
    userAgent: 'Chromium',
    sessionId: 'sess-1',
    ...extra,
  };
}

/** jsdom's Blob has no text(): read it the old way. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

const page = (items: AccessLogEntry[], total = items.length, pageNo = 1): MockReply => ({
  body: { items, total, page: pageNo, pageSize: 50 },
});

function Where() {
  const location = useLocation();
  return <output data-testid="where">{`${location.pathname}${location.search}`}</output>;
}

function renderWith(element: ReactNode, path = '/access-log') {
  return render(
    <I18nextProvider i18n={createTestI18n({ audit: auditResources, common: commonResources })}>
      <AuthProvider>
        <MemoryRouter initialEntries={[path]}>
          <SignedIn>
            <Routes>
              <Route path="*" element={element} />
            </Routes>
            <Where />
          </SignedIn>
        </MemoryRouter>
      </AuthProvider>
    </I18nextProvider>,
  );
}

const signedIn: MockReply = {
  body: { accessToken: 'token-henk', expiresIn: 900, principal: henk },
};

describe('AccessLogPage', () => {
  let net: FetchMock;
  beforeEach(() => {
    entryCount = 0;
  });
  afterEach(() => net?.restore());

  it('shows who did what, on what basis and from where, in plain words', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn,
      [LOG]: page([
        entry(),
        entry({
          userId: 'u-karim',
          userName: 'Karim Benali',
          userRole: 'PSYCHIATER',
          organisationName: 'GGZ Rivierenland',
          action: 'EMERGENCY_ACCESS',
          objectType: 'EmergencyAccess',
          objectId: 'ea-1',
          basis: 'EMERGENCY',
          emergency: true,
        }),
        entry({
          action: 'SEARCH',
          objectType: 'Caseload',
          clientId: null,
          clientName: null,
          clientIds: ['a', 'b', 'c'],
          outcome: 'DENIED',
          basis: 'NONE',
        }),
      ]),
    });
    renderWith(<AccessLogPage />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Toegangslog' })).toBeVisible();
    const table = await screen.findByRole('table', { name: /Toegangslog/ });
    expect(screen.getByText('3 regels gevonden')).toBeVisible();
    const [, read, emergency, search] = within(table).getAllByRole('row');
    expect(read).toHaveTextContent('Fatima El Amrani');
    expect(read).toHaveTextContent('klantmanager');
    expect(read).toHaveTextContent('Gemeente Rivierstad');
    expect(read).toHaveTextContent('Monique van Dam');
    expect(read).toHaveTextContent('Bekeken: notitie');
    expect(read).toHaveTextContent('Toegestaan');
    expect(read).toHaveTextContent('Werkrelatie (re-integratie), Toestemming van de cliënt');
    expect(read).toHaveTextContent('Web');
    expect(read).toHaveTextContent('IP-adres 10.0.0.7');
    expect(within(read).getByRole('cell', { name: /^Nee$/ })).toBeInTheDocument();

    expect(emergency).toHaveTextContent('Noodtoegang geopend: noodtoegang');
    expect(within(emergency).getAllByText('Noodtoegang').length).toBeGreaterThan(0);
    expect(
      within(emergency).getByRole('button', { name: /Noodtoegang van Karim Benali .* beoordelen/ }),
    ).toBeVisible();

    expect(search).toHaveTextContent('3 cliënten');
    expect(search).toHaveTextContent('Geweigerd');
    expect(search).toHaveTextContent('Geen grond');
  });

  it('builds the query from the filters, in the user’s own calendar days', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn,
      [LOG]: page([entry()]),
    });
    renderWith(<AccessLogPage />);
    await screen.findByRole('table');
    expect(net.callsTo(LOG)[0].query.toString()).toBe('page=1&pageSize=50');

    const user = userEvent.setup();
    const filters = screen.getByRole('search', { name: 'Filters voor het toegangslog' });
    await user.type(within(filters).getByLabelText('Cliënt-ID'), 'monique');
    await user.click(within(filters).getByRole('button', { name: 'Filters toepassen' }));
    expect(within(filters).getByLabelText('Cliënt-ID')).toHaveAccessibleDescription(
      expect.stringContaining('Dit is geen geldig ID.'),
    );
    expect(within(filters).getByLabelText('Cliënt-ID')).toHaveFocus();
    expect(net.callsTo(LOG)).toHaveLength(1);

    await user.clear(within(filters).getByLabelText('Cliënt-ID'));
    await user.type(within(filters).getByLabelText('Cliënt-ID'), MONIQUE);
    await user.type(within(filters).getByLabelText('Medewerker-ID'), FATIMA);
    await user.type(within(filters).getByLabelText('Van'), '2026-11-01');
    await user.type(within(filters).getByLabelText('Tot en met'), '2026-11-30');
    await user.click(within(filters).getByRole('checkbox', { name: 'Alleen noodtoegang' }));
    await user.click(within(filters).getByRole('button', { name: 'Filters toepassen' }));

    await waitFor(() => expect(net.callsTo(LOG)).toHaveLength(2));
    const query = net.callsTo(LOG)[1].query;
    expect(Object.fromEntries(query)).toEqual({
      clientId: MONIQUE,
      userId: FATIMA,
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 11, 1).toISOString(),
      emergency: 'true',
      page: '1',
      pageSize: '50',
    });
    expect(screen.getByTestId('where')).toHaveTextContent(
      `/access-log?clientId=${MONIQUE}&userId=${FATIMA}&from=2026-11-01&to=2026-11-30&emergency=true`,
    );

    await user.click(within(filters).getByRole('button', { name: 'Filters wissen' }));
    await waitFor(() => expect(net.callsTo(LOG)).toHaveLength(3));
    expect(net.callsTo(LOG)[2].query.toString()).toBe('page=1&pageSize=50');
    expect(within(filters).getByLabelText('Cliënt-ID')).toHaveValue('');
  });

  it('filters on a person by clicking the name, and pages through the log', async () => {
    const many = Array.from({ length: 50 }, () => entry());
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn,
      [LOG]: (call) => page(many, 61, Number(call.query.get('page'))),
    });
    renderWith(<AccessLogPage />);
    const user = userEvent.setup();
    const nav = await screen.findByRole('navigation', { name: 'Pagina’s van het toegangslog' });
    expect(nav).toHaveTextContent('1–50 van 61');
    await user.click(within(nav).getByRole('button', { name: /Volgende/ }));
    await waitFor(() => expect(net.callsTo(LOG).at(-1)?.query.get('page')).toBe('2'));

    const [first] = screen.getAllByRole('link', {
      name: /^Fatima El Amrani\s?, alleen deze medewerker tonen$/,
    });
    await user.click(first);
    await waitFor(() => expect(net.callsTo(LOG).at(-1)?.query.get('userId')).toBe(FATIMA));
    expect(net.callsTo(LOG).at(-1)?.query.get('page')).toBe('1');
    expect(screen.getByLabelText('Medewerker-ID')).toHaveValue(FATIMA);
  });

  it('verifies the chain and says which entry broke it', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn,
      [LOG]: page([entry()]),
      'GET /api/v1/access-log/verify': [
        { body: { ok: true, entries: 1234, firstBrokenId: null, problem: null } },
        {
          body: {
            ok: false,
            entries: 1234,
            firstBrokenId: 'log-77',
            problem: 'hash does not match the entry',
          },
        },
      ],
    });
    renderWith(<AccessLogPage />);
    const user = userEvent.setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: /Keten controleren/ }));
    expect(await screen.findByText('Het log is in orde')).toBeVisible();
    expect(screen.getByText('Alle 1.234 regels zijn onveranderd.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: /Keten controleren/ }));
    const broken = await screen.findByText('Het log is aangetast');
    const alert = broken.closest('[role="alert"]') as HTMLElement;
    expect(alert).toHaveTextContent('De keten klopt niet meer vanaf regel log-77.');
    expect(within(alert).getByText('hash does not match the entry')).toHaveAttribute('lang', 'en');
  });

  it('exports the filtered log as a CSV download, with progress', async () => {
    let release: () => void = () => undefined;
    const hold = new Promise<void>((resolve) => (release = resolve));
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn,
      [LOG]: page([entry()]),
      'GET /api/v1/access-log/export': {
        hold,
        text: 'id,at\n"log-1","2026-11-24T09:30:00.000Z"\n',
        headers: { 'Content-Type': 'text/csv; charset=utf-8' },
      },
    });
    const created: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:tandem/1';
    });
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicks: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(this);
    });
    try {
      renderWith(<AccessLogPage />, `/access-log?clientId=${MONIQUE}&emergency=true`);
      const user = userEvent.setup();
      await screen.findByRole('table');
      await user.click(screen.getByRole('button', { name: /Exporteren als CSV/ }));
      expect(await screen.findByText(/Bezig met exporteren/)).toBeVisible();
      expect(screen.getByRole('button', { name: /Exporteren als CSV/ })).toHaveAttribute(
        'aria-disabled',
        'true',
      );
      release();

      expect(await screen.findByText(/De export is klaar/)).toHaveTextContent(
        `tandem-toegangslog-${todayDay()}.csv`,
      );
      const call = net.callsTo('GET /api/v1/access-log/export')[0];
      expect(call.headers['Accept']).toBe('text/csv');
      expect(call.headers['Authorization']).toBe('Bearer token-henk');
      expect(Object.fromEntries(call.query)).toEqual({ clientId: MONIQUE, emergency: 'true' });
      expect(createObjectURL).toHaveBeenCalledTimes(1);
      expect(await readText(created[0])).toContain('"log-1"');
      expect(clicks).toHaveLength(1);
      expect(clicks[0].download).toBe(`tandem-toegangslog-${todayDay()}.csv`);
      expect(clicks[0].getAttribute('href')).toBe('blob:tandem/1');
    } finally {
      click.mockRestore();
    }
  });

  it('reviews an emergency access with a comment', async () => {
    const emergency = entry({
      userName: 'Karim Benali',
      action: 'EMERGENCY_ACCESS',
      objectType: 'EmergencyAccess',
      objectId: 'ea-1',
      basis: 'EMERGENCY',
      emergency: true,
    });
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn,
      [LOG]: page([emergency]),
      'POST /api/v1/emergency-access/ea-1/review': [
        {
          status: 404,
          body: { statusCode: 404, code: 'NOT_FOUND', message: 'No unreviewed emergency access.' },
        },
        { body: { reviewed: true } },
      ],
    });
    renderWith(<AccessLogPage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /beoordelen/ }));
    const form = screen.getByRole('form', { name: 'Noodtoegang beoordelen' });
    expect(form).toHaveTextContent('Karim Benali opende op');
    expect(form).toHaveTextContent('het dossier van Monique van Dam');
    await user.click(within(form).getByRole('button', { name: 'Beoordeling opslaan' }));
    expect(within(form).getByLabelText('Je beoordeling')).toHaveAccessibleDescription(
      expect.stringContaining('minstens 3 tekens'),
    );
    expect(net.callsTo('POST /api/v1/emergency-access/ea-1/review')).toHaveLength(0);

    await user.type(within(form).getByLabelText('Je beoordeling'), 'Terecht: crisis in de nacht');
    await user.click(within(form).getByRole('button', { name: 'Beoordeling opslaan' }));
    await waitFor(() => expect(within(form).getByRole('alert')).toHaveTextContent('al beoordeeld'));
    await user.click(within(form).getByRole('button', { name: 'Beoordeling opslaan' }));
    await waitFor(() => expect(screen.queryByRole('form')).not.toBeInTheDocument());
    expect(net.callsTo('POST /api/v1/emergency-access/ea-1/review')[1].body).toEqual({
      comment: 'Terecht: crisis in de nacht',
    });
    expect(screen.getByRole('table')).toHaveTextContent('Beoordeeld');
    expect(screen.queryByRole('button', { name: /beoordelen/ })).not.toBeInTheDocument();
    expect(
      screen.getByText(/Je beoordeling van de noodtoegang van Karim Benali/),
    ).toBeInTheDocument();
  });

  it('explains a refusal and offers to try again', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn,
      [LOG]: [
        { status: 403, body: { statusCode: 403, code: 'FORBIDDEN', message: 'x' } },
        page([]),
      ],
    });
    renderWith(<AccessLogPage />);
    const alert = await screen.findByText('Het toegangslog kon niet worden geladen.');
    expect(alert.closest('[role="alert"]')).toHaveTextContent('Je hebt geen toegang');
    await userEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByText('Geen regels gevonden met deze filters.')).toBeVisible();
  });
});

describe('NotificationsMenu', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  const notes: Notification[] = [
    {
      id: 'n1',
      kind: 'EMERGENCY_ACCESS',
      clientId: MONIQUE,
      message: 'Karim Benali (GGZ Rivierenland) opened this client’s file with emergency access.',
      createdAt: '2026-11-24T08:00:00.000Z',
      readAt: null,
    },
    {
      id: 'n2',
      kind: 'OTHER',
      clientId: null,
      message: 'Older message',
      createdAt: '2026-11-01T08:00:00.000Z',
      readAt: '2026-11-02T08:00:00.000Z',
    },
  ];

  it('shows the number of unread notifications and lists them on open', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn,
      'GET /api/v1/notifications': { body: notes },
    });
    renderWith(<NotificationsMenu />, '/caseload');
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: /Meldingen.*1 nieuw/ });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('region', { name: 'Meldingen' })).not.toBeInTheDocument();

    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByRole('region', { name: 'Meldingen' });
    expect(panel).toHaveTextContent('Noodtoegang tot je cliënt');
    expect(panel).toHaveTextContent('Karim Benali (GGZ Rivierenland) opened');
    expect(panel).toHaveTextContent('Melding');
    await user.click(within(panel).getByRole('link', { name: 'Naar het dossier' }));
    expect(screen.getByTestId('where')).toHaveTextContent(`/clients/${MONIQUE}`);
    expect(screen.queryByRole('region', { name: 'Meldingen' })).not.toBeInTheDocument();

    await user.click(button);
    await user.keyboard('{Escape}');
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(net.callsTo('GET /api/v1/notifications').length).toBeGreaterThanOrEqual(2);
  });
});

describe('audit texts', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expect(translationKeys(auditEn)).toEqual(translationKeys(auditNl));
    expect(emptyTranslations(auditNl)).toEqual([]);
    expect(emptyTranslations(auditEn)).toEqual([]);
  });
});
