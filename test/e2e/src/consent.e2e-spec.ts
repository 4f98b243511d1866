import fs from 'node:fs';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ARTIFACTS, CHROMIUM } from './paths';
import { startTandem, type TandemServer } from './tandem-server';

// Consent and the access log end to end: the key worker records a consent on a signed form, the
// klantmanager then reads the work-capabilities note, loses it again when the consent is revoked,
// and the data-protection officer sees those reads in the access log.

const PASSWORD = 'Tandem-demo-2026';
const KEY_WORKER = 'sanne.jansen@ggz-rivierenland.example';
const KLANTMANAGER = 'fatima.elamrani@gemeente-rivierstad.example';
const DPO = 'henk.dijkstra@ggz-rivierenland.example';
const WORK_NOTE = 'Arbeidsmogelijkheden en -beperkingen';
const AXE = require.resolve('axe-core/axe.min.js');
/** A tiny but real PDF: the API checks the %PDF- signature. */
const SIGNED_FORM = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run(),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe('Consent and the access log in Chromium', () => {
  let server: TandemServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let moniqueUrl = '';

  /** A fresh browser context (own cookies), signed in; axe needs the CSP bypass. */
  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext({
      locale: 'nl-NL',
      viewport: { width: 1280, height: 900 },
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

  async function shot(page: Page, name: string, fullPage = true) {
    await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage });
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

  let sanne: Page;
  let fatima: Page;

  it('shows the klantmanager no work-capabilities note without consent', async () => {
    sanne = await signIn(KEY_WORKER);
    await sanne.getByRole('searchbox', { name: 'Zoek op naam' }).fill('Monique');
    await sanne.waitForURL(/q=Monique/);
    await sanne.getByRole('link', { name: 'van Dam, Monique' }).click();
    await sanne.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    moniqueUrl = sanne.url();

    fatima = await signIn(KLANTMANAGER);
    await fatima.goto(moniqueUrl);
    await fatima.getByRole('heading', { level: 1, name: 'Monique van Dam' }).waitFor();
    await fatima.getByRole('region', { name: 'Participatie / re-integratie' }).waitFor();
    await fatima.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
    expect(await fatima.getByRole('heading', { name: WORK_NOTE }).count()).toBe(0);
  });

  it('lets the key worker record a consent for the municipality with the signed form', async () => {
    await sanne.getByRole('link', { name: 'Toestemmingen' }).click();
    await sanne.waitForURL(/\/consents$/);
    await sanne
      .getByRole('heading', { level: 1, name: 'Toestemmingen van Monique van Dam' })
      .waitFor();
    // The seeded request of the klantmanager waits for Monique.
    await sanne
      .getByRole('region', { name: /Wacht op de cliënt/ })
      .getByRole('article')
      .first()
      .waitFor();
    expect(await seriousA11yViolations(sanne)).toEqual([]);
    await shot(sanne, 'consents.png');

    await sanne.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    const form = sanne.getByRole('form', { name: 'Toestemming vastleggen' });
    // Every demo partner has a sharing agreement; "no agreement" is covered by the component tests.
    await form.getByLabel('Ontvanger').selectOption({ label: 'Gemeente Rivierstad' });
    const workCapacity = form.getByRole('checkbox', {
      name: 'Arbeidsmogelijkheden en -beperkingen (samenvatting)',
    });
    await workCapacity.check();
    await form.getByLabel('Doel', { exact: true }).selectOption({
      label: 'IPS-traject (begeleiding naar werk)',
    });
    await form.getByLabel('Getekend formulier').setInputFiles({
      name: 'toestemming-monique.pdf',
      mimeType: 'application/pdf',
      buffer: SIGNED_FORM,
    });
    await form.getByText(/toestemming-monique\.pdf .* is gelezen/).waitFor();
    await form.getByRole('region', { name: 'Deze tekst leest de cliënt' }).waitFor();

    // Intake: the form warns and wants an explicit confirmation.
    await form.getByRole('radio', { name: 'Bij de intake' }).check();
    await form.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await form.getByText(/Vink dit aan als de cliënt vrij kon kiezen/).waitFor();
    expect(await seriousA11yViolations(sanne)).toEqual([]);
    await shot(sanne, 'consent-record-form.png');
    await form.getByRole('radio', { name: 'Bij een gewoon contact' }).check();

    await form.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await sanne.getByText('De toestemming voor Gemeente Rivierstad is vastgelegd.').waitFor();
    const active = sanne.getByRole('region', { name: /^Actief/ });
    const card = active.getByRole('article', {
      name: 'Gemeente Rivierstad: IPS-traject (begeleiding naar werk)',
    });
    await card.waitFor();
    expect(await card.textContent()).toContain('Op een getekend formulier, bij een gewoon contact');
    expect(await card.textContent()).toContain('Sanne Jansen');
    await card.getByText(/Geschiedenis/).click();
    await card.getByText(/Gegeven\s+door Sanne Jansen/).waitFor();
    expect(await seriousA11yViolations(sanne)).toEqual([]);
    await shot(sanne, 'consent-recorded.png');

    await sanne.setViewportSize({ width: 360, height: 780 });
    expect(await horizontalOverflow(sanne)).toBeLessThanOrEqual(0);
    await shot(sanne, 'consents-phone.png');
    await sanne.setViewportSize({ width: 1280, height: 900 });
  });

  it('then shows the klantmanager the work-capabilities note', async () => {
    await fatima.reload();
    const section = fatima.getByRole('region', { name: 'Arbeidsmogelijkheden' });
    await section.getByRole('heading', { name: WORK_NOTE }).waitFor();
    expect(await fatima.getByRole('region', { name: 'Behandeling (Zvw)' }).count()).toBe(0);
    await shot(fatima, 'consent-klantmanager-sees.png');
  });

  it('stops showing it once the key worker revokes the consent', async () => {
    const card = sanne
      .getByRole('region', { name: /^Actief/ })
      .getByRole('article', { name: /Gemeente Rivierstad/ });
    await card.getByRole('button', { name: /^Intrekken/ }).click();
    const confirm = card.getByRole('form', { name: 'Toestemming intrekken' });
    await confirm.getByLabel(/Reden/).fill('De cliënt wil het eerst zelf vertellen (browsertest)');
    expect(await seriousA11yViolations(sanne)).toEqual([]);
    await shot(sanne, 'consent-revoke.png', false);
    await confirm.getByRole('button', { name: 'Ja, intrekken' }).click();
    await sanne.getByText('De toestemming voor Gemeente Rivierstad is ingetrokken.').waitFor();
    const ended = sanne.getByRole('region', { name: /Afgelopen/ });
    const revoked = ended.getByRole('article', { name: /Gemeente Rivierstad/ });
    await revoked.getByText('Reden: De cliënt wil het eerst zelf vertellen (browsertest)').waitFor({
      state: 'attached',
    });

    await fatima.reload();
    await fatima.getByRole('region', { name: 'Participatie / re-integratie' }).waitFor();
    await fatima.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
    expect(await fatima.getByRole('heading', { name: WORK_NOTE }).count()).toBe(0);
    expect(await fatima.getByRole('region', { name: 'Arbeidsmogelijkheden' }).count()).toBe(0);
  });

  it('shows the data-protection officer those reads in the access log', async () => {
    const henk = await signIn(DPO);
    await henk.waitForURL('**/access-log');
    await henk.getByRole('heading', { level: 1, name: 'Toegangslog' }).waitFor();
    const clientId = new URL(moniqueUrl).pathname.split('/').pop() ?? '';
    const filters = henk.getByRole('search', { name: 'Filters voor het toegangslog' });
    await filters.getByLabel('Cliënt-ID').fill(clientId);
    await filters.getByRole('button', { name: 'Filters toepassen' }).click();
    await henk.waitForURL(new RegExp(`clientId=${clientId}`));

    const table = henk.getByRole('table', { name: /Toegangslog/ });
    const consentReads = table
      .getByRole('row')
      .filter({ hasText: 'Fatima El Amrani' })
      .filter({ hasText: 'Bekeken: notitie' })
      .filter({ hasText: 'Toestemming van de cliënt' });
    await consentReads.first().waitFor();
    expect(await consentReads.count()).toBeGreaterThan(0);
    const recorded = table
      .getByRole('row')
      .filter({ hasText: 'Sanne Jansen' })
      .filter({ hasText: 'Aangemaakt: toestemming' });
    expect(await recorded.count()).toBeGreaterThan(0);

    // Only the klantmanager's entries, by clicking her name.
    const filtered = henk.waitForResponse(
      (response) =>
        response.url().includes('/api/v1/access-log?') && response.url().includes('userId='),
    );
    await consentReads
      .first()
      .getByRole('link', { name: /Fatima El Amrani/ })
      .click();
    await henk.waitForURL(/userId=/);
    await filtered;
    await henk.locator('table:not(.is-stale)').waitFor();
    const names = await table.locator('tbody tr td:nth-child(2) a').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => name.startsWith('Fatima El Amrani'))).toBe(true);

    await henk.getByRole('button', { name: /Keten controleren/ }).click();
    await henk.getByText('Het log is in orde').waitFor();

    const download = henk.waitForEvent('download');
    await henk.getByRole('button', { name: /Exporteren als CSV/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^tandem-toegangslog-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await file.path()) ?? '', 'utf8');
    expect(csv.split('\n')[0]).toContain('userName');
    expect(csv).toContain('Fatima El Amrani');
    await henk.getByText(/De export is klaar/).waitFor();

    expect(await seriousA11yViolations(henk)).toEqual([]);
    await shot(henk, 'access-log.png');
    await henk.setViewportSize({ width: 360, height: 780 });
    expect(await horizontalOverflow(henk)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(henk)).toEqual([]);
    await shot(henk, 'access-log-phone.png', false);

    // The refresh on load answers 401 without a session: expected, not an app error.
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  });
});
