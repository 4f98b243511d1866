import type { MatrixClient } from './permission-matrix';

/**
 * Who may do what with IPS records (issue 6), as one declared table written from the issue and the
 * domain brief §4 — not computed from the ability. It is expanded into ability unit tests
 * (libs/shared/ability) and HTTP tests (apps/api/test/ips-permissions.int-spec.ts).
 *
 * - care staff of the client's team read everything and register any activity; the
 *   regiebehandelaar (team role, or assigned) reviews work goals;
 * - the IPS specialist assigned to the client writes trajectory, placements, goals, employer
 *   contacts and work activities;
 * - the klantmanager / arbeidsdeskundige read their own clients' IPS records and log work activities;
 * - the peer worker reads the team's IPS records and work activities;
 * - the client reads her trajectory, goals and placements, comments on her goals and alone sets
 *   what an employer may be told (disclosure);
 * - team lead and data-protection officer: no client records (aggregates only).
 */
export type IpsDomain = 'TREATMENT' | 'PARTICIPATION' | 'WMO';

export interface IpsMatrixCase {
  actor: string;
  client: MatrixClient;
  readTrajectory: boolean;
  writeTrajectory: boolean;
  readPlacement: boolean;
  writePlacement: boolean;
  readWorkGoal: boolean;
  writeWorkGoal: boolean;
  reviewWorkGoal: boolean;
  commentWorkGoal: boolean;
  /** Sets what an employer may be told about her illness: the client herself, nobody else. */
  discloseTrajectory: boolean;
  readEmployerContacts: boolean;
  logEmployerContact: boolean;
  readActivities: IpsDomain[];
  createActivities: IpsDomain[];
}

const ALL: IpsDomain[] = ['TREATMENT', 'PARTICIPATION', 'WMO'];
const WORK: IpsDomain[] = ['PARTICIPATION'];

const nothing = (actor: string, client: MatrixClient): IpsMatrixCase => ({
  actor,
  client,
  readTrajectory: false,
  writeTrajectory: false,
  readPlacement: false,
  writePlacement: false,
  readWorkGoal: false,
  writeWorkGoal: false,
  reviewWorkGoal: false,
  commentWorkGoal: false,
  discloseTrajectory: false,
  readEmployerContacts: false,
  logEmployerContact: false,
  readActivities: [],
  createActivities: [],
});

const reader = (actor: string, client: MatrixClient): IpsMatrixCase => ({
  ...nothing(actor, client),
  readTrajectory: true,
  readPlacement: true,
  readWorkGoal: true,
  readEmployerContacts: true,
});

const care = (actor: string, client: MatrixClient, reviews: boolean): IpsMatrixCase => ({
  ...reader(actor, client),
  reviewWorkGoal: reviews,
  readActivities: ALL,
  createActivities: ALL,
});

const ipsSpecialist = (client: MatrixClient): IpsMatrixCase => ({
  ...reader('ips', client),
  writeTrajectory: true,
  writePlacement: true,
  writeWorkGoal: true,
  logEmployerContact: true,
  readActivities: WORK,
  createActivities: WORK,
});

const partner = (actor: string, client: MatrixClient): IpsMatrixCase => ({
  ...reader(actor, client),
  readActivities: WORK,
  createActivities: WORK,
});

export const IPS_MATRIX: IpsMatrixCase[] = [
  // Care staff of the team: everything readable; the regiebehandelaar reviews.
  care('regie', 'monique', true),
  care('regie', 'noord', true),
  care('regie', 'uwv', true),
  nothing('regie', 'zuid'),
  care('keyworker', 'monique', false),
  care('keyworker', 'noord', false),
  nothing('keyworker', 'zuid'),
  // The psychiatrist is not Monique's regiebehandelaar: reads, does not review.
  care('psychiater', 'monique', false),
  // Another team's regiebehandelaar: nothing of FACT Noord, everything of her own team.
  nothing('zuid-regie', 'monique'),
  care('zuid-regie', 'zuid', true),
  // Peer worker: the team's IPS records and work activities, no writes.
  { ...reader('peer', 'monique'), readActivities: WORK },
  { ...reader('peer', 'noord'), readActivities: WORK },
  nothing('peer', 'zuid'),
  // The IPS specialist: his own IPS clients only (client-20 is on his team's board, not his client).
  ipsSpecialist('monique'),
  ipsSpecialist('uwv'),
  nothing('ips', 'noord'),
  nothing('ips', 'zuid'),
  // Klantmanager and arbeidsdeskundige: their own clients' records; they log work activities.
  partner('klantmanager', 'monique'),
  nothing('klantmanager', 'noord'),
  nothing('klantmanager', 'uwv'),
  partner('arbeidsdeskundige', 'uwv'),
  nothing('arbeidsdeskundige', 'monique'),
  // Team lead and data-protection officer: aggregates only.
  nothing('teamlead', 'monique'),
  nothing('dpo', 'monique'),
  // The client: her trajectory, goals and placements (passport) and her comments.
  {
    ...nothing('monique', 'monique'),
    readTrajectory: true,
    readPlacement: true,
    readWorkGoal: true,
    commentWorkGoal: true,
    discloseTrajectory: true,
  },
  nothing('monique', 'noord'),
];
