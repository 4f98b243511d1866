import type { QueryValue, TandemApi } from '@tandem/web-data-access';

export type AccessAction =
  'READ' | 'SEARCH' | 'CREATE' | 'UPDATE' | 'EXPORT' | 'EMERGENCY_ACCESS' | 'LOG_READ';

export type AccessBasis =
  | 'TREATMENT_RELATIONSHIP'
  | 'WORK_RELATIONSHIP'
  | 'TEAM_MEMBERSHIP'
  | 'CONSENT'
  | 'EMERGENCY'
  | 'OWN_DATA'
  | 'SUPERVISION'
  | 'NONE';

/** One line of the NEN 7513 access log. */
export interface AccessLogEntry {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  userRole: string | null;
  organisationName: string | null;
  clientId: string | null;
  clientName: string | null;
  /** All clients a search or list touched. */
  clientIds: string[];
  objectType: string;
  /** For EMERGENCY_ACCESS entries: the emergency-access id (to review it). */
  objectId: string | null;
  action: AccessAction;
  outcome: 'ALLOWED' | 'DENIED';
  /** One basis, or several joined with commas (lists). */
  basis: string;
  consentIds: string[];
  emergency: boolean;
  channel: string;
  route: string | null;
  ip: string | null;
  userAgent: string | null;
  sessionId: string | null;
}

export interface AccessLogResult {
  items: AccessLogEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  firstBrokenId: string | null;
  problem: string | null;
}

export interface Notification {
  id: string;
  kind: string;
  clientId: string | null;
  message: string;
  createdAt: string;
  readAt: string | null;
}

/** The filters of the access-log page, as the user sees them (days are `YYYY-MM-DD`). */
export interface AccessLogFilters {
  clientId: string;
  userId: string;
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
  emergency: boolean;
}

export const EMPTY_FILTERS: AccessLogFilters = {
  clientId: '',
  userId: '',
  from: '',
  to: '',
  emergency: false,
};

export const ACCESS_LOG_PAGE_SIZE = 50;

/** Local midnight of a `YYYY-MM-DD` day, `days` later, as an ISO timestamp. */
function startOfDay(day: string, days = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * The API query for the filters. Days are the user's own calendar days: `from` is the start of
 * the first day and `to` (exclusive in the API) the start of the day after the last one.
 */
export function accessLogQuery(filters: AccessLogFilters): Record<string, QueryValue> {
  return {
    clientId: filters.clientId.trim() || undefined,
    userId: filters.userId.trim() || undefined,
    from: startOfDay(filters.from),
    to: startOfDay(filters.to, 1),
    emergency: filters.emergency ? true : undefined,
  };
}

export function auditApi(api: TandemApi) {
  return {
    list: (filters: AccessLogFilters, page: number, signal?: AbortSignal) =>
      api.request<AccessLogResult>('/access-log', {
        signal,
        query: { ...accessLogQuery(filters), page, pageSize: ACCESS_LOG_PAGE_SIZE },
      }),
    /** The raw CSV response, so the caller can show progress while it arrives. */
    exportCsv: (filters: AccessLogFilters, signal?: AbortSignal) =>
      api.requestResponse('/access-log/export', {
        signal,
        accept: 'text/csv',
        query: accessLogQuery(filters),
      }),
    verify: (signal?: AbortSignal) => api.request<VerifyResult>('/access-log/verify', { signal }),
    review: (emergencyAccessId: string, comment: string) =>
      api.request<{ reviewed: boolean }>(
        `/emergency-access/${encodeURIComponent(emergencyAccessId)}/review`,
        { method: 'POST', body: { comment } },
      ),
    notifications: (signal?: AbortSignal) =>
      api.request<Notification[]>('/notifications', { signal }),
  };
}

export type AuditApi = ReturnType<typeof auditApi>;
