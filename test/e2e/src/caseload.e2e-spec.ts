import fs from 'node:fs';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ARTIFACTS, CHROMIUM } from './paths';
import { startTandem, type TandemServer } from './tandem-server';

const KEY_WORKER = { email: 'sanne.jansen@ggz-rivierenland.example', password: 'Tandem-demo-2026' };
const AXE = require.resolve('axe-core/axe.min.js');

/** Runs axe-core in the page; returns the serious and critical violations, readable. */
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

/** Console errors and page errors (CSP violations, failed requests, exceptions). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

describe('Tandem in Chromium', () => {
  let server: TandemServer;
  let browser: Browser;

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
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('loads under the real Content-Security-Policy without errors', async () => {
    const context = await browser.newContext({ locale: 'nl-NL' });
    try {
      const page = await context.newPage();
      const errors = collectErrors(page);
      const response = await page.goto(server.url);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');
      expect(await page.title()).toBe('Inloggen – Tandem');
      // The refresh on load answers 401 without a session: expected, not an app error.
      expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  describe('as the key worker', () => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      // axe is injected as a script tag, which the app's CSP (rightly) forbids: bypass it here.
      context = await browser.newContext({
        locale: 'nl-NL',
        viewport: { width: 1280, height: 900 },
        bypassCSP: true,
      });
      page = await context.newPage();
      errors = collectErrors(page);
    });

    afterAll(async () => {
      await context?.close();
    });

    it('signs in with an accessible form', async () => {
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, 'sign-in.png') });

      await page.getByLabel('E-mailadres').fill(KEY_WORKER.email);
      await page.getByLabel('Wachtwoord').fill(KEY_WORKER.password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.waitForURL('**/caseload');
      await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');
      const banner = page.getByRole('banner');
      expect(await banner.textContent()).toContain('Sanne Jansen');
      expect(await banner.textContent()).toContain('GGZ Rivierenland');
    });

    it('shows the caseload table and finds Monique', async () => {
      const table = page.getByRole('table', { name: /Cliënten in je caseload/ });
      await table.waitFor();
      await page.locator('[aria-busy="false"]').waitFor();
      expect(
        await page.getByRole('navigation', { name: 'Pagina’s van de caseload' }).textContent(),
      ).toMatch(/1–50 van \d+/);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, 'caseload.png'), fullPage: false });

      await page.getByRole('searchbox', { name: 'Zoek op naam' }).fill('Monique');
      await page.waitForURL(/q=Monique/);
      const monique = table.getByRole('rowheader', { name: 'van Dam, Monique' });
      await monique.waitFor();
      const row = monique.locator('..');
      expect(await row.textContent()).toContain('Sanne Jansen');
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');
      await page.screenshot({ path: path.join(ARTIFACTS, 'caseload-search.png') });
    });

    it('keeps the session after a reload (refresh cookie) and works on a phone', async () => {
      await page.reload();
      await page.getByRole('rowheader', { name: 'van Dam, Monique' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/caseload');

      await page.setViewportSize({ width: 360, height: 780 });
      await page.getByRole('searchbox', { name: 'Zoek op naam' }).fill('');
      await page.waitForURL((url) => !url.search.includes('q='));
      await page.locator('[aria-busy="false"]').waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, 'caseload-phone.png') });
    });

    it('switches to English and signs out', async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
      await page.getByRole('table', { name: /Clients in your caseload/ }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    });
  });
});
