import type { Principal } from '@tandem/domain';

/** One failed rule in a `VALIDATION_FAILED` response. */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/** The body of every error response of the API. */
export interface ApiProblem {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldError[];
  /** Set with `ACCOUNT_LOCKED`. */
  retryAfterSeconds?: number;
  /** Set with `ACCOUNT_LOCKED` (ISO 8601). */
  lockedUntil?: string;
  [key: string]: unknown;
}

/** Response of `POST /api/v1/auth/login` and `POST /api/v1/auth/refresh`. */
export interface TokenResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  principal: Principal;
}

export interface PersonRef {
  userId: string;
  displayName: string;
}

export interface CaseloadItem {
  clientId: string;
  firstName: string;
  lastName: string;
  teamId: string;
  teamName: string;
  keyWorker: PersonRef | null;
  regiebehandelaar: PersonRef | null;
}

export interface CaseloadPage {
  items: CaseloadItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CaseloadQuery {
  teamId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}
