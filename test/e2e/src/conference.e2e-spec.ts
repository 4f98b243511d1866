import type { Page } from 'playwright-core';
import {
  DESKTOP,
  SMALL_PHONE,
  apiRequest,
  apiToken,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  screenshot,
  signedInStaffPage,
  useTandemInChromium,
  searchTeamClient,
} from './browser';

// Issue 5 in the browser: the key worker plans and opens a partner case discussion with Monique on
// the agenda and the klantmanager invited. The klantmanager sees Monique anonymised until Monique
// accepts the case-conference consent, then by name, and anonymised again within about a second
// of the revocation. Both write minutes; closing puts them into the right parts of her file.

const KEY_WORKER = 'sanne.jansen@ggz-rivierenland.example';
const KLANTMANAGER = 'fatima.elamrani@gemeente-rivierstad.example';
const MONIQUE = 'monique@client.example';
const TITLE = 'Casusoverleg werk en inkomen (browsertest)';
const TREATMENT_TEXT = 'Stemming stabiel, werk helpt bij het herstel (browsertest).';
const PARTICIPATION_TEXT = 'Vrijstelling sollicitatieplicht tot 1 maart (browsertest).';
/** Anything that would identify Monique to someone who sees her anonymised. */
const IDENTIFIERS = ['Monique', 'van Dam', '1981', '14 mrt'];

/** Everything a person could read on the page, the tab title and form values included. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = Array.from(document.querySelectorAll('input, textarea, select')).map(
      (e) => (e as HTMLInputElement).value,
    );
    return [document.title, document.body.innerText, ...values].join('\n');
  });
}

describe('Case conferences in Chromium', () => {
  const tandem = useTandemInChromium();
  const errors: string[] = [];
  let sanne: Page;
  let fatima: Page;
  let roomUrl = '';
  let revokeId = '';

  const signIn = (email: string) =>
    signedInStaffPage(tandem, email, errors, { acceptDownloads: true });

  /** Calls the API as a demo user (Monique answering in her passport, checks of the file). */
  const tokens = new Map<string, string>();
  async function api(email: string, method: string, route: string, body?: unknown) {
    if (!tokens.has(email)) tokens.set(email, await apiToken(tandem.server.url, email));
    return apiRequest(tandem.server.url, tokens.get(email) as string, method, route, body);
  }

  const agendaHeading = (page: Page, name: RegExp) => page.getByRole('heading', { level: 3, name });

  it('lets the key worker plan a partner case discussion with the klantmanager invited', async () => {
    sanne = await signIn(KEY_WORKER);
    await sanne.getByRole('link', { name: 'Overleggen' }).click();
    await sanne.waitForURL(/\/conferences$/);
    await sanne.getByRole('heading', { level: 1, name: 'Overleggen' }).waitFor();
    await sanne.getByRole('list', { name: 'Komende overleggen' }).waitFor();
    await expectNoAxeViolations(sanne);
    await screenshot(sanne, 'conferences-list.png');

    await sanne.getByRole('link', { name: 'Overleg plannen' }).click();
    await sanne.waitForURL(/\/conferences\/new$/);
    await sanne.getByLabel('Soort overleg').selectOption('PARTNER_CASE_DISCUSSION');
    await sanne.getByLabel('Titel').fill(TITLE);
    await sanne.getByLabel('Plaats').fill('Gemeentehuis Rivierstad, kamer 2.14');
    await sanne.getByLabel('Fatima El Amrani (Gemeente Rivierstad)').check();
    await sanne.getByLabel(/^Anna de Vries/).check();
    await expectNoAxeViolations(sanne);
    await screenshot(sanne, 'conference-planner.png');
    await sanne.getByRole('button', { name: 'Overleg plannen' }).click();
    await sanne.waitForURL(/\/conferences\/[0-9a-f-]{36}$/);
    roomUrl = sanne.url();
    await sanne.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // Monique is put on the agenda by hand (search of the team's caseload).
    await sanne
      .getByLabel('Vraag voor het overleg (optioneel)')
      .fill('Werkervaringsplaats en vrijstelling');
    await searchTeamClient(sanne, 'Monique', 'Monique');
    await sanne
      .getByRole('search')
      .locator('..')
      .getByRole('button', { name: /^Op de agenda zetten\W+Monique van Dam$/ })
      .click();
    await sanne.getByText('Monique van Dam staat op de agenda.').waitFor();

    await sanne.getByText('Live: je ziet wijzigingen meteen.').waitFor();
    await agendaHeading(sanne, /Agendapunt 1: Monique van Dam/).waitFor();
    await sanne.getByRole('button', { name: 'Dit punt nu bespreken' }).click();
    await sanne.getByRole('main').getByText('Nu aan de orde').first().waitFor();
  });

  it('shows the klantmanager Monique anonymised: no name anywhere in the page', async () => {
    fatima = await signIn(KLANTMANAGER);
    await fatima.goto(roomUrl);
    await fatima.getByText('Live: je ziet wijzigingen meteen.').waitFor();
    await agendaHeading(fatima, /Agendapunt 1: Cliënt .+, 40-49 jaar/).waitFor();
    await fatima.getByText(/de cliënt heeft geen toestemming gegeven/).waitFor();
    const text = await visibleText(fatima);
    for (const secret of [...IDENTIFIERS, 'Werkervaringsplaats en vrijstelling'])
      expect(text).not.toContain(secret);
    expect(await fatima.content()).not.toContain('Monique');
    // She sees who is there (presence) and which item is being discussed.
    await fatima.getByRole('main').getByText('Nu aan de orde').first().waitFor();
    await expectNoAxeViolations(fatima);
    await screenshot(fatima, 'conference-room-anonymised.png');
  });

  it('identifies Monique to the klantmanager once Monique accepts the consent', async () => {
    const requests = await api(MONIQUE, 'GET', '/me/consents');
    expect(requests.status).toBe(200);
    const consent = (requests.body as { id: string; status: string; purpose: string }[]).find(
      (c) => c.status === 'REQUESTED' && c.purpose === 'CASUSOVERLEG',
    );
    expect(consent).toBeDefined();
    const accepted = await api(MONIQUE, 'POST', `/me/consents/${consent!.id}/accept`);
    expect(accepted.status).toBe(200);
    await agendaHeading(fatima, /Agendapunt 1: Monique van Dam/).waitFor({ timeout: 3000 });
    await fatima.getByText(/is nu met naam: de cliënt heeft toestemming gegeven/).waitFor();

    // Both write minutes at the same time, each in their own part.
    const treatment = sanne.getByLabel('Verslag behandeling');
    const participation = fatima.getByLabel('Verslag werk en participatie');
    await Promise.all([
      treatment.pressSequentially(TREATMENT_TEXT, { delay: 5 }),
      participation.pressSequentially(PARTICIPATION_TEXT, { delay: 5 }),
    ]);
    await Promise.all([treatment.blur(), participation.blur()]);
    await sanne.getByText(PARTICIPATION_TEXT).waitFor();
    await expectSaved(sanne, fatima);
    await expectNoAxeViolations(fatima);
    await screenshot(fatima, 'conference-room-identified.png');

    await fatima.setViewportSize(SMALL_PHONE);
    await expectNoHorizontalOverflow(fatima);
    await screenshot(fatima, 'conference-room-phone.png');
    await fatima.setViewportSize(DESKTOP);

    async function expectSaved(...pages: Page[]) {
      for (const page of pages)
        await page
          .getByText(/^Opgeslagen\./)
          .first()
          .waitFor();
    }
    // The consent id is needed for the revocation.
    revokeId = consent!.id;
  });

  it('flips the klantmanager’s view back within about a second of the revocation', async () => {
    const started = Date.now();
    const revoked = await api(MONIQUE, 'POST', `/me/consents/${revokeId}/revoke`, {});
    expect(revoked.status).toBe(200);
    await agendaHeading(fatima, /Agendapunt 1: Cliënt .+, 40-49 jaar/).waitFor({ timeout: 3000 });
    const took = Date.now() - started;
    console.info(`klantmanager's view anonymised ${took} ms after the revocation request`);
    expect(took).toBeLessThan(1500);
    await fatima.getByText(/is nu zonder naam/).waitFor();
    const text = await visibleText(fatima);
    for (const secret of [...IDENTIFIERS, PARTICIPATION_TEXT, TREATMENT_TEXT])
      expect(text).not.toContain(secret);
    await screenshot(fatima, 'conference-room-revoked.png');
  });

  it('closes the meeting: the minutes go into the right parts of Monique’s file', async () => {
    await sanne.getByRole('button', { name: 'Overleg afsluiten' }).click();
    await sanne.getByRole('button', { name: 'Ja, afsluiten' }).click();
    await sanne
      .getByText('Het overleg is afgesloten. De verslagen staan in de dossiers.')
      .waitFor();
    await sanne.getByRole('button', { name: `Verslag downloaden (PDF): ${TITLE}` }).waitFor();
    const [download] = await Promise.all([
      sanne.waitForEvent('download'),
      sanne.getByRole('button', { name: `Verslag downloaden (PDF): ${TITLE}` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^verslag-.*\.pdf$/);
    await screenshot(sanne, 'conference-closed.png');

    const clients = await api(KEY_WORKER, 'GET', '/caseload?q=Monique');
    const moniqueId = clients.body.items[0].clientId as string;
    const notes = async (domain: string) =>
      (await api(KEY_WORKER, 'GET', `/clients/${moniqueId}/notes?domain=${domain}`)).body.items
        .map((n: { body: string; authorName: string }) => `${n.authorName}: ${n.body}`)
        .join('\n');
    expect(await notes('TREATMENT')).toContain(`Sanne Jansen: ${TREATMENT_TEXT}`);
    expect(await notes('PARTICIPATION')).toContain(`Fatima El Amrani: ${PARTICIPATION_TEXT}`);
    expect(await notes('PARTICIPATION')).not.toContain(TREATMENT_TEXT);
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  });
});
