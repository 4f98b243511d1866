import { RecordDomain } from './records';

/** What a consent is for (one purpose per consent: no blanket authorisation). */
export const ConsentPurpose = {
  IPS_TRAJECT: 'IPS_TRAJECT',
  UITKERING: 'UITKERING',
  CASUSOVERLEG: 'CASUSOVERLEG',
  DRIEGESPREK: 'DRIEGESPREK',
} as const;
export type ConsentPurpose = (typeof ConsentPurpose)[keyof typeof ConsentPurpose];

/**
 * The data a consent can cover. Medical files are deliberately not a category: only the client can
 * share those, themselves (domain brief §2.2).
 */
export const ConsentCategory = {
  WORK_CAPACITY_SUMMARY: 'WORK_CAPACITY_SUMMARY',
  PARTICIPATION_NOTES: 'PARTICIPATION_NOTES',
  TREATMENT_GOALS_WORK: 'TREATMENT_GOALS_WORK',
  CONFERENCE_IDENTITY: 'CONFERENCE_IDENTITY',
} as const;
export type ConsentCategory = (typeof ConsentCategory)[keyof typeof ConsentCategory];

/** The record domains each category opens to the recipient. */
export const CATEGORY_DOMAINS: Record<ConsentCategory, RecordDomain[]> = {
  WORK_CAPACITY_SUMMARY: [RecordDomain.WORK_CAPACITY],
  PARTICIPATION_NOTES: [RecordDomain.PARTICIPATION],
  TREATMENT_GOALS_WORK: [],
  CONFERENCE_IDENTITY: [],
};

export const ConsentStatus = {
  REQUESTED: 'REQUESTED',
  GIVEN: 'GIVEN',
  REFUSED: 'REFUSED',
  REVOKED: 'REVOKED',
  EXPIRED: 'EXPIRED',
} as const;
export type ConsentStatus = (typeof ConsentStatus)[keyof typeof ConsentStatus];

export const CONSENT_DEFAULT_MONTHS = 12;
export const CONSENT_MAX_DAYS = 731;
