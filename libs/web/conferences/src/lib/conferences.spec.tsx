import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Principal } from '@tandem/domain';
import { AuthProvider, LiveProvider, SignedIn } from '@tandem/web-data-access';
import { commonResources, emptyTranslations, translationKeys } from '@tandem/web-ui';
import {
  fakeIo,
  mockFetch,
  type FakeIo,
  type FetchMock,
  type MockReply,
  createTestI18n,
  ShowLocation,
} from '@tandem/web-testing';
import type { AgendaItem, ConferenceDetail, ConferenceSummary, Task } from './conferences-api';
import { ConferencesRoutes } from './conferences-routes';
import { conferencesEn, conferencesNl, conferencesResources } from './i18n';

const NOORD = '11111111-1111-4111-8111-111111111111';
const sanne: Principal = {
  userId: 'u-sanne',
  sessionId: 's1',
  displayName: 'Sanne Jansen',
  email: 'sanne.jansen@ggz-rivierenland.example',
  organisationId: 'o1',
  organisationName: 'GGZ Rivierenland',
  organisationType: 'GGZ',
  roles: ['SPV'],
  teams: [{ teamId: NOORD, teamName: 'FACT Rivierstad-Noord', teamType: 'FACT', role: 'SPV' }],
  clientId: null,
  locale: 'nl',
};
const fatima: Principal = {
  ...sanne,
  userId: 'u-fatima',
  displayName: 'Fatima El Amrani',
  organisationId: 'o2',
  organisationName: 'Gemeente Rivierstad',
  organisationType: 'GEMEENTE',
  roles: ['KLANTMANAGER'],
  teams: [],
};

function renderAt(url: string, live: FakeIo = fakeIo()) {
  return render(
    <I18nextProvider
      i18n={createTestI18n({ conferences: conferencesResources, common: commonResources })}
    >
      <AuthProvider>
        <LiveProvider connect={live.io}>
          <MemoryRouter initialEntries={[url]}>
            <SignedIn>
              <Routes>
                <Route path="/conferences/*" element={<ConferencesRoutes />} />
              </Routes>
              <ShowLocation />
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

const summary = (overrides: Partial<ConferenceSummary> = {}): ConferenceSummary => ({
  id: 'c1',
  teamId: NOORD,
  teamName: 'FACT Rivierstad-Noord',
  seriesId: null,
  kind: 'PARTNER_CASE_DISCUSSION',
  title: 'Casusoverleg werk en inkomen',
  startsAt: '2026-12-01T12:00:00.000Z',
  durationMinutes: 60,
  location: 'Gemeentehuis Rivierstad',
  videoUrl: null,
  status: 'PLANNED',
  organiserName: 'Sanne Jansen',
  itemCount: 1,
  attendeeCount: 3,
  version: 1,
  canRun: true,
  canJoin: true,
  ...overrides,
});

const anonymisedItem: AgendaItem = {
  id: 'i1',
  position: 1,
  view: 'ANONYMISED',
  pseudonym: 'Cliënt K-7F3A',
  ageBand: '40-49',
  source: 'MANUAL',
  attachedToFile: false,
  minutes: {
    ANONYMISED: { text: '', version: 0, updatedAt: null, updatedByName: null, contributors: [] },
  },
  decisions: [],
  actions: [],
  readable: ['ANONYMISED'],
  writable: ['ANONYMISED'],
};
const identifiedItem: AgendaItem = {
  ...anonymisedItem,
  view: 'IDENTIFIED',
  clientId: 'c-monique',
  client: { name: 'Monique van Dam', dateOfBirth: '1981-03-14' },
  topic: 'Werkervaringsplaats en vrijstelling',
  minutes: {
    PARTICIPATION: { text: '', version: 0, updatedAt: null, updatedByName: null, contributors: [] },
    ANONYMISED: { text: '', version: 0, updatedAt: null, updatedByName: null, contributors: [] },
  },
  readable: ['PARTICIPATION', 'ANONYMISED'],
  writable: ['PARTICIPATION', 'ANONYMISED'],
};

const attendees = [
  {
    userId: 'u-sanne',
    displayName: 'Sanne Jansen',
    organisationName: 'GGZ Rivierenland',
    isClient: false,
  },
  {
    userId: 'u-fatima',
    displayName: 'Fatima El Amrani',
    organisationName: 'Gemeente Rivierstad',
    isClient: false,
  },
];

const detailFor = (items: AgendaItem[], overrides: Partial<ConferenceDetail> = {}) => ({
  ...summary({ canRun: false }),
  currentItemId: null,
  seq: 3,
  attendees: attendees.map((a) => ({ ...a, roles: [] })),
  items,
  ...overrides,
});

describe('case conferences in the browser', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  it('lists the conferences with their planning and the PDF of closed ones', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(sanne),
      'GET /api/v1/conferences': {
        body: [
          summary(),
          summary({ id: 'c2', title: 'Bordoverleg', status: 'CLOSED', kind: 'FACT_BOARD' }),
        ],
      },
    });
    renderAt('/conferences');
    expect(
      await screen.findByRole('link', { name: 'Casusoverleg werk en inkomen' }),
    ).toHaveAttribute('href', '/conferences/c1');
    expect(screen.getByRole('heading', { level: 1, name: 'Overleggen' })).toBeInTheDocument();
    expect(screen.getByText('Casusoverleg met partners')).toBeInTheDocument();
    expect(screen.getAllByText('Plaats: Gemeentehuis Rivierstad')).toHaveLength(2);
    expect(
      screen.getByRole('button', { name: 'Verslag downloaden (PDF): Bordoverleg' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /Verslag downloaden/ })).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Overleg plannen' })).toHaveAttribute(
      'href',
      '/conferences/new',
    );
    expect(net.callsTo('GET /api/v1/conferences')[0].query.get('from')).toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );
  });

  it('plans a partner case discussion with an invited partner from the municipality', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(sanne),
      'GET /api/v1/conferences/invitees': {
        body: [
          {
            userId: 'u-anna',
            displayName: 'Anna de Vries',
            organisationName: 'GGZ Rivierenland',
            roles: ['REGIEBEHANDELAAR'],
            teamMember: true,
          },
          {
            userId: 'u-fatima',
            displayName: 'Fatima El Amrani',
            organisationName: 'Gemeente Rivierstad',
            roles: ['KLANTMANAGER'],
            teamMember: false,
          },
        ],
      },
      'POST /api/v1/conferences': { status: 201, body: detailFor([], { id: 'c9' }) },
      'GET /api/v1/conferences/c9': { body: detailFor([], { id: 'c9' }) },
    });
    const user = userEvent.setup();
    renderAt('/conferences/new');
    const partners = await screen.findByRole('heading', { name: 'Partners (andere organisaties)' });
    expect(partners).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Overleg plannen' }));
    expect(await screen.findByText('Vul een titel in.')).toBeInTheDocument();
    expect(screen.getByLabelText('Titel')).toHaveFocus();
    expect(net.callsTo('POST /api/v1/conferences')).toHaveLength(0);

    await user.type(screen.getByLabelText('Titel'), 'Casusoverleg werk en inkomen');
    await user.type(screen.getByLabelText('Plaats'), 'Gemeentehuis, kamer 2.14');
    await user.click(screen.getByLabelText('Fatima El Amrani (Gemeente Rivierstad)'));
    await user.click(screen.getByRole('button', { name: 'Overleg plannen' }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/conferences/c9'),
    );
    const [call] = net.callsTo('POST /api/v1/conferences');
    expect(call.body).toMatchObject({
      teamId: NOORD,
      kind: 'PARTNER_CASE_DISCUSSION',
      title: 'Casusoverleg werk en inkomen',
      durationMinutes: 60,
      location: 'Gemeentehuis, kamer 2.14',
      attendeeIds: ['u-fatima'],
    });
    expect(net.callsTo('GET /api/v1/conferences/invitees')[0].query.get('teamId')).toBe(NOORD);
  });

  it('plans a weekly board-meeting series', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(sanne),
      'GET /api/v1/conferences/invitees': { body: [] },
      'POST /api/v1/conference-series': {
        status: 201,
        body: { seriesId: 's1', conferenceIds: ['a', 'b'] },
      },
      'GET /api/v1/conferences': { body: [] },
    });
    const user = userEvent.setup();
    renderAt('/conferences/new');
    await user.selectOptions(await screen.findByLabelText('Soort overleg'), 'FACT_BOARD');
    await user.type(screen.getByLabelText('Titel'), 'Bordoverleg');
    await user.type(screen.getByLabelText('Plaats'), 'Teamkamer');
    await user.click(screen.getByLabelText('Elke week herhalen'));
    await user.click(screen.getByLabelText('woensdag'));
    await user.click(screen.getByRole('button', { name: 'Reeks plannen' }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(/^\/conferences$/),
    );
    expect(net.callsTo('POST /api/v1/conference-series')[0].body).toMatchObject({
      kind: 'FACT_BOARD',
      weekdays: [1, 3],
      startTime: '13:00',
      location: 'Teamkamer',
    });
  });

  it('shows the klantmanager an anonymised item with a marker and flips it when consent arrives', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(fatima),
      'GET /api/v1/conferences/c1': { body: detailFor([anonymisedItem]) },
    });
    const live = fakeIo();
    live.answers['conference:join'] = {
      ok: true,
      conferenceId: 'c1',
      seq: 3,
      conference: {
        id: 'c1',
        kind: 'PARTNER_CASE_DISCUSSION',
        title: 'Casusoverleg werk en inkomen',
        startsAt: '2026-12-01T12:00:00.000Z',
        status: 'PLANNED',
        teamName: 'FACT Rivierstad-Noord',
        location: 'Gemeentehuis Rivierstad',
        videoUrl: null,
      },
      currentItemId: 'i1',
      attendees,
      items: [anonymisedItem],
    };
    renderAt('/conferences/c1', live);
    const heading = await screen.findByRole('heading', {
      name: /Agendapunt 1: Cliënt K-7F3A, 40-49 jaar/,
    });
    const card = heading.closest('article') as HTMLElement;
    expect(within(card).getAllByText('Zonder naam').length).toBeGreaterThan(0);
    expect(within(card).getByText(/geen toestemming gegeven/)).toBeInTheDocument();
    expect(within(card).getByLabelText('Verslag zonder naam')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('Monique');
    expect(screen.queryByRole('heading', { name: 'Agenda voorbereiden' })).not.toBeInTheDocument();
    expect(live.last().sent('conference:join')).toEqual([{ conferenceId: 'c1' }]);

    act(() =>
      live
        .last()
        .serverEmit('conference:presence', { conferenceId: 'c1', online: ['u-sanne', 'u-fatima'] }),
    );
    act(() =>
      live.last().serverEmit('conference:item', {
        conferenceId: 'c1',
        reason: 'ACCESS_CHANGED',
        item: identifiedItem,
      }),
    );
    expect(
      await screen.findByRole('heading', { name: /Agendapunt 1: Monique van Dam/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/is nu met naam: de cliënt heeft toestemming gegeven/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Verslag werk en participatie')).toBeInTheDocument();

    act(() =>
      live.last().serverEmit('conference:item', {
        conferenceId: 'c1',
        reason: 'ACCESS_CHANGED',
        item: anonymisedItem,
      }),
    );
    await screen.findByRole('heading', { name: /Agendapunt 1: Cliënt K-7F3A/ });
    expect(screen.queryByLabelText('Verslag werk en participatie')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Monique/ })).not.toBeInTheDocument();
  });

  it('sends typed minutes and keeps them when someone else changed the same part', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(fatima),
      'GET /api/v1/conferences/c1': { body: detailFor([identifiedItem]) },
    });
    const live = fakeIo();
    live.answers['conference:join'] = {
      ok: true,
      conferenceId: 'c1',
      seq: 3,
      conference: {
        id: 'c1',
        kind: 'PARTNER_CASE_DISCUSSION',
        title: 'Overleg',
        startsAt: '2026-12-01T12:00:00.000Z',
        status: 'PLANNED',
        teamName: 'FACT',
        location: 'x',
        videoUrl: null,
      },
      currentItemId: null,
      attendees,
      items: [identifiedItem],
    };
    live.answers['minutes:write'] = {
      ok: false,
      code: 'VERSION_CONFLICT',
      current: { text: 'Vrijstelling tot 1 maart.', version: 2 },
    };
    const user = userEvent.setup();
    renderAt('/conferences/c1', live);
    const field = await screen.findByLabelText('Verslag werk en participatie');
    await user.type(field, 'Werkervaringsplaats loopt door.');
    await user.tab();
    expect(await screen.findByText('Iemand anders paste hetzelfde stuk aan')).toBeInTheDocument();
    expect(field).toHaveValue('Werkervaringsplaats loopt door.');
    expect(screen.getByText('Vrijstelling tot 1 maart.')).toBeInTheDocument();
    expect(live.last().sent('minutes:write').at(-1)).toMatchObject({
      conferenceId: 'c1',
      itemId: 'i1',
      section: 'PARTICIPATION',
      baseVersion: 0,
      text: 'Werkervaringsplaats loopt door.',
    });
  });

  it('lets the chair record a decision by the regiebehandelaar and an action item with owner and due date', async () => {
    const withRoles = detailFor([identifiedItem], {
      canRun: true,
      attendees: [
        {
          userId: 'u-anna',
          displayName: 'Anna de Vries',
          organisationName: 'GGZ Rivierenland',
          roles: ['REGIEBEHANDELAAR'],
          isClient: false,
        },
        {
          userId: 'u-fatima',
          displayName: 'Fatima El Amrani',
          organisationName: 'Gemeente Rivierstad',
          roles: ['KLANTMANAGER'],
          isClient: false,
        },
      ],
    });
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(sanne),
      'GET /api/v1/conferences/c1': { body: withRoles },
      'GET /api/v1/conferences/c1/proposals': { body: [] },
    });
    const live = fakeIo();
    live.answers['conference:join'] = {
      ok: true,
      conferenceId: 'c1',
      seq: 3,
      conference: {
        id: 'c1',
        kind: 'PARTNER_CASE_DISCUSSION',
        title: 'Overleg',
        startsAt: '2026-12-01T12:00:00.000Z',
        status: 'LIVE',
        teamName: 'FACT',
        location: 'x',
        videoUrl: null,
      },
      currentItemId: 'i1',
      attendees: withRoles.attendees,
      items: [identifiedItem],
    };
    live.answers['decision:add'] = { ok: true };
    live.answers['action:add'] = { ok: false, code: 'OWNER_SEES_ANONYMISED' };
    const user = userEvent.setup();
    renderAt('/conferences/c1', live);
    await user.type(await screen.findByLabelText('Besluit'), 'Proefplaatsing gaat door');
    expect(screen.getByLabelText('Besloten door')).toHaveValue('u-anna');
    await user.click(screen.getByRole('button', { name: 'Besluit vastleggen' }));
    expect(await screen.findByText('Het besluit is vastgelegd.')).toBeInTheDocument();
    expect(live.last().sent('decision:add')).toEqual([
      {
        conferenceId: 'c1',
        itemId: 'i1',
        text: 'Proefplaatsing gaat door',
        decidedBy: 'u-anna',
        visibility: 'IDENTIFIED',
      },
    ]);

    await user.type(screen.getByLabelText('Actie'), 'Vrijstelling bevestigen');
    await user.selectOptions(screen.getByLabelText('Wie doet het'), 'u-fatima');
    await user.click(screen.getByRole('button', { name: 'Actie toevoegen' }));
    expect(await screen.findByText(/Deze persoon ziet de cliënt zonder naam/)).toBeInTheDocument();
    expect(live.last().sent('action:add')).toEqual([
      expect.objectContaining({
        itemId: 'i1',
        text: 'Vrijstelling bevestigen',
        ownerId: 'u-fatima',
        visibility: 'IDENTIFIED',
        dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    ]);
  });

  it('lists my tasks and marks one done', async () => {
    const task: Task = {
      id: 't1',
      text: 'Vrijstelling schriftelijk bevestigen',
      about: 'K-7F3A',
      view: 'ANONYMISED',
      ownerId: 'u-fatima',
      ownerName: 'Fatima El Amrani',
      dueOn: '2026-12-08',
      status: 'OPEN',
      version: 1,
      conferenceId: 'c1',
      conferenceTitle: 'Casusoverleg',
      conferenceStartsAt: '2026-12-01T12:00:00.000Z',
    };
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(fatima),
      'GET /api/v1/me/tasks': { body: [task] },
      'POST /api/v1/me/tasks/t1/complete': {
        status: 201,
        body: { ...task, status: 'DONE', version: 2 },
      },
    });
    const user = userEvent.setup();
    renderAt('/conferences/tasks');
    expect(await screen.findByText('Vrijstelling schriftelijk bevestigen')).toBeInTheDocument();
    expect(screen.getByText('Over: K-7F3A')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Afgerond/ }));
    expect(await screen.findByText('De actie staat op afgerond.')).toBeInTheDocument();
    expect(net.callsTo('POST /api/v1/me/tasks/t1/complete')[0].body).toEqual({
      done: true,
      version: 1,
    });
    expect(screen.getByRole('button', { name: /^Weer openzetten/ })).toBeInTheDocument();
  });

  describe('planning a three-way meeting (driegesprek)', () => {
    const caseloadItem = (clientId: string, firstName: string, lastName: string) => ({
      clientId,
      firstName,
      lastName,
      teamId: NOORD,
      teamName: 'FACT Rivierstad-Noord',
      keyWorker: null,
      regiebehandelaar: null,
      onBoard: false,
    });
    const staff = [
      {
        userId: 'u-anna',
        displayName: 'Anna de Vries',
        organisationName: 'GGZ Rivierenland',
        roles: ['REGIEBEHANDELAAR'],
        teamMember: true,
        worksWithClient: true,
        isClient: false,
      },
      {
        userId: 'u-fatima',
        displayName: 'Fatima El Amrani',
        organisationName: 'Gemeente Rivierstad',
        roles: ['KLANTMANAGER'],
        teamMember: false,
        worksWithClient: true,
        isClient: false,
      },
    ];
    const moniqueAccount = {
      userId: 'u-monique',
      displayName: 'Monique van Dam',
      organisationName: 'GGZ Rivierenland',
      roles: ['CLIENT'],
      teamMember: false,
      worksWithClient: true,
      isClient: true,
    };

    it('asks for the client, puts her on the agenda and invites her own account', async () => {
      net = mockFetch({
        'POST /api/v1/auth/refresh': signedInAs(sanne),
        'GET /api/v1/conferences/invitees': (call) => ({
          body: call.query.get('clientId') === 'c-monique' ? [moniqueAccount, ...staff] : staff,
        }),
        'GET /api/v1/caseload': {
          body: {
            items: [caseloadItem('c-monique', 'Monique', 'van Dam')],
            total: 1,
            page: 1,
            pageSize: 10,
          },
        },
        'POST /api/v1/conferences': { status: 201, body: detailFor([], { id: 'c9' }) },
        'GET /api/v1/conferences/c9': { body: detailFor([], { id: 'c9' }) },
      });
      const user = userEvent.setup();
      renderAt('/conferences/new');
      await user.selectOptions(await screen.findByLabelText('Soort overleg'), 'THREE_WAY_MEETING');
      expect(screen.getByRole('group', { name: 'Over welke cliënt' })).toBeInTheDocument();
      expect(screen.queryByLabelText('Elke week herhalen')).not.toBeInTheDocument();
      await user.type(screen.getByLabelText('Titel'), 'Driegesprek over werk');
      await user.type(screen.getByLabelText('Plaats'), 'Gemeentehuis');
      await user.click(screen.getByRole('button', { name: 'Overleg plannen' }));
      expect(
        await screen.findByText('Kies de cliënt met wie het driegesprek is.'),
      ).toBeInTheDocument();
      expect(net.callsTo('POST /api/v1/conferences')).toHaveLength(0);

      await user.type(screen.getByLabelText('Zoek een cliënt van het team'), 'Monique');
      await user.click(screen.getByRole('button', { name: 'Zoeken' }));
      await user.click(await screen.findByRole('button', { name: /^Kiezen\W+Monique van Dam$/ }));
      expect(net.callsTo('GET /api/v1/caseload')[0].query.get('teamId')).toBe(NOORD);
      const account = await screen.findByLabelText('Monique van Dam (cliënt)');
      await waitFor(() => expect(account).toBeChecked());
      expect(screen.getByRole('heading', { name: 'De cliënt' })).toBeInTheDocument();
      expect(
        screen.getByLabelText('Fatima El Amrani (Gemeente Rivierstad)'),
      ).toHaveAccessibleDescription('Werkt met Monique van Dam');
      expect(net.callsTo('GET /api/v1/conferences/invitees').at(-1)?.query.get('clientId')).toBe(
        'c-monique',
      );
      await user.click(screen.getByLabelText('Fatima El Amrani (Gemeente Rivierstad)'));
      await user.click(screen.getByRole('button', { name: 'Overleg plannen' }));
      await waitFor(() =>
        expect(screen.getByTestId('location')).toHaveTextContent('/conferences/c9'),
      );
      const [call] = net.callsTo('POST /api/v1/conferences');
      expect(call.body).toMatchObject({
        teamId: NOORD,
        kind: 'THREE_WAY_MEETING',
        title: 'Driegesprek over werk',
        location: 'Gemeentehuis',
        items: [{ clientId: 'c-monique', source: 'MANUAL' }],
      });
      expect((call.body as { attendeeIds: string[] }).attendeeIds.sort()).toEqual([
        'u-fatima',
        'u-monique',
      ]);
    });

    it('says plainly when the client has no passport account, and still plans the meeting', async () => {
      net = mockFetch({
        'POST /api/v1/auth/refresh': signedInAs(sanne),
        'GET /api/v1/conferences/invitees': { body: staff },
        'GET /api/v1/caseload': {
          body: {
            items: [caseloadItem('c-simon', 'Simon', 'de Wit')],
            total: 1,
            page: 1,
            pageSize: 10,
          },
        },
        'POST /api/v1/conferences': { status: 201, body: detailFor([], { id: 'c8' }) },
        'GET /api/v1/conferences/c8': { body: detailFor([], { id: 'c8' }) },
      });
      const user = userEvent.setup();
      renderAt('/conferences/new');
      await user.selectOptions(await screen.findByLabelText('Soort overleg'), 'THREE_WAY_MEETING');
      await user.type(screen.getByLabelText('Zoek een cliënt van het team'), 'Simon');
      await user.click(screen.getByRole('button', { name: 'Zoeken' }));
      await user.click(await screen.findByRole('button', { name: /^Kiezen\W+Simon de Wit$/ }));
      expect(
        await screen.findByText('Simon de Wit heeft geen account voor het paspoort'),
      ).toBeInTheDocument();
      expect(screen.getByText(/Nodig de cliënt dan zelf uit buiten Tandem/)).toBeInTheDocument();
      await user.type(screen.getByLabelText('Titel'), 'Driegesprek');
      await user.type(screen.getByLabelText('Plaats'), 'Kamer 1');
      await user.click(screen.getByRole('button', { name: 'Overleg plannen' }));
      await waitFor(() =>
        expect(screen.getByTestId('location')).toHaveTextContent('/conferences/c8'),
      );
      expect(net.callsTo('POST /api/v1/conferences')[0].body).toMatchObject({
        kind: 'THREE_WAY_MEETING',
        attendeeIds: [],
        items: [{ clientId: 'c-simon' }],
      });
    });

    it('shows the API’s refusal of a client it may not see (404) and plans nothing', async () => {
      net = mockFetch({
        'POST /api/v1/auth/refresh': signedInAs(sanne),
        'GET /api/v1/conferences/invitees': (call) =>
          call.query.get('clientId')
            ? { status: 404, body: { code: 'NOT_FOUND', message: 'client not found' } }
            : { body: staff },
        'GET /api/v1/caseload': {
          body: {
            items: [caseloadItem('c-x', 'Kees', 'Jansen')],
            total: 1,
            page: 1,
            pageSize: 10,
          },
        },
      });
      const user = userEvent.setup();
      renderAt('/conferences/new');
      await user.selectOptions(await screen.findByLabelText('Soort overleg'), 'THREE_WAY_MEETING');
      await user.type(screen.getByLabelText('Zoek een cliënt van het team'), 'Kees');
      await user.click(screen.getByRole('button', { name: 'Zoeken' }));
      await user.click(await screen.findByRole('button', { name: /^Kiezen\W+Kees Jansen$/ }));
      expect(await screen.findAllByRole('alert')).not.toHaveLength(0);
      await waitFor(() =>
        expect(screen.queryByLabelText(/Fatima El Amrani/)).not.toBeInTheDocument(),
      );
      expect(net.callsTo('POST /api/v1/conferences')).toHaveLength(0);
    });
  });

  describe('changing, cancelling and attendees', () => {
    const planned = () =>
      detailFor([identifiedItem], {
        canRun: true,
        version: 3,
        attendees: [
          { ...attendees[0], roles: ['SPV'] },
          { ...attendees[1], roles: ['KLANTMANAGER'] },
        ],
      });
    const invitees = [
      {
        userId: 'u-anna',
        displayName: 'Anna de Vries',
        organisationName: 'GGZ Rivierenland',
        roles: ['REGIEBEHANDELAAR'],
        teamMember: true,
        worksWithClient: false,
        isClient: false,
      },
      {
        userId: 'u-fatima',
        displayName: 'Fatima El Amrani',
        organisationName: 'Gemeente Rivierstad',
        roles: ['KLANTMANAGER'],
        teamMember: false,
        worksWithClient: false,
        isClient: false,
      },
    ];

    it('offers the organiser a link to change a planned meeting; an attendee does not get it', async () => {
      net = mockFetch({
        'POST /api/v1/auth/refresh': signedInAs(sanne),
        'GET /api/v1/conferences/c1': { body: planned() },
        'GET /api/v1/conferences/c1/proposals': { body: [] },
      });
      const first = renderAt('/conferences/c1');
      expect(
        await screen.findByRole('link', { name: 'Planning en deelnemers wijzigen' }),
      ).toHaveAttribute('href', '/conferences/c1/edit');
      first.unmount();
      net.restore();
      net = mockFetch({
        'POST /api/v1/auth/refresh': signedInAs(fatima),
        'GET /api/v1/conferences/c1': { body: detailFor([anonymisedItem]) },
      });
      renderAt('/conferences/c1');
      await screen.findByRole('heading', { level: 1, name: 'Casusoverleg werk en inkomen' });
      expect(screen.queryByRole('link', { name: /wijzigen/ })).not.toBeInTheDocument();
    });

    it('changes the time with the version it edited', async () => {
      const next = { ...planned(), version: 4, startsAt: '2026-12-01T13:30:00.000Z' };
      net = mockFetch({
        'POST /api/v1/auth/refresh': signedInAs(sanne),
        'GET /api/v1/conferences/c1': { body: planned() },
        'GET /api/v1/conferences/invitees': { body: invitees },
        'PATCH /api/v1/conferences/c1': { body: next },
      });
      const user = userEvent.setup();
      renderAt('/conferences/c1/edit');
      const time = await screen.findByLabelText('Begintijd');
      expect(screen.getByLabelText('Titel')).toHaveValue('Casusoverleg werk en inkomen');
      expect(screen.getByLabelText('Plaats')).toHaveValue('Gemeentehuis Rivierstad');
      await user.clear(time);
      await user.type(time, '14:30');
      await user.clear(screen.getByLabelText('Duur in minuten'));
      await user.click(screen.getByRole('button', { name: 'Wijziging opslaan' }));
      expect(
        await screen.findByText('Vul een duur in tussen 5 en 480 minuten.'),
      ).toBeInTheDocument();
      expect(screen.getByLabelText('Duur in minuten')).toHaveFocus();
      expect(net.callsTo('PATCH /api/v1/conferences/c1')).toHaveLength(0);
      await user.type(screen.getByLabelText('Duur in minuten'), '45');
      await user.click(screen.getByRole('button', { name: 'Wijziging opslaan' }));
      expect(await screen.findByText(/De planning is gewijzigd/)).toBeInTheDocument();
      const date = (screen.getByLabelText('Datum') as HTMLInputElement).value;
      expect(net.callsTo('PATCH /api/v1/conferences/c1')[0].body).toEqual({
        title: 'Casusoverleg werk en inkomen',
        startsAt: new Date(`${date}T14:30`).toISOString(),
        durationMinutes: 45,
        location: 'Gemeentehuis Rivierstad',
        version: 3,
      });
    });

    it('tells the user someone else changed it (409), shows the current values and lets them choose', async () => {
      const current = summary({
        title: 'Casusoverleg (verzet)',
        location: 'Kamer 2.14',
        startsAt: '2026-12-02T09:00:00.000Z',
        version: 4,
      });
      net = mockFetch({
        'POST /api/v1/auth/refresh': signedInAs(sanne),
        'GET /api/v1/conferences/c1': { body: planned() },
        'GET /api/v1/conferences/invitees': { body: invitees },
        'PATCH /api/v1/conferences/c1': [
          {
            status: 409,
            body: { code: 'VERSION_CONFLICT', message: 'changed', current },
          },
          { body: { ...planned(), ...current, title: 'Mijn titel', version: 5 } },
        ],
      });
      const user = userEvent.setup();
      renderAt('/conferences/c1/edit');
      const title = await screen.findByLabelText('Titel');
      await user.clear(title);
      await user.type(title, 'Mijn titel');
      await user.click(screen.getByRole('button', { name: 'Wijziging opslaan' }));
      const alert = await screen.findByText('Iemand anders heeft dit overleg intussen gewijzigd');
      const box = alert.closest('[role="alert"]') as HTMLElement;
      expect(within(box).getByText('Casusoverleg (verzet)')).toBeInTheDocument();
      expect(within(box).getByText('Kamer 2.14')).toBeInTheDocument();
      expect(screen.getByLabelText('Titel')).toHaveValue('Mijn titel');

      await user.click(within(box).getByRole('button', { name: 'Huidige gegevens overnemen' }));
      expect(screen.getByLabelText('Titel')).toHaveValue('Casusoverleg (verzet)');
      expect(screen.getByLabelText('Plaats')).toHaveValue('Kamer 2.14');
      await user.clear(screen.getByLabelText('Titel'));
      await user.type(screen.getByLabelText('Titel'), 'Mijn titel');
      await user.click(screen.getByRole('button', { name: 'Wijziging opslaan' }));
      expect(await screen.findByText(/De planning is gewijzigd/)).toBeInTheDocument();
      const calls = net.callsTo('PATCH /api/v1/conferences/c1');
      expect(calls.map((c) => (c.body as { version: number }).version)).toEqual([3, 4]);
      expect(calls[1].body).toMatchObject({ title: 'Mijn titel', location: 'Kamer 2.14' });
    });

    it('cancels the meeting only after confirming, and shows it as cancelled', async () => {
      net = mockFetch({
        'POST /api/v1/auth/refresh': signedInAs(sanne),
        'GET /api/v1/conferences/c1': [
          { body: planned() },
          { body: { ...planned(), status: 'CANCELLED', version: 4 } },
        ],
        'GET /api/v1/conferences/invitees': { body: invitees },
        'PATCH /api/v1/conferences/c1': {
          body: { ...planned(), status: 'CANCELLED', version: 4 },
        },
      });
      const user = userEvent.setup();
      renderAt('/conferences/c1/edit');
      await user.type(await screen.findByLabelText('Titel'), ' (niet opgeslagen)');
      await user.click(screen.getByRole('button', { name: 'Overleg afzeggen' }));
      expect(net.callsTo('PATCH /api/v1/conferences/c1')).toHaveLength(0);
      expect(
        screen.getByText('Weet je zeker dat je het overleg wilt afzeggen?'),
      ).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Ja, afzeggen' }));
      await waitFor(() =>
        expect(screen.getByTestId('location')).toHaveTextContent(/^\/conferences\/c1$/),
      );
      expect(await screen.findByText(/Het overleg is afgezegd/)).toBeInTheDocument();
      expect(net.callsTo('PATCH /api/v1/conferences/c1')[0].body).toMatchObject({
        title: 'Casusoverleg werk en inkomen',
        status: 'CANCELLED',
        version: 3,
      });
      // A cancelled meeting is not opened live and cannot be changed any more.
      expect(screen.queryByRole('heading', { name: 'Het overleg' })).not.toBeInTheDocument();
      expect(screen.queryByRole('link', { name: /wijzigen/ })).not.toBeInTheDocument();
    });

    it('shows a cancelled meeting as such in the list', async () => {
      net = mockFetch({
        'POST /api/v1/auth/refresh': signedInAs(sanne),
        'GET /api/v1/conferences': { body: [summary({ status: 'CANCELLED' })] },
      });
      renderAt('/conferences');
      const card = (
        await screen.findByRole('link', { name: 'Casusoverleg werk en inkomen' })
      ).closest('li') as HTMLElement;
      expect(within(card).getByText('Afgezegd')).toBeInTheDocument();
    });

    it('removes and invites attendees from the invitees list', async () => {
      const withAnna = {
        ...planned(),
        attendees: [
          ...planned().attendees,
          {
            userId: 'u-anna',
            displayName: 'Anna de Vries',
            organisationName: 'GGZ Rivierenland',
            roles: ['REGIEBEHANDELAAR'],
            isClient: false,
          },
        ],
      };
      const withoutFatima = {
        ...withAnna,
        attendees: withAnna.attendees.filter((a) => a.userId !== 'u-fatima'),
      };
      net = mockFetch({
        'POST /api/v1/auth/refresh': signedInAs(sanne),
        'GET /api/v1/conferences/c1': { body: planned() },
        'GET /api/v1/conferences/invitees': { body: invitees },
        'POST /api/v1/conferences/c1/attendees': { status: 201, body: withAnna },
        'POST /api/v1/conferences/c1/attendees/u-fatima/remove': {
          status: 201,
          body: withoutFatima,
        },
      });
      const user = userEvent.setup();
      renderAt('/conferences/c1/edit');
      const attending = await screen.findByRole('list', { name: 'Doen mee' });
      expect(within(attending).getByText('jij')).toBeInTheDocument();
      expect(
        within(attending).queryByRole('button', { name: /Sanne Jansen/ }),
      ).not.toBeInTheDocument();
      const more = await screen.findByRole('list', { name: 'Uitnodigen' });
      await user.click(within(more).getByRole('button', { name: /^Uitnodigen\W+Anna de Vries$/ }));
      expect(await screen.findByText('Anna de Vries is uitgenodigd.')).toBeInTheDocument();
      expect(net.callsTo('POST /api/v1/conferences/c1/attendees')[0].body).toEqual({
        userId: 'u-anna',
      });
      await user.click(screen.getByRole('button', { name: /^Verwijderen\W+Fatima El Amrani$/ }));
      expect(await screen.findByText('Fatima El Amrani doet niet meer mee.')).toBeInTheDocument();
      expect(
        within(screen.getByRole('list', { name: 'Doen mee' })).queryByText(/Fatima/),
      ).not.toBeInTheDocument();
      expect(
        within(screen.getByRole('list', { name: 'Uitnodigen' })).getByText(
          'Fatima El Amrani (Gemeente Rivierstad)',
        ),
      ).toBeInTheDocument();
    });

    it('asks the invitees of a three-way meeting with its client and marks the client', async () => {
      const threeWay = { ...planned(), kind: 'THREE_WAY_MEETING' as const };
      net = mockFetch({
        'POST /api/v1/auth/refresh': signedInAs(sanne),
        'GET /api/v1/conferences/c1': { body: threeWay },
        'GET /api/v1/conferences/invitees': {
          body: [
            {
              userId: 'u-monique',
              displayName: 'Monique van Dam',
              organisationName: 'GGZ Rivierenland',
              roles: ['CLIENT'],
              teamMember: false,
              worksWithClient: true,
              isClient: true,
            },
            ...invitees,
          ],
        },
      });
      renderAt('/conferences/c1/edit');
      const more = await screen.findByRole('list', { name: 'Uitnodigen' });
      expect(await within(more).findByText('Monique van Dam (cliënt)')).toBeInTheDocument();
      expect(net.callsTo('GET /api/v1/conferences/invitees')[0].query.get('clientId')).toBe(
        'c-monique',
      );
    });
  });

  describe('attaching anonymised minutes to a file', () => {
    const minutesText = 'Werkervaringsplaats volhouden met vaste begintijden.';
    const closedDiscussion = (overrides: Partial<ConferenceDetail> = {}) =>
      detailFor(
        [
          {
            ...anonymisedItem,
            topic: 'Hoe houden we het vol?',
            minutes: {
              ANONYMISED: {
                text: minutesText,
                version: 2,
                updatedAt: '2026-12-01T13:00:00.000Z',
                updatedByName: 'Sanne Jansen',
                contributors: ['Sanne Jansen'],
              },
            },
            writable: [],
          },
        ],
        { kind: 'ANONYMISED_CASE_DISCUSSION', status: 'CLOSED', ...overrides },
      );
    const clientDetail = {
      clientId: 'c-monique',
      firstName: 'Monique',
      lastName: 'van Dam',
      teamId: NOORD,
      teamName: 'FACT Rivierstad-Noord',
      keyWorker: null,
      regiebehandelaar: null,
      onBoard: false,
      dateOfBirth: '1981-03-14',
      pseudonym: 'K-7F3A',
      permissions: {
        readableDomains: ['TREATMENT', 'PARTICIPATION'],
        writableDomains: ['TREATMENT', 'PARTICIPATION'],
        canUpdateBoard: true,
        canTransfer: true,
      },
    };
    const caseload = {
      body: {
        items: [
          {
            clientId: 'c-monique',
            firstName: 'Monique',
            lastName: 'van Dam',
            teamId: NOORD,
            teamName: 'FACT Rivierstad-Noord',
            keyWorker: null,
            regiebehandelaar: null,
            onBoard: false,
          },
          {
            clientId: 'c-zuid',
            firstName: 'Monique',
            lastName: 'Zuidema',
            teamId: 'another-team',
            teamName: 'FACT Zuid',
            keyWorker: null,
            regiebehandelaar: null,
            onBoard: false,
          },
        ],
        total: 2,
        page: 1,
        pageSize: 10,
      },
    };

    it('lets care staff attach the minutes to their own client’s file and links to it', async () => {
      net = mockFetch({
        'POST /api/v1/auth/refresh': signedInAs(sanne),
        'GET /api/v1/conferences/c1': { body: closedDiscussion() },
        'GET /api/v1/caseload': caseload,
        'GET /api/v1/clients/c-monique': { body: clientDetail },
        'POST /api/v1/conferences/c1/items/i1/attach': {
          status: 201,
          body: { noteId: 'n1', clientId: 'c-monique', domain: 'PARTICIPATION' },
        },
      });
      const user = userEvent.setup();
      renderAt('/conferences/c1');
      await user.click(await screen.findByRole('button', { name: 'Aan dossier koppelen' }));
      await user.type(screen.getByLabelText('Zoek je cliënt'), 'Monique');
      await user.click(screen.getByRole('button', { name: 'Zoeken' }));
      // Only clients of the teams where she is care staff are offered.
      await screen.findByRole('button', { name: /^Deze cliënt kiezen\W+Monique van Dam$/ });
      expect(screen.queryByText('Monique Zuidema')).not.toBeInTheDocument();
      await user.click(
        screen.getByRole('button', { name: /^Deze cliënt kiezen\W+Monique van Dam$/ }),
      );
      await user.selectOptions(
        await screen.findByLabelText('In welk deel van het dossier'),
        'PARTICIPATION',
      );
      expect(
        screen.getByText(/in het deel werk en participatie van het dossier/),
      ).toBeInTheDocument();
      expect(net.callsTo('POST /api/v1/conferences/c1/items/i1/attach')).toHaveLength(0);
      await user.click(
        screen.getByRole('button', { name: 'Koppelen aan het dossier van Monique van Dam' }),
      );
      expect(
        await screen.findByText('Het verslag staat in het dossier van Monique van Dam.'),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('link', { name: 'Naar het dossier van Monique van Dam' }),
      ).toHaveAttribute('href', '/clients/c-monique');
      expect(net.callsTo('POST /api/v1/conferences/c1/items/i1/attach')[0].body).toEqual({
        clientId: 'c-monique',
        domain: 'PARTICIPATION',
      });
    });

    it('offers only the parts of the file the user may write, and explains an earlier attachment (409)', async () => {
      net = mockFetch({
        'POST /api/v1/auth/refresh': signedInAs(sanne),
        'GET /api/v1/conferences/c1': { body: closedDiscussion() },
        'GET /api/v1/caseload': caseload,
        'GET /api/v1/clients/c-monique': {
          body: {
            ...clientDetail,
            permissions: { ...clientDetail.permissions, writableDomains: ['PARTICIPATION'] },
          },
        },
        'POST /api/v1/conferences/c1/items/i1/attach': {
          status: 409,
          body: { code: 'ALREADY_ATTACHED', message: 'already attached' },
        },
      });
      const user = userEvent.setup();
      renderAt('/conferences/c1');
      await user.click(await screen.findByRole('button', { name: 'Aan dossier koppelen' }));
      await user.type(screen.getByLabelText('Zoek je cliënt'), 'Monique');
      await user.click(screen.getByRole('button', { name: 'Zoeken' }));
      await user.click(
        await screen.findByRole('button', { name: /^Deze cliënt kiezen\W+Monique van Dam$/ }),
      );
      const domain = await screen.findByLabelText('In welk deel van het dossier');
      expect(
        within(domain)
          .getAllByRole('option')
          .map((o) => o.getAttribute('value')),
      ).toEqual(['PARTICIPATION']);
      await user.click(
        screen.getByRole('button', { name: 'Koppelen aan het dossier van Monique van Dam' }),
      );
      expect(
        await screen.findByText(/Dit verslag is al aan een dossier gekoppeld/),
      ).toBeInTheDocument();
    });

    it('says so instead of offering the action when the minutes are already in a file', async () => {
      net = mockFetch({
        'POST /api/v1/auth/refresh': signedInAs(sanne),
        'GET /api/v1/conferences/c1': {
          body: {
            ...closedDiscussion(),
            items: closedDiscussion().items.map((i) => ({ ...i, attachedToFile: true })),
          },
        },
      });
      renderAt('/conferences/c1');
      expect(
        await screen.findByText(/Dit verslag zonder naam staat al in een dossier/),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: 'Aan dossier koppelen' }),
      ).not.toBeInTheDocument();
    });

    it('does not show the action to a partner, on another kind of meeting, or without anonymised minutes', async () => {
      const cases: [Principal, ConferenceDetail][] = [
        [fatima, closedDiscussion()],
        [sanne, closedDiscussion({ kind: 'PARTNER_CASE_DISCUSSION' })],
        [
          sanne,
          {
            ...closedDiscussion(),
            items: [{ ...anonymisedItem, writable: [] }],
          },
        ],
      ];
      for (const [who, body] of cases) {
        net = mockFetch({
          'POST /api/v1/auth/refresh': signedInAs(who),
          'GET /api/v1/conferences/c1': { body },
        });
        const view = renderAt('/conferences/c1');
        await screen.findByRole('heading', { level: 2, name: 'Verslag' });
        expect(
          screen.queryByRole('button', { name: 'Aan dossier koppelen' }),
        ).not.toBeInTheDocument();
        view.unmount();
        net.restore();
      }
    });
  });

  it('has every text in Dutch and English', () => {
    expect(translationKeys(conferencesEn)).toEqual(translationKeys(conferencesNl));
    expect(emptyTranslations(conferencesNl)).toEqual([]);
    expect(emptyTranslations(conferencesEn)).toEqual([]);
  });
});
