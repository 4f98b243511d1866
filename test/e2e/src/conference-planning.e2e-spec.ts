import type { Locator, Page } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  apiRequest,
  apiToken,
  collectErrors,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  screenshot,
  signInAsClient,
  signedInStaffPage,
  spinnersGone,
  useTandemInChromium,
  searchTeamClient,
} from './browser';

// Issue 5, planning in the browser: the key worker plans a three-way meeting (driegesprek) with
// Monique through the planner, which invites Monique's own account; she changes its time, and
// Monique sees the new time in her passport; the key worker calls it off, and Monique sees that.

const KEY_WORKER = 'sanne.jansen@ggz-rivierenland.example';
const MONIQUE = 'monique@client.example';
const TITLE = 'Driegesprek over werk (planner-browsertest)';

describe('Planning a three-way meeting in Chromium', () => {
  const tandem = useTandemInChromium();
  const errors: string[] = [];
  let sanne: Page;
  let monique: Page;
  let conferenceId = '';

  /** Her meeting card in the passport, in the given part of "Mijn gesprekken". */
  const meetingCard = (part: string): Locator =>
    monique
      .getByRole('region', { name: part })
      .getByRole('listitem')
      .filter({ has: monique.getByRole('heading', { name: TITLE }) });

  async function openMeetings() {
    await monique
      .getByRole('navigation', { name: 'Mijn paspoort' })
      .getByRole('link', { name: 'Mijn gesprekken' })
      .click();
    await monique.getByRole('heading', { level: 1, name: 'Mijn gesprekken' }).waitFor();
    await spinnersGone(monique);
  }

  it('lets the key worker plan a three-way meeting with Monique, inviting her own account', async () => {
    sanne = await signedInStaffPage(tandem, KEY_WORKER, errors);
    await sanne.getByRole('link', { name: 'Overleggen' }).click();
    await sanne.getByRole('link', { name: 'Overleg plannen' }).click();
    await sanne.waitForURL(/\/conferences\/new$/);
    await sanne.getByLabel('Soort overleg').selectOption('THREE_WAY_MEETING');
    await sanne.getByRole('group', { name: 'Over welke cliënt' }).waitFor();
    await searchTeamClient(sanne, 'Monique', 'Monique');
    await sanne.getByRole('button', { name: /^Kiezen\W+Monique van Dam$/ }).click();
    // Her own account is offered and ticked; the partners working with her are marked.
    await sanne.getByLabel('Monique van Dam (cliënt)').and(sanne.locator(':checked')).waitFor();
    await sanne.getByText('Werkt met Monique van Dam').first().waitFor();
    await sanne.getByLabel('Titel').fill(TITLE);
    await sanne.getByLabel('Plaats').fill('Gemeentehuis Rivierstad, kamer 2.14');
    await sanne.getByLabel('Fatima El Amrani (Gemeente Rivierstad)').check();
    await spinnersGone(sanne);
    await expectNoAxeViolations(sanne);
    await screenshot(sanne, 'conference-planner-three-way.png');
    await sanne.getByRole('button', { name: 'Overleg plannen' }).click();
    await sanne.waitForURL(/\/conferences\/[0-9a-f-]{36}$/);
    conferenceId = sanne.url().split('/').pop() as string;
    await sanne.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    const token = await apiToken(tandem.server.url, KEY_WORKER);
    const planned = await apiRequest(
      tandem.server.url,
      token,
      'GET',
      `/conferences/${conferenceId}`,
    );
    expect(planned.body).toMatchObject({ kind: 'THREE_WAY_MEETING', status: 'PLANNED' });
    expect(
      (planned.body.attendees as { displayName: string; isClient: boolean }[])
        .filter((a) => a.isClient)
        .map((a) => a.displayName),
    ).toEqual(['Monique van Dam']);
    expect(planned.body.items[0].client.name).toBe('Monique van Dam');
  });

  it('changes the time on the edit page', async () => {
    await sanne.getByRole('link', { name: 'Planning en deelnemers wijzigen' }).click();
    await sanne.waitForURL(/\/edit$/);
    await sanne.getByRole('heading', { level: 1, name: `Wijzigen: ${TITLE}` }).waitFor();
    await spinnersGone(sanne);
    await sanne.getByLabel('Begintijd').fill('15:30');
    await expectNoAxeViolations(sanne);
    await sanne.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await sanne.getByText(/De planning is gewijzigd/).waitFor();
    await screenshot(sanne, 'conference-edit.png');
    await sanne.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(sanne);
    await sanne.setViewportSize(DESKTOP);
  });

  it('shows Monique the meeting with the new time in her passport', async () => {
    const context = await tandem.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    monique = await context.newPage();
    collectErrors(monique, { into: errors, label: MONIQUE });
    await signInAsClient(monique, tandem.server.url, MONIQUE);
    await openMeetings();
    const card = meetingCard('Komende gesprekken');
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('15:30');
    expect(text).not.toContain('13:00');
    expect(text).toContain('Gepland');
    expect(text).toContain('Sanne Jansen');
    await expectNoAxeViolations(monique);
  });

  it('cancels the meeting after confirming; Monique sees it as not going ahead', async () => {
    await sanne.getByRole('button', { name: 'Overleg afzeggen' }).click();
    await sanne.getByText('Weet je zeker dat je het overleg wilt afzeggen?').waitFor();
    await expectNoAxeViolations(sanne);
    await sanne.getByRole('button', { name: 'Ja, afzeggen' }).click();
    await sanne.waitForURL(new RegExp(`/conferences/${conferenceId}$`));
    await sanne.getByText(/Het overleg is afgezegd/).waitFor();
    // Not opened live, and no longer changeable.
    expect(await sanne.getByRole('heading', { name: 'Het overleg' }).count()).toBe(0);
    expect(await sanne.getByRole('link', { name: /wijzigen/ }).count()).toBe(0);

    await monique.reload();
    await monique.getByRole('heading', { level: 1, name: 'Mijn gesprekken' }).waitFor();
    await spinnersGone(monique);
    const card = meetingCard('Eerdere gesprekken');
    await card.waitFor();
    expect(await card.textContent()).toContain('Gaat niet door');
    expect(await meetingCard('Komende gesprekken').count()).toBe(0);
    await screenshot(monique, 'passport-meeting-cancelled.png');
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  });

  /** Plans a meeting through the API as the key worker, with Monique on the agenda. */
  async function planWithMonique(kind: string, title: string, topic: string) {
    const token = await apiToken(tandem.server.url, KEY_WORKER);
    const found = await apiRequest(tandem.server.url, token, 'GET', '/caseload?q=Monique');
    const { clientId, teamId } = found.body.items[0] as { clientId: string; teamId: string };
    const invitees = await apiRequest(
      tandem.server.url,
      token,
      'GET',
      `/conferences/invitees?teamId=${teamId}` +
        (kind === 'THREE_WAY_MEETING' ? `&clientId=${clientId}` : ''),
    );
    const people = invitees.body as { userId: string; displayName: string; isClient?: boolean }[];
    const attendeeIds = people
      .filter((p) => p.isClient || p.displayName === 'Anna de Vries')
      .map((p) => p.userId);
    expect(attendeeIds).toHaveLength(kind === 'THREE_WAY_MEETING' ? 2 : 1);
    const created = await apiRequest(tandem.server.url, token, 'POST', '/conferences', {
      teamId,
      kind,
      title,
      startsAt: new Date(Date.now() + 10 * 60_000).toISOString(),
      durationMinutes: 45,
      location: 'Gemeentehuis Rivierstad',
      attendeeIds,
      items: [{ clientId, source: 'MANUAL', topic }],
    });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, clientId, token };
  }

  const LIVE_TITLE = 'Driegesprek nu (live-browsertest)';
  const LIVE_TOPIC = 'Hoe gaan de eerste weken op het werk?';
  const DECISION = 'Monique werkt de komende maand vier ochtenden per week.';

  it('lets Monique open a meeting that starts soon and follow it live from her passport', async () => {
    const planned = await planWithMonique('THREE_WAY_MEETING', LIVE_TITLE, LIVE_TOPIC);
    await monique.reload();
    await monique.getByRole('heading', { level: 1, name: 'Mijn gesprekken' }).waitFor();
    await spinnersGone(monique);
    const card = monique
      .getByRole('region', { name: 'Komende gesprekken' })
      .getByRole('article', { name: LIVE_TITLE });
    await card.getByRole('button', { name: 'Alvast meekijken' }).click();
    await card.getByText('Het gesprek is nog niet begonnen.').waitFor();
    expect(await card.textContent()).not.toContain(LIVE_TOPIC);

    // The key worker opens the topic: Monique sees it begin without reloading her page.
    await sanne.goto(`${tandem.server.url}conferences/${planned.id}`);
    await sanne.getByText('Live: je ziet wijzigingen meteen.').waitFor();
    await sanne.getByRole('button', { name: 'Dit punt nu bespreken' }).click();
    await card.getByText(LIVE_TOPIC).waitFor({ timeout: 5000 });
    await card.getByText('Nu bezig').waitFor();

    // A decision by the regiebehandelaar reaches her as it is recorded.
    await sanne.getByLabel('Besluit', { exact: true }).fill(DECISION);
    await sanne.getByLabel('Besloten door').selectOption({ label: 'Anna de Vries' });
    await sanne.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await sanne.getByText('Het besluit is vastgelegd.').waitFor();
    await card.getByText(DECISION).waitFor({ timeout: 5000 });
    // Read-only: she has nothing to type in.
    expect(await card.getByRole('textbox').count()).toBe(0);
    await expectNoAxeViolations(monique);
    await screenshot(monique, 'passport-meeting-live.png');

    await sanne.getByRole('button', { name: 'Overleg afsluiten' }).click();
    await sanne.getByRole('button', { name: 'Ja, afsluiten' }).click();
    await card.getByText(/Het gesprek is afgelopen/).waitFor({ timeout: 5000 });
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  });

  const ANON_TITLE = 'Intervisie zonder naam (koppel-browsertest)';
  const ANON_MINUTES = 'Advies van de intervisie: werkdruk in kleine stappen opbouwen.';

  it('attaches the minutes of an anonymised discussion to Monique’s file, once', async () => {
    const planned = await planWithMonique(
      'ANONYMISED_CASE_DISCUSSION',
      ANON_TITLE,
      'Opbouw van werkuren',
    );
    await sanne.goto(`${tandem.server.url}conferences/${planned.id}`);
    await sanne.getByText('Live: je ziet wijzigingen meteen.').waitFor();
    await sanne.getByRole('button', { name: 'Dit punt nu bespreken' }).click();
    const minutes = sanne.getByLabel('Verslag zonder naam');
    await minutes.fill(ANON_MINUTES);
    await minutes.blur();
    await sanne
      .getByText(/^Opgeslagen\./)
      .first()
      .waitFor();
    await sanne.getByRole('button', { name: 'Overleg afsluiten' }).click();
    await sanne.getByRole('button', { name: 'Ja, afsluiten' }).click();
    await sanne
      .getByText('Het overleg is afgesloten. De verslagen staan in de dossiers.')
      .waitFor();

    // Not in any file yet: the key worker attaches it to her own client's file.
    await sanne.getByRole('button', { name: 'Aan dossier koppelen' }).click();
    await searchTeamClient(sanne, 'Monique', 'Monique', 'Zoek je cliënt');
    await sanne.getByRole('button', { name: /^Deze cliënt kiezen\W+Monique van Dam$/ }).click();
    await sanne.getByLabel('In welk deel van het dossier').selectOption('TREATMENT');
    await expectNoAxeViolations(sanne);
    await sanne
      .getByRole('button', { name: 'Koppelen aan het dossier van Monique van Dam' })
      .click();
    await sanne.getByText('Het verslag staat in het dossier van Monique van Dam.').waitFor();
    await screenshot(sanne, 'conference-attached.png');

    const notes = await apiRequest(
      tandem.server.url,
      planned.token,
      'GET',
      `/clients/${planned.clientId}/notes?domain=TREATMENT`,
    );
    const bodies = (notes.body.items as { body: string }[]).map((n) => n.body);
    expect(bodies.filter((b) => b.includes(ANON_MINUTES))).toHaveLength(1);

    // After a reload the action is gone: it can be attached only once.
    await sanne.reload();
    await sanne.getByText(/Dit verslag zonder naam staat al in een dossier/).waitFor();
    expect(await sanne.getByRole('button', { name: 'Aan dossier koppelen' }).count()).toBe(0);
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  });
});
