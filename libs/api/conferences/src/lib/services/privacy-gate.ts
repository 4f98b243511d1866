/**
 * Conference privacy gating (issue 5 §3, domain brief §2.2): what one attendee may receive of one
 * agenda item. Pure functions, so the rules can be read and table-tested in one place; every HTTP
 * answer and every socket payload about an item is built through `itemPayload`.
 */

export const CONFERENCE_KINDS = [
  'FACT_BOARD',
  'MDO',
  'PARTNER_CASE_DISCUSSION',
  'THREE_WAY_MEETING',
  'ANONYMISED_CASE_DISCUSSION',
] as const;
export type ConferenceKind = (typeof CONFERENCE_KINDS)[number];

export const ITEM_SOURCES = [
  'BOARD',
  'NEW_REFERRAL',
  'WORK_GOAL_REVIEW',
  'PLACEMENT_CHANGE',
  'MANUAL',
] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];

/**
 * Minutes of an item are kept per section. TREATMENT: what care staff record (lands in the
 * treatment part of the file); PARTICIPATION: what the IPS specialist, klantmanager or
 * arbeidsdeskundige record (lands in the participation part); ANONYMISED: the discussion everyone
 * in the room may see, written without names — never written into a file automatically.
 */
export const SECTIONS = ['TREATMENT', 'PARTICIPATION', 'ANONYMISED'] as const;
export type Section = (typeof SECTIONS)[number];

export type ItemView = 'IDENTIFIED' | 'ANONYMISED';
export type Visibility = 'IDENTIFIED' | 'ALL';

/** What the server knows about the viewer in relation to the item's client. */
export interface ViewerFacts {
  /** The ability lets the viewer read the client's care fields: care staff with a treatment relationship. */
  careOfClient: boolean;
  /** Active CONFERENCE_IDENTITY consents for this client that cover the viewer's organisation, role or person. */
  identityConsentIds: string[];
  /** The viewer is the client (three-way meeting, through the passport). */
  isClient: boolean;
  /** A professional account (clients read, they do not write minutes). */
  professional: boolean;
  /** The viewer works in a participation role (IPS specialist, klantmanager, arbeidsdeskundige). */
  participationRole: boolean;
}

export interface ItemAccess {
  view: ItemView;
  /** NEN 7513 basis of an identified view. */
  basis: 'TREATMENT_RELATIONSHIP' | 'CONSENT' | 'OWN_DATA' | 'NONE';
  consentIds: string[];
  readable: Section[];
  writable: Section[];
}

/**
 * The rule: an item is identified for an attendee who is care staff of the client's team (or has
 * another treatment relationship the ability recognises), who is covered by an active
 * case-conference consent, or who is the client. Everyone else, and everyone for an item of an
 * anonymised discussion (no client link), gets the anonymised item.
 */
export function itemAccess(item: { clientId: string | null }, viewer: ViewerFacts): ItemAccess {
  const anonymisedWrite: Section[] = viewer.professional ? ['ANONYMISED'] : [];
  if (!item.clientId) {
    return {
      view: 'ANONYMISED',
      basis: 'NONE',
      consentIds: [],
      readable: ['ANONYMISED'],
      writable: anonymisedWrite,
    };
  }
  if (viewer.careOfClient) {
    return {
      view: 'IDENTIFIED',
      basis: 'TREATMENT_RELATIONSHIP',
      consentIds: [],
      readable: ['TREATMENT', 'PARTICIPATION', 'ANONYMISED'],
      writable: ['TREATMENT', 'ANONYMISED'],
    };
  }
  if (viewer.isClient) {
    return {
      view: 'IDENTIFIED',
      basis: 'OWN_DATA',
      consentIds: [],
      readable: ['PARTICIPATION', 'ANONYMISED'],
      writable: [],
    };
  }
  if (viewer.identityConsentIds.length) {
    return {
      view: 'IDENTIFIED',
      basis: 'CONSENT',
      consentIds: [...viewer.identityConsentIds].sort(),
      readable: ['PARTICIPATION', 'ANONYMISED'],
      writable: viewer.professional
        ? viewer.participationRole
          ? ['PARTICIPATION', 'ANONYMISED']
          : ['ANONYMISED']
        : [],
    };
  }
  return {
    view: 'ANONYMISED',
    basis: 'NONE',
    consentIds: [],
    readable: ['ANONYMISED'],
    writable: anonymisedWrite,
  };
}

export const sameAccess = (a: ItemAccess | undefined, b: ItemAccess | undefined) =>
  !!a &&
  !!b &&
  a.view === b.view &&
  a.readable.join() === b.readable.join() &&
  a.writable.join() === b.writable.join();

/** Age band of ten years ("40-49"), as of a given date. */
export function ageBand(dateOfBirth: string, on: Date): string {
  const dob = new Date(`${dateOfBirth}T00:00:00Z`);
  let age = on.getUTCFullYear() - dob.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < dob.getUTCMonth() ||
    (on.getUTCMonth() === dob.getUTCMonth() && on.getUTCDate() < dob.getUTCDate());
  if (beforeBirthday) age -= 1;
  if (age < 18) return '<18';
  if (age >= 80) return '80+';
  const low = Math.floor(age / 10) * 10;
  return `${low}-${low + 9}`;
}

export interface MinutesRecord {
  text: string;
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
  contributors: string[];
}

export interface DecisionRecord {
  id: string;
  text: string;
  visibility: Visibility;
  decidedBy: string;
  decidedByName: string;
  createdAt: string;
}

export interface ActionRecord {
  id: string;
  text: string;
  visibility: Visibility;
  ownerId: string;
  ownerName: string;
  dueOn: string;
  status: 'OPEN' | 'DONE';
  createdAt: string;
}

/** Everything the server holds about an item, identified details included. Never sent as is. */
export interface ItemRecord {
  id: string;
  conferenceId: string;
  position: number;
  clientId: string | null;
  /** The client's care team now (for the ability check); null for anonymised-discussion items. */
  teamId: string | null;
  client: { firstName: string; lastName: string; dateOfBirth: string } | null;
  pseudonym: string;
  ageBand: string;
  topic: string;
  source: ItemSource;
  withdrawn: boolean;
  /** Its anonymised minutes were attached to a client's file (once per item). */
  attachedToFile: boolean;
  minutes: Partial<Record<Section, MinutesRecord>>;
  decisions: DecisionRecord[];
  actions: ActionRecord[];
}

export interface ItemPayload {
  id: string;
  position: number;
  view: ItemView;
  /** Only in the identified view. */
  clientId?: string;
  client?: { name: string; dateOfBirth: string };
  pseudonym: string;
  ageBand: string;
  /** The question for the meeting: in the identified view, or for an anonymised discussion's item. */
  topic?: string;
  source: ItemSource;
  /** The anonymised minutes are already in a file (which one is not said). */
  attachedToFile: boolean;
  minutes: Partial<Record<Section, MinutesRecord>>;
  decisions: DecisionRecord[];
  actions: ActionRecord[];
  readable: Section[];
  writable: Section[];
}

const EMPTY_MINUTES: MinutesRecord = {
  text: '',
  version: 0,
  updatedAt: null,
  updatedByName: null,
  contributors: [],
};

/**
 * Builds the item exactly as this attendee may receive it. The anonymised version carries the
 * pseudonym, age band and source, the anonymised minutes and what was explicitly recorded for
 * everyone; never the client id, name, date of birth, address, diagnosis, the item's topic or any
 * identified minutes.
 */
export function itemPayload(item: ItemRecord, access: ItemAccess): ItemPayload {
  const minutes: Partial<Record<Section, MinutesRecord>> = {};
  for (const section of access.readable) {
    minutes[section] = { ...(item.minutes[section] ?? EMPTY_MINUTES) };
  }
  const visible = <T extends { visibility: Visibility }>(list: T[]) =>
    access.view === 'IDENTIFIED' ? list : list.filter((x) => x.visibility === 'ALL');
  const base: ItemPayload = {
    id: item.id,
    position: item.position,
    view: access.view,
    pseudonym: item.pseudonym,
    ageBand: item.ageBand,
    source: item.source,
    attachedToFile: item.attachedToFile,
    minutes,
    decisions: visible(item.decisions).map((d) => ({ ...d })),
    actions: visible(item.actions).map((a) => ({ ...a })),
    readable: [...access.readable],
    writable: [...access.writable],
  };
  if (access.view === 'IDENTIFIED' && item.clientId && item.client) {
    base.clientId = item.clientId;
    base.client = {
      name: `${item.client.firstName} ${item.client.lastName}`,
      dateOfBirth: item.client.dateOfBirth,
    };
    base.topic = item.topic;
  } else if (!item.clientId) {
    base.topic = item.topic;
  }
  return base;
}

/** May this attendee receive a decision or action with this visibility on this item? */
export function mayReceive(access: ItemAccess, visibility: Visibility): boolean {
  return visibility === 'ALL' || access.view === 'IDENTIFIED';
}
