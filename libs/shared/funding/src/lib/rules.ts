import { BenefitType } from '@tandem/domain';
import { ActivityKind, Funder } from './catalogue';

/**
 * The funding rules of domain brief §2.1, each with its source in seed 003 (the Zorginstituut's
 * "duiding"). Pure functions: the API stores their outcome with every activity and recomputes it
 * whenever a fact changes; a professional may override an outcome with a reason, which is kept
 * next to the original.
 */

export type TreatmentSetting = 'SPECIALIST_GGZ' | 'GP';
export type WorkRelatedCondition = 'BURNOUT' | 'ADJUSTMENT_DISORDER';

/** What the rules look at for one activity. */
export interface ActivityFacts {
  id: string;
  kind: ActivityKind;
  /** Date of the activity (YYYY-MM-DD). */
  performedOn: string;
  /** Orders activities on the same day (e.g. the creation time); ties fall back to the id. */
  sequence?: string;
  /** The activity follows from, and serves a goal of, the treatment plan. */
  inTreatmentPlan: boolean;
  /** Directed by the regiebehandelaar, who gets it reported back. */
  directedByRegiebehandelaar: boolean;
  /** Specialist mental-health care (the FACT team) or the GP. */
  setting: TreatmentSetting;
  /** Treatment of burn-out / overstrain or an adjustment disorder. */
  workRelatedCondition: WorkRelatedCondition | null;
  /** A mental disorder is present or suspected besides the work-related complaint. */
  mentalDisorderSuspected: boolean;
  /** For excluded work-related treatment: the employer pays (otherwise the client does). */
  coveredByEmployer: boolean;
}

/** What the rules look at for the client. */
export interface ClientFundingFacts {
  /** The client's benefit, from the IPS trajectory; null when none is recorded. */
  benefit: BenefitType | null;
  /**
   * Recorded benefits with the date they took effect, oldest first. When given, the benefit in
   * force on the activity's date applies (before the first entry: the first entry's benefit).
   */
  benefitHistory?: { from: string; benefit: BenefitType }[];
  /** The client's health insurer (code), for the cap on motivational conversations. */
  insurer: string | null;
}

/** Most insurers pay 8 motivational conversations; some pay 10 (003:L10252, L13244). */
export const DEFAULT_MOTIVATIONAL_CAP = 8;

export interface InsurerCaps {
  /** Cap per insurer code. */
  caps: Record<string, number>;
  /** For clients whose insurer is unknown or has no cap recorded. */
  defaultCap: number;
}

export const DEFAULT_CAPS: InsurerCaps = { caps: {}, defaultCap: DEFAULT_MOTIVATIONAL_CAP };

export const RuleId = {
  WORK_RELATED_TREATMENT_EXCLUDED: 'WORK_RELATED_TREATMENT_EXCLUDED',
  GP_CARE_ZVW: 'GP_CARE_ZVW',
  TREATMENT_ZVW: 'TREATMENT_ZVW',
  MOTIVATIONAL_WITHIN_CAP: 'MOTIVATIONAL_WITHIN_CAP',
  MOTIVATIONAL_NOT_IN_TREATMENT_PLAN: 'MOTIVATIONAL_NOT_IN_TREATMENT_PLAN',
  MOTIVATIONAL_BEYOND_CAP: 'MOTIVATIONAL_BEYOND_CAP',
  CASE_MANAGEMENT_ZVW: 'CASE_MANAGEMENT_ZVW',
  CASE_MANAGEMENT_WMO: 'CASE_MANAGEMENT_WMO',
  CARE_SUPPORT_ZVW: 'CARE_SUPPORT_ZVW',
  CARE_SUPPORT_WMO: 'CARE_SUPPORT_WMO',
  IPS_TEAM_REPORT_NOT_CARE: 'IPS_TEAM_REPORT_NOT_CARE',
  WORK_SUPPORT_BY_BENEFIT: 'WORK_SUPPORT_BY_BENEFIT',
  WMO_SUPPORT: 'WMO_SUPPORT',
  /** Not a rule: a professional overrode the outcome (kept next to the original). */
  OVERRIDE: 'OVERRIDE',
} as const;
export type RuleId = (typeof RuleId)[keyof typeof RuleId];

export interface FundingRule {
  id: RuleId;
  title: string;
  /** Source reference: seed file and lines (see domain brief §2.1). */
  source: string;
}

const rule = (id: RuleId, title: string, source: string): FundingRule => ({ id, title, source });

export const FUNDING_RULES: Record<RuleId, FundingRule> = {
  WORK_RELATED_TREATMENT_EXCLUDED: rule(
    'WORK_RELATED_TREATMENT_EXCLUDED',
    'Treating burn-out/overstrain or an adjustment disorder in specialist mental-health care is not Zvw: the employer (Wvp) or the client pays, unless a mental disorder is (suspected) present',
    '003:L7070-7127',
  ),
  GP_CARE_ZVW: rule(
    'GP_CARE_ZVW',
    'GP care for work-related complaints stays Zvw; the exclusion applies to specialist mental-health care',
    '003:L7070-7076',
  ),
  TREATMENT_ZVW: rule(
    'TREATMENT_ZVW',
    'Diagnosis and treatment, with work and social circumstances in the treatment goals, is Zvw',
    '003:L355-363',
  ),
  MOTIVATIONAL_WITHIN_CAP: rule(
    'MOTIVATIONAL_WITHIN_CAP',
    'The first motivational and insight-giving conversations before and early in IPS are Zvw when they are in the treatment plan under the regiebehandelaar, up to the insurer’s cap',
    '003:L7228-7242, L10250-10254, L13242-13246',
  ),
  MOTIVATIONAL_NOT_IN_TREATMENT_PLAN: rule(
    'MOTIVATIONAL_NOT_IN_TREATMENT_PLAN',
    'Motivational conversations outside the treatment plan, or not directed by the regiebehandelaar, are part of the route to work: municipality or UWV',
    '003:L7218-7242',
  ),
  MOTIVATIONAL_BEYOND_CAP: rule(
    'MOTIVATIONAL_BEYOND_CAP',
    'Motivational conversations beyond the insurer’s cap fall to the participation funder',
    '003:L10250-10254, L13242-13246, L7218-7224',
  ),
  CASE_MANAGEMENT_ZVW: rule(
    'CASE_MANAGEMENT_ZVW',
    'Case management is Zvw when the primary care need is medical and it falls under the regiebehandelaar',
    '003:L7010-7030',
  ),
  CASE_MANAGEMENT_WMO: rule(
    'CASE_MANAGEMENT_WMO',
    'Case management aimed at social participation belongs to the Wmo; the purpose decides, not the profession',
    '003:L13281-13286',
  ),
  CARE_SUPPORT_ZVW: rule(
    'CARE_SUPPORT_ZVW',
    'Support is Zvw only if it follows from the treatment plan, serves a treatment goal, is directed by the clinician and reported back',
    '003:L8255-8267',
  ),
  CARE_SUPPORT_WMO: rule(
    'CARE_SUPPORT_WMO',
    'Other support (begeleiding), day activities and supported living are Wmo',
    '003:L8198-8222',
  ),
  IPS_TEAM_REPORT_NOT_CARE: rule(
    'IPS_TEAM_REPORT_NOT_CARE',
    'An IPS specialist reporting on the job search in the FACT meeting is not medical care',
    '003:L7570-7574',
  ),
  WORK_SUPPORT_BY_BENEFIT: rule(
    'WORK_SUPPORT_BY_BENEFIT',
    'Finding work, job brokering and support on the way to and at work are not Zvw: the municipality (social assistance, no benefit) or UWV (WW, ZW, WIA, Wajong) pays, by the client’s benefit',
    '003:L7218-7224, L6799-6801, L1155-1164',
  ),
  WMO_SUPPORT: rule(
    'WMO_SUPPORT',
    'Day activities, household support and supported living are Wmo',
    '003:L8198-8222',
  ),
  OVERRIDE: rule('OVERRIDE', 'Set by a professional, with a reason', 'professional judgement'),
};

export interface Classification {
  funder: Funder;
  ruleId: RuleId;
  source: string;
  /** Says why, in words a professional can check. */
  reason: string;
}

const UWV_BENEFITS: readonly BenefitType[] = ['WW', 'ZW', 'WIA', 'WAJONG'];

/** Who funds the work part: the benefit decides (UWV's IPS subsidy is for UWV clients only). */
export function participationFunder(benefit: BenefitType | null): {
  funder: Funder;
  because: string;
} {
  if (benefit && UWV_BENEFITS.includes(benefit)) {
    return { funder: 'UWV', because: `the client has a UWV benefit (${benefit})` };
  }
  if (benefit === 'BIJSTAND') {
    return {
      funder: 'GEMEENTE_PARTICIPATIEWET',
      because: 'the client has social assistance (bijstand) from the municipality',
    };
  }
  if (benefit === 'GEEN') {
    return {
      funder: 'GEMEENTE_PARTICIPATIEWET',
      because:
        'the client has no benefit; re-integration is the municipality’s task (003:L6374-6380)',
    };
  }
  return {
    funder: 'GEMEENTE_PARTICIPATIEWET',
    because:
      'no benefit is recorded, so the municipality is assumed; record the benefit in the IPS trajectory',
  };
}

/** The benefit in force on a date. */
export function benefitOn(client: ClientFundingFacts, date: string): BenefitType | null {
  const history = client.benefitHistory;
  if (!history?.length) return client.benefit;
  let current = history[0].benefit;
  for (const entry of history) if (entry.from <= date) current = entry.benefit;
  return current;
}

/** The cap that applies to this client's insurer. */
export function capFor(insurer: string | null, caps: InsurerCaps = DEFAULT_CAPS): number {
  return insurer && caps.caps[insurer] !== undefined ? caps.caps[insurer] : caps.defaultCap;
}

const make = (funder: Funder, ruleId: RuleId, reason: string): Classification => ({
  funder,
  ruleId,
  source: FUNDING_RULES[ruleId].source,
  reason,
});

/**
 * Classifies one activity. `motivationalOrdinal` is its place among the client's motivational
 * conversations that are in the treatment plan under the regiebehandelaar (1 for the first).
 */
export function classifyActivity(
  a: ActivityFacts,
  client: ClientFundingFacts,
  context: { motivationalOrdinal?: number; cap: number },
): Classification {
  const work = participationFunder(client.benefit);
  const byBenefit = (ruleId: RuleId, what: string) =>
    make(work.funder, ruleId, `${what}; ${work.because}.`);
  switch (a.kind) {
    case 'TREATMENT': {
      if (a.workRelatedCondition && a.setting === 'GP') {
        return make(
          'ZVW',
          'GP_CARE_ZVW',
          'GP care for a work-related complaint: the exclusion only applies to specialist mental-health care, so Zvw.',
        );
      }
      if (a.workRelatedCondition && !a.mentalDisorderSuspected) {
        const what =
          a.workRelatedCondition === 'BURNOUT' ? 'burn-out/overstrain' : 'an adjustment disorder';
        return a.coveredByEmployer
          ? make(
              'WERKGEVER',
              'WORK_RELATED_TREATMENT_EXCLUDED',
              `Treatment of ${what} in specialist mental-health care is not Zvw; the employer pays (Wvp).`,
            )
          : make(
              'CLIENT',
              'WORK_RELATED_TREATMENT_EXCLUDED',
              `Treatment of ${what} in specialist mental-health care is not Zvw and no employer pays, so the client pays.`,
            );
      }
      return make(
        'ZVW',
        'TREATMENT_ZVW',
        a.workRelatedCondition
          ? 'Treatment with a (suspected) mental disorder besides the work-related complaint: Zvw.'
          : 'Diagnosis and treatment: Zvw.',
      );
    }
    case 'MOTIVATIONAL_CONVERSATION': {
      if (!a.inTreatmentPlan || !a.directedByRegiebehandelaar) {
        const missing = !a.inTreatmentPlan
          ? 'not part of the treatment plan'
          : 'not directed by the regiebehandelaar';
        return byBenefit(
          'MOTIVATIONAL_NOT_IN_TREATMENT_PLAN',
          `Motivational conversation ${missing}, so not Zvw`,
        );
      }
      const n = context.motivationalOrdinal ?? 1;
      if (n <= context.cap) {
        return make(
          'ZVW',
          'MOTIVATIONAL_WITHIN_CAP',
          `Motivational conversation ${n} of the ${context.cap} the insurer pays, in the treatment plan under the regiebehandelaar: Zvw.`,
        );
      }
      return byBenefit(
        'MOTIVATIONAL_BEYOND_CAP',
        `Motivational conversation ${n} is beyond the insurer’s cap of ${context.cap}, so not Zvw`,
      );
    }
    case 'CASE_MANAGEMENT':
      return a.inTreatmentPlan && a.directedByRegiebehandelaar
        ? make(
            'ZVW',
            'CASE_MANAGEMENT_ZVW',
            'Case management for a medical care need, in the treatment plan under the regiebehandelaar: Zvw.',
          )
        : make(
            'GEMEENTE_WMO',
            'CASE_MANAGEMENT_WMO',
            'Case management outside the treatment plan serves social participation: Wmo.',
          );
    case 'CARE_SUPPORT':
      return a.inTreatmentPlan && a.directedByRegiebehandelaar
        ? make(
            'ZVW',
            'CARE_SUPPORT_ZVW',
            'Support that follows from the treatment plan, directed by the clinician and reported back: Zvw.',
          )
        : make(
            'GEMEENTE_WMO',
            'CARE_SUPPORT_WMO',
            'Support that does not follow from the treatment plan under the clinician: Wmo.',
          );
    case 'IPS_TEAM_REPORT':
      return byBenefit(
        'IPS_TEAM_REPORT_NOT_CARE',
        'The IPS specialist’s report on the job search in the team meeting is not medical care',
      );
    case 'IPS_INTAKE':
    case 'JOB_SEARCH':
    case 'JOB_DEVELOPMENT':
    case 'JOB_COACHING':
    case 'BENEFITS_COUNSELLING':
      return byBenefit(
        'WORK_SUPPORT_BY_BENEFIT',
        'Finding work and support on the way to and at work are not Zvw',
      );
    case 'DAY_ACTIVITY':
    case 'SOCIAL_SUPPORT':
      return make(
        'GEMEENTE_WMO',
        'WMO_SUPPORT',
        'Day activities, household support and supported living: Wmo.',
      );
  }
}

const order = (a: ActivityFacts, b: ActivityFacts) =>
  a.performedOn.localeCompare(b.performedOn) ||
  (a.sequence ?? '').localeCompare(b.sequence ?? '') ||
  a.id.localeCompare(b.id);

/**
 * Classifies all activities of one client. The cap counts motivational conversations in date
 * order, so a conversation recorded late for an earlier date moves the later ones: callers
 * classify the client's whole history and store what changed.
 */
export function classifyClientActivities(
  activities: readonly ActivityFacts[],
  client: ClientFundingFacts,
  caps: InsurerCaps = DEFAULT_CAPS,
): Map<string, Classification> {
  const cap = capFor(client.insurer, caps);
  const result = new Map<string, Classification>();
  let ordinal = 0;
  for (const a of [...activities].sort(order)) {
    const counts =
      a.kind === 'MOTIVATIONAL_CONVERSATION' && a.inTreatmentPlan && a.directedByRegiebehandelaar;
    if (counts) ordinal += 1;
    const onTheDay = { ...client, benefit: benefitOn(client, a.performedOn) };
    result.set(
      a.id,
      classifyActivity(a, onTheDay, { motivationalOrdinal: counts ? ordinal : undefined, cap }),
    );
  }
  return result;
}
