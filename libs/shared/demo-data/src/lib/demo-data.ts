import { AssignmentKind, OrganisationType, Role, TeamType } from '@tandem/domain';
import { prng, stableId } from './ids';

/**
 * The fictional demo region. Every name, address and e-mail address here is invented; e-mail
 * addresses use the reserved `.example` domain. README.md lists the logins.
 */
export const DEMO_PASSWORD = 'Tandem-demo-2026';

export const DEMO_ORGS = {
  ggz: { id: stableId('org:ggz'), name: 'GGZ Rivierenland', type: OrganisationType.GGZ },
  gemeente: {
    id: stableId('org:gemeente'),
    name: 'Gemeente Rivierstad',
    type: OrganisationType.GEMEENTE,
  },
  uwv: { id: stableId('org:uwv'), name: 'UWV Rivierenland', type: OrganisationType.UWV },
} as const;

export const DEMO_TEAMS = {
  noord: {
    id: stableId('team:fact-noord'),
    organisationId: DEMO_ORGS.ggz.id,
    name: 'FACT Rivierstad-Noord',
    type: TeamType.FACT,
  },
  zuid: {
    id: stableId('team:fact-zuid'),
    organisationId: DEMO_ORGS.ggz.id,
    name: 'FACT Rivierstad-Zuid',
    type: TeamType.FACT,
  },
} as const;

export interface DemoUser {
  key: string;
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  team?: { teamId: string; role: Role };
  clientKey?: string;
  /** What this person should see in the demo (README). */
  sees: string;
}

const u = (
  key: string,
  email: string,
  displayName: string,
  organisationId: string,
  role: Role,
  teamId: string | undefined,
  sees: string,
): DemoUser => ({
  key,
  id: stableId(`user:${key}`),
  email,
  displayName,
  organisationId,
  roles: [role],
  team: teamId ? { teamId, role } : undefined,
  sees,
});

const GGZ = DEMO_ORGS.ggz.id;
const NOORD = DEMO_TEAMS.noord.id;
const ZUID = DEMO_TEAMS.zuid.id;

export const DEMO_USERS: DemoUser[] = [
  u(
    'regie',
    'anna.devries@ggz-rivierenland.example',
    'Anna de Vries',
    GGZ,
    Role.REGIEBEHANDELAAR,
    NOORD,
    'Regiebehandelaar of FACT Noord: the whole caseload, treatment and participation records of the team.',
  ),
  u(
    'psychiater',
    'karim.benali@ggz-rivierenland.example',
    'Karim Benali',
    GGZ,
    Role.PSYCHIATER,
    NOORD,
    'Psychiatrist in FACT Noord: the team caseload and its treatment records.',
  ),
  u(
    'keyworker',
    'sanne.jansen@ggz-rivierenland.example',
    'Sanne Jansen',
    GGZ,
    Role.SPV,
    NOORD,
    'SPV and key worker of Monique: the team caseload, Monique among her own clients.',
  ),
  u(
    'keyworker2',
    'ruud.bakker@ggz-rivierenland.example',
    'Ruud Bakker',
    GGZ,
    Role.SPV,
    NOORD,
    'SPV and key worker in FACT Noord.',
  ),
  u(
    'peer',
    'lotte.visser@ggz-rivierenland.example',
    'Lotte Visser',
    GGZ,
    Role.ERVARINGSDESKUNDIGE,
    NOORD,
    'Peer worker: the team caseload and participation records, not treatment notes.',
  ),
  u(
    'ips',
    'daan.mulder@ggz-rivierenland.example',
    'Daan Mulder',
    GGZ,
    Role.IPS_TRAJECTBEGELEIDER,
    NOORD,
    'IPS employment specialist: participation records of his IPS clients (Monique among them), never treatment notes.',
  ),
  u(
    'teamlead',
    'eva.smit@ggz-rivierenland.example',
    'Eva Smit',
    GGZ,
    Role.TEAMLEIDER,
    NOORD,
    'Team lead: membership and figures of FACT Noord, no note content.',
  ),
  u(
    'dpo',
    'henk.dijkstra@ggz-rivierenland.example',
    'Henk Dijkstra',
    GGZ,
    Role.FUNCTIONARIS_GEGEVENSBESCHERMING,
    undefined,
    'Data-protection officer: the access log.',
  ),
  u(
    'zuid-regie',
    'mila.peters@ggz-rivierenland.example',
    'Mila Peters',
    GGZ,
    Role.REGIEBEHANDELAAR,
    ZUID,
    "Regiebehandelaar of the other team (FACT Zuid): none of FACT Noord's clients.",
  ),
  u(
    'klantmanager',
    'fatima.elamrani@gemeente-rivierstad.example',
    'Fatima El Amrani',
    DEMO_ORGS.gemeente.id,
    Role.KLANTMANAGER,
    undefined,
    'Municipal klantmanager: her own clients on social assistance (Monique among them), participation records only.',
  ),
  u(
    'arbeidsdeskundige',
    'peter.degroot@uwv.example',
    'Peter de Groot',
    DEMO_ORGS.uwv.id,
    Role.ARBEIDSDESKUNDIGE,
    undefined,
    'UWV labour expert: his own UWV clients, participation records only.',
  ),
  {
    ...u(
      'monique',
      'monique@client.example',
      'Monique van Dam',
      GGZ,
      Role.CLIENT,
      undefined,
      'Monique herself: her participation passport.',
    ),
    clientKey: 'monique',
  },
];

export function demoUser(key: string): DemoUser {
  const found = DEMO_USERS.find((x) => x.key === key);
  if (!found) throw new Error(`No demo user "${key}"`);
  return found;
}

export interface DemoClient {
  key: string;
  id: string;
  teamId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  pseudonym: string;
  assignments: { userKey: string; kind: AssignmentKind }[];
}

/** Invented first names (also used by the benchmark's region generator). */
export const FICTIONAL_FIRST_NAMES: readonly string[] = [
  'Jeroen',
  'Fleur',
  'Bram',
  'Noor',
  'Thijs',
  'Iris',
  'Wouter',
  'Femke',
  'Sem',
  'Lieke',
  'Yusuf',
  'Esra',
  'Koen',
  'Maud',
  'Stijn',
  'Anouk',
  'Ravi',
  'Ilse',
  'Teun',
  'Mirjam',
  'Hamza',
  'Roos',
  'Gijs',
  'Dewi',
  'Milan',
  'Saskia',
  'Bilal',
  'Vera',
  'Olaf',
  'Zeynep',
];
/** Invented family names (also used by the benchmark's region generator). */
export const FICTIONAL_LAST_NAMES: readonly string[] = [
  'Brouwer',
  'Hendriks',
  'Kuipers',
  'Willems',
  'Vos',
  'Postma',
  'Huisman',
  'Schouten',
  'Koster',
  'Prins',
  'Veenstra',
  'Boer',
  'Dekker',
  'Lammers',
  'Wijnands',
  'Aydın',
  'Maas',
  'Timmer',
  'Bosman',
  'Kramer',
  'Mertens',
  'Sarmo',
  'Vink',
  'Groen',
];

const PSEUDO = ['Cliënt', 'Client'];

function pseudonymFor(index: number): string {
  return `${PSEUDO[0]} ${String.fromCharCode(65 + (index % 26))}${Math.floor(index / 26) + 1}-${(index * 7919) % 1000}`;
}

/** Monique, Simon and 58 generated clients in FACT Noord; 12 generated clients in FACT Zuid. */
export function demoClients(): DemoClient[] {
  const rnd = prng(20261124);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const clients: DemoClient[] = [
    {
      key: 'monique',
      id: stableId('client:monique'),
      teamId: NOORD,
      firstName: 'Monique',
      lastName: 'van Dam',
      dateOfBirth: '1981-03-14',
      pseudonym: pseudonymFor(0),
      assignments: [
        { userKey: 'regie', kind: AssignmentKind.REGIEBEHANDELAAR },
        { userKey: 'keyworker', kind: AssignmentKind.KEY_WORKER },
        { userKey: 'ips', kind: AssignmentKind.IPS_SPECIALIST },
        { userKey: 'klantmanager', kind: AssignmentKind.KLANTMANAGER },
      ],
    },
    {
      key: 'simon',
      id: stableId('client:simon'),
      teamId: NOORD,
      firstName: 'Simon',
      lastName: 'Verhoef',
      dateOfBirth: '1977-09-02',
      pseudonym: pseudonymFor(1),
      assignments: [
        { userKey: 'regie', kind: AssignmentKind.REGIEBEHANDELAAR },
        { userKey: 'keyworker2', kind: AssignmentKind.KEY_WORKER },
      ],
    },
  ];
  for (let i = 2; i < 72; i++) {
    const zuid = i >= 60;
    const year = 1960 + Math.floor(rnd() * 45);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const assignments: DemoClient['assignments'] = zuid
      ? [{ userKey: 'zuid-regie', kind: AssignmentKind.REGIEBEHANDELAAR }]
      : [
          { userKey: rnd() < 0.6 ? 'regie' : 'psychiater', kind: AssignmentKind.REGIEBEHANDELAAR },
          { userKey: rnd() < 0.5 ? 'keyworker' : 'keyworker2', kind: AssignmentKind.KEY_WORKER },
        ];
    if (!zuid && i < 20) assignments.push({ userKey: 'ips', kind: AssignmentKind.IPS_SPECIALIST });
    if (!zuid && i % 3 === 0)
      assignments.push({ userKey: 'klantmanager', kind: AssignmentKind.KLANTMANAGER });
    if (!zuid && i % 7 === 1)
      assignments.push({ userKey: 'arbeidsdeskundige', kind: AssignmentKind.ARBEIDSDESKUNDIGE });
    clients.push({
      key: `client-${i}`,
      id: stableId(`client:${i}`),
      teamId: zuid ? ZUID : NOORD,
      firstName: pick(FICTIONAL_FIRST_NAMES),
      lastName: pick(FICTIONAL_LAST_NAMES),
      dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      pseudonym: pseudonymFor(i),
      assignments,
    });
  }
  return clients;
}
