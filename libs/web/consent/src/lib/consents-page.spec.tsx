import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Principal } from '@tandem/domain';
import { AuthProvider, type ClientDetail, SignedIn } from '@tandem/web-data-access';
import { commonResources, emptyTranslations, todayDay, translationKeys } from '@tandem/web-ui';
import { mockFetch, type FetchMock, type MockReply, createTestI18n } from '@tandem/web-testing';
import type { Consent, ConsentOptions, Organisation } from './consent-api';
import { ConsentsLink } from './consents-link';
import { ConsentsPage } from './consents-page';
import { consentEn, consentNl, consentResources } from './i18n';
import { addMonths } from './periods';

const CLIENT = 'c-monique';
const BASE = `/api/v1/clients/${CLIENT}`;
const GEMEENTE = '11111111-1111-4111-8111-111111111111';
const UWV = '22222222-2222-4222-8222-222222222222';
const IPS = '33333333-3333-4333-8333-333333333333';

const sanne: Principal = {
  userId: 'u-sanne',
  sessionId: 's1',
  displayName: 'Sanne Jansen',
  email: 'sanne.jansen@ggz-rivierenland.example',
  organisationId: 'o-ggz',
  organisationName: 'GGZ Rivierenland',
  organisationType: 'GGZ',
  roles: ['SPV'],
  teams: [{ teamId: 't-noord', teamName: 'FACT Rivierstad-Noord', teamType: 'FACT', role: 'SPV' }],
  clientId: null,
  locale: 'nl',
};
const fatima: Principal = {
  ...sanne,
  userId: 'u-fatima',
  displayName: 'Fatima El Amrani',
  organisationId: GEMEENTE,
  organisationName: 'Gemeente Rivierstad',
  organisationType: 'GEMEENTE',
  roles: ['KLANTMANAGER'],
  teams: [],
};

function client(care: boolean): ClientDetail {
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
    lastContactOn: null,
    nextContactOn: null,
    version: 1,
    dateOfBirth: '1981-03-14',
    pseudonym: 'A1',
    permissions: {
      readableDomains: ['PARTICIPATION'],
      writableDomains: [],
      canUpdateBoard: false,
      canTransfer: false,
    },
  };
  return care ? { ...base, diagnosis: 'Depressieve stoornis' } : base;
}

const organisations: Organisation[] = [
  { id: GEMEENTE, name: 'Gemeente Rivierstad', type: 'GEMEENTE' },
  { id: UWV, name: 'UWV Rivierenland', type: 'UWV' },
  { id: IPS, name: 'IPS Werkt', type: 'IPS_AANBIEDER' },
];

const OPTIONS: Record<string, ConsentOptions> = {
  [GEMEENTE]: {
    agreements: [
      {
        id: 'a1',
        name: 'Convenant IPS en werk Rivierstad',
        categories: ['WORK_CAPACITY_SUMMARY', 'PARTICIPATION_NOTES'],
      },
    ],
    allowedCategories: ['WORK_CAPACITY_SUMMARY', 'PARTICIPATION_NOTES'],
    explanation: null,
  },
  [UWV]: {
    agreements: [{ id: 'a2', name: 'Protocol UWV', categories: ['WORK_CAPACITY_SUMMARY'] }],
    allowedCategories: ['WORK_CAPACITY_SUMMARY'],
    explanation: null,
  },
  [IPS]: {
    agreements: [],
    allowedCategories: [],
    explanation:
      'There is no active sharing agreement between GGZ Rivierenland and IPS Werkt. Ask your privacy officer to record one.',
  },
};

let consentCount = 0;
function consent(extra: Partial<Consent> = {}): Consent {
  consentCount++;
  return {
    id: `consent-${consentCount}`,
    clientId: CLIENT,
    recipientType: 'ORGANISATION',
    recipientOrganisationId: GEMEENTE,
    recipientOrganisationName: 'Gemeente Rivierstad',
    recipientRole: null,
    recipientUserId: null,
    recipientUserName: null,
    purpose: 'IPS_TRAJECT',
    categories: ['WORK_CAPACITY_SUMMARY'],
    status: 'GIVEN',
    textShown:
      'Ik geef Gemeente Rivierstad toestemming om de samenvatting van wat ik kan in werk te gebruiken.',
    method: 'SIGNED_FORM',
    situation: 'REGULAR',
    hasSignedForm: true,
    validFrom: '2026-10-01',
    validUntil: '2027-10-01',
    recordedByName: 'Sanne Jansen',
    recordedAt: '2026-10-01T10:00:00.000Z',
    revokedAt: null,
    agreementName: 'Convenant IPS en werk Rivierstad',
    warnings: [],
    history: [
      {
        event: 'GIVEN',
        at: '2026-10-01T10:00:00.000Z',
        actorName: 'Sanne Jansen',
        details: { method: 'SIGNED_FORM', situation: 'REGULAR' },
      },
    ],
    ...extra,
  };
}

function renderPage(path = `/clients/${CLIENT}/consents`) {
  return render(
    <I18nextProvider i18n={createTestI18n({ consent: consentResources, common: commonResources })}>
      <AuthProvider>
        <MemoryRouter initialEntries={[path]}>
          <SignedIn>
            <Routes>
              <Route path="/clients/:clientId/consents" element={<ConsentsPage />} />
              <Route path="/clients/:clientId" element={<ConsentsLink clientId={CLIENT} />} />
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

function routes(principal: Principal, consents: Consent[], extra: Record<string, unknown> = {}) {
  return {
    'POST /api/v1/auth/refresh': signedInAs(principal),
    [`GET ${BASE}`]: { body: client(principal === sanne) },
    [`GET ${BASE}/consents`]: { body: consents },
    'GET /api/v1/organisations': { body: organisations },
    [`GET ${BASE}/consent-options`]: (call: { query: URLSearchParams }) => ({
      body: OPTIONS[call.query.get('recipientOrganisationId') ?? ''],
    }),
    ...extra,
  } as Parameters<typeof mockFetch>[0];
}

const pdf = () =>
  new File(['%PDF-1.4 ondertekend'], 'toestemming.pdf', { type: 'application/pdf' });

/** Opens the record form and fills in everything for Gemeente Rivierstad. */
async function fillRecordForm(user = userEvent.setup()) {
  await user.click(await screen.findByRole('button', { name: /Toestemming vastleggen/ }));
  const form = screen.getByRole('form', { name: 'Toestemming vastleggen' });
  await user.selectOptions(within(form).getByLabelText(/Ontvanger/), 'Gemeente Rivierstad');
  await user.click(
    await within(form).findByRole('checkbox', {
      name: 'Arbeidsmogelijkheden en -beperkingen (samenvatting)',
    }),
  );
  await user.selectOptions(
    within(form).getByLabelText(/^Doel/),
    'IPS-traject (begeleiding naar werk)',
  );
  await user.upload(within(form).getByLabelText(/Getekend formulier/), pdf());
  await within(form).findByText(/toestemming\.pdf .* is gelezen/);
  return { form, user };
}

describe('ConsentsPage', () => {
  let net: FetchMock;
  beforeEach(() => {
    consentCount = 0;
  });
  afterEach(() => net?.restore());

  it('groups the consents by status in plain language, with the text shown and the history', async () => {
    const active = consent({
      history: [
        {
          event: 'GIVEN',
          at: '2026-10-01T10:00:00.000Z',
          actorName: 'Sanne Jansen',
          details: { method: 'SIGNED_FORM', situation: 'REGULAR' },
        },
        {
          event: 'RENEWED',
          at: '2026-11-01T10:00:00.000Z',
          actorName: 'Sanne Jansen',
          details: { from: '2027-09-30', to: '2027-10-01' },
        },
      ],
    });
    const waiting = consent({
      status: 'REQUESTED',
      purpose: 'CASUSOVERLEG',
      categories: ['CONFERENCE_IDENTITY'],
      method: null,
      hasSignedForm: false,
      recordedAt: null,
      recordedByName: null,
      recipientType: 'ROLE',
      recipientRole: 'KLANTMANAGER',
    });
    const revoked = consent({
      status: 'REVOKED',
      recipientOrganisationName: 'UWV Rivierenland',
      revokedAt: '2026-11-10T09:00:00.000Z',
      history: [
        { event: 'GIVEN', at: '2026-10-01T10:00:00.000Z', actorName: 'Sanne Jansen', details: {} },
        {
          event: 'REVOKED',
          at: '2026-11-10T09:00:00.000Z',
          actorName: 'Monique van Dam',
          details: { by: 'client', reason: 'Wil het zelf vertellen' },
        },
      ],
    });
    net = mockFetch(routes(sanne, [active, waiting, revoked]));
    renderPage();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Toestemmingen van Monique van Dam' }),
    ).toBeInTheDocument();
    const activeGroup = screen.getByRole('region', { name: /^Actief/ });
    const card = within(activeGroup).getByRole('article', {
      name: 'Gemeente Rivierstad: IPS-traject (begeleiding naar werk)',
    });
    expect(card).toHaveTextContent('Arbeidsmogelijkheden en -beperkingen (samenvatting)');
    expect(card).toHaveTextContent('1 okt 2026 tot en met 1 okt 2027');
    expect(card).toHaveTextContent('Op een getekend formulier, bij een gewoon contact');
    expect(card).toHaveTextContent('Het getekende formulier is bewaard.');
    expect(card).toHaveTextContent('Sanne Jansen op 1 okt 2026');
    expect(card).toHaveTextContent('Convenant IPS en werk Rivierstad');
    expect(within(card).getByText(/samenvatting van wat ik kan in werk/)).toHaveAttribute(
      'lang',
      'nl',
    );
    await userEvent.click(within(card).getByText('Geschiedenis (2 gebeurtenissen)'));
    expect(card).toHaveTextContent('Verlengd door Sanne Jansen');
    expect(card).toHaveTextContent('Nieuwe einddatum 1 okt 2027 (was 30 sep 2027).');
    expect(within(card).getByRole('button', { name: /Verlengen/ })).toBeInTheDocument();

    const waitingGroup = screen.getByRole('region', { name: /Wacht op de cliënt/ });
    const request = within(waitingGroup).getByRole('article');
    expect(request).toHaveAccessibleName(
      'klantmanager bij Gemeente Rivierstad: Overleg over de cliënt tussen zorg en werk en inkomen',
    );
    expect(request).toHaveTextContent('Nog niet gegeven');
    expect(request).toHaveTextContent('Tekst die de cliënt te zien krijgt');
    expect(within(request).getByRole('button', { name: /Verzoek intrekken/ })).toBeVisible();
    expect(within(request).queryByRole('button', { name: /Verlengen/ })).not.toBeInTheDocument();

    const ended = screen.getByRole('region', { name: /Afgelopen/ });
    const old = within(ended).getByRole('article');
    expect(old).toHaveTextContent('Ingetrokken');
    expect(old).toHaveTextContent('Ingetrokken op');
    expect(old).toHaveTextContent('Reden: Wil het zelf vertellen');
    expect(old).toHaveTextContent('De cliënt heeft dit zelf gedaan.');
    expect(within(old).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Terug naar het dossier/ })).toHaveAttribute(
      'href',
      `/clients/${CLIENT}`,
    );
  });

  it('offers only the categories the agreement allows, and says why when none are', async () => {
    net = mockFetch(routes(sanne, []));
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Toestemming vastleggen/ }));
    const form = screen.getByRole('form', { name: 'Toestemming vastleggen' });
    expect(form).toHaveTextContent('Kies eerst de ontvanger.');
    expect(within(form).queryAllByRole('checkbox')).toHaveLength(0);

    await user.selectOptions(within(form).getByLabelText(/Ontvanger/), 'UWV Rivierenland');
    await within(form).findByRole('checkbox', {
      name: 'Arbeidsmogelijkheden en -beperkingen (samenvatting)',
    });
    expect(within(form).getAllByRole('checkbox')).toHaveLength(1);
    expect(form).toHaveTextContent('Convenant: Protocol UWV');
    expect(
      net.callsTo(`GET ${BASE}/consent-options`).at(-1)?.query.get('recipientOrganisationId'),
    ).toBe(UWV);

    await user.selectOptions(within(form).getByLabelText(/Ontvanger/), 'Gemeente Rivierstad');
    await within(form).findByRole('checkbox', { name: 'Notities over werk en re-integratie' });
    expect(within(form).getAllByRole('checkbox')).toHaveLength(2);
    expect(
      within(form).queryByRole('checkbox', { name: 'Naam en gegevens in een overleg' }),
    ).not.toBeInTheDocument();

    await user.selectOptions(within(form).getByLabelText(/Ontvanger/), 'IPS Werkt');
    expect(
      await within(form).findByText('Met IPS Werkt kun je nu geen gegevens delen'),
    ).toBeInTheDocument();
    expect(form).toHaveTextContent(
      'Er is geen geldig convenant tussen jullie organisatie en IPS Werkt.',
    );
    expect(within(form).getByText(/no active sharing agreement/)).toHaveAttribute('lang', 'en');
    expect(within(form).queryAllByRole('checkbox')).toHaveLength(0);

    await user.click(within(form).getByRole('button', { name: 'Toestemming vastleggen' }));
    expect(within(form).getByLabelText(/Ontvanger/)).toHaveAccessibleDescription(
      expect.stringContaining('Met deze organisatie is geen convenant.'),
    );
    expect(net.callsTo(`POST ${BASE}/consents`)).toHaveLength(0);
  });

  it('records a consent with the signed form and a 12-month default period', async () => {
    const saved = consent({ id: 'consent-new', validFrom: todayDay() });
    net = mockFetch(routes(sanne, [], { [`POST ${BASE}/consents`]: { status: 201, body: saved } }));
    renderPage();
    const { form, user } = await fillRecordForm();
    expect(within(form).getByLabelText('Geldig vanaf')).toHaveValue(todayDay());
    expect(within(form).getByLabelText(/Geldig tot en met/)).toHaveValue(addMonths(todayDay(), 12));
    const preview = within(form).getByRole('region', { name: 'Deze tekst leest de cliënt' });
    expect(preview).toHaveTextContent(
      'Ik geef Gemeente Rivierstad toestemming om de samenvatting van wat ik kan in werk en waar ik rekening mee moet houden te gebruiken voor mijn IPS-traject (begeleiding naar werk).',
    );

    await user.click(within(form).getByRole('button', { name: 'Toestemming vastleggen' }));
    await waitFor(() => expect(net.callsTo(`POST ${BASE}/consents`)).toHaveLength(1));
    const body = net.callsTo(`POST ${BASE}/consents`)[0].body as Record<string, unknown>;
    expect(body).toEqual({
      recipientType: 'ORGANISATION',
      recipientOrganisationId: GEMEENTE,
      purpose: 'IPS_TRAJECT',
      categories: ['WORK_CAPACITY_SUMMARY'],
      validFrom: todayDay(),
      validUntil: addMonths(todayDay(), 12),
      situation: 'REGULAR',
      signedForm: { mime: 'application/pdf', base64: btoa('%PDF-1.4 ondertekend') },
    });
    expect(
      await screen.findByText('De toestemming voor Gemeente Rivierstad is vastgelegd.'),
    ).toBeVisible();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    const card = within(screen.getByRole('region', { name: /^Actief/ })).getByRole('article');
    await waitFor(() => expect(within(card).getByRole('heading', { level: 3 })).toHaveFocus());
  });

  it('asks for an explicit confirmation when consent was given at the intake', async () => {
    const saved = consent({ id: 'consent-intake', situation: 'INTAKE' });
    net = mockFetch(
      routes(sanne, [], {
        [`POST ${BASE}/consents`]: [
          {
            status: 422,
            body: {
              statusCode: 422,
              code: 'CONSENT_MAY_NOT_BE_FREE',
              message: 'Consent asked at an intake may not be given freely.',
            },
          },
          {
            status: 201,
            body: { ...saved, warnings: ['Consent asked at an intake may not be free.'] },
          },
        ],
      }),
    );
    renderPage();
    const { form, user } = await fillRecordForm();
    await user.click(within(form).getByRole('radio', { name: 'Bij de intake' }));
    expect(form).toHaveTextContent('Let op: deze toestemming is misschien niet vrij gegeven');
    const confirm = within(form).getByRole('checkbox', {
      name: /cliënt vrij kon kiezen en ook nee had kunnen zeggen/,
    });
    expect(confirm).not.toBeChecked();

    await user.click(within(form).getByRole('button', { name: 'Toestemming vastleggen' }));
    expect(confirm).toHaveFocus();
    expect(confirm).toHaveAccessibleDescription(expect.stringContaining('Vink dit aan'));
    expect(net.callsTo(`POST ${BASE}/consents`)).toHaveLength(0);

    // The server refuses too when the confirmation is missing (for example another client).
    await user.click(confirm);
    await user.click(within(form).getByRole('button', { name: 'Toestemming vastleggen' }));
    await waitFor(() =>
      expect(within(form).getByRole('alert')).toHaveTextContent(
        'De toestemming is niet vastgelegd.',
      ),
    );
    expect(within(form).getByRole('alert')).toHaveTextContent('may not be given freely');
    expect(confirm).toHaveAccessibleDescription(expect.stringContaining('Vink dit aan'));
    expect(net.callsTo(`POST ${BASE}/consents`)[0].body).toMatchObject({
      situation: 'INTAKE',
      confirmFreelyGiven: true,
    });

    await user.click(within(form).getByRole('button', { name: 'Toestemming vastleggen' }));
    expect(await screen.findByText(/Je bevestiging dat de cliënt vrij kon kiezen/)).toBeVisible();
    expect(screen.getByText('Consent asked at an intake may not be free.')).toHaveAttribute(
      'lang',
      'en',
    );
  });

  it('shows at the fields what the server refused: data outside the agreement, a fake file', async () => {
    net = mockFetch(
      routes(sanne, [], {
        [`POST ${BASE}/consents`]: [
          {
            status: 422,
            body: {
              statusCode: 422,
              code: 'NO_SHARING_AGREEMENT',
              message:
                'The sharing agreement between GGZ Rivierenland and Gemeente Rivierstad does not cover: participation notes.',
              missingCategories: ['PARTICIPATION_NOTES'],
            },
          },
          {
            status: 415,
            body: {
              statusCode: 415,
              code: 'UNSUPPORTED_MEDIA_TYPE',
              message: 'The signed form is not a valid application/pdf file.',
            },
          },
        ],
      }),
    );
    renderPage();
    const { form, user } = await fillRecordForm();
    await user.click(
      within(form).getByRole('checkbox', { name: 'Notities over werk en re-integratie' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Toestemming vastleggen' }));

    const categories = await within(form).findByRole('group', { name: 'Welke gegevens' });
    await waitFor(() =>
      expect(categories).toHaveAccessibleDescription(
        expect.stringContaining(
          'Het convenant met Gemeente Rivierstad staat deze gegevens niet toe: Notities over werk en re-integratie.',
        ),
      ),
    );
    expect(categories).toHaveFocus();
    expect(within(form).getByRole('alert')).toHaveTextContent(
      'does not cover: participation notes',
    );

    await user.click(
      within(form).getByRole('checkbox', { name: 'Notities over werk en re-integratie' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Toestemming vastleggen' }));
    const file = within(form).getByLabelText(/Getekend formulier/);
    await waitFor(() =>
      expect(file).toHaveAccessibleDescription(
        expect.stringContaining('Dit bestand is geen echte PDF, PNG of JPEG'),
      ),
    );
    expect(file).toHaveFocus();
    expect(within(form).getByRole('alert')).toHaveTextContent('not a valid application/pdf file');
  });

  it('checks the file in the browser: type and size', async () => {
    net = mockFetch(routes(sanne, []));
    renderPage();
    const user = userEvent.setup({ applyAccept: false });
    await user.click(await screen.findByRole('button', { name: /Toestemming vastleggen/ }));
    const input = screen.getByLabelText(/Getekend formulier/);
    await user.upload(input, new File(['hallo'], 'formulier.docx', { type: 'application/msword' }));
    expect(input).toHaveAccessibleDescription(expect.stringContaining('geen PDF, PNG of JPEG'));

    await user.upload(
      input,
      new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'scan.pdf', { type: 'application/pdf' }),
    );
    expect(input).toHaveAccessibleDescription(expect.stringContaining('groter dan 2 MB'));

    await user.upload(input, new File(['geen pdf'], 'nep.pdf', { type: 'application/pdf' }));
    await waitFor(() =>
      expect(input).toHaveAccessibleDescription(expect.stringContaining('geen echte PDF')),
    );
  });

  it('revokes a consent after a confirm step, with a reason', async () => {
    const active = consent();
    const revoked = {
      ...active,
      status: 'REVOKED' as const,
      revokedAt: '2026-11-24T09:00:00.000Z',
      history: [
        ...active.history,
        {
          event: 'REVOKED',
          at: '2026-11-24T09:00:00.000Z',
          actorName: 'Sanne Jansen',
          details: { by: 'professional', reason: 'Op verzoek van de cliënt' },
        },
      ],
    };
    net = mockFetch(
      routes(sanne, [active], {
        [`POST ${BASE}/consents/${active.id}/revoke`]: { body: revoked },
      }),
    );
    renderPage();
    const user = userEvent.setup();
    const card = await screen.findByRole('article', { name: /Gemeente Rivierstad/ });
    await user.click(within(card).getByRole('button', { name: /^Intrekken/ }));
    const panel = within(card).getByRole('form', { name: 'Toestemming intrekken' });
    expect(panel).toHaveTextContent('Vanaf nu ziet Gemeente Rivierstad deze gegevens niet meer.');
    expect(within(panel).getByRole('heading', { name: 'Toestemming intrekken' })).toHaveFocus();

    // Cancel keeps it, and returns focus to the button.
    await user.click(within(panel).getByRole('button', { name: 'Nee, niet intrekken' }));
    await waitFor(() =>
      expect(within(card).getByRole('button', { name: /^Intrekken/ })).toHaveFocus(),
    );
    expect(net.callsTo(`POST ${BASE}/consents/${active.id}/revoke`)).toHaveLength(0);

    await user.click(within(card).getByRole('button', { name: /^Intrekken/ }));
    const again = within(card).getByRole('form', { name: 'Toestemming intrekken' });
    await user.type(within(again).getByLabelText(/Reden/), 'Op verzoek van de cliënt');
    await user.click(within(again).getByRole('button', { name: 'Ja, intrekken' }));

    expect(
      await screen.findByText('De toestemming voor Gemeente Rivierstad is ingetrokken.'),
    ).toBeVisible();
    expect(net.callsTo(`POST ${BASE}/consents/${active.id}/revoke`)[0].body).toEqual({
      reason: 'Op verzoek van de cliënt',
    });
    const ended = screen.getByRole('region', { name: /Afgelopen/ });
    const moved = within(ended).getByRole('article', { name: /Gemeente Rivierstad/ });
    expect(moved).toHaveTextContent('Ingetrokken');
    expect(
      within(screen.getByRole('region', { name: /^Actief/ })).queryByRole('article'),
    ).toBeNull();
    await waitFor(() => expect(within(moved).getByRole('heading', { level: 3 })).toHaveFocus());
  });

  it('says what to do when the consent was no longer active, and renews within 2 years', async () => {
    const active = consent({ validFrom: todayDay(), validUntil: addMonths(todayDay(), 6) });
    net = mockFetch(
      routes(sanne, [active], {
        [`POST ${BASE}/consents/${active.id}/revoke`]: {
          status: 409,
          body: { statusCode: 409, code: 'CONSENT_NOT_ACTIVE', message: 'No longer active.' },
        },
        [`POST ${BASE}/consents/${active.id}/renew`]: {
          body: { ...active, validUntil: addMonths(todayDay(), 12) },
        },
      }),
    );
    renderPage();
    const user = userEvent.setup();
    const card = await screen.findByRole('article', { name: /Gemeente Rivierstad/ });
    await user.click(within(card).getByRole('button', { name: /^Intrekken/ }));
    await user.click(within(card).getByRole('button', { name: 'Ja, intrekken' }));
    const alert = await within(card).findByText(/Deze toestemming is niet meer actief/);
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(within(card).getByRole('button', { name: 'Opnieuw laden' })).toBeVisible();
    await user.click(within(card).getByRole('button', { name: 'Nee, niet intrekken' }));

    await user.click(within(card).getByRole('button', { name: /^Verlengen/ }));
    const renew = within(card).getByRole('form', { name: 'Toestemming verlengen' });
    const until = within(renew).getByLabelText('Nieuwe einddatum');
    expect(until).toHaveValue(addMonths(todayDay(), 12));
    await user.clear(until);
    await user.type(until, addMonths(todayDay(), 30));
    await user.click(within(renew).getByRole('button', { name: 'Verlengen' }));
    expect(until).toHaveAccessibleDescription(expect.stringContaining('hoogstens 2 jaar'));
    expect(net.callsTo(`POST ${BASE}/consents/${active.id}/renew`)).toHaveLength(0);

    await user.clear(until);
    await user.type(until, addMonths(todayDay(), 12));
    await user.click(within(renew).getByRole('button', { name: 'Verlengen' }));
    expect(await screen.findByText(/is verlengd tot en met/)).toBeVisible();
    expect(net.callsTo(`POST ${BASE}/consents/${active.id}/renew`)[0].body).toEqual({
      validUntil: addMonths(todayDay(), 12),
    });
  });

  it('lets the klantmanager only ask the client, and shows the 403 of the server', async () => {
    const requested = consent({ id: 'consent-req', status: 'REQUESTED', method: null });
    net = mockFetch(
      routes(fatima, [consent()], {
        [`POST ${BASE}/consent-requests`]: [
          {
            status: 403,
            body: {
              statusCode: 403,
              code: 'FORBIDDEN',
              message: 'You are not assigned to this client.',
            },
          },
          { status: 201, body: requested },
        ],
      }),
    );
    renderPage();
    const user = userEvent.setup();
    const card = await screen.findByRole('article', { name: /Gemeente Rivierstad/ });
    expect(within(card).queryByRole('button')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Toestemming vastleggen/ }),
    ).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Toestemming vragen aan de cliënt' }));
    const form = screen.getByRole('form', { name: 'Toestemming vragen aan de cliënt' });
    expect(within(form).queryByLabelText(/Getekend formulier/)).not.toBeInTheDocument();
    expect(within(form).queryByRole('radio', { name: 'Bij de intake' })).not.toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText(/Ontvanger/), 'Gemeente Rivierstad');
    await user.click(await within(form).findByRole('checkbox', { name: /Notities over werk/ }));
    await user.click(within(form).getByRole('radio', { name: 'Iedereen met één rol' }));
    await user.selectOptions(within(form).getByLabelText('Rol'), 'klantmanager');
    await user.selectOptions(within(form).getByLabelText(/^Doel/), 'Zaken rond de uitkering');
    await user.click(within(form).getByRole('button', { name: 'Verzoek versturen' }));

    await waitFor(() =>
      expect(within(form).getByRole('alert')).toHaveTextContent(
        'Je mag deze cliënt geen verzoek sturen.',
      ),
    );
    expect(within(form).getByRole('alert')).toHaveTextContent(
      'You are not assigned to this client.',
    );

    await user.click(within(form).getByRole('button', { name: 'Verzoek versturen' }));
    expect(await screen.findByText(/Het verzoek aan de cliënt is verstuurd/)).toBeVisible();
    expect(net.callsTo(`POST ${BASE}/consent-requests`)[1].body).toEqual({
      recipientType: 'ROLE',
      recipientOrganisationId: GEMEENTE,
      recipientRole: 'KLANTMANAGER',
      purpose: 'UITKERING',
      categories: ['PARTICIPATION_NOTES'],
      validFrom: todayDay(),
      validUntil: addMonths(todayDay(), 12),
    });
    expect(
      within(screen.getByRole('region', { name: /Wacht op de cliënt/ })).getByRole('article'),
    ).toBeInTheDocument();
  });

  it('says plainly when the client is hidden or does not exist', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedInAs(sanne),
      [`GET ${BASE}`]: {
        status: 404,
        body: { statusCode: 404, code: 'NOT_FOUND', message: 'client not found' },
      },
      [`GET ${BASE}/consents`]: {
        status: 404,
        body: { statusCode: 404, code: 'NOT_FOUND', message: 'client not found' },
      },
    });
    renderPage();
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Cliënt niet gevonden of geen toegang',
      }),
    ).toBeInTheDocument();
  });

  it('links to the consents from the client file', async () => {
    net = mockFetch({ 'POST /api/v1/auth/refresh': signedInAs(sanne) });
    renderPage(`/clients/${CLIENT}`);
    expect(await screen.findByRole('link', { name: 'Toestemmingen' })).toHaveAttribute(
      'href',
      `/clients/${CLIENT}/consents`,
    );
  });
});

describe('consent texts', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expect(translationKeys(consentEn)).toEqual(translationKeys(consentNl));
    expect(emptyTranslations(consentNl)).toEqual([]);
    expect(emptyTranslations(consentEn)).toEqual([]);
  });
});
