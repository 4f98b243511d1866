import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeIo, mockFetch, type FetchMock } from '@tandem/web-testing';
import { GoalsSection } from './goals/goals-section';
import { MeetingsSection } from './meetings/meetings-section';
import { MONIQUE_ID, renderPassport, signedIn } from './passport-test-utils';
import { PassportSignInPage } from './sign-in/passport-sign-in-page';
import { TeamSection } from './team/team-section';
import { WorkSection } from './work/work-section';

const GGZ = { id: 'o-ggz', name: 'GGZ Rivierenland', type: 'GGZ' };
const GEMEENTE = { id: 'o-gem', name: 'Gemeente Rivierstad', type: 'GEMEENTE' };
const person = (name: string, extra: object) => ({
  userId: `u-${name}`,
  displayName: name,
  organisation: GGZ,
  assignments: [],
  teamRole: null,
  since: null,
  ...extra,
});

const goal = {
  id: 'g1',
  text: 'Werkervaringsplaats receptie 16 uur per week volhouden',
  status: 'OPEN',
  targetDate: '2027-01-13',
  nextReviewOn: '2027-01-05',
  commentCount: 1,
  lastReview: null,
  reviews: [
    {
      id: 'r1',
      reviewedOn: '2026-11-24',
      assessment: 'ON_TRACK',
      comment: 'Gaat goed; houd de ochtenden aan.',
      nextReviewOn: '2027-01-05',
      reviewer: { userId: 'u-anna', displayName: 'Anna de Vries' },
    },
  ],
  comments: [
    {
      id: 'c1',
      text: 'Ik wil later betaald werk.',
      authorName: 'Monique van Dam',
      byClient: true,
      createdAt: '2026-11-02T12:00:00Z',
    },
  ],
};

const trajectory = (disclosure = 'PARTIAL', version = 2) => ({
  trajectory: {
    id: 'tr1',
    phase: 'COACHING',
    phaseSince: '2026-10-13',
    specialist: { userId: 'u-daan', displayName: 'Daan Mulder' },
    profile: {
      version,
      wishes: 'Werken met mensen aan een receptie.',
      strengths: 'Gastvrij en betrouwbaar.',
      experience: 'Twaalf jaar pedagogisch medewerker.',
      limitations: 'Liefst in de ochtend.',
      preferredHoursMin: 16,
      preferredHoursMax: 20,
      disclosure,
    },
  },
  history: [],
});

describe('passport sections', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  it('My team: her own people first, what they do and what to ask, and where to go when she disagrees', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn(),
      'GET /api/v1/me/team': {
        body: {
          careTeam: { id: 't1', name: 'FACT Rivierstad-Noord', type: 'FACT', organisation: GGZ },
          people: [
            person('Anna de Vries', { assignments: ['REGIEBEHANDELAAR'], since: '2026-01-05' }),
            person('Fatima El Amrani', { assignments: ['KLANTMANAGER'], organisation: GEMEENTE }),
            person('Lotte Visser', { teamRole: 'ERVARINGSDESKUNDIGE' }),
          ],
          organisations: [GGZ, GEMEENTE],
        },
      },
    });
    renderPassport('/passport/team', <TeamSection />);
    const own = await screen.findByRole('region', { name: 'Jouw vaste mensen' });
    const fatima = within(own).getByRole('heading', { name: 'Fatima El Amrani' }).closest('li')!;
    expect(fatima).toHaveTextContent('Klantmanager van de gemeente');
    expect(fatima).toHaveTextContent('Je uitkering, de sollicitatieplicht');
    expect(within(own).getByText(/Werkt met je sinds/)).toBeInTheDocument();
    const team = screen.getByRole('region', { name: /Je team bij GGZ Rivierenland/ });
    expect(
      within(team).getByRole('heading', { name: 'Lotte Visser' }).closest('li'),
    ).toHaveTextContent('Ervaringsdeskundige');
    expect(
      screen.getByRole('region', { name: 'Organisaties die met je werken' }),
    ).toHaveTextContent('Gemeente Rivierstad – Gemeente: je uitkering en hulp bij werk');
    const help = screen.getByRole('region', { name: 'Ben je het ergens niet mee eens?' });
    expect(help).toHaveTextContent('klacht');
    expect(help).toHaveTextContent('onafhankelijke cliëntondersteuning');
  });

  it('My team: says what to do when loading fails, and tries again', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn(),
      'GET /api/v1/me/team': [
        { networkError: true },
        {
          body: {
            careTeam: { id: 't', name: 'FACT', type: 'FACT', organisation: GGZ },
            people: [],
            organisations: [GGZ],
          },
        },
      ],
    });
    renderPassport('/passport/team', <TeamSection />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Controleer je internetverbinding');
    await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByText(/Er staat nu niemand op je naam/)).toBeInTheDocument();
  });

  it('My goals: the goal with the regiebehandelaar’s review; she comments and proposes a goal', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn(),
      'GET /api/v1/clients/c-monique/ips/work-goals': {
        body: { items: [goal], total: 1, page: 1, pageSize: 50 },
      },
      'GET /api/v1/clients/c-monique/ips/work-goals/g1': [
        { body: goal },
        {
          body: {
            ...goal,
            comments: [
              ...goal.comments,
              {
                id: 'c2',
                text: 'De ochtenden gaan goed.',
                authorName: 'Monique van Dam',
                byClient: true,
                createdAt: '2026-11-25T09:00:00Z',
              },
            ],
          },
        },
      ],
      'POST /api/v1/clients/c-monique/ips/work-goals/g1/comments': {
        status: 201,
        body: { id: 'c2' },
      },
      'GET /api/v1/me/goal-proposals': { body: [] },
      'POST /api/v1/me/goal-proposals': (call) => ({
        status: 201,
        body: {
          id: 'p1',
          text: (call.body as { text: string }).text,
          authorName: 'Monique van Dam',
          createdAt: '2026-11-25T10:00:00Z',
        },
      }),
    });
    const user = userEvent.setup();
    renderPassport('/passport/goals', <GoalsSection />);
    const card = (await screen.findByRole('heading', { name: goal.text })).closest('li')!;
    expect(card).toHaveTextContent('Gaat goed, besproken door Anna de Vries');
    expect(card).toHaveTextContent('Gaat goed; houd de ochtenden aan.');
    expect(card).toHaveTextContent('Jij');

    await user.type(
      within(card).getByLabelText('Jouw reactie op dit doel'),
      'De ochtenden gaan goed.',
    );
    await user.click(within(card).getByRole('button', { name: 'Reactie plaatsen' }));
    expect(await within(card).findByText(/De ochtenden gaan goed\./)).toBeInTheDocument();
    expect(
      net.callsTo('POST /api/v1/clients/c-monique/ips/work-goals/g1/comments')[0].body,
    ).toEqual({
      text: 'De ochtenden gaan goed.',
    });

    const proposals = screen.getByRole('region', { name: 'Zelf een doel voorstellen' });
    await user.type(within(proposals).getByLabelText('Jouw voorstel'), 'x');
    await user.click(within(proposals).getByRole('button', { name: 'Voorstel versturen' }));
    expect(within(proposals).getByLabelText('Jouw voorstel')).toHaveAccessibleDescription(
      expect.stringContaining('Schrijf je voorstel in minstens 3 tekens.'),
    );
    expect(net.callsTo('POST /api/v1/me/goal-proposals')).toHaveLength(0);
    await user.type(
      within(proposals).getByLabelText('Jouw voorstel'),
      ' Ik wil leren werken met de kassa',
    );
    await user.click(within(proposals).getByRole('button', { name: 'Voorstel versturen' }));
    expect(await within(proposals).findByText('Je voorstel is verstuurd.')).toBeInTheDocument();
    expect(within(proposals).getByText('x Ik wil leren werken met de kassa')).toBeInTheDocument();
  });

  it('My work: phase, placement and profile; she changes her disclosure choice; a conflict reloads', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn(),
      'GET /api/v1/clients/c-monique/ips': [
        { body: trajectory() },
        { body: trajectory('FULL', 3) },
      ],
      'GET /api/v1/clients/c-monique/ips/placements': {
        body: {
          items: [
            {
              id: 'pl1',
              employerName: 'Sportschool De Kracht',
              jobTitle: 'Medewerker receptie',
              type: 'WORK_EXPERIENCE',
              startDate: '2026-10-13',
              endDate: null,
              hoursPerWeek: 16,
              support: ['JOB_COACHING', 'APPLICATION_DUTY_EXEMPTION'],
            },
          ],
        },
      },
      'PUT /api/v1/me/work/disclosure': [
        { body: trajectory('NONE', 3) },
        { status: 409, body: { statusCode: 409, code: 'VERSION_CONFLICT', message: 'changed' } },
      ],
    });
    const user = userEvent.setup();
    renderPassport('/passport/work', <WorkSection />);
    expect(await screen.findByText('Begeleiding op je werk (nu)')).toHaveAttribute(
      'aria-current',
      'step',
    );
    expect(screen.getByText('Je IPS-trajectbegeleider is Daan Mulder.')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Medewerker receptie bij Sportschool De Kracht' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Je hoeft even niet te solliciteren (vrijstelling)'),
    ).toBeInTheDocument();
    expect(screen.getByText('16 tot 20 uur per week')).toBeInTheDocument();

    const choice = screen.getByRole('group', { name: /Dat bepaal jij/ });
    expect(
      within(choice).getByLabelText('Mijn werkgever mag alleen weten wat nodig is voor mijn werk.'),
    ).toBeChecked();
    await user.click(
      within(choice).getByLabelText('Mijn werkgever mag niets weten over mijn ziekte.'),
    );
    await user.click(screen.getByRole('button', { name: 'Keuze opslaan' }));
    expect(await screen.findByText(/Je keuze is opgeslagen/)).toBeInTheDocument();
    expect(net.callsTo('PUT /api/v1/me/work/disclosure')[0].body).toEqual({
      basedOnVersion: 2,
      disclosure: 'NONE',
    });

    await user.click(screen.getByRole('button', { name: 'Keuze opslaan' }));
    expect(await screen.findByText(/Je profiel is net veranderd/)).toBeInTheDocument();
    expect(net.callsTo('GET /api/v1/clients/c-monique/ips').length).toBe(2);
  });

  it('My meetings: an upcoming three-way meeting and what was agreed in an earlier one', async () => {
    const future = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const earlier = new Date(Date.now() - 14 * 86_400_000).toISOString();
    const base = {
      durationMinutes: 45,
      videoUrl: null,
      attendees: [
        {
          userId: 'u-daan',
          displayName: 'Daan Mulder',
          organisationName: 'GGZ Rivierenland',
          isClient: false,
        },
        {
          userId: 'u-monique',
          displayName: 'Monique van Dam',
          organisationName: 'GGZ Rivierenland',
          isClient: true,
        },
      ],
    };
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn(),
      'GET /api/v1/conferences': {
        body: [
          {
            id: 'm1',
            kind: 'THREE_WAY_MEETING',
            title: 'Driegesprek werk',
            startsAt: future,
            status: 'PLANNED',
          },
          {
            id: 'm2',
            kind: 'THREE_WAY_MEETING',
            title: 'Driegesprek oktober',
            startsAt: earlier,
            status: 'CLOSED',
          },
        ],
      },
      'GET /api/v1/conferences/m1': {
        body: {
          id: 'm1',
          kind: 'THREE_WAY_MEETING',
          title: 'Driegesprek werk',
          startsAt: future,
          status: 'PLANNED',
          location: 'Gemeentehuis',
          items: [],
          ...base,
        },
      },
      'GET /api/v1/conferences/m2': {
        body: {
          id: 'm2',
          kind: 'THREE_WAY_MEETING',
          title: 'Driegesprek oktober',
          startsAt: earlier,
          status: 'CLOSED',
          location: null,
          ...base,
          items: [
            {
              id: 'i1',
              minutes: { PARTICIPATION: { text: 'Vrijstelling sollicitatieplicht loopt door.' } },
              decisions: [{ id: 'd1', text: 'Monique blijft 16 uur werken.' }],
              actions: [
                {
                  id: 'a1',
                  text: 'Vrijstelling verlengen',
                  ownerName: 'Fatima El Amrani',
                  dueOn: '2026-12-01',
                  status: 'OPEN',
                },
              ],
            },
          ],
        },
      },
    });
    renderPassport('/passport/meetings', <MeetingsSection />);
    const upcoming = await screen.findByRole('region', { name: 'Komende gesprekken' });
    expect(upcoming).toHaveTextContent('Driegesprek werk');
    expect(upcoming).toHaveTextContent('Waar: Gemeentehuis');
    expect(upcoming).toHaveTextContent('Monique van Dam (jij)');
    expect(upcoming).toHaveTextContent('Daan Mulder (GGZ Rivierenland)');
    const past = screen.getByRole('region', { name: 'Eerdere gesprekken' });
    expect(past).toHaveTextContent('Monique blijft 16 uur werken.');
    expect(past).toHaveTextContent('Fatima El Amrani: Vrijstelling verlengen');
    expect(past).toHaveTextContent('Vrijstelling sollicitatieplicht loopt door.');
  });
});

describe('following a live three-way meeting', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  it('shows the current topic, the minutes shared with her and what was agreed, read-only', async () => {
    const meeting = {
      id: 'm3',
      kind: 'THREE_WAY_MEETING',
      title: 'Driegesprek nu',
      startsAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      durationMinutes: 45,
      location: 'Gemeentehuis',
      videoUrl: null,
      status: 'LIVE',
      attendees: [],
      items: [],
    };
    const item = {
      id: 'i1',
      position: 1,
      view: 'IDENTIFIED',
      clientId: MONIQUE_ID,
      client: { name: 'Monique van Dam', dateOfBirth: '1981-03-14' },
      pseudonym: 'K-7F3A',
      ageBand: '40-49',
      topic: 'Hoe gaat het werk?',
      source: 'MANUAL',
      minutes: {
        PARTICIPATION: {
          text: 'De ochtenden gaan goed.',
          version: 1,
          updatedAt: null,
          updatedByName: 'Fatima El Amrani',
          contributors: [],
        },
      },
      decisions: [],
      actions: [],
      readable: ['PARTICIPATION', 'ANONYMISED'],
      writable: [],
    };
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn(),
      'GET /api/v1/conferences': { body: [meeting] },
      'GET /api/v1/conferences/m3': { body: meeting },
    });
    const live = fakeIo();
    live.answers['conference:join'] = {
      ok: true,
      conferenceId: 'm3',
      seq: 4,
      conference: { ...meeting, teamName: 'FACT Noord' },
      currentItemId: 'i1',
      attendees: [],
      items: [item],
    };
    const user = userEvent.setup();
    renderPassport('/passport/meetings', <MeetingsSection />, '/passport/*', true, live.io);
    const upcoming = await screen.findByRole('region', { name: 'Komende gesprekken' });
    expect(upcoming).toHaveTextContent('Nu bezig');
    expect(live.sockets).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Volg het gesprek nu' }));
    expect(await screen.findByText('Hoe gaat het werk?')).toBeInTheDocument();
    expect(screen.getByText('De ochtenden gaan goed.')).toBeInTheDocument();
    expect(live.last().namespace).toBe('/conference');
    expect(live.last().sent('conference:join')).toEqual([{ conferenceId: 'm3' }]);
    // Read-only: nothing to type in, nothing sent but the join.
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();

    act(() =>
      live.last().serverEmit('conference:event', {
        conferenceId: 'm3',
        seq: 5,
        type: 'decision.added',
        itemId: 'i1',
        decision: {
          id: 'd1',
          text: 'Monique werkt vier ochtenden.',
          visibility: 'ALL',
          decidedBy: 'u-anna',
          decidedByName: 'Anna de Vries',
          createdAt: new Date().toISOString(),
        },
      }),
    );
    expect(await screen.findByText('Monique werkt vier ochtenden.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Stoppen met volgen' }));
    expect(live.last().disconnected).toBe(true);
    expect(screen.getByRole('button', { name: 'Volg het gesprek nu' })).toBeInTheDocument();
  });
});

describe('a three-way meeting that is about to start', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  const planned = (id: string, minutesFromNow: number) => ({
    id,
    kind: 'THREE_WAY_MEETING',
    title: `Driegesprek ${id}`,
    startsAt: new Date(Date.now() + minutesFromNow * 60_000).toISOString(),
    durationMinutes: 45,
    location: 'Gemeentehuis',
    videoUrl: null,
    status: 'PLANNED',
    attendees: [],
    items: [],
  });

  it('can be opened half an hour before the start and shows the meeting begin without a reload', async () => {
    const soon = planned('m-soon', 10);
    const later = planned('m-later', 120);
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn(),
      'GET /api/v1/conferences': { body: [soon, later] },
      'GET /api/v1/conferences/m-soon': { body: soon },
      'GET /api/v1/conferences/m-later': { body: later },
    });
    const live = fakeIo();
    live.answers['conference:join'] = {
      ok: true,
      conferenceId: 'm-soon',
      seq: 2,
      conference: { ...soon, teamName: 'FACT Noord' },
      currentItemId: null,
      attendees: [],
      items: [],
    };
    const user = userEvent.setup();
    renderPassport('/passport/meetings', <MeetingsSection />, '/passport/*', true, live.io);
    await screen.findByRole('region', { name: 'Komende gesprekken' });
    // Only the meeting that starts within half an hour offers the live view.
    const buttons = screen.getAllByRole('button', { name: 'Alvast meekijken' });
    expect(buttons).toHaveLength(1);
    expect(screen.getByRole('article', { name: 'Driegesprek m-soon' })).toContainElement(
      buttons[0],
    );
    expect(screen.getByRole('article', { name: 'Driegesprek m-soon' })).toHaveTextContent(
      'Gepland',
    );
    expect(live.sockets).toHaveLength(0);
    await user.click(buttons[0]);
    expect(await screen.findByText('Het gesprek is nog niet begonnen.')).toBeInTheDocument();
    expect(live.last().sent('conference:join')).toEqual([{ conferenceId: 'm-soon' }]);

    // The chair opens the first topic: she sees it begin, no reload.
    act(() =>
      live.last().serverEmit('conference:event', {
        conferenceId: 'm-soon',
        seq: 3,
        type: 'current.changed',
        itemId: null,
      }),
    );
    expect(
      await screen.findByText('Het gesprek is begonnen. Er wordt nog geen onderwerp besproken.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Driegesprek m-soon' })).toHaveTextContent(
      'Nu bezig',
    );
  });
});

describe('passport sign-in', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  it('checks the fields, then signs a client in through the client sign-in', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': {
        status: 401,
        body: { statusCode: 401, code: 'SESSION_ENDED', message: 'x' },
      },
      'POST /api/v1/auth/client/login': signedIn(),
    });
    const user = userEvent.setup();
    renderPassport('/passport/sign-in', <PassportSignInPage />, '/passport/sign-in', false);
    await user.click(await screen.findByRole('button', { name: 'Inloggen' }));
    expect(screen.getByLabelText('E-mailadres')).toHaveAccessibleDescription(
      'Vul je e-mailadres in.',
    );
    expect(screen.getByLabelText('E-mailadres')).toHaveFocus();
    await user.type(screen.getByLabelText('E-mailadres'), 'monique@client.example');
    await user.type(screen.getByLabelText('Wachtwoord'), 'Tandem-demo-2026');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(net.callsTo('POST /api/v1/auth/client/login')[0].body).toEqual({
      email: 'monique@client.example',
      password: 'Tandem-demo-2026',
    });
  });

  it('tells a staff member to use the staff sign-in', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': {
        status: 401,
        body: { statusCode: 401, code: 'SESSION_ENDED', message: 'x' },
      },
      'POST /api/v1/auth/client/login': {
        status: 403,
        body: { statusCode: 403, code: 'NOT_A_CLIENT_ACCOUNT', message: 'x' },
      },
    });
    const user = userEvent.setup();
    renderPassport('/passport/sign-in', <PassportSignInPage />, '/passport/sign-in', false);
    await user.type(
      await screen.findByLabelText('E-mailadres'),
      'sanne.jansen@ggz-rivierenland.example',
    );
    await user.type(screen.getByLabelText('Wachtwoord'), 'Tandem-demo-2026');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Dit is de inlogpagina voor cliënten');
    expect(within(alert).getByRole('link', { name: /Log dan hier in/ })).toHaveAttribute(
      'href',
      '/sign-in',
    );
  });
});
