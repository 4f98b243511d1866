import fs from 'node:fs';
import type { Page } from 'playwright-core';
import {
  PHONE,
  apiRequest,
  apiToken,
  checkPage,
  signedInStaffPage,
  useTandemInChromium,
  waitForIn,
} from './browser';

// The IPS screens end to end at phone size (390×844): the IPS specialist logs an employer contact
// and Monique's work-experience placement at the gym, the regiebehandelaar reviews her work goal
// and sees it leave the due list, the dashboard shows the team's figures as the API computes them,
// and the funding report counts her motivational conversations under the Zvw and her job coaching
// under the municipality.

const IPS = 'daan.mulder@ggz-rivierenland.example';
const REGIE = 'anna.devries@ggz-rivierenland.example';
const GYM = 'Sportschool De Kracht';
const WORK_GOAL = 'Werkervaringsplaats receptie 16 uur per week volhouden';
const JOB_TITLE = 'Receptiemedewerker ochtend (browsertest)';

describe('IPS screens in Chromium at phone size', () => {
  const tandem = useTandemInChromium();
  const errors: string[] = [];
  let moniqueId = '';

  const signIn = (email: string) =>
    signedInStaffPage(tandem, email, errors, {
      // isMobile is left out on purpose: it widens the layout to fit the content, which would hide
      // the horizontal overflow this test looks for.
      viewport: PHONE,
      hasTouch: true,
      acceptDownloads: true,
    });

  /** The API's own answer, with a token of the same user, to compare the screens with. */
  async function apiGet<T>(email: string, route: string): Promise<T> {
    const token = await apiToken(tandem.server.url, email);
    const response = await apiRequest(tandem.server.url, token, 'GET', route);
    expect(response.status).toBe(200);
    return response.body as T;
  }

  let daan: Page;

  it('lets the IPS specialist log an employer contact for Monique at the gym', async () => {
    daan = await signIn(IPS);
    await daan
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Snel invoeren' })
      .click();
    await daan.getByRole('heading', { level: 1, name: 'Snel invoeren (IPS)' }).waitFor();
    const clientSelect = daan.getByLabel('Cliënt', { exact: true });
    await clientSelect.selectOption({ label: 'van Dam, Monique' });
    await daan.waitForURL(/client=/);
    moniqueId = new URL(daan.url()).searchParams.get('client') ?? '';
    expect(moniqueId).toMatch(/^[0-9a-f-]{36}$/);

    const form = daan.getByRole('form', { name: 'Werkgeverscontact vastleggen' });
    await form.getByText('Voor cliënt: Monique van Dam').waitFor();
    await form.getByRole('searchbox', { name: 'Zoek werkgever' }).fill('Sportschool');
    await form.getByRole('button', { name: new RegExp(GYM) }).click();
    await form.getByText(`Gekozen: ${GYM}`).waitFor();
    // The date defaults to today; face-to-face is the default kind.
    expect(await form.getByLabel('Datum').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await form.getByRole('radio', { name: 'Bezoek (face-to-face)' }).isChecked()).toBe(true);
    await form.getByLabel('Uitkomst').selectOption({ label: 'Plaatsing afgesproken' });
    await checkPage(daan, 'ips-quick-contact-phone.png');
    await form.getByRole('button', { name: 'Contact opslaan' }).click();
    await daan.getByText(new RegExp(`Contact met ${GYM} op .* is opgeslagen`)).waitFor();

    // Stored: after a reload it is the newest of Daan's contacts.
    await daan.reload();
    const recent = daan.getByRole('region', { name: 'Jouw laatste contacten' });
    const first = recent.getByRole('listitem').first();
    await first.waitFor();
    expect(await first.textContent()).toContain(GYM);
    expect(await first.textContent()).toContain('Plaatsing afgesproken');
    expect(await first.textContent()).toContain('Monique van Dam');
  });

  it('lets the IPS specialist log Monique’s work-experience placement at the gym', async () => {
    await daan.getByRole('button', { name: 'Plaatsing' }).click();
    const form = daan.getByRole('form', { name: 'Plaatsing vastleggen' });
    await form.getByRole('searchbox', { name: 'Zoek werkgever' }).fill('Sportschool');
    await form.getByRole('button', { name: new RegExp(GYM) }).click();
    await form.getByLabel('Functie').fill(JOB_TITLE);
    await form.getByLabel('Soort plaatsing').selectOption({ label: 'Werkervaringsplaats' });
    await form.getByLabel('Uren per week').fill('16');
    await form.getByText('Meer velden (loon, contract, ondersteuning)').click();
    await form.getByRole('checkbox', { name: 'Vrijstelling sollicitatieplicht' }).check();
    await checkPage(daan, 'ips-quick-placement-phone.png');
    await form.getByRole('button', { name: 'Plaatsing opslaan' }).click();
    await daan.getByText(`Plaatsing ${JOB_TITLE} bij ${GYM} is opgeslagen.`).waitFor();

    // Stored: Monique's client page shows it after a fresh load.
    await daan.goto(new URL(`/clients/${moniqueId}`, tandem.server.url).toString());
    const section = daan.getByRole('region', { name: 'Werk (IPS)' });
    const placement = section.getByRole('article', { name: `${JOB_TITLE}, ${GYM}` });
    await placement.waitFor();
    expect(await placement.textContent()).toContain('Werkervaringsplaats');
    expect(await placement.textContent()).toContain('Vrijstelling sollicitatieplicht');
    expect(await placement.textContent()).toContain('16 uur per week');
    await section.getByText('Coaching en ondersteuning').first().waitFor();
    await checkPage(daan, 'ips-client-section-phone.png');
  });

  it('shows the funding classification of an activity with its source, and overrides it with a reason', async () => {
    await daan.goto(
      new URL(`/ips/quick?client=${moniqueId}&form=activity`, tandem.server.url).toString(),
    );
    const form = daan.getByRole('form', { name: 'Activiteit vastleggen' });
    await form
      .getByLabel('Activiteit')
      .selectOption({ label: 'Jobcoaching (begeleiding op het werk)' });
    await form.getByLabel('Duur (minuten)').fill('60');
    await form.getByRole('button', { name: 'Activiteit opslaan' }).click();
    const card = daan.getByRole('region', { name: /Wie betaalt: Jobcoaching/ });
    await card.waitFor();
    expect(await card.textContent()).toContain('Gemeente (Participatiewet)');
    expect(await card.textContent()).toMatch(/\d{3}:L\d+/);

    await card.getByRole('button', { name: 'Financier aanpassen' }).click();
    const override = card.getByRole('form', { name: 'Financier aanpassen' });
    await override.getByLabel('Nieuwe financier').selectOption({ label: 'UWV' });
    await override.getByRole('button', { name: 'Aanpassing opslaan' }).click();
    await override.getByText('Schrijf in minstens 10 tekens').waitFor();
    await override
      .getByLabel('Reden')
      .fill('UWV betaalt deze coaching volgens afspraak (browsertest)');
    await checkPage(daan, 'ips-activity-override-phone.png');
    await override.getByRole('button', { name: 'Aanpassing opslaan' }).click();
    await card.getByText('De financier is aangepast.').waitFor();
    expect(await card.textContent()).toContain('UWV');
  });

  it('lets the regiebehandelaar review Monique’s work goal, which then leaves the due list', async () => {
    const anna = await signIn(REGIE);
    await anna.goto(new URL('/ips/work-goals', tandem.server.url).toString());
    await anna.getByRole('heading', { level: 1, name: 'Werkdoelen te evalueren' }).waitFor();
    const due = anna.getByRole('article', { name: `Monique van Dam: ${WORK_GOAL}` });
    await due.waitFor();
    await checkPage(anna, 'ips-due-phone.png');

    await due.getByRole('link', { name: /Evalueren in het dossier/ }).click();
    await anna.waitForURL(new RegExp(`/clients/${moniqueId}`));
    const goal = anna
      .getByRole('region', { name: 'Werk (IPS)' })
      .getByRole('article', { name: WORK_GOAL });
    await goal.getByRole('button', { name: 'Werkdoel evalueren' }).click();
    const review = goal.getByRole('form', { name: 'Werkdoel evalueren' });
    await review.getByLabel('Beoordeling').selectOption({ label: 'Loopt goed' });
    await review.getByLabel(/Toelichting/).fill('Gaat goed op de werkplek (browsertest).');
    await checkPage(anna, 'ips-review-phone.png');
    await review.getByRole('button', { name: 'Evaluatie opslaan' }).click();
    await goal.getByText('De evaluatie is opgeslagen.').waitFor();
    // After saving, the goal is loaded again with the new review next to the demo's earlier one
    // (this waited for "(1)", the count before saving, and so failed when the reload was quick).
    await waitForIn(
      goal.getByText(/Evaluaties \(2\)/),
      anna.getByRole('region', { name: 'Werk (IPS)' }),
    );
    await goal.getByText(/Evaluaties \(2\)/).click();
    await goal.getByText(/Loopt goed — Gaat goed op de werkplek \(browsertest\)\./).waitFor();

    await anna.goto(new URL('/ips/work-goals', tandem.server.url).toString());
    await anna.getByRole('heading', { level: 2, name: /werkdoel/ }).waitFor();
    expect(await anna.getByRole('article', { name: `Monique van Dam: ${WORK_GOAL}` }).count()).toBe(
      0,
    );

    // The funding report, for the same regiebehandelaar (care staff of the team).
    await anna.goto(new URL('/ips/funding?funder=ZVW', tandem.server.url).toString());
    await anna.getByRole('heading', { level: 1, name: 'Financieringsoverzicht' }).waitFor();
    await anna.getByText(/Geen dubbeltelling/).waitFor();
    const zvwLines = anna
      .getByRole('table', { name: 'Activiteiten' })
      .getByRole('row')
      .filter({ hasText: 'van Dam' })
      .filter({ hasText: 'Motiverend gesprek over werk' });
    expect(await zvwLines.count()).toBeGreaterThan(0);
    expect(
      await anna
        .getByRole('table', { name: 'Activiteiten' })
        .getByRole('row')
        .filter({ hasText: 'Jobcoaching' })
        .count(),
    ).toBe(0);
    await checkPage(anna, 'ips-funding-zvw-phone.png');

    await anna
      .getByLabel('Financier', { exact: true })
      .selectOption({ label: 'Gemeente (Participatiewet)' });
    await anna.getByRole('button', { name: 'Toon' }).click();
    await anna.waitForURL(/funder=GEMEENTE_PARTICIPATIEWET/);
    const coaching = anna
      .getByRole('table', { name: 'Activiteiten' })
      .getByRole('row')
      .filter({ hasText: 'van Dam' })
      .filter({ hasText: 'Jobcoaching' });
    await coaching.first().waitFor();
    expect(
      await anna
        .getByRole('table', { name: 'Activiteiten' })
        .getByRole('row')
        .filter({ hasText: 'Motiverend gesprek over werk' })
        .filter({ hasText: 'Zvw' })
        .count(),
    ).toBe(0);

    const download = anna.waitForEvent('download');
    await anna.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^tandem-financiering-.*\.csv$/);
    const csv = fs.readFileSync((await file.path()) ?? '', 'utf8');
    expect(csv).toContain('JOB_COACHING');
  });

  it('shows the demo team’s dashboard figures as the API computes them', async () => {
    await daan.goto(new URL('/ips/dashboard', tandem.server.url).toString());
    await daan.getByRole('heading', { level: 1, name: 'IPS-dashboard' }).waitFor();
    const api = await apiGet<{
      teamName: string;
      team: { activeCaseload: number; jobStarts: number; employerContacts: number };
      fidelity: { total: number; maxTotal: number };
      series: { weeks: { employerContacts: number }[] };
    }>(IPS, '/ips/dashboard');
    const team = daan.getByRole('region', { name: `Team ${api.teamName}` });
    await team.waitFor();
    const value = async (label: string) =>
      (
        await team
          .getByRole('row', { name: new RegExp(`^${label}`) })
          .getByRole('cell')
          .first()
          .textContent()
      )?.trim();
    expect(await value('Actieve caseload')).toBe(String(api.team.activeCaseload));
    expect(await value('Gestarte banen')).toBe(String(api.team.jobStarts));
    expect(api.team.activeCaseload).toBeGreaterThan(0);
    await daan
      .getByText(`Totaal: ${api.fidelity.total} van ${api.fidelity.maxTotal}`, { exact: false })
      .waitFor();
    // Each chart is an image named by its caption with the norm, and has a table alternative.
    await daan
      .getByRole('img', { name: /Norm: minstens 6 per trajectbegeleider per week/ })
      .waitFor();
    await daan.getByRole('img', { name: /Norm: hoogstens 20/ }).waitFor();
    await daan.getByRole('img', { name: /Norm: hoogstens 30 dagen/ }).waitFor();
    const weeks = daan.getByRole('figure', { name: 'Werkgeverscontacten per week' });
    await weeks.getByText('Als tabel').click();
    const weekRows = weeks.getByRole('table').locator('tbody tr');
    expect(await weekRows.count()).toBe(api.series.weeks.length);
    await daan.getByRole('heading', { name: 'Zelfbeoordelingen' }).waitFor();
    await checkPage(daan, 'ips-dashboard-phone.png');
  });

  it('logged no errors in the browser', () => {
    // 401: the sign-in page asks for a session with the refresh cookie before anyone signed in.
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  });
});
