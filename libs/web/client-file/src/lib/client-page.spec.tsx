import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Principal } from '@tandem/domain';
import { boardResources } from '@tandem/web-board';
import {
  AuthProvider,
  type ClientDetail,
  type Domain,
  type Note,
  type Plan,
  SignedIn,
} from '@tandem/web-data-access';
import { ipsResources } from '@tandem/web-ips';
import { commonResources, emptyTranslations, todayDay, translationKeys } from '@tandem/web-ui';
import {
  mockFetch,
  type FetchMock,
  type MockCall,
  type MockReply,
  createTestI18n,
} from '@tandem/web-testing';
import { ClientPage } from './client-page';
import { clientFileEn, clientFileNl, clientFileResources } from './i18n';

const CLIENT = 'c-monique';
const NOTES = `GET /api/v1/clients/${CLIENT}/notes`;

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
const daan: Principal = {
  ...sanne,
  userId: 'u-daan',
  displayName: 'Daan Mulder',
  roles: ['IPS_TRAJECTBEGELEIDER'],
  teams: [
    {
      teamId: 't-noord',
      teamName: 'FACT Rivierstad-Noord',
      teamType: 'FACT',
      role: 'IPS_TRAJECTBEGELEIDER',
    },
  ],
};

const ALL: Domain[] = ['TREATMENT', 'PARTICIPATION', 'WMO', 'WORK_CAPACITY', 'CLIENT'];

function client(permissions: Partial<ClientDetail['permissions']>, care: boolean): ClientDetail {
  const base: ClientDetail = {
    clientId: CLIENT,
    firstName: 'Monique',
    lastName: 'van Dam',
    teamId: 't-noord',
    teamName: 'FACT Rivierstad-Noord',
    keyWorker: { userId: 'u-sanne', displayName: 'Sanne Jansen' },
    regiebehandelaar: { userId: 'u-anna', displayName: 'Anna de Vries' },
    onBoard: false,
    boardSince: null,
    daysOnBoard: null,
    lastContactOn: '2026-11-02',
    nextContactOn: '2026-11-26',
    version: 1,
    dateOfBirth: '1981-03-14',
    pseudonym: 'A1',
    permissions: {
      readableDomains: [],
      writableDomains: [],
      canUpdateBoard: false,
      canTransfer: false,
      ...permissions,
    },
  };
  return care
    ? { ...base, boardReason: null, diagnosis: 'Depressieve stoornis, in remissie' }
    : base;
}

let noteCount = 0;
function note(domain: Domain, title: string, extra: Partial<Note> = {}): Note {
  noteCount++;
  return {
    id: `n-${noteCount}`,
    clientId: CLIENT,
    domain,
    title,
    body: `Tekst van ${title}`,
    contactOn: '2026-10-06',
    authorId: 'u-daan',
    authorName: 'Daan Mulder',
    authorRole: 'IPS_TRAJECTBEGELEIDER',
    organisationName: 'GGZ Rivierenland',
    sharedWithClient: false,
    version: 1,
    createdAt: '2026-10-06T12:00:00.000Z',
    updatedAt: '2026-10-06T12:00:00.000Z',
    ...extra,
  };
}

const participationPlan: Plan = {
  domain: 'PARTICIPATION',
  summary: 'IPS-traject naar betaald werk.',
  goals: [
    { id: 'g1', text: 'Werkervaringsplaats volhouden', status: 'OPEN', targetDate: '2027-01-13' },
  ],
  version: 1,
  updatedAt: '2026-10-06T12:00:00.000Z',
  canEdit: true,
};

const IPS = `GET /api/v1/clients/${CLIENT}/ips`;
const noTrajectory = {
  trajectory: null,
  history: [],
  permissions: {
    canCreateTrajectory: false,
    canUpdateTrajectory: false,
    canReadPlacements: false,
    canCreatePlacement: false,
    canReadWorkGoals: false,
    canCreateWorkGoal: false,
    canReviewWorkGoals: false,
    canLinkTreatmentGoals: false,
    canReadActivities: false,
    creatableActivityKinds: [],
    canCreateEmployerContact: false,
  },
};

/** GET /notes per domain from a fixed list, newest first, paged. */
function notesApi(notes: Note[]) {
  return (call: MockCall): MockReply => {
    const domain = call.query.get('domain');
    const page = Number(call.query.get('page') ?? 1);
    const pageSize = Number(call.query.get('pageSize') ?? 25);
    const matches = notes.filter((n) => !domain || n.domain === domain);
    return {
      body: {
        items: matches.slice((page - 1) * pageSize, page * pageSize),
        total: matches.length,
        page,
        pageSize,
      },
    };
  };
}

function renderClientPage() {
  return render(
    <I18nextProvider
      i18n={createTestI18n({
        clientFile: clientFileResources,
        board: boardResources,
        ips: ipsResources,
        common: commonResources,
      })}
    >
      <AuthProvider>
        <MemoryRouter initialEntries={[`/clients/${CLIENT}`]}>
          <SignedIn>
            <Routes>
              <Route path="/clients/:clientId" element={<ClientPage />} />
            </Routes>
          </SignedIn>
        </MemoryRouter>
      </AuthProvider>
    </I18nextProvider>,
  );
}

const signedInAs = (principal: Principal): MockReply => ({
  body: { accessToken: `token-${principal.userId}`, expiresIn: 900, principal },
});

const validation = (errors: { field: string; rule: string }[]): MockReply => ({
  status: 400,
  body: {
    statusCode: 400,
    code: 'VALIDATION_FAILED',
    message: 'Please correct',
    errors: errors.map((e) => ({ ...e, message: `${e.field} ${e.rule}` })),
  },
});

describe('ClientPage', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  it('shows only the sections of readableDomains: the IPS specialist sees no treatment notes', async () => {
    const notes = [
      note('PARTICIPATION', 'Werkervaringsplaats gevonden'),
      note('CLIENT', 'Mijn week'),
    ];
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(daan),
      [`GET /api/v1/clients/${CLIENT}`]: {
        body: client(
          { readableDomains: ['PARTICIPATION', 'CLIENT'], writableDomains: ['PARTICIPATION'] },
          false,
        ),
      },
      [NOTES]: notesApi(notes),
      [`GET /api/v1/clients/${CLIENT}/plans`]: { body: [participationPlan] },
      [IPS]: { body: noTrajectory },
    });
    renderClientPage();

    expect(await screen.findByRole('heading', { level: 1, name: 'Monique van Dam' })).toBeVisible();
    // The work part (IPS) comes from @tandem/web-ips, for those who read participation data.
    const work = await screen.findByRole('region', { name: 'Werk (IPS)' });
    expect(
      await within(work).findByText('Deze cliënt heeft geen open IPS-traject.'),
    ).toBeInTheDocument();
    const participation = await screen.findByRole('region', {
      name: 'Participatie / re-integratie',
    });
    expect(
      await within(participation).findByRole('heading', { name: 'Werkervaringsplaats gevonden' }),
    ).toBeInTheDocument();
    expect(participation).toHaveTextContent('Daan Mulder (IPS-trajectbegeleider)');
    expect(participation).toHaveTextContent('Contact op 6 okt 2026');
    expect(screen.getByRole('region', { name: 'Van de cliënt' })).toBeInTheDocument();
    for (const hidden of ['Behandeling (Zvw)', 'Wmo', 'Arbeidsmogelijkheden']) {
      expect(screen.queryByRole('region', { name: hidden })).not.toBeInTheDocument();
      expect(screen.queryByRole('heading', { name: hidden })).not.toBeInTheDocument();
    }
    await waitFor(() => expect(net.callsTo(NOTES)).toHaveLength(2));
    expect(net.callsTo(NOTES).map((c) => c.query.get('domain'))).toEqual([
      'PARTICIPATION',
      'CLIENT',
    ]);

    // No care fields, no board form; the plan the server sent is shown.
    expect(screen.queryByText('Diagnose')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Bord wijzigen' })).not.toBeInTheDocument();
    const plans = screen.getByRole('region', { name: 'Plannen' });
    expect(within(plans).getByRole('heading', { name: 'Re-integratieplan' })).toBeInTheDocument();
    expect(within(plans).queryByRole('heading', { name: 'Behandelplan' })).not.toBeInTheDocument();
    expect(plans).toHaveTextContent('Werkervaringsplaats volhouden');
    expect(plans).toHaveTextContent('Streefdatum: 13 jan 2027');
    expect(plans).not.toHaveTextContent('Hoort bij behandeldoel');
  });

  it('shows the care view: diagnosis, board form and linked treatment goals', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(sanne),
      [`GET /api/v1/clients/${CLIENT}`]: {
        body: client(
          { readableDomains: ALL, writableDomains: ALL.slice(0, 4), canUpdateBoard: true },
          true,
        ),
      },
      [NOTES]: notesApi([]),
      [`GET /api/v1/clients/${CLIENT}/plans`]: {
        body: [
          {
            ...participationPlan,
            domain: 'TREATMENT',
            summary: 'Dagstructuur opbouwen.',
            goals: [
              { id: 't1', text: 'Vaste dagstructuur', status: 'ACHIEVED', treatmentGoalId: null },
            ],
          },
          {
            ...participationPlan,
            goals: [{ ...participationPlan.goals[0], treatmentGoalId: 't1' }],
            linkedTreatmentGoals: [{ id: 't1', text: 'Vaste dagstructuur' }],
          },
        ],
      },
    });
    renderClientPage();
    const facts = await screen.findByRole('region', { name: 'Gegevens van de cliënt' });
    expect(facts).toHaveTextContent('Diagnose');
    expect(facts).toHaveTextContent('Depressieve stoornis, in remissie');
    expect(facts).toHaveTextContent('14 mrt 1981');
    expect(facts).toHaveTextContent('Casemanager');
    expect(facts).toHaveTextContent('Anna de Vries');
    expect(within(facts).getByRole('button', { name: 'Bord wijzigen' })).toBeInTheDocument();
    for (const title of ALL.map((d) => clientFileNl.domains[d])) {
      expect(await screen.findByRole('region', { name: title })).toBeInTheDocument();
    }
    const plans = screen.getByRole('region', { name: 'Plannen' });
    await waitFor(() =>
      expect(plans).toHaveTextContent('Hoort bij behandeldoel: Vaste dagstructuur'),
    );
    expect(plans).toHaveTextContent('Gehaald');
  });

  it('says plainly when the client is not found or hidden, with a way back', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(daan),
      [`GET /api/v1/clients/${CLIENT}`]: {
        status: 404,
        body: { statusCode: 404, code: 'NOT_FOUND', message: 'Not found' },
      },
    });
    renderClientPage();
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Cliënt niet gevonden of geen toegang',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Terug naar de caseload/ })).toHaveAttribute(
      'href',
      '/caseload',
    );
    expect(net.callsTo(NOTES)).toHaveLength(0);
  });

  it('offers exactly the writable domains, no sharing for non-care, and shows field errors from the API', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(daan),
      [`GET /api/v1/clients/${CLIENT}`]: {
        body: client(
          { readableDomains: ['PARTICIPATION', 'CLIENT'], writableDomains: ['PARTICIPATION'] },
          false,
        ),
      },
      [NOTES]: notesApi([]),
      [`GET /api/v1/clients/${CLIENT}/plans`]: { body: [] },
      [`POST /api/v1/clients/${CLIENT}/notes`]: [
        validation([
          { field: 'title', rule: 'maxLength' },
          { field: 'contactOn', rule: 'isDateString' },
        ]),
        {
          status: 403,
          body: { statusCode: 403, code: 'FORBIDDEN', message: 'You may not write these notes.' },
        },
      ],
    });
    renderClientPage();
    await userEvent.click(await screen.findByRole('button', { name: /Notitie schrijven/ }));
    const form = screen.getByRole('form', { name: 'Notitie schrijven' });
    const domain = within(form).getByRole('combobox', { name: 'Onderdeel van het dossier' });
    expect(
      within(domain)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Participatie / re-integratie']);
    expect(within(form).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(within(form).getByLabelText('Datum van het contact')).toHaveValue(todayDay());

    // Checked before sending.
    await userEvent.click(within(form).getByRole('button', { name: 'Notitie opslaan' }));
    expect(within(form).getByLabelText('Titel')).toHaveAccessibleDescription('Vul een titel in.');
    expect(within(form).getByLabelText('Tekst')).toHaveAccessibleDescription('Vul de tekst in.');
    expect(within(form).getByLabelText('Titel')).toHaveFocus();
    expect(net.callsTo(`POST /api/v1/clients/${CLIENT}/notes`)).toHaveLength(0);

    await userEvent.type(within(form).getByLabelText('Titel'), 'Gesprek werkgever');
    await userEvent.type(within(form).getByLabelText('Tekst'), 'Goed gesprek.');
    await userEvent.click(within(form).getByRole('button', { name: 'Notitie opslaan' }));
    await waitFor(() =>
      expect(within(form).getByLabelText('Titel')).toHaveAccessibleDescription(
        'Dit is te lang. Gebruik hoogstens 200 tekens.',
      ),
    );
    expect(within(form).getByLabelText('Datum van het contact')).toHaveAccessibleDescription(
      /Vul een geldige datum in/,
    );
    expect(within(form).getByRole('alert')).toHaveTextContent('Controleer de velden hieronder.');
    expect(net.callsTo(`POST /api/v1/clients/${CLIENT}/notes`)[0].body).toEqual({
      domain: 'PARTICIPATION',
      title: 'Gesprek werkgever',
      body: 'Goed gesprek.',
      contactOn: todayDay(),
    });

    await userEvent.click(within(form).getByRole('button', { name: 'Notitie opslaan' }));
    await waitFor(() =>
      expect(within(form).getByRole('alert')).toHaveTextContent('Je notitie is niet opgeslagen.'),
    );
    expect(within(form).getByRole('alert')).toHaveTextContent(
      /Je mag deze notitie zo niet opslaan/,
    );
  });

  it('hides the note form when nothing is writable', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(daan),
      [`GET /api/v1/clients/${CLIENT}`]: {
        body: client({ readableDomains: ['CLIENT'], writableDomains: [] }, false),
      },
      [NOTES]: notesApi([]),
      [`GET /api/v1/clients/${CLIENT}/plans`]: { body: [] },
    });
    renderClientPage();
    await screen.findByRole('region', { name: 'Van de cliënt' });
    expect(screen.queryByRole('button', { name: /Notitie schrijven/ })).not.toBeInTheDocument();
    // Without participation data there is no work (IPS) section, and it is not even asked for.
    expect(screen.queryByRole('region', { name: 'Werk (IPS)' })).not.toBeInTheDocument();
    expect(net.callsTo(IPS)).toHaveLength(0);
  });

  it('saves a treatment note shared with the client, and it appears in its section', async () => {
    const stored: Note[] = [note('TREATMENT', 'Huisbezoek', { authorId: 'u-sanne' })];
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(sanne),
      [`GET /api/v1/clients/${CLIENT}`]: {
        body: client({ readableDomains: ALL, writableDomains: ALL.slice(0, 4) }, true),
      },
      [NOTES]: (call) => notesApi(stored)(call),
      [`GET /api/v1/clients/${CLIENT}/plans`]: { body: [] },
      [`POST /api/v1/clients/${CLIENT}/notes`]: (call) => {
        const body = call.body as Note;
        const created = note(body.domain, body.title, {
          body: body.body,
          contactOn: body.contactOn,
          sharedWithClient: body.sharedWithClient,
          authorId: 'u-sanne',
          authorName: 'Sanne Jansen',
          authorRole: 'SPV',
        });
        stored.unshift(created);
        return { status: 201, body: created };
      },
    });
    renderClientPage();
    const treatment = await screen.findByRole('region', { name: 'Behandeling (Zvw)' });
    await within(treatment).findByRole('heading', { name: 'Huisbezoek' });
    await userEvent.click(screen.getByRole('button', { name: /Notitie schrijven/ }));
    const form = screen.getByRole('form', { name: 'Notitie schrijven' });
    expect(
      within(within(form).getByRole('combobox'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Behandeling (Zvw)', 'Participatie / re-integratie', 'Wmo', 'Arbeidsmogelijkheden']);
    await userEvent.type(within(form).getByLabelText('Titel'), 'Telefonisch contact');
    await userEvent.type(
      within(form).getByLabelText('Tekst'),
      'Gaat goed.\nVolgende week huisbezoek.',
    );
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Delen met de cliënt' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Notitie opslaan' }));

    expect(
      await within(treatment).findByRole('heading', { name: 'Telefonisch contact' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Notitie schrijven' })).not.toBeInTheDocument();
    const article = within(treatment).getByRole('article', { name: 'Telefonisch contact' });
    expect(article).toHaveTextContent('Gedeeld met cliënt');
    expect(article).toHaveTextContent('Sanne Jansen (SPV)');
    expect(net.callsTo(`POST /api/v1/clients/${CLIENT}/notes`)[0].body).toEqual({
      domain: 'TREATMENT',
      title: 'Telefonisch contact',
      body: 'Gaat goed.\nVolgende week huisbezoek.',
      contactOn: todayDay(),
      sharedWithClient: true,
    });
    expect(screen.getByText('Je notitie is opgeslagen bij Behandeling (Zvw).')).toBeInTheDocument();
    expect(within(treatment).getByRole('heading', { level: 3 })).toHaveFocus();
  });

  it('shows a note’s history and lets the author correct it, with a version conflict in between', async () => {
    const original = note('PARTICIPATION', 'Werkgeversbezoek', { authorId: 'u-daan', version: 1 });
    const revisions = [
      {
        version: 1,
        title: 'Werkgeversbezoek',
        body: original.body,
        authorId: 'u-daan',
        authorName: 'Daan Mulder',
        reason: null,
        createdAt: '2026-10-06T12:00:00.000Z',
      },
    ];
    const theirs = {
      ...original,
      body: 'Andere tekst van een collega.',
      version: 2,
    };
    const secondRevision = {
      ...revisions[0],
      version: 2,
      body: theirs.body,
      reason: 'Aangevuld',
      createdAt: '2026-10-07T09:00:00.000Z',
    };
    const corrected = {
      ...original,
      body: 'Bezoek bij Sportschool De Kracht.',
      version: 3,
      revisions: [
        {
          ...revisions[0],
          version: 3,
          body: 'Bezoek bij Sportschool De Kracht.',
          reason: 'Naam werkgever toegevoegd',
          createdAt: '2026-11-24T10:00:00.000Z',
        },
        secondRevision,
        ...revisions,
      ],
    };
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(daan),
      [`GET /api/v1/clients/${CLIENT}`]: {
        body: client(
          { readableDomains: ['PARTICIPATION'], writableDomains: ['PARTICIPATION'] },
          false,
        ),
      },
      [NOTES]: notesApi([original]),
      [`GET /api/v1/clients/${CLIENT}/plans`]: { body: [] },
      [`GET /api/v1/clients/${CLIENT}/notes/${original.id}`]: [
        { body: { ...original, revisions } },
        { body: { ...theirs, revisions: [secondRevision, ...revisions] } },
      ],
      [`POST /api/v1/clients/${CLIENT}/notes/${original.id}/corrections`]: [
        {
          status: 409,
          body: { statusCode: 409, code: 'VERSION_CONFLICT', message: 'x', current: theirs },
        },
        { status: 201, body: corrected },
      ],
    });
    renderClientPage();
    const article = await screen.findByRole('article', { name: 'Werkgeversbezoek' });
    await userEvent.click(within(article).getByRole('button', { name: /Geschiedenis/ }));
    expect(within(article).getByRole('button', { name: /Geschiedenis/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(await within(article).findByText('Versie 1')).toBeInTheDocument();
    expect(article).toHaveTextContent('Geschreven door Daan Mulder op 6 okt 2026');

    await userEvent.click(within(article).getByRole('button', { name: 'Corrigeren' }));
    const form = within(article).getByRole('form', { name: 'Notitie corrigeren' });
    expect(within(form).getByLabelText('Tekst')).toHaveValue(original.body);
    const body = within(form).getByLabelText('Tekst');
    await userEvent.clear(body);
    await userEvent.type(body, 'Bezoek bij Sportschool De Kracht.');
    // A reason is required.
    await userEvent.click(within(form).getByRole('button', { name: 'Correctie opslaan' }));
    expect(within(form).getByLabelText('Reden van de correctie')).toHaveAccessibleDescription(
      /Schrijf waarom je de notitie corrigeert/,
    );
    await userEvent.type(
      within(form).getByLabelText('Reden van de correctie'),
      'Naam werkgever toegevoegd',
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Correctie opslaan' }));

    const conflict = await within(form).findByText('Iemand heeft deze notitie net gecorrigeerd');
    expect(conflict.closest('.t-alert')).toHaveTextContent('De nieuwste versie is versie 2');
    expect(conflict.closest('.t-alert')).toHaveTextContent('Andere tekst van een collega.');
    expect(within(form).getByLabelText('Tekst')).toHaveValue('Bezoek bij Sportschool De Kracht.');
    // The history was loaded again and shows the colleague's correction.
    expect(await within(article).findByText('Reden: Aangevuld')).toBeInTheDocument();

    await userEvent.click(
      within(form).getByRole('button', { name: 'Correctie opslaan op versie 2' }),
    );
    await waitFor(() =>
      expect(
        within(article).queryByRole('form', { name: 'Notitie corrigeren' }),
      ).not.toBeInTheDocument(),
    );
    const posts = net.callsTo(`POST /api/v1/clients/${CLIENT}/notes/${original.id}/corrections`);
    expect(posts.map((p) => p.body)).toEqual([
      {
        title: 'Werkgeversbezoek',
        body: 'Bezoek bij Sportschool De Kracht.',
        reason: 'Naam werkgever toegevoegd',
        version: 1,
      },
      {
        title: 'Werkgeversbezoek',
        body: 'Bezoek bij Sportschool De Kracht.',
        reason: 'Naam werkgever toegevoegd',
        version: 2,
      },
    ]);
    expect(article).toHaveTextContent('Gecorrigeerd, versie 3');
    expect(within(article).getByText('Reden: Naam werkgever toegevoegd')).toBeInTheDocument();
    expect(within(article).getByText('Versie 3')).toBeInTheDocument();
  });

  it('does not offer corrections on notes of others', async () => {
    const other = note('PARTICIPATION', 'Van een collega', { authorId: 'u-fatima' });
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(daan),
      [`GET /api/v1/clients/${CLIENT}`]: {
        body: client(
          { readableDomains: ['PARTICIPATION'], writableDomains: ['PARTICIPATION'] },
          false,
        ),
      },
      [NOTES]: notesApi([other]),
      [`GET /api/v1/clients/${CLIENT}/plans`]: { body: [] },
      [`GET /api/v1/clients/${CLIENT}/notes/${other.id}`]: {
        body: {
          ...other,
          revisions: [
            {
              version: 1,
              title: other.title,
              body: other.body,
              authorId: 'u-fatima',
              authorName: 'Fatima El Amrani',
              reason: null,
              createdAt: other.createdAt,
            },
          ],
        },
      },
    });
    renderClientPage();
    const article = await screen.findByRole('article', { name: 'Van een collega' });
    await userEvent.click(within(article).getByRole('button', { name: /Geschiedenis/ }));
    await within(article).findByText('Versie 1');
    expect(within(article).queryByRole('button', { name: 'Corrigeren' })).not.toBeInTheDocument();
  });

  it('pages through a section, ten notes at a time', async () => {
    const many = Array.from({ length: 12 }, (_, i) => note('PARTICIPATION', `Notitie ${i + 1}`));
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(daan),
      [`GET /api/v1/clients/${CLIENT}`]: {
        body: client({ readableDomains: ['PARTICIPATION'], writableDomains: [] }, false),
      },
      [NOTES]: notesApi(many),
      [`GET /api/v1/clients/${CLIENT}/plans`]: { body: [] },
    });
    renderClientPage();
    const section = await screen.findByRole('region', { name: 'Participatie / re-integratie' });
    const pages = await within(section).findByRole('navigation', {
      name: 'Pagina’s van Participatie / re-integratie',
    });
    expect(pages).toHaveTextContent('1–10 van 12');
    await userEvent.click(within(pages).getByRole('button', { name: /Volgende/ }));
    expect(await within(section).findByRole('heading', { name: 'Notitie 12' })).toBeInTheDocument();
    expect(net.callsTo(NOTES).at(-1)?.query.get('page')).toBe('2');
    expect(net.callsTo(NOTES).at(-1)?.query.get('pageSize')).toBe('10');
  });
});

describe('client file texts', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expect(translationKeys(clientFileEn)).toEqual(translationKeys(clientFileNl));
    expect(emptyTranslations(clientFileNl)).toEqual([]);
    expect(emptyTranslations(clientFileEn)).toEqual([]);
  });
});
