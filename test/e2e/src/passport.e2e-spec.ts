import type { Page } from 'playwright-core';
import { DEMO_TEAMS, MONIQUE_WORK_GOAL, demoClients, demoUser } from '@tandem/demo-data';
import {
  PHONE,
  apiRequest,
  apiToken,
  checkPage as checkAnyPage,
  collectErrors,
  spinnersGone,
  submitSignIn,
  useTandemInChromium,
} from './browser';

// The participation passport, core sections, as Monique uses it on her phone: she signs in through
// the client sign-in, sees her team, her work goal with the regiebehandelaar's review, her
// placement and IPS phase, sets what an employer may be told, and sees her next three-way meeting.
// Every page is checked with axe (no violations at all) and for sideways scrolling at 390 px.

const monique = demoClients().find((c) => c.key === 'monique')!;

describe('The participation passport on a phone (Chromium)', () => {
  const tandem = useTandemInChromium();
  let page: Page;
  const errors: string[] = [];

  /** A staff member's API call, as the product's own client would make it. */
  async function api(key: string, method: string, route: string, body?: unknown) {
    const token = await apiToken(tandem.server.url, demoUser(key).email);
    return apiRequest(tandem.server.url, token, method, route, body);
  }

  async function checkPage(name: string) {
    await spinnersGone(page);
    await checkAnyPage(page, `passport-${name}.png`);
  }

  async function open(section: string, heading: string) {
    await page
      .getByRole('navigation', { name: /^(Mijn paspoort|My passport)$/ })
      .getByRole('link', { name: section })
      .click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  beforeAll(async () => {
    const context = await tandem.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    page = await context.newPage();
    // Expected failed requests: the session check before signing in (401) and the staff account
    // tried at the client sign-in on purpose (403). Anything else is a bug.
    collectErrors(page, {
      into: errors,
      ignore: /Failed to load resource: the server responded with a status of (401|403)/,
    });

    // The regiebehandelaar reviews Monique's work goal; the key worker plans a three-way meeting.
    const goal = await api(
      'regie',
      'GET',
      `/clients/${monique.id}/ips/work-goals/${MONIQUE_WORK_GOAL}`,
    );
    const review = await api(
      'regie',
      'POST',
      `/clients/${monique.id}/ips/work-goals/${MONIQUE_WORK_GOAL}/reviews`,
      {
        version: (goal.body as { version: number }).version,
        reviewedOn: new Date().toISOString().slice(0, 10),
        assessment: 'ON_TRACK',
        comment: 'De ochtenden gaan goed. Houd 16 uur per week aan.',
      },
    );
    expect(review.status).toBe(201);
    const meeting = await api('keyworker', 'POST', '/conferences', {
      teamId: DEMO_TEAMS.noord.id,
      kind: 'THREE_WAY_MEETING',
      title: 'Driegesprek over werk',
      startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      durationMinutes: 45,
      location: 'Gemeentehuis Rivierstad',
      attendeeIds: [demoUser('monique').id, demoUser('klantmanager').id],
      items: [{ clientId: monique.id }],
    });
    expect(meeting.status).toBe(201);
  }, 180_000);

  it('sends Monique to the client sign-in and signs her in', async () => {
    await page.goto(`${tandem.server.url}passport`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen op je paspoort' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/passport/sign-in');
    await checkPage('sign-in');
    // A staff account is told to use the staff sign-in.
    await submitSignIn(page, demoUser('keyworker').email);
    await page.getByText('Dit is de inlogpagina voor cliënten').waitFor();

    await submitSignIn(page, demoUser('monique').email);
    await page.waitForURL((url) => url.pathname === '/passport/team');
  });

  it('My team: her people, what they do, and where to go when she disagrees', async () => {
    await page.getByRole('heading', { level: 1, name: 'Mijn team' }).waitFor();
    const own = page.getByRole('region', { name: 'Jouw vaste mensen' });
    await own.getByRole('heading', { name: 'Anna de Vries' }).waitFor();
    for (const name of ['Sanne Jansen', 'Daan Mulder', 'Fatima El Amrani']) {
      expect(await own.getByRole('heading', { name }).count()).toBe(1);
    }
    expect(await own.textContent()).toContain('Klantmanager van de gemeente');
    expect(await page.getByRole('heading', { name: 'Peter de Groot' }).count()).toBe(0);
    await page.getByRole('region', { name: 'Ben je het ergens niet mee eens?' }).waitFor();
    await checkPage('team');
  });

  it('My goals: her work goal with the regiebehandelaar’s review; she responds', async () => {
    await open('Mijn doelen', 'Mijn doelen');
    const card = page
      .getByRole('article')
      .filter({ hasText: 'Werkervaringsplaats receptie 16 uur per week volhouden' });
    // Two reviews by Anna: the one from the demo (6 October) and today's.
    const reviews = card.getByText('Gaat goed, besproken door Anna de Vries');
    await reviews.nth(1).waitFor();
    expect(await reviews.count()).toBe(2);
    await card.getByText('De ochtenden gaan goed. Houd 16 uur per week aan.').waitFor();
    await checkPage('goals');
    await card.getByLabel('Jouw reactie op dit doel').fill('Fijn, ik houd de ochtenden aan.');
    await card.getByRole('button', { name: 'Reactie plaatsen' }).click();
    await card.getByText('Fijn, ik houd de ochtenden aan.', { exact: false }).waitFor();
    // Her IPS specialist reads it.
    const seen = await api(
      'ips',
      'GET',
      `/clients/${monique.id}/ips/work-goals/${MONIQUE_WORK_GOAL}`,
    );
    expect((seen.body as { comments: { text: string }[] }).comments.map((c) => c.text)).toContain(
      'Fijn, ik houd de ochtenden aan.',
    );
  });

  it('My work: phase, placement and profile; she decides what an employer may be told', async () => {
    await open('Mijn werk', 'Mijn werk');
    await page.getByText('Begeleiding op je werk (nu)').waitFor();
    await page
      .getByRole('heading', { name: /bij Sportschool De Kracht/ })
      .first()
      .waitFor();
    await checkPage('work');
    await page.getByLabel('Mijn werkgever mag niets weten over mijn ziekte.').check();
    await page.getByRole('button', { name: 'Keuze opslaan' }).click();
    await page.getByText(/Je keuze is opgeslagen/).waitFor();
    const seen = await api('ips', 'GET', `/clients/${monique.id}/ips`);
    expect(
      (seen.body as { trajectory: { profile: { disclosure: string } } }).trajectory.profile
        .disclosure,
    ).toBe('NONE');
  });

  it('My meetings: the planned three-way meeting with who will be there', async () => {
    await open('Mijn gesprekken', 'Mijn gesprekken');
    const upcoming = page.getByRole('region', { name: 'Komende gesprekken' });
    await upcoming.getByRole('heading', { name: 'Driegesprek over werk' }).waitFor();
    expect(await upcoming.textContent()).toContain('Waar: Gemeentehuis Rivierstad');
    expect(await upcoming.textContent()).toContain('Fatima El Amrani');
    await checkPage('meetings');
  });

  it('switches to English and stays usable', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await open('My team', 'My team');
    await page.getByRole('region', { name: 'Your own people' }).waitFor();
    await checkPage('team-en');
    expect(errors).toEqual([]);
  });
});
