/**
 * IPS work (domain brief §3; seed 003:L5160-5222): the trajectory, its phases, placements, work goals
 * and employer contacts. Values are stable identifiers stored in the database; the web client
 * translates them.
 */

/** Trajectory phases (003:L5160-5222); ENDED closes the trajectory with a reason. */
export const IpsPhase = {
  /** aanmelding en intake */
  INTAKE: 'INTAKE',
  /** assessment: the vocational profile (arbeidsprofiel) */
  ASSESSMENT: 'ASSESSMENT',
  /** acquisitie en plaatsing: starts within a month of registration */
  JOB_FINDING: 'JOB_FINDING',
  /** coaching en ondersteuning: support on the job, for client and employer */
  COACHING: 'COACHING',
  /** nazorg */
  AFTERCARE: 'AFTERCARE',
  ENDED: 'ENDED',
} as const;
export type IpsPhase = (typeof IpsPhase)[keyof typeof IpsPhase];
export const IPS_PHASES: readonly IpsPhase[] = Object.values(IpsPhase);

export const TrajectoryEndReason = {
  WORK_SUSTAINED: 'WORK_SUSTAINED',
  CLIENT_STOPPED: 'CLIENT_STOPPED',
  REFERRED_ELSEWHERE: 'REFERRED_ELSEWHERE',
  MOVED: 'MOVED',
  HEALTH: 'HEALTH',
  OTHER: 'OTHER',
} as const;
export type TrajectoryEndReason = (typeof TrajectoryEndReason)[keyof typeof TrajectoryEndReason];

/** Whether, and how much, the client wants an employer to be told about the illness (003:L6340-6348). */
export const DisclosurePreference = {
  FULL: 'FULL',
  PARTIAL: 'PARTIAL',
  NONE: 'NONE',
  UNDECIDED: 'UNDECIDED',
} as const;
export type DisclosurePreference = (typeof DisclosurePreference)[keyof typeof DisclosurePreference];

/** Why a new version of the vocational profile was written. */
export const ProfileUpdateReason = {
  INTAKE: 'INTAKE',
  ASSESSMENT: 'ASSESSMENT',
  AFTER_JOB_EXPERIENCE: 'AFTER_JOB_EXPERIENCE',
  OTHER: 'OTHER',
} as const;
export type ProfileUpdateReason = (typeof ProfileUpdateReason)[keyof typeof ProfileUpdateReason];

export const PlacementType = {
  /** betaald, regulier werk: counts as competitive work */
  COMPETITIVE: 'COMPETITIVE',
  /** werkervaringsplaats */
  WORK_EXPERIENCE: 'WORK_EXPERIENCE',
  VOLUNTEERING: 'VOLUNTEERING',
  /** beschut werk */
  SHELTERED: 'SHELTERED',
  /** dagbesteding */
  DAY_ACTIVITY: 'DAY_ACTIVITY',
} as const;
export type PlacementType = (typeof PlacementType)[keyof typeof PlacementType];

export const ContractType = {
  NONE: 'NONE',
  FIXED_TERM: 'FIXED_TERM',
  PERMANENT: 'PERMANENT',
  ON_CALL: 'ON_CALL',
  AGENCY: 'AGENCY',
} as const;
export type ContractType = (typeof ContractType)[keyof typeof ContractType];

export const SupportArrangement = {
  JOB_COACHING: 'JOB_COACHING',
  /** loonkostensubsidie */
  WAGE_COST_SUBSIDY: 'WAGE_COST_SUBSIDY',
  /** no-riskpolis */
  NO_RISK_POLICY: 'NO_RISK_POLICY',
  /** vrijstelling van de sollicitatieplicht */
  APPLICATION_DUTY_EXEMPTION: 'APPLICATION_DUTY_EXEMPTION',
} as const;
export type SupportArrangement = (typeof SupportArrangement)[keyof typeof SupportArrangement];

export const PlacementEndReason = {
  CONTRACT_ENDED: 'CONTRACT_ENDED',
  RESIGNED: 'RESIGNED',
  DISMISSED: 'DISMISSED',
  NEXT_JOB: 'NEXT_JOB',
  HEALTH: 'HEALTH',
  OTHER: 'OTHER',
} as const;
export type PlacementEndReason = (typeof PlacementEndReason)[keyof typeof PlacementEndReason];

export const EmployerContactKind = {
  /** face-to-face visit: what the IPS fidelity item counts */
  VISIT: 'VISIT',
  PHONE: 'PHONE',
  EMAIL: 'EMAIL',
} as const;
export type EmployerContactKind = (typeof EmployerContactKind)[keyof typeof EmployerContactKind];

export const EmployerContactOutcome = {
  INTRODUCTION: 'INTRODUCTION',
  VACANCY: 'VACANCY',
  INTERVIEW: 'INTERVIEW',
  PLACEMENT_AGREED: 'PLACEMENT_AGREED',
  FOLLOW_ALONG: 'FOLLOW_ALONG',
  NO_OPENING: 'NO_OPENING',
  OTHER: 'OTHER',
} as const;
export type EmployerContactOutcome =
  (typeof EmployerContactOutcome)[keyof typeof EmployerContactOutcome];

export const WorkGoalStatus = {
  OPEN: 'OPEN',
  ACHIEVED: 'ACHIEVED',
  STOPPED: 'STOPPED',
} as const;
export type WorkGoalStatus = (typeof WorkGoalStatus)[keyof typeof WorkGoalStatus];

/** The regiebehandelaar's assessment in a work-goal review. */
export const WorkGoalAssessment = {
  ON_TRACK: 'ON_TRACK',
  PARTLY: 'PARTLY',
  OFF_TRACK: 'OFF_TRACK',
  ACHIEVED: 'ACHIEVED',
  STOP: 'STOP',
} as const;
export type WorkGoalAssessment = (typeof WorkGoalAssessment)[keyof typeof WorkGoalAssessment];

/** Default review interval for work goals, in weeks. */
export const WORK_GOAL_REVIEW_WEEKS = 6;

/** IPS norms the dashboard compares with (domain brief §3). */
export const IPS_NORMS = {
  /** Fidelity: at most 20 active clients per specialist (003:L4984). */
  maxCaseload: 20,
  /** Fidelity: at least 6 face-to-face employer contacts per specialist per week. */
  minEmployerContactsPerWeek: 6,
  /** First employer contact within a month of referral (003:L10383). */
  maxDaysToFirstEmployerContact: 30,
} as const;
