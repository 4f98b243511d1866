import type { RecordDomain } from '@tandem/domain';

/**
 * The shapes the ability reasons about. Only the fields used in conditions are listed; the API maps
 * them to SQL columns (see `libs/api/authz`), the web client gets them from the API.
 */
export interface ClientSubject {
  id: string;
  teamId: string;
}

export interface NoteSubject {
  id?: string;
  clientId: string;
  /** The client's care team (notes follow their client). */
  teamId: string;
  domain: RecordDomain;
  authorId: string;
  /** The organisation the author wrote it for. */
  organisationId: string;
  /** A professional shared this note with the client (passport). */
  sharedWithClient: boolean;
}

export interface PlanSubject {
  clientId: string;
  teamId: string;
  domain: RecordDomain;
}

export interface BoardSubject {
  clientId: string;
  teamId: string;
}

export interface TeamSubject {
  id: string;
}

export interface AccessLogSubject {
  organisationId: string | null;
  clientId: string | null;
  clientIds: string[];
  /** The organisation whose team holds the client. */
  clientOrganisationId: string | null;
}

export interface ConsentSubject {
  clientId: string;
  teamId: string;
  recipientOrganisationId: string;
}

/** IPS work (issue 6): a client's trajectory, placements and work goals. */
export interface IpsClientSubject {
  clientId: string;
  /** The client's care team. */
  teamId: string;
}

/** A registered contact with the client: who may see it follows its record domain. */
export interface ActivitySubject {
  clientId: string;
  teamId: string;
  domain: 'TREATMENT' | 'PARTICIPATION' | 'WMO';
  performedBy: string;
}

/** The team's shared employer register. */
export interface EmployerSubject {
  teamId: string;
}

/** A contact with an employer (job development), for one client or general (clientId null). */
export interface EmployerContactSubject {
  teamId: string;
  clientId: string | null;
  specialistId: string;
}

/** Team-level IPS figures (the dashboard) and the team's fidelity self-assessment. */
export interface IpsTeamSubject {
  teamId: string;
}

/** A case conference (issue 5): organised by a team; attendees are invited users (organiser included). */
export interface ConferenceSubject {
  id?: string;
  /** The organising team. */
  teamId: string;
  /** Users invited and not removed. */
  attendeeIds: string[];
}

/**
 * A document the client shares herself from the passport (e.g. a letter from her doctor) with one
 * person who works with her, for a purpose and a period. `active` = not revoked and within its period.
 */
export interface ClientDocumentSubject {
  clientId: string;
  teamId: string;
  recipientUserId: string;
  active: boolean;
}

export type SubjectName =
  | 'Client'
  | 'Note'
  | 'Plan'
  | 'Board'
  | 'Team'
  | 'AccessLog'
  | 'Consent'
  | 'Trajectory'
  | 'Placement'
  | 'WorkGoal'
  | 'Activity'
  | 'Employer'
  | 'EmployerContact'
  | 'IpsDashboard'
  | 'FidelityAssessment'
  | 'FundingSettings'
  | 'Conference'
  | 'ClientDocument';
export type Action =
  | 'read'
  | 'create'
  | 'update'
  | 'correct'
  | 'request'
  | 'revoke'
  | 'export'
  | 'review'
  | 'comment'
  | 'override'
  | 'join'
  | 'disclose';

/** Client fields only care staff may receive: diagnoses and the board's (clinical) reason. */
export const CLIENT_CARE_FIELDS = ['diagnosis', 'boardReason'] as const;

/** Client fields every professional who may see the client receives. */
export const CLIENT_BASIC_FIELDS = [
  'id',
  'teamId',
  'teamName',
  'firstName',
  'lastName',
  'dateOfBirth',
  'pseudonym',
  'keyWorker',
  'regiebehandelaar',
  'assignments',
  'onBoard',
  'boardSince',
  'daysOnBoard',
  'lastContactOn',
  'nextContactOn',
  'version',
] as const;

export const CLIENT_ALL_FIELDS = [...CLIENT_BASIC_FIELDS, ...CLIENT_CARE_FIELDS];

/** Fields of a plan that only care may receive (treatment-plan goals linked from the participation plan). */
export const PLAN_CARE_FIELDS = ['linkedTreatmentGoals'] as const;

/** Work-goal fields only care staff may set: the link to a treatment-plan goal. */
export const WORK_GOAL_CARE_FIELDS = ['treatmentGoalId'] as const;
export const WORK_GOAL_FIELDS = [
  'text',
  'status',
  'targetDate',
  'reviewIntervalWeeks',
  'writtenWithClient',
  ...WORK_GOAL_CARE_FIELDS,
] as const;
