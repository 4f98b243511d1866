import { RecordDomain } from '@tandem/domain';

/**
 * The default access policy (domain brief §4) as one declared table: who may read and write which
 * record domain of which client. It is written out by hand from the brief, not computed from the
 * ability, and is expanded into both the ability unit tests and the HTTP integration tests.
 *
 * Actors are demo users (libs/api/data-access demo-data). Clients:
 * - `monique`: FACT Noord; regiebehandelaar Anna, key worker Sanne, IPS Daan, klantmanager Fatima
 * - `noord`: another FACT Noord client, assigned to no participation staff ("client-20")
 * - `uwv`: a FACT Noord client with an arbeidsdeskundige (UWV) assigned ("client-8")
 * - `zuid`: a FACT Zuid client ("client-60")
 * Notes are written by the care organisation (GGZ) unless `authorOrg: 'own'` (the actor's organisation).
 */
export type MatrixClient = 'monique' | 'noord' | 'uwv' | 'zuid';
export const MATRIX_CLIENT_KEYS: Record<MatrixClient, string> = {
  monique: 'monique',
  noord: 'client-20',
  uwv: 'client-8',
  zuid: 'client-60',
};

export interface MatrixCase {
  actor: string;
  client: MatrixClient;
  authorOrg: 'ggz' | 'own';
  /** Can the actor see the client at all (otherwise everything answers 404)? */
  seesClient: boolean;
  read: RecordDomain[];
  create: RecordDomain[];
}

const { TREATMENT, PARTICIPATION, WMO, WORK_CAPACITY, CLIENT } = RecordDomain;
const ALL = [TREATMENT, PARTICIPATION, WMO, WORK_CAPACITY, CLIENT];
const CARE_WRITE = [TREATMENT, PARTICIPATION, WMO, WORK_CAPACITY];
const NONE: RecordDomain[] = [];

const row = (
  actor: string,
  client: MatrixClient,
  seesClient: boolean,
  read: RecordDomain[],
  create: RecordDomain[],
  authorOrg: 'ggz' | 'own' = 'ggz',
): MatrixCase => ({
  actor,
  client,
  authorOrg,
  seesClient,
  read,
  create,
});

export const PERMISSION_MATRIX: MatrixCase[] = [
  // Care staff of the client's team: treatment and participation (treatment relationship).
  ...(['regie', 'psychiater', 'keyworker'] as const).flatMap((a) => [
    row(a, 'monique', true, ALL, CARE_WRITE),
    row(a, 'noord', true, ALL, CARE_WRITE),
    row(a, 'uwv', true, ALL, CARE_WRITE),
    row(a, 'zuid', false, NONE, NONE),
  ]),
  // Care staff of another team: nothing without a new relationship.
  row('zuid-regie', 'monique', false, NONE, NONE),
  row('zuid-regie', 'zuid', true, ALL, CARE_WRITE),
  // Peer worker: participation and what the client writes, not treatment notes (team policy off).
  row('peer', 'monique', true, [PARTICIPATION, CLIENT], [PARTICIPATION]),
  row('peer', 'noord', true, [PARTICIPATION, CLIENT], [PARTICIPATION]),
  row('peer', 'zuid', false, NONE, NONE),
  // IPS specialist: participation data of his caseload; never treatment notes, no work-capacity summary without consent.
  row('ips', 'monique', true, [PARTICIPATION, CLIENT], [PARTICIPATION]),
  row('ips', 'noord', true, NONE, NONE), // on his team's board, but not his client: no content
  row('ips', 'zuid', false, NONE, NONE),
  // Klantmanager: participation data her own organisation recorded, for her own clients only.
  row('klantmanager', 'monique', true, NONE, [PARTICIPATION]),
  row('klantmanager', 'monique', true, [PARTICIPATION], [PARTICIPATION], 'own'),
  row('klantmanager', 'noord', false, NONE, NONE),
  row('klantmanager', 'zuid', false, NONE, NONE),
  // Arbeidsdeskundige (UWV): the same, for UWV clients.
  row('arbeidsdeskundige', 'uwv', true, NONE, [PARTICIPATION]),
  row('arbeidsdeskundige', 'uwv', true, [PARTICIPATION], [PARTICIPATION], 'own'),
  row('arbeidsdeskundige', 'monique', false, NONE, NONE),
  // Team lead and data-protection officer: no client content at all.
  row('teamlead', 'monique', false, NONE, NONE),
  row('teamlead', 'noord', false, NONE, NONE),
  row('dpo', 'monique', false, NONE, NONE),
  // The client: what she writes herself (and notes shared with her), only her own file.
  row('monique', 'monique', true, [CLIENT], [CLIENT]),
  row('monique', 'noord', false, NONE, NONE),
];
