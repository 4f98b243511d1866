import type { PdfBlock, PdfDocumentSpec } from '@tandem/api-core';
import type { ConferenceDetailDto } from '../dtos/conferences.dto';
import type { Section } from './privacy-gate';

type Locale = 'nl' | 'en';

const TEXT = {
  nl: {
    title: (t: string) => `Verslag: ${t}`,
    kind: {
      FACT_BOARD: 'FACT-bordoverleg',
      MDO: 'Multidisciplinair overleg',
      PARTNER_CASE_DISCUSSION: 'Casusoverleg met partners',
      THREE_WAY_MEETING: 'Driegesprek',
      ANONYMISED_CASE_DISCUSSION: 'Anonieme casusbespreking',
    } as Record<string, string>,
    status: {
      PLANNED: 'Gepland (verslag nog niet vastgesteld)',
      OPEN: 'Bezig (verslag nog niet vastgesteld)',
      CLOSED: 'Gesloten',
      CANCELLED: 'Afgezegd',
    } as Record<string, string>,
    when: 'Datum en tijd',
    team: 'Team',
    place: 'Plaats',
    video: 'Videoverbinding',
    state: 'Status',
    organiser: 'Organisator',
    attendees: 'Aanwezigen (uitgenodigd)',
    agenda: 'Agenda',
    noItems: 'Er stonden geen cliënten op de agenda.',
    born: 'geboren',
    anonymised: (pseudonym: string, band: string) => `${pseudonym}, ${band} jaar (geanonimiseerd)`,
    anonymisedNote:
      'Je ziet deze cliënt geanonimiseerd: er is geen toestemming van de cliënt om naam en gegevens met jou te delen. Naam, onderwerp en de verslagen met naam staan daarom niet in dit document.',
    topic: 'Onderwerp',
    section: {
      TREATMENT: 'Verslag behandeling',
      PARTICIPATION: 'Verslag werk en participatie',
      ANONYMISED: 'Verslag zonder naam (voor alle deelnemers)',
    } as Record<Section, string>,
    empty: 'Niets vastgelegd.',
    decisions: 'Besluiten',
    decidedBy: (name: string) => `besloten door ${name}`,
    actions: 'Acties',
    action: (text: string, owner: string, due: string, done: boolean) =>
      `${text} — ${owner}, uiterlijk ${due}${done ? ' (afgerond)' : ''}`,
    madeFor: (name: string, at: string) => `Gemaakt voor ${name} op ${at}.`,
    footer: 'Vertrouwelijk: niet doorsturen',
    language: 'nl-NL',
    intl: 'nl-NL',
  },
  en: {
    title: (t: string) => `Minutes: ${t}`,
    kind: {
      FACT_BOARD: 'FACT board meeting',
      MDO: 'Multidisciplinary meeting',
      PARTNER_CASE_DISCUSSION: 'Case discussion with partners',
      THREE_WAY_MEETING: 'Three-way meeting',
      ANONYMISED_CASE_DISCUSSION: 'Anonymised case discussion',
    } as Record<string, string>,
    status: {
      PLANNED: 'Planned (minutes not final)',
      OPEN: 'In progress (minutes not final)',
      CLOSED: 'Closed',
      CANCELLED: 'Cancelled',
    } as Record<string, string>,
    when: 'Date and time',
    team: 'Team',
    place: 'Place',
    video: 'Video link',
    state: 'Status',
    organiser: 'Organiser',
    attendees: 'Attendees (invited)',
    agenda: 'Agenda',
    noItems: 'No clients were on the agenda.',
    born: 'born',
    anonymised: (pseudonym: string, band: string) => `${pseudonym}, aged ${band} (anonymised)`,
    anonymisedNote:
      'You see this client anonymised: the client has not consented to sharing their name and details with you. The name, topic and identified minutes are therefore not in this document.',
    topic: 'Topic',
    section: {
      TREATMENT: 'Treatment minutes',
      PARTICIPATION: 'Work and participation minutes',
      ANONYMISED: 'Minutes without names (for all attendees)',
    } as Record<Section, string>,
    empty: 'Nothing recorded.',
    decisions: 'Decisions',
    decidedBy: (name: string) => `decided by ${name}`,
    actions: 'Action items',
    action: (text: string, owner: string, due: string, done: boolean) =>
      `${text} — ${owner}, due ${due}${done ? ' (done)' : ''}`,
    madeFor: (name: string, at: string) => `Made for ${name} on ${at}.`,
    footer: 'Confidential: do not forward',
    language: 'en-GB',
    intl: 'en-GB',
  },
};

const SECTION_ORDER: Section[] = ['TREATMENT', 'PARTICIPATION', 'ANONYMISED'];

/**
 * The minutes of a conference as one caller may see them, as a document spec for `renderPdf`.
 * It is built only from the caller's gated view (`ConferenceDetailDto`), so an anonymised item
 * carries exactly what the live room shows that caller: pseudonym, age band, the minutes without
 * names and what was recorded for everyone.
 */
export function minutesDocument(
  detail: ConferenceDetailDto,
  reader: { displayName: string; locale: Locale },
  now: Date,
): PdfDocumentSpec {
  const tx = TEXT[reader.locale] ?? TEXT.nl;
  const dateTime = (iso: string | Date) =>
    new Intl.DateTimeFormat(tx.intl, {
      timeZone: 'Europe/Amsterdam',
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(new Date(iso));
  const day = (ymd: string) =>
    new Intl.DateTimeFormat(tx.intl, { timeZone: 'UTC', dateStyle: 'medium' }).format(
      new Date(`${ymd}T00:00:00Z`),
    );

  const planning: [string, string][] = [
    [tx.when, `${dateTime(detail.startsAt)} (${detail.durationMinutes} min)`],
    [tx.team, detail.teamName],
  ];
  if (detail.location) planning.push([tx.place, detail.location]);
  if (detail.videoUrl) planning.push([tx.video, detail.videoUrl]);
  planning.push([tx.organiser, detail.organiserName]);
  planning.push([tx.state, tx.status[detail.status] ?? detail.status]);

  const blocks: PdfBlock[] = [
    { kind: 'fields', rows: planning },
    { kind: 'heading', text: tx.attendees },
    {
      kind: 'list',
      items: detail.attendees.map((a) => `${a.displayName} (${a.organisationName})`),
    },
    { kind: 'heading', text: tx.agenda },
  ];
  if (!detail.items.length) blocks.push({ kind: 'paragraph', text: tx.noItems, muted: true });

  detail.items.forEach((item, index) => {
    const who =
      item.view === 'IDENTIFIED' && item.client
        ? `${item.client.name} (${tx.born} ${day(item.client.dateOfBirth)})`
        : tx.anonymised(item.pseudonym, item.ageBand);
    blocks.push({ kind: 'heading', text: `${index + 1}. ${who}` });
    if (item.view === 'ANONYMISED' && detail.kind !== 'ANONYMISED_CASE_DISCUSSION')
      blocks.push({ kind: 'paragraph', text: tx.anonymisedNote, muted: true });
    if (item.topic) blocks.push({ kind: 'fields', rows: [[tx.topic, item.topic]] });
    for (const section of SECTION_ORDER) {
      const minutes = item.minutes[section];
      if (!minutes) continue;
      blocks.push({
        kind: 'fields',
        rows: [[tx.section[section], minutes.text.trim() || tx.empty]],
      });
    }
    if (item.decisions.length) {
      blocks.push({ kind: 'paragraph', text: `${tx.decisions}:` });
      blocks.push({
        kind: 'list',
        items: item.decisions.map((d) => `${d.text} (${tx.decidedBy(d.decidedByName)})`),
      });
    }
    if (item.actions.length) {
      blocks.push({ kind: 'paragraph', text: `${tx.actions}:` });
      blocks.push({
        kind: 'list',
        items: item.actions.map((a) =>
          tx.action(a.text, a.ownerName, day(a.dueOn), a.status === 'DONE'),
        ),
      });
    }
  });

  return {
    title: tx.title(detail.title),
    subtitle: [tx.kind[detail.kind] ?? detail.kind, tx.madeFor(reader.displayName, dateTime(now))],
    blocks,
    footer: tx.footer,
    language: tx.language,
  };
}
