import type { TandemApi } from '@tandem/web-data-access';

/** `GET /api/v1/me/team`. */
export interface TeamOrganisation {
  id: string;
  name: string;
  type: 'GGZ' | 'GEMEENTE' | 'UWV' | 'IPS_AANBIEDER';
}
export interface TeamPerson {
  userId: string;
  displayName: string;
  organisation: TeamOrganisation;
  /** REGIEBEHANDELAAR, KEY_WORKER, IPS_SPECIALIST, KLANTMANAGER, ARBEIDSDESKUNDIGE */
  assignments: string[];
  teamRole: string | null;
  since: string | null;
}
export interface MyTeam {
  careTeam: { id: string; name: string; type: string; organisation: TeamOrganisation };
  people: TeamPerson[];
  organisations: TeamOrganisation[];
}

export interface PersonRef {
  userId: string;
  displayName: string;
}
export interface WorkGoalReview {
  id: string;
  reviewedOn: string;
  assessment: 'ON_TRACK' | 'PARTLY' | 'OFF_TRACK' | 'ACHIEVED' | 'STOP';
  comment: string;
  nextReviewOn: string | null;
  reviewer: PersonRef;
}
export interface WorkGoalComment {
  id: string;
  text: string;
  authorName: string;
  byClient: boolean;
  createdAt: string;
}
export interface WorkGoal {
  id: string;
  text: string;
  status: 'OPEN' | 'ACHIEVED' | 'STOPPED';
  targetDate: string | null;
  nextReviewOn: string | null;
  lastReview: WorkGoalReview | null;
  reviews?: WorkGoalReview[];
  comments?: WorkGoalComment[];
  commentCount: number;
}
export interface GoalProposal {
  id: string;
  text: string;
  authorName: string;
  createdAt: string;
}

export type Disclosure = 'FULL' | 'PARTIAL' | 'NONE' | 'UNDECIDED';
export const DISCLOSURES: Disclosure[] = ['PARTIAL', 'FULL', 'NONE', 'UNDECIDED'];
export const IPS_STEPS = ['INTAKE', 'ASSESSMENT', 'JOB_FINDING', 'COACHING', 'AFTERCARE'] as const;

export interface VocationalProfile {
  version: number;
  wishes: string;
  strengths: string;
  experience: string;
  limitations: string;
  preferredHoursMin: number | null;
  preferredHoursMax: number | null;
  disclosure: Disclosure;
}
export interface Trajectory {
  id: string;
  phase: (typeof IPS_STEPS)[number] | 'ENDED';
  phaseSince: string;
  specialist: PersonRef;
  profile: VocationalProfile | null;
}
export interface IpsOverview {
  trajectory: Trajectory | null;
}
export interface Placement {
  id: string;
  employerName: string;
  jobTitle: string;
  type: 'COMPETITIVE' | 'WORK_EXPERIENCE' | 'VOLUNTEERING' | 'SHELTERED' | 'DAY_ACTIVITY';
  startDate: string;
  endDate: string | null;
  hoursPerWeek: number;
  support: string[];
}

export interface ConferenceSummary {
  id: string;
  kind: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
  status: 'PLANNED' | 'LIVE' | 'CLOSED' | 'CANCELLED';
}
export interface ConferenceDetail extends ConferenceSummary {
  attendees: { userId: string; displayName: string; organisationName: string; isClient: boolean }[];
  items: {
    id: string;
    clientId?: string;
    minutes: Partial<Record<'TREATMENT' | 'PARTICIPATION' | 'ANONYMISED', { text: string }>>;
    decisions: { id: string; text: string }[];
    actions: {
      id: string;
      text: string;
      ownerName: string;
      dueOn: string;
      status: 'OPEN' | 'DONE';
    }[];
  }[];
}

const clientPath = (clientId: string) => `/clients/${encodeURIComponent(clientId)}`;

/** The calls of the passport-core sections, on the signed-in session. */
export function passportApi(api: TandemApi) {
  return {
    myTeam: (signal?: AbortSignal) => api.request<MyTeam>('/me/team', { signal }),
    workGoals: (clientId: string, signal?: AbortSignal) =>
      api.request<{ items: WorkGoal[] }>(`${clientPath(clientId)}/ips/work-goals`, {
        signal,
        query: { pageSize: 50 },
      }),
    workGoal: (clientId: string, goalId: string, signal?: AbortSignal) =>
      api.request<WorkGoal>(
        `${clientPath(clientId)}/ips/work-goals/${encodeURIComponent(goalId)}`,
        { signal },
      ),
    comment: (clientId: string, goalId: string, text: string) =>
      api.request<WorkGoalComment>(
        `${clientPath(clientId)}/ips/work-goals/${encodeURIComponent(goalId)}/comments`,
        { method: 'POST', body: { text } },
      ),
    proposals: (signal?: AbortSignal) =>
      api.request<GoalProposal[]>('/me/goal-proposals', { signal }),
    propose: (text: string) =>
      api.request<GoalProposal>('/me/goal-proposals', { method: 'POST', body: { text } }),
    ips: (clientId: string, signal?: AbortSignal) =>
      api.request<IpsOverview>(`${clientPath(clientId)}/ips`, { signal }),
    placements: (clientId: string, signal?: AbortSignal) =>
      api.request<{ items: Placement[] }>(`${clientPath(clientId)}/ips/placements`, {
        signal,
        query: { pageSize: 50 },
      }),
    setDisclosure: (basedOnVersion: number, disclosure: Disclosure) =>
      api.request<IpsOverview>('/me/work/disclosure', {
        method: 'PUT',
        body: { basedOnVersion, disclosure },
      }),
    conferences: (signal?: AbortSignal) =>
      api.request<ConferenceSummary[]>('/conferences', { signal }),
    conference: (id: string, signal?: AbortSignal) =>
      api.request<ConferenceDetail>(`/conferences/${encodeURIComponent(id)}`, { signal }),
  };
}

export type PassportApi = ReturnType<typeof passportApi>;
