import type {
  BenefitType,
  ContractType,
  DisclosurePreference,
  EmployerContactKind,
  EmployerContactOutcome,
  IpsPhase,
  PlacementType,
  SupportArrangement,
  TrajectoryEndReason,
  WorkGoalAssessment,
  WorkGoalStatus,
} from '@tandem/domain';
import type { ActivityKind, Funder } from '@tandem/funding';
import type { PersonRef, TandemApi } from '@tandem/web-data-access';

/** The shapes below follow `apps/api/openapi.json` (libs/api/ips dtos); only what the screens use. */

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface VocationalProfile {
  version: number;
  wishes: string;
  strengths: string;
  experience: string;
  limitations: string;
  preferredHoursMin: number | null;
  preferredHoursMax: number | null;
  disclosure: DisclosurePreference;
  reason: string;
  placementId: string | null;
  authorName: string;
  createdAt: string;
}

export interface TrajectoryEvent {
  event: 'REGISTERED' | 'PHASE' | 'BENEFIT' | 'INSURER' | 'ENDED';
  effectiveOn: string;
  phase: string | null;
  fromBenefit: string | null;
  toBenefit: string | null;
  throughWork: boolean | null;
  endReason: string | null;
  insurer: string | null;
  actorName: string;
  at: string;
}

export interface Trajectory {
  id: string;
  clientId: string;
  specialist: PersonRef;
  referralDate: string;
  phase: IpsPhase;
  phaseSince: string;
  benefit: BenefitType;
  healthInsurer: { insurer: string; name: string; motivationalCap: number } | null;
  endedOn: string | null;
  endReason: string | null;
  daysToFirstEmployerContact: number | null;
  profile: VocationalProfile | null;
  profileHistory: VocationalProfile[];
  events: TrajectoryEvent[];
  version: number;
}

export interface IpsPermissions {
  canCreateTrajectory: boolean;
  canUpdateTrajectory: boolean;
  canReadPlacements: boolean;
  canCreatePlacement: boolean;
  canReadWorkGoals: boolean;
  canCreateWorkGoal: boolean;
  canReviewWorkGoals: boolean;
  canLinkTreatmentGoals: boolean;
  canReadActivities: boolean;
  creatableActivityKinds: string[];
  canCreateEmployerContact: boolean;
}

export interface IpsOverview {
  trajectory: Trajectory | null;
  history: Trajectory[];
  permissions: IpsPermissions;
}

export interface TrajectoryUpdate {
  version: number;
  phase?: IpsPhase;
  endReason?: TrajectoryEndReason;
  effectiveOn?: string;
}

export interface ContactPerson {
  id: string;
  name: string;
  role: string;
  phone: string;
  email: string;
}

export interface Employer {
  id: string;
  teamId: string;
  name: string;
  sector: string;
  city: string;
  contactPersons: ContactPerson[];
  lastContactOn: string | null;
  contactCount: number;
  version: number;
  canEdit: boolean;
}

export interface EmployerContact {
  id: string;
  employerId: string;
  employerName: string;
  contactPersonName: string | null;
  specialist: PersonRef;
  clientId: string | null;
  clientName: string | null;
  contactOn: string;
  kind: EmployerContactKind;
  outcome: EmployerContactOutcome;
  notes: string;
  followUpOn: string | null;
  followUp: string;
  version: number;
  createdAt: string;
}

export interface NewEmployerContact {
  employerId?: string;
  newEmployerName?: string;
  clientId?: string;
  contactOn?: string;
  kind: EmployerContactKind;
  outcome?: EmployerContactOutcome;
  notes?: string;
  followUpOn?: string;
  followUp?: string;
}

export interface FollowAlong {
  activityId: string;
  performedOn: string;
  kind: string;
  withWhom: 'CLIENT' | 'EMPLOYER' | 'BOTH' | null;
  performedByName: string;
  durationMinutes: number;
}

export interface Placement {
  id: string;
  clientId: string;
  employerId: string;
  employerName: string;
  jobTitle: string;
  type: PlacementType;
  competitive: boolean;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  hoursPerWeek: number;
  hourlyWage: number | null;
  contract: ContractType;
  support: SupportArrangement[];
  notes: string;
  tenureDays: number;
  version: number;
  canEdit: boolean;
  followAlong?: FollowAlong[];
}

export interface NewPlacement {
  employerId: string;
  jobTitle: string;
  type: PlacementType;
  startDate: string;
  hoursPerWeek: number;
  hourlyWage?: number | null;
  contract?: ContractType;
  support?: SupportArrangement[];
  notes?: string;
}

export interface WorkGoalReview {
  id: string;
  reviewedOn: string;
  assessment: WorkGoalAssessment;
  comment: string;
  nextReviewOn: string | null;
  reviewer: PersonRef;
  createdAt: string;
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
  clientId: string;
  text: string;
  status: WorkGoalStatus;
  targetDate: string | null;
  reviewIntervalWeeks: number;
  nextReviewOn: string | null;
  dueForReview: boolean;
  writtenWithClient: boolean;
  linkedToTreatmentPlan: boolean;
  lastReview: WorkGoalReview | null;
  reviews?: WorkGoalReview[];
  comments?: WorkGoalComment[];
  commentCount: number;
  version: number;
  canReview: boolean;
}

export interface WorkGoalReviewInput {
  version: number;
  reviewedOn: string;
  assessment: WorkGoalAssessment;
  comment?: string;
  nextReviewOn?: string;
}

export interface DueWorkGoal {
  goalId: string;
  clientId: string;
  clientName: string;
  teamId: string;
  text: string;
  nextReviewOn: string;
  daysOverdue: number;
  regiebehandelaar: PersonRef | null;
  lastReviewedOn: string | null;
  proposedForConference: boolean;
  version: number;
}

export interface DueWorkGoalPage extends Page<DueWorkGoal> {
  asOf: string;
}

export interface CatalogueKind {
  kind: ActivityKind;
  label: string;
  domain: 'TREATMENT' | 'PARTICIPATION' | 'WMO';
  description: string;
}

export interface FundingCatalogue {
  kinds: CatalogueKind[];
  funders: { funder: Funder; label: string }[];
  rules: { id: string; title: string; source: string }[];
}

export interface Classification {
  funder: Funder;
  funderLabel: string;
  reason: string;
  overridden: boolean;
  rule: { funder: Funder; ruleId: string; source: string; reason: string };
  override: { funder: Funder; reason: string; byName: string; at: string } | null;
}

export interface Activity {
  id: string;
  clientId: string;
  kind: ActivityKind;
  kindLabel: string;
  performedOn: string;
  durationMinutes: number;
  performedByName: string;
  summary: string;
  classification: Classification;
  canOverride: boolean;
  version: number;
}

export interface NewActivity {
  kind: ActivityKind;
  performedOn: string;
  durationMinutes: number;
  summary?: string;
  inTreatmentPlan?: boolean;
  directedByRegiebehandelaar?: boolean;
  placementId?: string;
  withWhom?: 'CLIENT' | 'EMPLOYER' | 'BOTH';
}

export interface Stat {
  count: number;
  average: number | null;
  median: number | null;
}

export interface IpsFigures {
  activeCaseload: number;
  caseloadPerSpecialist: number | null;
  employerContacts: number;
  faceToFaceContacts: number;
  employerContactsPerSpecialistPerWeek: number | null;
  faceToFacePerSpecialistPerWeek: number | null;
  daysToFirstEmployerContact: Stat & { referrals: number; within30: number; overdue: number };
  clientsInCompetitiveWork: number;
  competitiveWorkPct: number | null;
  jobStarts: number;
  placementStarts: number;
  timeToFirstJob: Stat;
  averageHoursPerWeek: number | null;
  jobTenureDays: Stat;
  exitsFromBenefit: number;
}

export interface FidelityItemScore {
  code: string;
  section: 'STAFFING' | 'ORGANISATION' | 'SERVICES';
  title: string;
  derived: boolean;
  measure: string | null;
  value: number | null;
  score: number | null;
  scoredBy: 'DATA' | 'SELF_ASSESSMENT' | 'NONE';
  comment: string | null;
}

export interface IpsDashboard {
  teamId: string;
  teamName: string;
  from: string;
  to: string;
  weeks: number;
  norms: {
    maxCaseload: number;
    minEmployerContactsPerWeek: number;
    maxDaysToFirstEmployerContact: number;
  };
  team: IpsFigures;
  specialists: { userId: string; displayName: string; figures: IpsFigures }[];
  series: {
    weeks: { weekStart: string; employerContacts: number; faceToFace: number }[];
    months: { month: string; jobStarts: number; placementStarts: number }[];
  };
  fidelity: {
    items: FidelityItemScore[];
    total: number;
    scoredItems: number;
    maxTotal: number;
    level: 'EXEMPLARY' | 'GOOD' | 'FAIR' | 'NOT_IPS' | null;
    selfAssessedOn: string | null;
  };
}

export interface FidelityAssessment {
  id: string;
  teamId: string;
  assessedOn: string;
  scores: { item: string; score: number; comment?: string }[];
  total: number;
  comment: string;
  authorName: string;
  createdAt: string;
}

export interface NewFidelityAssessment {
  teamId?: string;
  assessedOn: string;
  scores: { item: string; score: number }[];
  comment?: string;
}

export interface FunderTotal {
  funder: Funder;
  label: string;
  activities: number;
  minutes: number;
  overridden: number;
}

export interface FundingReportLine {
  activityId: string;
  performedOn: string;
  clientId: string;
  clientName: string;
  kind: string;
  performedByName: string;
  durationMinutes: number;
  funder: Funder;
  ruleId: string;
  source: string;
  reason: string;
  overridden: boolean;
  ruleFunder: Funder;
}

export interface FundingReport extends Page<FundingReportLine> {
  from: string;
  to: string;
  teamId: string | null;
  totals: FunderTotal[];
  check: {
    activities: number;
    distinctActivities: number;
    sumOverFunders: number;
    countedOnce: boolean;
  };
}

export interface FundingReportQuery {
  from: string;
  to: string;
  teamId?: string;
  funder?: Funder;
  page?: number;
  pageSize?: number;
}

const enc = encodeURIComponent;
const ipsPath = (clientId: string) => `/clients/${enc(clientId)}/ips`;

/** The IPS calls, on top of the authenticated `request` of the data-access lib. */
export function ipsApi(api: TandemApi) {
  return {
    overview: (clientId: string, signal?: AbortSignal) =>
      api.request<IpsOverview>(ipsPath(clientId), { signal }),
    updateTrajectory: (clientId: string, body: TrajectoryUpdate) =>
      api.request<IpsOverview>(`${ipsPath(clientId)}/trajectory`, { method: 'PATCH', body }),

    employers: (query: { q?: string; pageSize?: number }, signal?: AbortSignal) =>
      api.request<Page<Employer>>('/ips/employers', {
        signal,
        query: { q: query.q?.trim() || undefined, pageSize: query.pageSize ?? 20 },
      }),
    employerContacts: (
      query: { clientId?: string; specialistId?: string; pageSize?: number },
      signal?: AbortSignal,
    ) => api.request<Page<EmployerContact>>('/ips/employer-contacts', { signal, query }),
    createEmployerContact: (body: NewEmployerContact) =>
      api.request<EmployerContact>('/ips/employer-contacts', { method: 'POST', body }),

    placements: (clientId: string, signal?: AbortSignal) =>
      api.request<Page<Placement>>(`${ipsPath(clientId)}/placements`, {
        signal,
        query: { pageSize: 100 },
      }),
    placement: (clientId: string, id: string, signal?: AbortSignal) =>
      api.request<Placement>(`${ipsPath(clientId)}/placements/${enc(id)}`, { signal }),
    createPlacement: (clientId: string, body: NewPlacement) =>
      api.request<Placement>(`${ipsPath(clientId)}/placements`, { method: 'POST', body }),

    workGoals: (clientId: string, signal?: AbortSignal) =>
      api.request<Page<WorkGoal>>(`${ipsPath(clientId)}/work-goals`, {
        signal,
        query: { pageSize: 100 },
      }),
    workGoal: (clientId: string, id: string, signal?: AbortSignal) =>
      api.request<WorkGoal>(`${ipsPath(clientId)}/work-goals/${enc(id)}`, { signal }),
    reviewWorkGoal: (clientId: string, id: string, body: WorkGoalReviewInput) =>
      api.request<WorkGoal>(`${ipsPath(clientId)}/work-goals/${enc(id)}/reviews`, {
        method: 'POST',
        body,
      }),
    dueWorkGoals: (
      query: { forReview?: boolean; teamId?: string; page?: number; pageSize?: number },
      signal?: AbortSignal,
    ) => api.request<DueWorkGoalPage>('/ips/work-goals/due', { signal, query }),

    catalogue: (signal?: AbortSignal) =>
      api.request<FundingCatalogue>('/ips/funding/catalogue', { signal }),
    createActivity: (clientId: string, body: NewActivity) =>
      api.request<Activity>(`${ipsPath(clientId)}/activities`, { method: 'POST', body }),
    overrideFunding: (
      clientId: string,
      id: string,
      body: { version: number; funder: Funder; reason: string },
    ) =>
      api.request<Activity>(`${ipsPath(clientId)}/activities/${enc(id)}/funding-override`, {
        method: 'POST',
        body,
      }),

    dashboard: (query: { teamId?: string; from?: string; to?: string }, signal?: AbortSignal) =>
      api.request<IpsDashboard>('/ips/dashboard', { signal, query }),
    assessments: (teamId: string | undefined, signal?: AbortSignal) =>
      api.request<Page<FidelityAssessment>>('/ips/fidelity-assessments', {
        signal,
        query: { teamId, pageSize: 50 },
      }),
    createAssessment: (body: NewFidelityAssessment) =>
      api.request<FidelityAssessment>('/ips/fidelity-assessments', { method: 'POST', body }),

    fundingReport: (query: FundingReportQuery, signal?: AbortSignal) =>
      api.request<FundingReport>('/ips/funding/report', { signal, query: { ...query } }),
    fundingReportCsv: (query: FundingReportQuery, signal?: AbortSignal) =>
      api.requestResponse('/ips/funding/report/export', {
        signal,
        accept: 'text/csv',
        query: { from: query.from, to: query.to, teamId: query.teamId, funder: query.funder },
      }),
  };
}

export type IpsApi = ReturnType<typeof ipsApi>;
