import fs from 'node:fs';
import type { Page } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  apiRequest,
  apiToken,
  checkPage as checkAnyPage,
  collectErrors,
  expectNoAxeViolations,
  signInAsClient,
  signInAsStaff,
  spinnersGone,
  useTandemInChromium,
} from './browser';

// The passport's data sections end to end, on a phone: Monique accepts the klantmanager's consent
// request, the klantmanager sees the work-capabilities note, Monique revokes the consent and the
// klantmanager's next request no longer shows it; Monique sees those reads in "Who looked", shares
// a letter of her own, and downloads all her data (PDF and JSON). Every page passes axe.

const MONIQUE = 'monique@client.example';
const KLANTMANAGER = 'fatima.elamrani@gemeente-rivierstad.example';
const WORK_NOTE = 'Arbeidsmogelijkheden en -beperkingen';
const LETTER = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

describe('Passport: my consents, who looked, my data (Chromium, phone)', () => {
  // This file has always started Chromium with fewer switches than the others.
  const tandem = useTandemInChromium({
    chromiumArgs: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const errors: string[] = [];
  let monique: Page;
  let fatima: Page;
  let moniqueId = '';
  let fatimaToken = '';

  const api = (method: string, route: string, token: string, body?: unknown) =>
    apiRequest(tandem.server.url, token, method, route, body);

  async function newPage(label: string, viewport = PHONE): Promise<Page> {
    const context = await tandem.newContext({ viewport, acceptDownloads: true });
    const page = await context.newPage();
    collectErrors(page, { into: errors, label });
    return page;
  }

  async function checkPage(page: Page, name: string) {
    await spinnersGone(page);
    await checkAnyPage(page, `passport-${name}.png`);
  }

  beforeAll(async () => {
    // The klantmanager asks Monique for consent (staff side, through the API).
    fatimaToken = await apiToken(tandem.server.url, KLANTMANAGER);
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

  afterEach(() => {
    // The silent session restore before sign-in answers 401; anything else is a real error.
    expect(errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
  });

  it('Monique signs in on her phone and accepts the klantmanager’s request', async () => {
    monique = await newPage('monique');
    await signInAsClient(monique, tandem.server.url, MONIQUE, 'passport/consents');
    await monique.goto(`${tandem.server.url}passport/consents`);
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
    fatima = await newPage('fatima', DESKTOP);
    await signInAsStaff(fatima, tandem.server.url, KLANTMANAGER);
    await fatima.goto(`${tandem.server.url}clients/${moniqueId}`);
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
    await checkPage(monique, 'access');
    // The newest 20 reads come first; the reads made while her consent held may be on a later
    // page (how many reads a page load makes varies), so she pages back as a user would.
    const withConsent = reads.filter({ hasText: 'jij gaf toestemming' });
    const next = monique.getByRole('button', { name: /Volgende|Next/ });
    let page = 1;
    for (; page < 10 && (await withConsent.count()) === 0; page++) {
      if (!(await next.isEnabled())) break;
      const before = await monique.locator('.pa-list li').first().textContent();
      await next.click();
      await monique.waitForFunction(
        (text) => document.querySelector('.pa-list li')?.textContent !== text,
        before,
      );
    }
    console.info(`[e2e] reads made with her consent found on page ${page} of “Who looked”`);
    expect(await withConsent.count()).toBeGreaterThan(0);
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
      `${tandem.server.url}api/v1/clients/${moniqueId}/shared-documents/${shared.body[0].id}/content`,
      { headers: { authorization: `Bearer ${fatimaToken}` } },
    );
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(LETTER)).toBe(true);

    // In her client file, the klantmanager finds it and opens it.
    await fatima.goto(`${tandem.server.url}clients/${moniqueId}`);
    const panel = fatima.getByRole('region', { name: 'Documenten die de cliënt met jou deelt' });
    const download = fatima.waitForEvent('download');
    await panel.getByRole('button', { name: 'Brief van mijn huisarts openen' }).click();
    expect((await download).suggestedFilename()).toBe('brief-huisarts.pdf');
    await expectNoAxeViolations(fatima, { include: '.pc-shared' });
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
