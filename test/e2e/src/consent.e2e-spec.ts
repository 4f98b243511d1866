import fs from 'node:fs';
import type { Page } from 'playwright-core';
import {
  DESKTOP,
  SMALL_PHONE,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  screenshot,
  signedInStaffPage,
  useTandemInChromium,
} from './browser';

// Consent and the access log end to end: the key worker records a consent on a signed form, the
// klantmanager then reads the work-capabilities note, loses it again when the consent is revoked,
// and the data-protection officer sees those reads in the access log.

const KEY_WORKER = 'sanne.jansen@ggz-rivierenland.example';
const KLANTMANAGER = 'fatima.elamrani@gemeente-rivierstad.example';
const DPO = 'henk.dijkstra@ggz-rivierenland.example';
const WORK_NOTE = 'Arbeidsmogelijkheden en -beperkingen';
/** A tiny but real PDF: the API checks the %PDF- signature. */
const SIGNED_FORM = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** This file counts only the serious and critical axe violations. */
const SERIOUS = { seriousOnly: true };

describe('Consent and the access log in Chromium', () => {
  const tandem = useTandemInChromium();
  const errors: string[] = [];
  let moniqueUrl = '';

  /** A fresh browser context (own cookies), signed in. */
  const signIn = (email: string) =>
    signedInStaffPage(tandem, email, errors, { acceptDownloads: true });

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
    await expectNoAxeViolations(sanne, SERIOUS);
    await screenshot(sanne, 'consents.png');

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
    await expectNoAxeViolations(sanne, SERIOUS);
    await screenshot(sanne, 'consent-record-form.png');
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
    await expectNoAxeViolations(sanne, SERIOUS);
    await screenshot(sanne, 'consent-recorded.png');

    await sanne.setViewportSize(SMALL_PHONE);
    await expectNoHorizontalOverflow(sanne);
    await screenshot(sanne, 'consents-phone.png');
    await sanne.setViewportSize(DESKTOP);
  });

  it('then shows the klantmanager the work-capabilities note', async () => {
    await fatima.reload();
    const section = fatima.getByRole('region', { name: 'Arbeidsmogelijkheden' });
    await section.getByRole('heading', { name: WORK_NOTE }).waitFor();
    expect(await fatima.getByRole('region', { name: 'Behandeling (Zvw)' }).count()).toBe(0);
    await screenshot(fatima, 'consent-klantmanager-sees.png');
  });

  it('stops showing it once the key worker revokes the consent', async () => {
    const card = sanne
      .getByRole('region', { name: /^Actief/ })
      .getByRole('article', { name: /Gemeente Rivierstad/ });
    await card.getByRole('button', { name: /^Intrekken/ }).click();
    const confirm = card.getByRole('form', { name: 'Toestemming intrekken' });
    await confirm.getByLabel(/Reden/).fill('De cliënt wil het eerst zelf vertellen (browsertest)');
    await expectNoAxeViolations(sanne, SERIOUS);
    await screenshot(sanne, 'consent-revoke.png', { fullPage: false });
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

    await expectNoAxeViolations(henk, SERIOUS);
    await screenshot(henk, 'access-log.png');
    await henk.setViewportSize(SMALL_PHONE);
    await expectNoHorizontalOverflow(henk);
    await expectNoAxeViolations(henk, SERIOUS);
    await screenshot(henk, 'access-log-phone.png', { fullPage: false });

    // The refresh on load answers 401 without a session: expected, not an app error.
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  });
});
