/**
 * The IPS fidelity scale (IPS-25, "Supported Employment Fidelity Scale"; domain brief §3): 25 items
 * scored 1-5. Ten items follow from what Tandem records and are computed; the others form the
 * self-assessment the team fills in. Bands put the brief's norms (≤ 20 clients, ≥ 6 employer
 * contacts a week, first employer contact within 30 days) in the top band and follow the scale's
 * anchors below it; they are a team's own monitor, not a formal fidelity review.
 */

export type FidelitySection = 'STAFFING' | 'ORGANISATION' | 'SERVICES';

export interface FidelityItem {
  code: string;
  section: FidelitySection;
  title: string;
  /** Computed from data (true) or part of the team's self-assessment (false). */
  derived: boolean;
  /** For derived items: what the score is computed from. */
  measure?: string;
}

const item = (
  code: string,
  section: FidelitySection,
  title: string,
  measure?: string,
): FidelityItem => ({ code, section, title, derived: measure !== undefined, measure });

export const FIDELITY_ITEMS: readonly FidelityItem[] = [
  item(
    'S1',
    'STAFFING',
    'Caseload size',
    'Active IPS clients per specialist at the end of the period: ≤20 → 5, 21-30 → 4, 31-40 → 3, 41-50 → 2, more → 1',
  ),
  item('S2', 'STAFFING', 'Employment services staff provide only employment services'),
  item('S3', 'STAFFING', 'Vocational generalists: each specialist carries out all phases'),
  item('O1', 'ORGANISATION', 'Integration with mental-health treatment through team assignment'),
  item('O2', 'ORGANISATION', 'Integration through frequent team member contact'),
  item(
    'O3',
    'ORGANISATION',
    'Collaboration with municipality and UWV (klantmanager, arbeidsdeskundige)',
  ),
  item('O4', 'ORGANISATION', 'Vocational unit'),
  item('O5', 'ORGANISATION', 'Role of the IPS supervisor'),
  item('O6', 'ORGANISATION', 'Zero exclusion'),
  item('O7', 'ORGANISATION', 'Agency focus on competitive employment'),
  item('O8', 'ORGANISATION', 'Executive team support for IPS'),
  item(
    'SV1',
    'SERVICES',
    'Work incentives planning (benefits counselling)',
    'Share of active clients with a benefits-counselling activity: ≥90% → 5, ≥75% → 4, ≥50% → 3, ≥25% → 2, less → 1',
  ),
  item(
    'SV2',
    'SERVICES',
    'Disclosure',
    'Share of active clients whose profile records a disclosure choice (not UNDECIDED): ≥90% → 5, ≥75% → 4, ≥50% → 3, ≥25% → 2, less → 1',
  ),
  item(
    'SV3',
    'SERVICES',
    'Ongoing, work-based vocational assessment',
    'Share of ended job experiences followed by a profile update within 30 days: ≥90% → 5, ≥75% → 4, ≥50% → 3, ≥25% → 2, less → 1',
  ),
  item(
    'SV4',
    'SERVICES',
    'Rapid search for a competitive job',
    'Average days from referral to the first face-to-face employer contact for the client: ≤30 → 5, ≤60 → 4, ≤150 → 3, ≤270 → 2, more → 1',
  ),
  item('SV5', 'SERVICES', 'Individualised job search'),
  item(
    'SV6',
    'SERVICES',
    'Job development: frequent employer contact',
    'Face-to-face employer contacts per specialist per week: ≥6 → 5, ≥5 → 4, ≥4 → 3, ≥2 → 2, less → 1',
  ),
  item('SV7', 'SERVICES', 'Job development: quality of employer contact'),
  item(
    'SV8',
    'SERVICES',
    'Diversity of job types',
    'Distinct job titles among placements started in the period: ≥85% → 5, ≥70% → 4, ≥60% → 3, ≥50% → 2, less → 1',
  ),
  item(
    'SV9',
    'SERVICES',
    'Diversity of employers',
    'Distinct employers among placements started in the period: ≥85% → 5, ≥70% → 4, ≥60% → 3, ≥50% → 2, less → 1',
  ),
  item(
    'SV10',
    'SERVICES',
    'Competitive jobs',
    'Share of placements started in the period that are competitive paid jobs: ≥95% → 5, ≥85% → 4, ≥75% → 3, ≥65% → 2, less → 1',
  ),
  item('SV11', 'SERVICES', 'Individualised follow-along supports'),
  item(
    'SV12',
    'SERVICES',
    'Time-unlimited follow-along supports',
    'Share of clients working at the end of the period with a job-coaching contact in its last 30 days: ≥90% → 5, ≥75% → 4, ≥50% → 3, ≥25% → 2, less → 1',
  ),
  item('SV13', 'SERVICES', 'Community-based services'),
  item('SV14', 'SERVICES', 'Assertive engagement and outreach by the integrated team'),
];

export const DERIVED_FIDELITY_ITEMS = FIDELITY_ITEMS.filter((i) => i.derived).map((i) => i.code);
export const SELF_ASSESSED_FIDELITY_ITEMS = FIDELITY_ITEMS.filter((i) => !i.derived).map(
  (i) => i.code,
);

/** The figures the derived items are computed from; null when there is nothing to measure. */
export interface FidelityFigures {
  caseloadPerSpecialist: number | null;
  benefitsCounselledPct: number | null;
  disclosureRecordedPct: number | null;
  profileUpdatedAfterJobPct: number | null;
  daysToFirstFaceToFaceContact: number | null;
  faceToFaceContactsPerSpecialistPerWeek: number | null;
  distinctJobTypesPct: number | null;
  distinctEmployersPct: number | null;
  competitivePlacementsPct: number | null;
  followAlongPct: number | null;
}

/** Score = 5 for the first threshold met, 4 for the second, ... 1 when none is met. */
const atMost = (value: number, bands: [number, number, number, number]) =>
  value <= bands[0] ? 5 : value <= bands[1] ? 4 : value <= bands[2] ? 3 : value <= bands[3] ? 2 : 1;
const atLeast = (value: number, bands: [number, number, number, number]) =>
  value >= bands[0] ? 5 : value >= bands[1] ? 4 : value >= bands[2] ? 3 : value >= bands[3] ? 2 : 1;
const orNull = (value: number | null, score: (v: number) => number) =>
  value === null || Number.isNaN(value) ? null : score(value);

const SHARE = [90, 75, 50, 25] as [number, number, number, number];
const DIVERSITY = [85, 70, 60, 50] as [number, number, number, number];

/** The derived items' scores (1-5, or null when the data give nothing to measure). */
export function scoreDerivedFidelity(f: FidelityFigures): Record<string, number | null> {
  return {
    S1: orNull(f.caseloadPerSpecialist, (v) => atMost(v, [20, 30, 40, 50])),
    SV1: orNull(f.benefitsCounselledPct, (v) => atLeast(v, SHARE)),
    SV2: orNull(f.disclosureRecordedPct, (v) => atLeast(v, SHARE)),
    SV3: orNull(f.profileUpdatedAfterJobPct, (v) => atLeast(v, SHARE)),
    SV4: orNull(f.daysToFirstFaceToFaceContact, (v) => atMost(v, [30, 60, 150, 270])),
    SV6: orNull(f.faceToFaceContactsPerSpecialistPerWeek, (v) => atLeast(v, [6, 5, 4, 2])),
    SV8: orNull(f.distinctJobTypesPct, (v) => atLeast(v, DIVERSITY)),
    SV9: orNull(f.distinctEmployersPct, (v) => atLeast(v, DIVERSITY)),
    SV10: orNull(f.competitivePlacementsPct, (v) => atLeast(v, [95, 85, 75, 65])),
    SV12: orNull(f.followAlongPct, (v) => atLeast(v, SHARE)),
  };
}

export type FidelityLevel = 'EXEMPLARY' | 'GOOD' | 'FAIR' | 'NOT_IPS';

/** IPS-25 total: 115-125 exemplary, 100-114 good, 74-99 fair, 73 or less: not IPS. */
export function fidelityLevel(total: number): FidelityLevel {
  return total >= 115 ? 'EXEMPLARY' : total >= 100 ? 'GOOD' : total >= 74 ? 'FAIR' : 'NOT_IPS';
}
