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

  it('has every text in Dutch and English', () => {
    expect(translationKeys(conferencesEn)).toEqual(translationKeys(conferencesNl));
    expect(emptyTranslations(conferencesNl)).toEqual([]);
    expect(emptyTranslations(conferencesEn)).toEqual([]);
  });
});
