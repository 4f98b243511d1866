import type { TandemApi } from '@tandem/web-data-access';

export const CONFERENCE_KINDS = [
  'FACT_BOARD',
  'MDO',
  'PARTNER_CASE_DISCUSSION',
  'THREE_WAY_MEETING',
  'ANONYMISED_CASE_DISCUSSION',
] as const;
export type ConferenceKind = (typeof CONFERENCE_KINDS)[number];
export type ConferenceStatus = 'PLANNED' | 'LIVE' | 'CLOSED' | 'CANCELLED';
/** Minutes of an item are kept per section; see the API's privacy gate. */
export const SECTIONS = ['TREATMENT', 'PARTICIPATION', 'ANONYMISED'] as const;
export type Section = (typeof SECTIONS)[number];
export type ItemView = 'IDENTIFIED' | 'ANONYMISED';
export type Visibility = 'IDENTIFIED' | 'ALL';
export type ItemSource =
  'BOARD' | 'NEW_REFERRAL' | 'WORK_GOAL_REVIEW' | 'PLACEMENT_CHANGE' | 'MANUAL';

/** One item of `GET /api/v1/conferences`. */
export interface ConferenceSummary {
  id: string;
  teamId: string;
  teamName: string;
  seriesId: string | null;
  kind: ConferenceKind;
  title: string;
  startsAt: string;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
  status: ConferenceStatus;
  organiserName: string;
  itemCount: number;
  attendeeCount: number;
  version: number;
  /** You may change the planning and chair the meeting. */
  canRun: boolean;
  /** You may join the live room (attendees only). */
  canJoin: boolean;
}

export interface Minutes {
  text: string;
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
  contributors: string[];
}

export interface Decision {
  id: string;
  text: string;
  visibility: Visibility;
  decidedBy: string;
  decidedByName: string;
  createdAt: string;
}

export interface ActionItem {
  id: string;
  text: string;
  visibility: Visibility;
  ownerId: string;
  ownerName: string;
  dueOn: string;
  status: 'OPEN' | 'DONE';
  createdAt: string;
}

/** An agenda item exactly as the server built it for you (identified or anonymised). */
export interface AgendaItem {
  id: string;
  position: number;
  view: ItemView;
  clientId?: string;
  client?: { name: string; dateOfBirth: string };
  pseudonym: string;
  ageBand: string;
  topic?: string;
  source: ItemSource;
  /** The anonymised minutes are already in a client's file (which one is not said). */
  attachedToFile: boolean;
  minutes: Partial<Record<Section, Minutes>>;
  decisions: Decision[];
  actions: ActionItem[];
  readable: Section[];
  writable: Section[];
}

export interface Attendee {
  userId: string;
  displayName: string;
  organisationName: string;
  roles?: string[];
  isClient: boolean;
}

export interface ConferenceDetail extends ConferenceSummary {
  currentItemId: string | null;
  seq: number;
  attendees: Attendee[];
  items: AgendaItem[];
}

export interface Invitee {
  userId: string;
  displayName: string;
  organisationName: string;
  roles: string[];
  teamMember: boolean;
  /** Works with the client asked about (a three-way meeting). */
  worksWithClient: boolean;
  /** The client's own passport account (only when asked with a client). */
  isClient: boolean;
}

export interface Proposal {
  clientId: string;
  name: string;
  pseudonym: string;
  source: ItemSource;
  reason: string;
}

export interface Task {
  id: string;
  text: string;
  /** The client's name when you see them identified, else the pseudonym. */
  about: string;
  view: ItemView;
  clientId?: string;
  ownerId: string;
  ownerName: string;
  dueOn: string;
  status: 'OPEN' | 'DONE';
  version: number;
  conferenceId: string;
  conferenceTitle: string;
  conferenceStartsAt: string;
}

export interface NewConference {
  teamId: string;
  kind: ConferenceKind;
  title: string;
  startsAt: string;
  durationMinutes: number;
  location?: string;
  videoUrl?: string;
  attendeeIds: string[];
  items?: { clientId: string; topic?: string; source?: ItemSource }[];
}

export interface NewSeries {
  teamId: string;
  kind: 'FACT_BOARD' | 'MDO';
  title: string;
  weekdays: number[];
  startTime: string;
  durationMinutes: number;
  location?: string;
  videoUrl?: string;
  startsOn: string;
  endsOn: string;
  attendeeIds: string[];
}

/** Body of `PATCH /conferences/{id}`: the whole planning, the version you edited, or a cancellation. */
export interface PlanningChange {
  title: string;
  startsAt: string;
  durationMinutes: number;
  location?: string;
  videoUrl?: string;
  status?: 'PLANNED' | 'CANCELLED';
  version: number;
}

export type AttachDomain = 'TREATMENT' | 'PARTICIPATION';

export interface AttachResult {
  noteId: string;
  clientId: string;
  domain: AttachDomain;
}

export interface CloseResult {
  conferenceId: string;
  status: ConferenceStatus;
  notes: { itemId: string; clientId: string; domain: string; noteId: string }[];
}

const conferencePath = (id: string) => `/conferences/${encodeURIComponent(id)}`;

/** The conference calls, on top of the authenticated `request` of the data-access lib. */
export function conferencesApi(api: TandemApi) {
  return {
    list: (query: { teamId?: string; from?: string; to?: string }, signal?: AbortSignal) =>
      api.request<ConferenceSummary[]>('/conferences', { signal, query }),
    detail: (id: string, signal?: AbortSignal) =>
      api.request<ConferenceDetail>(conferencePath(id), { signal }),
    create: (body: NewConference) =>
      api.request<ConferenceDetail>('/conferences', { method: 'POST', body }),
    createSeries: (body: NewSeries) =>
      api.request<{ seriesId: string; conferenceIds: string[] }>('/conference-series', {
        method: 'POST',
        body,
      }),
    /** With a client (three-way meeting): also their own account; 404 unless you are their care staff. */
    invitees: (teamId: string, clientId: string | null, signal?: AbortSignal) =>
      api.request<Invitee[]>('/conferences/invitees', {
        signal,
        query: clientId ? { teamId, clientId } : { teamId },
      }),
    /** 409 `VERSION_CONFLICT` with `current` (the summary as it is now) when someone changed it. */
    update: (id: string, change: PlanningChange) =>
      api.request<ConferenceDetail>(conferencePath(id), { method: 'PATCH', body: change }),
    addAttendee: (id: string, userId: string) =>
      api.request<ConferenceDetail>(`${conferencePath(id)}/attendees`, {
        method: 'POST',
        body: { userId },
      }),
    removeAttendee: (id: string, userId: string) =>
      api.request<ConferenceDetail>(
        `${conferencePath(id)}/attendees/${encodeURIComponent(userId)}/remove`,
        { method: 'POST' },
      ),
    /** Once per item; 409 `ALREADY_ATTACHED` after that. */
    attach: (id: string, itemId: string, body: { clientId: string; domain: AttachDomain }) =>
      api.request<AttachResult>(
        `${conferencePath(id)}/items/${encodeURIComponent(itemId)}/attach`,
        { method: 'POST', body },
      ),
    proposals: (id: string, signal?: AbortSignal) =>
      api.request<Proposal[]>(`${conferencePath(id)}/proposals`, { signal }),
    addItem: (id: string, item: { clientId: string; topic?: string; source?: ItemSource }) =>
      api.request<ConferenceDetail>(`${conferencePath(id)}/items`, { method: 'POST', body: item }),
    withdrawItem: (id: string, itemId: string) =>
      api.request<ConferenceDetail>(
        `${conferencePath(id)}/items/${encodeURIComponent(itemId)}/withdraw`,
        { method: 'POST' },
      ),
    close: (id: string) =>
      api.request<CloseResult>(`${conferencePath(id)}/close`, { method: 'POST' }),
    /** The minutes as a PDF built for you (raw response: the caller saves the blob). */
    minutesPdf: (id: string, signal?: AbortSignal) =>
      api.requestResponse(`${conferencePath(id)}/minutes.pdf`, {
        signal,
        accept: 'application/pdf',
      }),
    tasks: (signal?: AbortSignal) => api.request<Task[]>('/me/tasks', { signal }),
    completeTask: (id: string, done: boolean, version: number) =>
      api.request<Task>(`/me/tasks/${encodeURIComponent(id)}/complete`, {
        method: 'POST',
        body: { done, version },
      }),
  };
}

export type ConferencesApi = ReturnType<typeof conferencesApi>;
