export const OrganisationType = {
  /** GGZ-instelling: mental-health provider (Zvw). */
  GGZ: 'GGZ',
  /** Gemeente: municipality (Participatiewet, Wmo). */
  GEMEENTE: 'GEMEENTE',
  /** UWV: employee insurance agency. */
  UWV: 'UWV',
  /** IPS-aanbieder: IPS provider outside the mental-health provider. */
  IPS_AANBIEDER: 'IPS_AANBIEDER',
} as const;
export type OrganisationType = (typeof OrganisationType)[keyof typeof OrganisationType];

export const TeamType = {
  FACT: 'FACT',
  IPS: 'IPS',
  VIP: 'VIP',
} as const;
export type TeamType = (typeof TeamType)[keyof typeof TeamType];

/** How a professional relates to a client (client assignment). */
export const AssignmentKind = {
  REGIEBEHANDELAAR: 'REGIEBEHANDELAAR',
  KEY_WORKER: 'KEY_WORKER',
  IPS_SPECIALIST: 'IPS_SPECIALIST',
  KLANTMANAGER: 'KLANTMANAGER',
  ARBEIDSDESKUNDIGE: 'ARBEIDSDESKUNDIGE',
} as const;
export type AssignmentKind = (typeof AssignmentKind)[keyof typeof AssignmentKind];
