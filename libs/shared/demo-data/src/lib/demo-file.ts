import { RecordDomain } from '@tandem/domain';
import { DEMO_ORGS, DemoClient, demoUser } from './demo-data';
import { prng, stableId } from './ids';

/** Fictional client-file content for the demo: notes per domain, plans, board status, diagnoses. */
export interface DemoNote {
  id: string;
  clientId: string;
  domain: RecordDomain;
  authorKey: string;
  organisationId: string;
  contactOn: string;
  title: string;
  body: string;
  sharedWithClient?: boolean;
}

const GGZ = DEMO_ORGS.ggz.id;
const GEMEENTE = DEMO_ORGS.gemeente.id;

export const MONIQUE_TREATMENT_GOAL = stableId('goal:monique:treatment:structure');
export const MONIQUE_WORK_GOAL = stableId('goal:monique:participation:work');

export function moniqueNotes(clientId: string): DemoNote[] {
  const n = (
    key: string,
    domain: RecordDomain,
    authorKey: string,
    organisationId: string,
    contactOn: string,
    title: string,
    body: string,
    sharedWithClient = false,
  ): DemoNote => ({
    id: stableId(`note:monique:${key}`),
    clientId,
    domain,
    authorKey,
    organisationId,
    contactOn,
    title,
    body,
    sharedWithClient,
  });
  return [
    n(
      't1',
      RecordDomain.TREATMENT,
      'regie',
      GGZ,
      '2026-09-08',
      'Behandelevaluatie',
      'Stemming stabiel, geen psychotische verschijnselen meer. Medicatie ongewijzigd voortzetten. Werk als behandeldoel opgenomen in het behandelplan.',
    ),
    n(
      't2',
      RecordDomain.TREATMENT,
      'keyworker',
      GGZ,
      '2026-09-15',
      'Motiverend gesprek over werk',
      'Eerste motiverende gesprek over werk (onderdeel van het behandelplan). Monique wil graag met mensen werken, niet met kinderen.',
    ),
    n(
      't3',
      RecordDomain.TREATMENT,
      'keyworker',
      GGZ,
      '2026-10-20',
      'Huisbezoek',
      'Slaapt beter sinds de werkervaringsplaats. Spanning rond de eerste werkweken besproken.',
      true,
    ),
    n(
      'p1',
      RecordDomain.PARTICIPATION,
      'ips',
      GGZ,
      '2026-09-22',
      'Arbeidsprofiel opgesteld',
      'Wensen: receptie- of gastvrouwwerk, contact met volwassenen. Sterk: gastvrij, betrouwbaar. Voorkeur 16-20 uur per week.',
    ),
    n(
      'p2',
      RecordDomain.PARTICIPATION,
      'ips',
      GGZ,
      '2026-10-06',
      'Werkervaringsplaats gevonden',
      'Werkervaringsplaats aan de receptie van Sportschool De Kracht, start 13 oktober, 16 uur per week. Wekelijks bezoek afgesproken.',
    ),
    n(
      'p3',
      RecordDomain.PARTICIPATION,
      'klantmanager',
      GEMEENTE,
      '2026-10-09',
      'Vrijstelling sollicitatieplicht',
      'Tijdelijke vrijstelling van de sollicitatieplicht tijdens de werkervaringsplaats (3 maanden), daarna evaluatie.',
    ),
    n(
      'w1',
      RecordDomain.WORK_CAPACITY,
      'regie',
      GGZ,
      '2026-10-01',
      'Arbeidsmogelijkheden en -beperkingen',
      'Kan 16-20 uur per week werken, bij voorkeur in de ochtend. Rustige werkplek en een vaste contactpersoon helpen. Geen nachtdiensten.',
    ),
    n(
      'c1',
      RecordDomain.CLIENT,
      'monique',
      GGZ,
      '2026-11-02',
      'Mijn eerste weken',
      'Ik vind het werk bij de sportschool fijn. De collega’s zijn aardig.',
    ),
  ];
}

const REASONS = [
  'Dreigende terugval, extra huisbezoeken',
  'Crisis na ontslag uit kliniek',
  'Woonproblemen en schulden',
  'Medicatie-ontrouw, zorgen om veiligheid',
  'Na opname, intensieve nazorg',
];
const DIAGNOSES = [
  'Schizofrenie',
  'Bipolaire stoornis',
  'Schizoaffectieve stoornis',
  'Depressieve stoornis, recidiverend',
  'Posttraumatische stressstoornis',
];
const TITLES: Record<string, string[]> = {
  TREATMENT: ['Huisbezoek', 'Behandelgesprek', 'Medicatiecontrole', 'Telefonisch contact'],
  PARTICIPATION: [
    'Gesprek over werkwensen',
    'Werkgeversbezoek voorbereid',
    'Sollicitatie besproken',
  ],
  WMO: ['Overleg wijkteam'],
  WORK_CAPACITY: ['Arbeidsmogelijkheden bijgewerkt'],
  CLIENT: ['Mijn week'],
};

export interface DemoClientState {
  diagnosis: string;
  onBoard: boolean;
  boardReason: string | null;
  boardSince: string | null;
  nextContactOn: string | null;
}

/** Board status and diagnosis per client, deterministic. */
export function demoClientState(client: DemoClient, index: number): DemoClientState {
  if (client.key === 'monique') {
    return {
      diagnosis: 'Depressieve stoornis met psychotische kenmerken, in remissie',
      onBoard: false,
      boardReason: null,
      boardSince: null,
      nextContactOn: '2026-11-26',
    };
  }
  if (client.key === 'simon') {
    return {
      diagnosis: 'Aanpassingsstoornis (werkgerelateerd), differentiaal burn-out',
      onBoard: false,
      boardReason: null,
      boardSince: null,
      nextContactOn: '2026-12-01',
    };
  }
  const rnd = prng(1000 + index);
  const onBoard = index % 9 === 3;
  const day = 1 + Math.floor(rnd() * 20);
  return {
    diagnosis: DIAGNOSES[Math.floor(rnd() * DIAGNOSES.length)],
    onBoard,
    boardReason: onBoard ? REASONS[Math.floor(rnd() * REASONS.length)] : null,
    boardSince: onBoard ? `2026-11-${String(day).padStart(2, '0')}T09:00:00Z` : null,
    nextContactOn: `2026-12-${String(1 + Math.floor(rnd() * 20)).padStart(2, '0')}`,
  };
}

/** A few generated notes for every other client, so the board has a last-contact date. */
export function generatedNotes(client: DemoClient, index: number): DemoNote[] {
  const rnd = prng(5000 + index);
  const count = 2 + Math.floor(rnd() * 3);
  const regie = client.assignments.find((a) => a.kind === 'REGIEBEHANDELAAR')?.userKey ?? 'regie';
  const key = client.assignments.find((a) => a.kind === 'KEY_WORKER')?.userKey ?? regie;
  const ips = client.assignments.find((a) => a.kind === 'IPS_SPECIALIST')?.userKey;
  const notes: DemoNote[] = [];
  for (let i = 0; i < count; i++) {
    const participation = ips && i === count - 1;
    const domain = participation ? RecordDomain.PARTICIPATION : RecordDomain.TREATMENT;
    const authorKey = participation ? ips : i % 2 ? regie : key;
    const titles = TITLES[domain];
    const month = 9 + Math.floor(rnd() * 3);
    notes.push({
      id: stableId(`note:${client.key}:${i}`),
      clientId: client.id,
      domain,
      authorKey,
      organisationId: demoUser(authorKey).organisationId,
      contactOn: `2026-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}`,
      title: titles[Math.floor(rnd() * titles.length)],
      body:
        domain === RecordDomain.TREATMENT
          ? 'Contact verliep rustig; afspraken uit het behandelplan doorgenomen.'
          : 'Werkwensen en mogelijke werkgevers besproken.',
    });
  }
  return notes;
}
