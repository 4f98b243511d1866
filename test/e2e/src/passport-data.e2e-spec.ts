import fs from 'node:fs';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ARTIFACTS, CHROMIUM } from './paths';
import { startTandem, type TandemServer } from './tandem-server';

// The passport's data sections end to end, on a phone: Monique accepts the klantmanager's consent
// request, the klantmanager sees the work-capabilities note, Monique revokes the consent and the
// klantmanager's next request no longer shows it; Monique sees those reads in "Who looked", shares
// a letter of her own, and downloads all her data (PDF and JSON). Every page passes axe.

const PASSWORD = 'Tandem-demo-2026';
const MONIQUE = 'monique@client.example';
const KLANTMANAGER = 'fatima.elamrani@gemeente-rivierstad.example';
const WORK_NOTE = 'Arbeidsmogelijkheden en -beperkingen';
const AXE = require.resolve('axe-core/axe.min.js');
const PHONE = { width: 390, height: 844 };
const LETTER = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

async function a11yViolations(page: Page, selector?: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate((context) => {
    const axe = (window as unknown as { axe: { run(context?: string): Promise<AxeResults> } }).axe;
    return context ? axe.run(context) : axe.run();
  }, selector ?? null);
  return results.violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe('Passport: my consents, who looked, my data (Chromium, phone)', () => {
  let server: TandemServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let monique: Page;
  let fatima: Page;
  let moniqueId = '';
  let fatimaToken = '';

  const api = async (method: string, route: string, token: string, body?: unknown) => {
    const res = await fetch(`${server.url}api/v1${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  };

  async function newPage(label: string, viewport = PHONE): Promise<Page> {
    const context = await browser.newContext({
      locale: 'nl-NL',
      viewport,
      bypassCSP: true,
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${label} console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${label} pageerror: ${error.message}`));
    return page;
  }

  async function checkPage(page: Page, name: string) {
    await page.locator('[role="status"] .t-spinner').first().waitFor({ state: 'detached' });
    expect(await a11yViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, `passport-${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTandem();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    // The klantmanager asks Monique for consent (staff side, through the API).
    const login = await fetch(`${server.url}api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: KLANTMANAGER, password: PASSWORD }),
    });
    fatimaToken = (await login.json()).accessToken;
    const caseload = await api('GET', '/caseload?q=Monique', fatimaToken);
    moniqueId = caseload.body.items[0].clientId;
    const orgs = await api('GET', '/organisations', fatimaToken);
    const gemeente = orgs.body.find((o: { name: string }) => o.name === 'Gemeente Rivierstad');
    const request = await api('POST', `/clients/${moniqueId}/consent-requests`, fatimaToken, {
      recipientType: 'ORGANISATION',
      recipientOrganisationId: gemeente.id,
      purpose: 'IPS_TRAJECT',
      categories: ['WORK_CAPACITY_SUMMARY'],
    });
    expect(request.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  }, 60_000);

  afterEach(() => {
    // The silent session restore before sign-in answers 401; anything else is a real error.
    expect(errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
  });

  it('Monique signs in on her phone and accepts the klantmanager’s request', async () => {
    monique = await newPage('monique');
    await monique.goto(`${server.url}passport/consents`);
    await monique.waitForURL(/\/passport\/sign-in/);
    await monique.getByLabel('E-mailadres').fill(MONIQUE);
    await monique.getByLabel('Wachtwoord').fill(PASSWORD);
    await monique.getByRole('button', { name: 'Inloggen' }).click();
    await monique.waitForURL(/\/passport\/(consents|team)/);
    await monique.goto(`${server.url}passport/consents`);
    await monique.getByRole('heading', { level: 1, name: 'Mijn toestemmingen' }).waitFor();
    const request = monique
      .getByRole('listitem')
      .filter({ hasText: 'wat je kunt in werk en waar je rekening mee moet houden' })
      .filter({ has: monique.getByRole('button', { name: 'Ja, dat mag' }) });
    await request.waitFor();
    await checkPage(monique, 'consents-request');
    await request.getByRole('button', { name: 'Ja, dat mag' }).click();
    await monique.getByText('Je hebt toestemming gegeven aan Gemeente Rivierstad.').waitFor();
    const given = monique
      .getByRole('listitem')
      .filter({ has: monique.getByRole('button', { name: /Gemeente Rivierstad intrekken/ }) });
    await given.waitFor();
    await checkPage(monique, 'consents-given');
  });

  it('the klantmanager now sees the work-capabilities note', async () => {
    fatima = await newPage('fatima', { width: 1280, height: 900 });
    await fatima.goto(server.url);
    await fatima.getByLabel('E-mailadres').fill(KLANTMANAGER);
    await fatima.getByLabel('Wachtwoord').fill(PASSWORD);
    await fatima.getByRole('button', { name: 'Inloggen' }).click();
    await fatima.waitForURL((url) => url.pathname !== '/sign-in' && url.pathname !== '/');
    await fatima.goto(`${server.url}clients/${moniqueId}`);
    const section = fatima.getByRole('region', { name: 'Arbeidsmogelijkheden' });
    await section.getByRole('heading', { name: WORK_NOTE }).waitFor();
  });

  it('Monique revokes it with one tap; the klantmanager’s next request no longer shows the note', async () => {
    await monique
      .getByRole('button', { name: 'Toestemming voor Gemeente Rivierstad intrekken' })
      .click();
    await monique
      .getByText(
        'Je hebt de toestemming ingetrokken. Gemeente Rivierstad ziet deze gegevens nu niet meer.',
      )
      .waitFor();
    expect(
      await monique
        .getByRole('button', { name: 'Toestemming voor Gemeente Rivierstad intrekken' })
        .count(),
    ).toBe(0);
    await checkPage(monique, 'consents-revoked');

    await fatima.reload();
    await fatima.getByRole('region', { name: 'Participatie / re-integratie' }).waitFor();
    await fatima.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
    expect(await fatima.getByRole('heading', { name: WORK_NOTE }).count()).toBe(0);
    const notes = await api('GET', `/clients/${moniqueId}/notes?pageSize=100`, fatimaToken);
    expect(notes.body.items.map((n: { title: string }) => n.title)).not.toContain(WORK_NOTE);
  });

  it('Monique sees the klantmanager’s reads in “Who looked”, in plain words', async () => {
    await monique.getByRole('link', { name: 'Wie keek er?' }).click();
    await monique.waitForURL(/\/passport\/access$/);
    await monique
      .getByRole('heading', { level: 1, name: 'Wie keek er naar mijn gegevens?' })
      .waitFor();
    const reads = monique
      .getByRole('listitem')
      .filter({ hasText: 'Fatima El Amrani bekeek aantekeningen' })
      .filter({ hasText: 'Gemeente Rivierstad' });
    await reads.first().waitFor();
    const withConsent = reads.filter({ hasText: 'jij gaf toestemming' });
    expect(await withConsent.count()).toBeGreaterThan(0);
    await checkPage(monique, 'access');
  });

  it('Monique shares a letter of her own with the klantmanager, who can open it', async () => {
    await monique.getByRole('link', { name: 'Mijn toestemmingen' }).click();
    await monique.getByRole('heading', { level: 1, name: 'Mijn toestemmingen' }).waitFor();
    const form = monique.locator('form').filter({ hasText: 'Een document delen' });
    await form.getByLabel('Wat is het?').fill('Brief van mijn huisarts');
    await form.getByLabel('Bestand').setInputFiles({
      name: 'brief-huisarts.pdf',
      mimeType: 'application/pdf',
      buffer: LETTER,
    });
    await form.getByLabel('Met wie deel je het?').selectOption({
      label: 'Fatima El Amrani (Gemeente Rivierstad)',
    });
    await form.getByLabel('Waarvoor?').selectOption({ label: 'zaken rond je uitkering' });
    await form.getByRole('button', { name: 'Delen' }).click();
    await monique
      .getByText('Je hebt Brief van mijn huisarts gedeeld met Fatima El Amrani.')
      .waitFor();
    await checkPage(monique, 'documents');

    const shared = await api('GET', `/clients/${moniqueId}/shared-documents`, fatimaToken);
    expect(shared.body.map((d: { title: string }) => d.title)).toEqual(['Brief van mijn huisarts']);
    const file = await fetch(
      `${server.url}api/v1/clients/${moniqueId}/shared-documents/${shared.body[0].id}/content`,
      { headers: { authorization: `Bearer ${fatimaToken}` } },
    );
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(LETTER)).toBe(true);

    // In her client file, the klantmanager finds it and opens it.
    await fatima.goto(`${server.url}clients/${moniqueId}`);
    const panel = fatima.getByRole('region', { name: 'Documenten die de cliënt met jou deelt' });
    const download = fatima.waitForEvent('download');
    await panel.getByRole('button', { name: 'Brief van mijn huisarts openen' }).click();
    expect((await download).suggestedFilename()).toBe('brief-huisarts.pdf');
    expect(await a11yViolations(fatima, '.pc-shared')).toEqual([]);
  });

  it('Monique downloads all her data as PDF and JSON, and the JSON is complete', async () => {
    await monique.getByRole('link', { name: 'Mijn gegevens' }).click();
    await monique.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).waitFor();
    await checkPage(monique, 'data');

    const pdfDownload = monique.waitForEvent('download');
    await monique.getByRole('button', { name: 'Download als PDF' }).click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(/^tandem-mijn-gegevens-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdfBytes = fs.readFileSync((await pdf.path()) ?? '');
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await monique.getByText(/^Klaar\. Je bestand tandem-mijn-gegevens-.*\.pdf/).waitFor();

    const jsonDownload = monique.waitForEvent('download');
    await monique.getByRole('button', { name: 'Download als JSON' }).click();
    const json = await jsonDownload;
    const data = JSON.parse(fs.readFileSync((await json.path()) ?? '', 'utf8'));
    expect(data.client.firstName).toBe('Monique');
    expect(data.team.people.length).toBeGreaterThan(0);
    expect(data.ips.placements.length).toBeGreaterThan(0);
    expect(data.ips.workGoals.length).toBeGreaterThan(0);
    const revoked = data.consents.find(
      (c: { status: string; categories: string[] }) =>
        c.status === 'REVOKED' && c.categories.includes('WORK_CAPACITY_SUMMARY'),
    );
    expect(revoked).toBeDefined();
    expect(data.documents.map((d: { title: string }) => d.title)).toContain(
      'Brief van mijn huisarts',
    );
    expect(
      data.accessLog.some(
        (e: { userName: string; basis: string }) =>
          e.userName === 'Fatima El Amrani' && e.basis === 'CONSENT',
      ),
    ).toBe(true);
    for (const note of data.notes)
      expect(note.domain === 'CLIENT' || note.sharedWithClient === true).toBe(true);
    await checkPage(monique, 'data-done');
  });
});
