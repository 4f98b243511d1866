import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, type FetchMock } from '@tandem/web-testing';
import { renderDataSection } from '../data/test-render';
import { monique, signedIn } from '../passport-test-utils';
import { AccessSection } from './access-section';

const entry = (over: Record<string, unknown>) => ({
  id: '1',
  at: '2026-12-01T09:30:00.000Z',
  userId: 'u-fatima',
  userName: 'Fatima El Amrani',
  userRole: 'KLANTMANAGER',
  organisationName: 'Gemeente Rivierstad',
  clientId: 'c-monique',
  clientName: 'Monique van Dam',
  clientIds: [],
  objectType: 'Note',
  objectId: null,
  action: 'READ',
  outcome: 'ALLOWED',
  basis: 'CONSENT',
  consentIds: ['k1'],
  emergency: false,
  channel: 'HTTP',
  route: null,
  ip: null,
  userAgent: null,
  sessionId: null,
  ...over,
});

describe('Who looked at my data (passport)', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  it('says who, from where, what and why; marks emergency access; calls her own visits “Jij”', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn(),
      'GET /api/v1/me/access-log': {
        body: {
          items: [
            entry({}),
            entry({
              id: '2',
              userId: 'u-karin',
              userName: 'Karin Bos',
              organisationName: 'GGZ Rivierenland',
              action: 'EMERGENCY_ACCESS',
              objectType: 'Client',
              basis: 'EMERGENCY',
              emergency: true,
            }),
            entry({
              id: '3',
              userId: monique.userId,
              userName: 'Monique van Dam',
              basis: 'OWN_DATA',
            }),
          ],
          total: 3,
          page: 1,
          pageSize: 20,
        },
      },
    });
    renderDataSection(<AccessSection />);
    const fatima = (await screen.findByText('Fatima El Amrani bekeek aantekeningen')).closest(
      'li',
    ) as HTMLElement;
    expect(within(fatima).getByText('Gemeente Rivierstad')).toBeVisible();
    expect(within(fatima).getByText('jij gaf toestemming')).toBeVisible();
    const karin = screen
      .getByText(/Karin Bos opende met noodtoegang je gegevens/)
      .closest('li') as HTMLElement;
    expect(within(karin).getAllByText('Noodtoegang').length).toBeGreaterThan(0);
    expect(within(karin).getByText(/achteraf gecontroleerd/)).toBeVisible();
    expect(screen.getByText('Jij bekeek aantekeningen')).toBeVisible();
  });

  it('filters on emergency access only', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn(),
      'GET /api/v1/me/access-log': { body: { items: [], total: 0, page: 1, pageSize: 20 } },
    });
    renderDataSection(<AccessSection />);
    const user = userEvent.setup();
    expect(await screen.findByText('Er staat nog niets in.')).toBeVisible();
    await user.click(screen.getByLabelText('Alleen noodtoegang laten zien'));
    await screen.findByText('Er staat nog niets in.');
    const calls = net.callsTo('GET /api/v1/me/access-log');
    expect(calls[calls.length - 1].query.get('emergency')).toBe('true');
  });
});
