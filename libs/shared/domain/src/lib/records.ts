/**
 * Funding domain of a record in the client file (domain brief §2.1). The domain decides who may
 * see it; it follows from the activity, not from the author's job title.
 */
export const RecordDomain = {
  /** Zvw: treatment notes, treatment plan, diagnoses. */
  TREATMENT: 'TREATMENT',
  /** Participatiewet / UWV: re-integration notes and plan. */
  PARTICIPATION: 'PARTICIPATION',
  /** Wmo: municipal social support. */
  WMO: 'WMO',
  /** The shareable summary of work capabilities and limitations, written by care for work. */
  WORK_CAPACITY: 'WORK_CAPACITY',
  /** What the client writes. */
  CLIENT: 'CLIENT',
} as const;
export type RecordDomain = (typeof RecordDomain)[keyof typeof RecordDomain];
export const ALL_RECORD_DOMAINS: readonly RecordDomain[] = Object.values(RecordDomain);

/** Benefit (uitkering) types; the benefit decides who funds the work part. */
export const BenefitType = {
  BIJSTAND: 'BIJSTAND',
  WW: 'WW',
  ZW: 'ZW',
  WIA: 'WIA',
  WAJONG: 'WAJONG',
  GEEN: 'GEEN',
} as const;
export type BenefitType = (typeof BenefitType)[keyof typeof BenefitType];
