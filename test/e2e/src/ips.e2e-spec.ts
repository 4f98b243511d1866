import fs from 'node:fs';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ARTIFACTS, CHROMIUM } from './paths';
import { startTandem, type TandemServer } from './tandem-server';

// The IPS screens end to end at phone size (390×844): the IPS specialist logs an employer contact
// and Monique's work-experience placement at the gym, the regiebehandelaar reviews her work goal
// and sees it leave the due list, the dashboard shows the team's figures as the API computes them,
// and the funding report counts her motivational conversations under the Zvw and her job coaching
// under the municipality.

const PASSWORD = 'Tandem-demo-2026';
const IPS = 'daan.mulder@ggz-rivierenland.example';
const REGIE = 'anna.devries@ggz-rivierenland.example';
const GYM = 'Sportschool De Kracht';
const WORK_GOAL = 'Werkervaringsplaats receptie 16 uur per week volhouden';
const JOB_TITLE = 'Receptiemedewerker ochtend (browsertest)';
const AXE = require.resolve('axe-core/axe.min.js');
const PHONE = { width: 390, height: 844 };

async function a11yViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run(),
  );
  return results.violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * Whether the page scrolls sideways on a phone-sized screen (it must not); when it does, the
 * elements that stick out (outside sideways-scrolling boxes such as wide tables) are named.
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scroll = document.documentElement.scrollWidth;
    if (scroll <= width) return [];
    const culprits = Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .filter((el) => {
        for (let p = el.parentElement; p; p = p.parentElement) {
          if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return false;
        }
        return true;
      })
      .slice(-8)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} right=${Math.round(el.getBoundingClientRect().right)}`,
      );
    return [`page is ${scroll} px wide in a ${width} px viewport`, ...culprits];
  });
}

describe('IPS screens in Chromium at phone size', () => {
  let server: TandemServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let moniqueId = '';

  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext({
      locale: 'nl-NL',
      // isMobile is left out on purpose: it widens the layout to fit the content, which would hide
      // the horizontal overflow this test looks for.
      viewport: PHONE,
      hasTouch: true,
      bypassCSP: true,
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${email} console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${email} pageerror: ${error.message}`));
    await page.goto(server.url);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in' && url.pathname !== '/');
    return page;
  }

  /** The API's own answer, with a token of the same user, to compare the screens with. */
  async function apiGet<T>(email: string, url: string): Promise<T> {
    const login = await fetch(new URL('/api/v1/auth/login', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const response = await fetch(new URL(url, server.url), {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  async function shot(page: Page, name: string) {
    await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
  }

  async function checkPage(page: Page, name: string) {
    expect(await a11yViolations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);
    await shot(page, name);
  }

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTandem();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  }, 60_000);

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
    await daan.goto(new URL(`/clients/${moniqueId}`, server.url).toString());
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
    await daan.goto(new URL(`/ips/quick?client=${moniqueId}&form=activity`, server.url).toString());
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
    await anna.goto(new URL('/ips/work-goals', server.url).toString());
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
    await goal.getByText(/Evaluaties \(1\)/).waitFor();

    await anna.goto(new URL('/ips/work-goals', server.url).toString());
    await anna.getByRole('heading', { level: 2, name: /werkdoel/ }).waitFor();
    expect(await anna.getByRole('article', { name: `Monique van Dam: ${WORK_GOAL}` }).count()).toBe(
      0,
    );

    // The funding report, for the same regiebehandelaar (care staff of the team).
    await anna.goto(new URL('/ips/funding?funder=ZVW', server.url).toString());
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
    await daan.goto(new URL('/ips/dashboard', server.url).toString());
    await daan.getByRole('heading', { level: 1, name: 'IPS-dashboard' }).waitFor();
    const api = await apiGet<{
      teamName: string;
      team: { activeCaseload: number; jobStarts: number; employerContacts: number };
      fidelity: { total: number; maxTotal: number };
      series: { weeks: { employerContacts: number }[] };
    }>(IPS, '/api/v1/ips/dashboard');
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
