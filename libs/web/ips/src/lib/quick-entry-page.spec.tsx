import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { todayDay } from '@tandem/web-ui';
import { mockFetch, type FetchMock, type MockCall } from '@tandem/web-testing';
import type { Activity, Employer, EmployerContact, Placement } from './ips-api';
import { QuickEntryPage } from './quick-entry-page';
import { BASE, MONIQUE, daan, overview, page, renderAt, signedInAs } from './testing';

const gym: Employer = {
  id: 'e-gym',
  teamId: 't-noord',
  name: 'Sportschool De Kracht',
  sector: 'Sport en fitness',
  city: 'Rivierstad',
  contactPersons: [],
  lastContactOn: null,
  contactCount: 5,
  version: 1,
  canEdit: true,
};

const caseload = page([
  {
    clientId: MONIQUE,
    firstName: 'Monique',
    lastName: 'van Dam',
    teamId: 't-noord',
    teamName: 'FACT Rivierstad-Noord',
    keyWorker: null,
    regiebehandelaar: null,
    onBoard: false,
    boardSince: null,
    daysOnBoard: null,
    lastContactOn: null,
    nextContactOn: null,
    version: 1,
  },
]);

const employers = (call: MockCall) => ({
  body: {
    items: (call.query.get('q') ?? '').toLowerCase().startsWith('sport') ? [gym] : [],
    total: 1,
    page: 1,
    pageSize: 8,
  },
});

function contact(body: Partial<EmployerContact>): EmployerContact {
  return {
    id: 'ec1',
    employerId: 'e-gym',
    employerName: 'Sportschool De Kracht',
    contactPersonName: null,
    specialist: { userId: 'u-daan', displayName: 'Daan Mulder' },
    clientId: MONIQUE,
    clientName: 'Monique van Dam',
    contactOn: todayDay(),
    kind: 'VISIT',
    outcome: 'INTRODUCTION',
    notes: '',
    followUpOn: null,
    followUp: '',
    version: 1,
    createdAt: new Date().toISOString(),
    ...body,
  };
}

const routes = (extra: Record<string, unknown> = {}) =>
  ({
    'POST /api/v1/auth/refresh': signedInAs(daan),
    'GET /api/v1/caseload': caseload,
    [`GET ${BASE}`]: {
      body: overview({
        canCreateEmployerContact: true,
        canCreatePlacement: true,
        creatableActivityKinds: ['JOB_COACHING', 'BENEFITS_COUNSELLING'],
      }),
    },
    [`GET ${BASE}/placements`]: page([]),
    'GET /api/v1/ips/employers': employers,
    'GET /api/v1/ips/employer-contacts': page([]),
    ...extra,
  }) as Parameters<typeof mockFetch>[0];

describe('QuickEntryPage', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  it('logs an employer contact for a client in a few taps: employer, kind, date today', async () => {
    net = mockFetch(
      routes({
        'POST /api/v1/ips/employer-contacts': (call: MockCall) => ({
          status: 201,
          body: contact(call.body as Partial<EmployerContact>),
        }),
      }),
    );
    renderAt(<QuickEntryPage />, `/ips/quick?client=${MONIQUE}`, '/ips/quick');
    const form = await screen.findByRole('form', { name: 'Werkgeverscontact vastleggen' });
    expect(within(form).getByText('Voor cliënt: Monique van Dam')).toBeInTheDocument();
    expect(within(form).getByLabelText('Datum')).toHaveValue(todayDay());
    expect(within(form).getByRole('radio', { name: 'Bezoek (face-to-face)' })).toBeChecked();

    await userEvent.click(within(form).getByRole('button', { name: 'Contact opslaan' }));
    expect(
      await within(form).findByText('Kies een werkgever of voeg een nieuwe toe.'),
    ).toBeVisible();
    expect(net.callsTo('POST /api/v1/ips/employer-contacts')).toHaveLength(0);

    await userEvent.type(within(form).getByRole('searchbox', { name: 'Zoek werkgever' }), 'Sport');
    await userEvent.click(
      await within(form).findByRole('button', { name: /Sportschool De Kracht/ }),
    );
    await userEvent.click(within(form).getByRole('radio', { name: 'Telefoon' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Contact opslaan' }));

    expect(
      await screen.findByText(/Contact met Sportschool De Kracht op .* is opgeslagen/),
    ).toBeVisible();
    expect(net.callsTo('POST /api/v1/ips/employer-contacts')[0].body).toEqual({
      employerId: 'e-gym',
      clientId: MONIQUE,
      contactOn: todayDay(),
      kind: 'PHONE',
      outcome: 'INTRODUCTION',
    });
    // The list of recent contacts is asked again.
    await waitFor(() =>
      expect(net.callsTo('GET /api/v1/ips/employer-contacts').length).toBeGreaterThan(1),
    );
  });

  it('adds a new employer inline for a general contact (no client)', async () => {
    net = mockFetch(
      routes({
        'POST /api/v1/ips/employer-contacts': () => ({
          status: 201,
          body: contact({ employerName: 'Bakkerij Nieuw', clientId: null, clientName: null }),
        }),
      }),
    );
    renderAt(<QuickEntryPage />, '/ips/quick');
    const form = await screen.findByRole('form', { name: 'Werkgeverscontact vastleggen' });
    expect(within(form).getByText('Algemeen (jobdevelopment, zonder cliënt)')).toBeInTheDocument();
    await userEvent.type(
      within(form).getByRole('searchbox', { name: 'Zoek werkgever' }),
      'Bakkerij Nieuw',
    );
    await userEvent.click(
      await within(form).findByRole('button', {
        name: /Nieuwe werkgever “Bakkerij Nieuw” toevoegen/,
      }),
    );
    expect(within(form).getByText(/Nieuwe werkgever: Bakkerij Nieuw/)).toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'Contact opslaan' }));
    await screen.findByText(/Contact met Bakkerij Nieuw/);
    const body = net.callsTo('POST /api/v1/ips/employer-contacts')[0].body as Record<
      string,
      unknown
    >;
    expect(body).toMatchObject({ newEmployerName: 'Bakkerij Nieuw', kind: 'VISIT' });
    expect(body).not.toHaveProperty('clientId');
    expect(body).not.toHaveProperty('employerId');
  });

  it('registers a work-experience placement; required fields are checked before sending', async () => {
    net = mockFetch(
      routes({
        [`POST ${BASE}/placements`]: (call: MockCall) => ({
          status: 201,
          body: {
            ...(call.body as object),
            id: 'p2',
            employerName: 'Sportschool De Kracht',
          } as Placement,
        }),
      }),
    );
    renderAt(<QuickEntryPage />, `/ips/quick?client=${MONIQUE}&form=placement`, '/ips/quick');
    const form = await screen.findByRole('form', { name: 'Plaatsing vastleggen' });
    await userEvent.click(within(form).getByRole('button', { name: 'Plaatsing opslaan' }));
    expect(within(form).getByText('Vul Functie in.')).toBeVisible();
    expect(within(form).getByText('Vul Uren per week in.')).toBeVisible();
    expect(net.callsTo(`POST ${BASE}/placements`)).toHaveLength(0);

    await userEvent.type(within(form).getByRole('searchbox', { name: 'Zoek werkgever' }), 'Sport');
    await userEvent.click(
      await within(form).findByRole('button', { name: /Sportschool De Kracht/ }),
    );
    await userEvent.type(within(form).getByLabelText('Functie'), 'Receptiemedewerker');
    await userEvent.selectOptions(
      within(form).getByLabelText('Soort plaatsing'),
      'WORK_EXPERIENCE',
    );
    await userEvent.type(within(form).getByLabelText('Uren per week'), '16,5');
    await userEvent.click(
      within(form).getByRole('checkbox', { name: 'Vrijstelling sollicitatieplicht' }),
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Plaatsing opslaan' }));

    expect(
      await screen.findByText(
        'Plaatsing Receptiemedewerker bij Sportschool De Kracht is opgeslagen.',
      ),
    ).toBeVisible();
    expect(net.callsTo(`POST ${BASE}/placements`)[0].body).toEqual({
      employerId: 'e-gym',
      jobTitle: 'Receptiemedewerker',
      type: 'WORK_EXPERIENCE',
      startDate: todayDay(),
      hoursPerWeek: 16.5,
      hourlyWage: null,
      contract: 'NONE',
      support: ['JOB_COACHING', 'APPLICATION_DUTY_EXEMPTION'],
    });
  });

  it('says so when the user may not register placements for the client', async () => {
    net = mockFetch(routes({ [`GET ${BASE}`]: { body: overview() } }));
    renderAt(<QuickEntryPage />, `/ips/quick?client=${MONIQUE}&form=placement`, '/ips/quick');
    expect(await screen.findByText(/Je kunt dit niet vastleggen voor deze cliënt/)).toBeVisible();
    expect(screen.queryByRole('form', { name: 'Plaatsing vastleggen' })).not.toBeInTheDocument();
  });

  it('shows the funding classification with reason and source, and overrides only with a reason', async () => {
    const saved: Activity = {
      id: 'a1',
      clientId: MONIQUE,
      kind: 'JOB_COACHING',
      kindLabel: 'Job coaching',
      performedOn: todayDay(),
      durationMinutes: 60,
      performedByName: 'Daan Mulder',
      summary: '',
      classification: {
        funder: 'GEMEENTE_PARTICIPATIEWET',
        funderLabel: 'Municipality (Participatiewet)',
        reason: 'Support on the job is not Zvw; the client has social assistance',
        overridden: false,
        rule: {
          funder: 'GEMEENTE_PARTICIPATIEWET',
          ruleId: 'WORK_SUPPORT_NOT_ZVW',
          source: '003:L7218-7224',
          reason: 'Support on the job is not Zvw; the client has social assistance',
        },
        override: null,
      },
      canOverride: true,
      version: 1,
    };
    const overridden: Activity = {
      ...saved,
      version: 2,
      classification: {
        ...saved.classification,
        funder: 'UWV',
        overridden: true,
        override: { funder: 'UWV', reason: 'Afspraak met UWV', byName: 'Daan Mulder', at: '' },
      },
    };
    net = mockFetch(
      routes({
        'GET /api/v1/ips/funding/catalogue': {
          body: {
            kinds: [
              {
                kind: 'JOB_COACHING',
                label: 'Job coaching',
                domain: 'PARTICIPATION',
                description: '',
              },
              { kind: 'TREATMENT', label: 'Treatment', domain: 'TREATMENT', description: '' },
            ],
            funders: [
              { funder: 'GEMEENTE_PARTICIPATIEWET', label: 'Municipality' },
              { funder: 'UWV', label: 'UWV' },
            ],
            rules: [],
          },
        },
        [`POST ${BASE}/activities`]: { status: 201, body: saved },
        [`POST ${BASE}/activities/a1/funding-override`]: { body: overridden },
      }),
    );
    renderAt(<QuickEntryPage />, `/ips/quick?client=${MONIQUE}&form=activity`, '/ips/quick');
    const form = await screen.findByRole('form', { name: 'Activiteit vastleggen' });
    // Only the kinds the API allows for this client are offered.
    expect(within(form).queryByRole('option', { name: 'Behandeling' })).not.toBeInTheDocument();
    await userEvent.selectOptions(within(form).getByLabelText('Activiteit'), 'JOB_COACHING');
    await userEvent.clear(within(form).getByLabelText('Duur (minuten)'));
    await userEvent.type(within(form).getByLabelText('Duur (minuten)'), '60');
    await userEvent.click(within(form).getByRole('button', { name: 'Activiteit opslaan' }));

    const card = await screen.findByRole('region', { name: /Wie betaalt: Jobcoaching/ });
    expect(card).toHaveTextContent('Gemeente (Participatiewet)');
    expect(card).toHaveTextContent('Support on the job is not Zvw');
    expect(card).toHaveTextContent('003:L7218-7224');
    expect(net.callsTo(`POST ${BASE}/activities`)[0].body).toEqual({
      kind: 'JOB_COACHING',
      performedOn: todayDay(),
      durationMinutes: 60,
    });

    await userEvent.click(within(card).getByRole('button', { name: 'Financier aanpassen' }));
    const override = within(card).getByRole('form', { name: 'Financier aanpassen' });
    await userEvent.selectOptions(within(override).getByLabelText('Nieuwe financier'), 'UWV');
    await userEvent.type(within(override).getByLabelText('Reden'), 'te kort');
    await userEvent.click(within(override).getByRole('button', { name: 'Aanpassing opslaan' }));
    expect(within(override).getByText(/Schrijf in minstens 10 tekens/)).toBeVisible();
    expect(net.callsTo(`POST ${BASE}/activities/a1/funding-override`)).toHaveLength(0);

    await userEvent.type(within(override).getByLabelText('Reden'), ': afspraak met UWV');
    await userEvent.click(within(override).getByRole('button', { name: 'Aanpassing opslaan' }));
    expect(await within(card).findByText(/De financier is aangepast/)).toBeVisible();
    expect(card).toHaveTextContent('Aangepast door Daan Mulder: Afspraak met UWV');
    expect(net.callsTo(`POST ${BASE}/activities/a1/funding-override`)[0].body).toEqual({
      version: 1,
      funder: 'UWV',
      reason: 'te kort: afspraak met UWV',
    });
  });

  it('on a version conflict shows what someone else set, and keeps the form open', async () => {
    const base = {
      id: 'a1',
      clientId: MONIQUE,
      kind: 'JOB_COACHING' as const,
      kindLabel: 'Job coaching',
      performedOn: todayDay(),
      durationMinutes: 45,
      performedByName: 'Daan Mulder',
      summary: '',
      canOverride: true,
    };
    const rule = {
      funder: 'GEMEENTE_PARTICIPATIEWET' as const,
      ruleId: 'WORK_SUPPORT_NOT_ZVW',
      source: '003:L7218-7224',
      reason: 'Support on the job is not Zvw',
    };
    const saved: Activity = {
      ...base,
      version: 1,
      classification: {
        funder: 'GEMEENTE_PARTICIPATIEWET',
        funderLabel: '',
        reason: rule.reason,
        overridden: false,
        rule,
        override: null,
      },
    };
    const current: Activity = {
      ...base,
      version: 2,
      classification: {
        ...saved.classification,
        funder: 'UWV',
        overridden: true,
        override: { funder: 'UWV', reason: 'Door een collega', byName: 'Anna de Vries', at: '' },
      },
    };
    net = mockFetch(
      routes({
        'GET /api/v1/ips/funding/catalogue': {
          body: {
            kinds: [{ kind: 'JOB_COACHING', label: '', domain: 'PARTICIPATION', description: '' }],
            funders: [{ funder: 'WERKGEVER', label: '' }],
            rules: [],
          },
        },
        [`POST ${BASE}/activities`]: { status: 201, body: saved },
        [`POST ${BASE}/activities/a1/funding-override`]: {
          status: 409,
          body: {
            statusCode: 409,
            code: 'VERSION_CONFLICT',
            message: 'Changed meanwhile',
            current,
          },
        },
      }),
    );
    renderAt(<QuickEntryPage />, `/ips/quick?client=${MONIQUE}&form=activity`, '/ips/quick');
    const form = await screen.findByRole('form', { name: 'Activiteit vastleggen' });
    await userEvent.selectOptions(within(form).getByLabelText('Activiteit'), 'JOB_COACHING');
    await userEvent.click(within(form).getByRole('button', { name: 'Activiteit opslaan' }));
    const card = await screen.findByRole('region', { name: /Wie betaalt/ });
    await userEvent.click(within(card).getByRole('button', { name: 'Financier aanpassen' }));
    const override = within(card).getByRole('form', { name: 'Financier aanpassen' });
    await userEvent.type(within(override).getByLabelText('Reden'), 'De werkgever betaalt dit');
    await userEvent.click(within(override).getByRole('button', { name: 'Aanpassing opslaan' }));
    expect(await within(card).findByText(/Iemand anders heeft dit net gewijzigd/)).toBeVisible();
    expect(card).toHaveTextContent('Aangepast door Anna de Vries: Door een collega');
    expect(within(card).getByRole('form', { name: 'Financier aanpassen' })).toBeInTheDocument();
  });

  it('names the field the server refused', async () => {
    net = mockFetch(
      routes({
        'POST /api/v1/ips/employer-contacts': {
          status: 400,
          body: {
            statusCode: 400,
            code: 'VALIDATION_FAILED',
            message: 'Please correct: contactOn',
            errors: [
              {
                field: 'contactOn',
                rule: 'isDay',
                message: 'contactOn must be a date like 2026-11-24',
              },
            ],
          },
        },
      }),
    );
    renderAt(<QuickEntryPage />, '/ips/quick');
    const form = await screen.findByRole('form', { name: 'Werkgeverscontact vastleggen' });
    await userEvent.type(within(form).getByRole('searchbox', { name: 'Zoek werkgever' }), 'Sport');
    await userEvent.click(
      await within(form).findByRole('button', { name: /Sportschool De Kracht/ }),
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Contact opslaan' }));
    const alert = await within(form).findByText(/Controleer contactOn/);
    expect(alert.closest('li')).toHaveTextContent('contactOn must be a date like 2026-11-24');
  });
});
