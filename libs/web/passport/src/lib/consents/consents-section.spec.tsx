import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Consent } from '@tandem/web-consent';
import { mockFetch, type FetchMock } from '@tandem/web-testing';
import { emptyTranslations, translationKeys } from '@tandem/web-ui';
import { passportAccessEn, passportAccessNl } from '../access/i18n';
import { passportDataEn, passportDataNl } from '../data/i18n';
import { renderDataSection } from '../data/test-render';
import { signedIn } from '../passport-test-utils';
import { ConsentsSection } from './consents-section';
import { passportConsentsEn, passportConsentsNl } from './i18n';
import { SharedDocumentsPanel } from './shared-documents-panel';

const consent = (over: Partial<Consent>): Consent => ({
  id: 'k1',
  clientId: 'c-monique',
  recipientType: 'ORGANISATION',
  recipientOrganisationId: 'o-gem',
  recipientOrganisationName: 'Gemeente Rivierstad',
  recipientRole: null,
  recipientUserId: null,
  recipientUserName: null,
  purpose: 'IPS_TRAJECT',
  categories: ['WORK_CAPACITY_SUMMARY'],
  status: 'REQUESTED',
  textShown: 'Ik geef Gemeente Rivierstad toestemming om de samenvatting te gebruiken.',
  method: null,
  situation: 'REGULAR',
  hasSignedForm: false,
  validFrom: '2026-12-01',
  validUntil: '2027-11-30',
  recordedByName: null,
  recordedAt: null,
  revokedAt: null,
  agreementName: null,
  warnings: [],
  history: [],
  ...over,
});

const base = {
  'POST /api/v1/auth/refresh': signedIn(),
  'GET /api/v1/me/documents': { body: [] },
  'GET /api/v1/me/documents/recipients': {
    body: [
      {
        userId: 'u-fatima',
        displayName: 'Fatima El Amrani',
        kind: 'KLANTMANAGER',
        organisationId: 'o-gem',
        organisationName: 'Gemeente Rivierstad',
      },
    ],
  },
};

describe('My consents (passport)', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  it('has every text in Dutch and English', () => {
    for (const [nl, en] of [
      [passportConsentsNl, passportConsentsEn],
      [passportAccessNl, passportAccessEn],
      [passportDataNl, passportDataEn],
    ] as const) {
      expect(translationKeys(en)).toEqual(translationKeys(nl));
      expect(emptyTranslations(nl)).toEqual([]);
      expect(emptyTranslations(en)).toEqual([]);
    }
  });

  it('accepts a request, then shows it as given with a one-tap revoke', async () => {
    net = mockFetch({
      ...base,
      'GET /api/v1/me/consents': [
        { body: [consent({})] },
        { body: [consent({ status: 'GIVEN', method: 'PASSPORT_CONFIRMATION' })] },
      ],
      'POST /api/v1/me/consents/k1/accept': { body: consent({ status: 'GIVEN' }) },
    });
    renderDataSection(<ConsentsSection />);
    const user = userEvent.setup();
    const request = (await screen.findByRole('heading', { name: /vraagt of dit mag/ })).closest(
      'li',
    ) as HTMLElement;
    expect(within(request).getByText(/wat je kunt in werk/)).toBeVisible();
    await user.click(within(request).getByRole('button', { name: 'Ja, dat mag' }));
    expect(
      await screen.findByText('Je hebt toestemming gegeven aan Gemeente Rivierstad.'),
    ).toBeVisible();
    expect(
      screen.getByRole('button', { name: 'Toestemming voor Gemeente Rivierstad intrekken' }),
    ).toBeVisible();
    expect(net.callsTo('POST /api/v1/me/consents/k1/accept')).toHaveLength(1);
  });

  it('revokes with one action and says the organisation no longer sees the data', async () => {
    net = mockFetch({
      ...base,
      'GET /api/v1/me/consents': [
        { body: [consent({ status: 'GIVEN' })] },
        { body: [consent({ status: 'REVOKED', revokedAt: '2026-12-01T10:00:00Z' })] },
      ],
      'POST /api/v1/me/consents/k1/revoke': { body: consent({ status: 'REVOKED' }) },
    });
    renderDataSection(<ConsentsSection />);
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', {
        name: 'Toestemming voor Gemeente Rivierstad intrekken',
      }),
    );
    expect(
      await screen.findByText(/Gemeente Rivierstad ziet deze gegevens nu niet meer/),
    ).toBeVisible();
    expect(screen.getByText('Eerdere toestemmingen (1)')).toBeVisible();
    expect(screen.queryByRole('button', { name: /intrekken/ })).toBeNull();
  });

  it('names the missing fields when sharing a document and sends nothing', async () => {
    net = mockFetch({ ...base, 'GET /api/v1/me/consents': { body: [] } });
    renderDataSection(<ConsentsSection />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delen' }));
    expect(screen.getByLabelText('Wat is het?')).toHaveAccessibleDescription(/Vul dit in/);
    expect(screen.getByLabelText('Wat is het?')).toHaveFocus();
    expect(screen.getByLabelText('Met wie deel je het?')).toHaveAccessibleDescription(/Vul dit in/);
    expect(net.callsTo('POST /api/v1/me/documents')).toHaveLength(0);
  });

  it('tells what to do when the consents cannot be loaded', async () => {
    net = mockFetch({ ...base, 'GET /api/v1/me/consents': { status: 500, body: {} } });
    renderDataSection(<ConsentsSection />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/Probeer het opnieuw/);
  });
});

describe('Documents the client shares, in the professional’s client file', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  it('lists what the client shared with me, and nothing at all when there is none', async () => {
    const doc = {
      id: 'd1',
      clientId: 'c-monique',
      title: 'Brief van mijn huisarts',
      fileName: 'brief.pdf',
      mime: 'application/pdf',
      sizeBytes: 10,
      recipientUserId: 'u-fatima',
      recipientName: 'Fatima El Amrani',
      recipientOrganisationName: 'Gemeente Rivierstad',
      purpose: 'UITKERING',
      message: 'Voor de vrijstelling.',
      validFrom: '2026-12-01',
      validUntil: '2027-03-01',
      sharedAt: '2026-12-01T10:00:00Z',
      revokedAt: null,
      status: 'ACTIVE',
    };
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn(),
      'GET /api/v1/clients/c-monique/shared-documents': [{ body: [doc] }, { body: [] }],
    });
    const first = renderDataSection(<SharedDocumentsPanel clientId="c-monique" />);
    expect(
      await screen.findByRole('heading', { name: 'Documenten die de cliënt met jou deelt' }),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Brief van mijn huisarts openen' })).toBeVisible();
    expect(screen.getByText(/voor zaken rond je uitkering, tot en met/)).toBeVisible();
    first.unmount();
    renderDataSection(<SharedDocumentsPanel clientId="c-monique" />);
    await waitFor(() =>
      expect(net.callsTo('GET /api/v1/clients/c-monique/shared-documents')).toHaveLength(2),
    );
    expect(screen.queryByRole('heading', { name: /deelt/ })).toBeNull();
  });
});
