import type { Principal } from '@tandem/domain';

/** One failed rule in a `VALIDATION_FAILED` response. */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/** The body of every error response of the API. */
export interface ApiProblem {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldError[];
  /** Set with `ACCOUNT_LOCKED`. */
  retryAfterSeconds?: number;
  /** Set with `ACCOUNT_LOCKED` (ISO 8601). */
  lockedUntil?: string;
  [key: string]: unknown;
}

/** Response of `POST /api/v1/auth/login` and `POST /api/v1/auth/refresh`. */
export interface TokenResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  principal: Principal;
}

export interface PersonRef {
  userId: string;
  displayName: string;
}

export interface CaseloadItem {
  clientId: string;
  firstName: string;
  lastName: string;
  teamId: string;
  teamName: string;
  keyWorker: PersonRef | null;
  regiebehandelaar: PersonRef | null;
  /** On the FACT board (intensive care). */
  onBoard: boolean;
  /** Why the client is on the board. The API sends this field to care staff only. */
  boardReason?: string | null;
  /** ISO 8601 timestamp. */
  boardSince: string | null;
  daysOnBoard: number | null;
  /** YYYY-MM-DD */
  lastContactOn: string | null;
  /** YYYY-MM-DD */
  nextContactOn: string | null;
  /** Optimistic-locking version; send it back with changes. */
  version: number;
}

export interface CaseloadPage {
  items: CaseloadItem[];
  total: number;
  page: number;
  pageSize: number;
}

export type CaseloadSort = 'name' | 'boardSince' | 'nextContactOn' | 'lastContactOn';

export interface CaseloadQuery {
  teamId?: string;
  q?: string;
  onBoard?: boolean;
  keyWorkerId?: string;
  sort?: CaseloadSort;
  page?: number;
  pageSize?: number;
}

/** A funding domain of a record in the client file (see RecordDomain in @tandem/domain). */
export type Domain = 'TREATMENT' | 'PARTICIPATION' | 'WMO' | 'WORK_CAPACITY' | 'CLIENT';

/** What the signed-in user may do with one client, decided by the server. */
export interface ClientPermissions {
  readableDomains: Domain[];
  writableDomains: Domain[];
  canUpdateBoard: boolean;
  canTransfer: boolean;
}

/** Response of `GET /api/v1/clients/:clientId`. */
export interface ClientDetail extends CaseloadItem {
  /** YYYY-MM-DD */
  dateOfBirth: string;
  pseudonym: string;
  /** Care staff only: absent for everyone else. */
  diagnosis?: string | null;
  permissions: ClientPermissions;
}

/** Body of `PATCH /api/v1/clients/:clientId/board`. */
export interface BoardUpdate {
  onBoard: boolean;
  boardReason?: string;
  nextContactOn?: string | null;
  version: number;
}

export interface NoteRevision {
  version: number;
  title: string;
  body: string;
  authorId: string;
  authorName: string;
  reason: string | null;
  createdAt: string;
}

export interface Note {
  id: string;
  clientId: string;
  domain: Domain;
  title: string;
  body: string;
  /** YYYY-MM-DD: the date of the contact the note is about. */
  contactOn: string;
  authorId: string;
  authorName: string;
  authorRole: string;
  organisationName: string;
  sharedWithClient: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Only in `GET /notes/:noteId` and the answers to writes: newest first. */
  revisions?: NoteRevision[];
}

export interface NotePage {
  items: Note[];
  total: number;
  page: number;
  pageSize: number;
}

export interface NotesQuery {
  domain?: Domain;
  page?: number;
  /** At most 100. */
  pageSize?: number;
}

/** Body of `POST /api/v1/clients/:clientId/notes`. */
export interface NewNote {
  domain: Domain;
  title: string;
  body: string;
  contactOn: string;
  sharedWithClient?: boolean;
}

/** Body of `POST /api/v1/clients/:clientId/notes/:noteId/corrections`. */
export interface NoteCorrection {
  title?: string;
  body: string;
  reason: string;
  version: number;
}

export type GoalStatus = 'OPEN' | 'ACHIEVED' | 'STOPPED';

export interface PlanGoal {
  id: string;
  text: string;
  status: GoalStatus;
  targetDate?: string | null;
  /** Care only: the treatment goal a participation goal serves. */
  treatmentGoalId?: string | null;
}

/** One item of `GET /api/v1/clients/:clientId/plans`. */
export interface Plan {
  domain: 'TREATMENT' | 'PARTICIPATION';
  summary: string;
  goals: PlanGoal[];
  /** Care only. */
  linkedTreatmentGoals?: { id: string; text: string }[];
  version: number;
  updatedAt: string | null;
  canEdit: boolean;
}
