/**
 * Who pays for an activity (domain brief §2.1). One activity has exactly one funder.
 */
export const Funder = {
  /** Zorgverzekeringswet: the health insurer. */
  ZVW: 'ZVW',
  /** The municipality under the Participatiewet (social assistance, people without a benefit). */
  GEMEENTE_PARTICIPATIEWET: 'GEMEENTE_PARTICIPATIEWET',
  /** The municipality under the Wmo (social support, day activities). */
  GEMEENTE_WMO: 'GEMEENTE_WMO',
  /** UWV, for clients with a UWV benefit (WW, ZW, WIA, Wajong). */
  UWV: 'UWV',
  /** The employer (Wet verbetering poortwachter). */
  WERKGEVER: 'WERKGEVER',
  /** The client pays themselves. */
  CLIENT: 'CLIENT',
} as const;
export type Funder = (typeof Funder)[keyof typeof Funder];
export const ALL_FUNDERS: readonly Funder[] = Object.values(Funder);

export const FUNDER_LABEL: Record<Funder, string> = {
  ZVW: 'Zvw (health insurer)',
  GEMEENTE_PARTICIPATIEWET: 'Municipality (Participatiewet)',
  GEMEENTE_WMO: 'Municipality (Wmo)',
  UWV: 'UWV',
  WERKGEVER: 'Employer (Wvp)',
  CLIENT: 'Client (own account)',
};

/** The record domain an activity belongs to, which decides who may see that it happened. */
export type ActivityDomain = 'TREATMENT' | 'PARTICIPATION' | 'WMO';

/** The catalogue of activities. The funder follows from the activity and its context, not from who does it (003:L13281-13286). */
export const ActivityKind = {
  /** Diagnosis and treatment (behandeling). */
  TREATMENT: 'TREATMENT',
  /** First motivational and insight-giving conversations about work, before and early in IPS. */
  MOTIVATIONAL_CONVERSATION: 'MOTIVATIONAL_CONVERSATION',
  /** Cross-domain coordination (casemanagement). */
  CASE_MANAGEMENT: 'CASE_MANAGEMENT',
  /** Support (begeleiding) that may be part of treatment. */
  CARE_SUPPORT: 'CARE_SUPPORT',
  /** IPS intake and vocational profile (assessment). */
  IPS_INTAKE: 'IPS_INTAKE',
  /** Searching for work with the client. */
  JOB_SEARCH: 'JOB_SEARCH',
  /** Job development for this client with an employer. */
  JOB_DEVELOPMENT: 'JOB_DEVELOPMENT',
  /** Support on the job, for client and employer (follow-along). */
  JOB_COACHING: 'JOB_COACHING',
  /** Benefits counselling: what work means for the client's income. */
  BENEFITS_COUNSELLING: 'BENEFITS_COUNSELLING',
  /** The IPS specialist's report on the job search in the team meeting. */
  IPS_TEAM_REPORT: 'IPS_TEAM_REPORT',
  /** Day activity (dagbesteding). */
  DAY_ACTIVITY: 'DAY_ACTIVITY',
  /** Household support, supported living. */
  SOCIAL_SUPPORT: 'SOCIAL_SUPPORT',
} as const;
export type ActivityKind = (typeof ActivityKind)[keyof typeof ActivityKind];
export const ALL_ACTIVITY_KINDS: readonly ActivityKind[] = Object.values(ActivityKind);

export interface ActivityKindInfo {
  kind: ActivityKind;
  label: string;
  domain: ActivityDomain;
  description: string;
}

const info = (
  kind: ActivityKind,
  label: string,
  domain: ActivityDomain,
  description: string,
): ActivityKindInfo => ({ kind, label, domain, description });

export const ACTIVITY_CATALOGUE: Record<ActivityKind, ActivityKindInfo> = {
  TREATMENT: info(
    'TREATMENT',
    'Treatment',
    'TREATMENT',
    'Diagnosis and treatment, with work and social circumstances in the treatment goals.',
  ),
  MOTIVATIONAL_CONVERSATION: info(
    'MOTIVATIONAL_CONVERSATION',
    'Motivational conversation about work',
    'TREATMENT',
    'The first motivational and insight-giving conversations before and early in IPS.',
  ),
  CASE_MANAGEMENT: info(
    'CASE_MANAGEMENT',
    'Case management',
    'TREATMENT',
    'Coordinating care across domains when simple coordination is not enough.',
  ),
  CARE_SUPPORT: info(
    'CARE_SUPPORT',
    'Support (begeleiding)',
    'TREATMENT',
    'Support that follows from the treatment plan, or social support when it does not.',
  ),
  IPS_INTAKE: info(
    'IPS_INTAKE',
    'IPS intake and vocational profile',
    'PARTICIPATION',
    'Registration, intake and assessment for IPS.',
  ),
  JOB_SEARCH: info(
    'JOB_SEARCH',
    'Job search',
    'PARTICIPATION',
    'Searching for work with the client.',
  ),
  JOB_DEVELOPMENT: info(
    'JOB_DEVELOPMENT',
    'Job development for the client',
    'PARTICIPATION',
    'Brokering a job with an employer for this client.',
  ),
  JOB_COACHING: info(
    'JOB_COACHING',
    'Job coaching (follow-along)',
    'PARTICIPATION',
    'Support on the job, with the client or the employer.',
  ),
  BENEFITS_COUNSELLING: info(
    'BENEFITS_COUNSELLING',
    'Benefits counselling',
    'PARTICIPATION',
    'What work means for the client’s benefit and income.',
  ),
  IPS_TEAM_REPORT: info(
    'IPS_TEAM_REPORT',
    'IPS report in the team meeting',
    'PARTICIPATION',
    'The IPS specialist reports in the FACT meeting how the job search goes.',
  ),
  DAY_ACTIVITY: info(
    'DAY_ACTIVITY',
    'Day activity (dagbesteding)',
    'WMO',
    'Supported activities in a group.',
  ),
  SOCIAL_SUPPORT: info(
    'SOCIAL_SUPPORT',
    'Social support (Wmo)',
    'WMO',
    'Household support, supported living.',
  ),
};
