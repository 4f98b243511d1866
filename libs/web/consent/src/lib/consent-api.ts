import type {
  ConsentCategory,
  ConsentPurpose,
  ConsentStatus,
  OrganisationType,
} from '@tandem/domain';
import type { TandemApi } from '@tandem/web-data-access';

export type RecipientType = 'ORGANISATION' | 'ROLE' | 'PERSON';
export type ConsentSituation = 'REGULAR' | 'INTAKE' | 'ACCESS_DECISION';
export type SignedFormMime = 'application/pdf' | 'image/png' | 'image/jpeg';

/** One entry of a consent's append-only history. */
export interface ConsentEvent {
  /** REQUESTED, GIVEN, REFUSED, REVOKED, RENEWED, ... */
  event: string;
  at: string;
  actorName: string | null;
  details: Record<string, unknown> | null;
}

/** One item of `GET /api/v1/clients/:clientId/consents`. */
export interface Consent {
  id: string;
  clientId: string;
  recipientType: RecipientType;
  recipientOrganisationId: string;
  recipientOrganisationName: string;
  recipientRole: string | null;
  recipientUserId: string | null;
  recipientUserName: string | null;
  purpose: ConsentPurpose;
  categories: ConsentCategory[];
  status: ConsentStatus;
  /** The exact text the client saw (generated in plain Dutch when none was given). */
  textShown: string;
  /** SIGNED_FORM or PASSPORT_CONFIRMATION; null while requested. */
  method: string | null;
  situation: ConsentSituation;
  hasSignedForm: boolean;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD, inclusive */
  validUntil: string;
  recordedByName: string | null;
  recordedAt: string | null;
  revokedAt: string | null;
  agreementName: string | null;
  /** Only filled in the answer to recording a consent. */
  warnings: string[];
  history: ConsentEvent[];
}

/** One item of `GET /api/v1/organisations`. */
export interface Organisation {
  id: string;
  name: string;
  type: OrganisationType;
}

/** `GET /api/v1/clients/:clientId/consent-options`: what the sharing agreements allow. */
export interface ConsentOptions {
  agreements: { id: string; name: string; categories: ConsentCategory[] }[];
  allowedCategories: ConsentCategory[];
  /** Why nothing is allowed (English, from the server); null when something is. */
  explanation: string | null;
}

/** The terms shared by a recorded consent and a request. */
export interface ConsentTerms {
  recipientType: RecipientType;
  recipientOrganisationId: string;
  recipientRole?: string;
  recipientUserId?: string;
  purpose: ConsentPurpose;
  categories: ConsentCategory[];
  validFrom?: string;
  validUntil?: string;
  textShown?: string;
}

/** Body of `POST /api/v1/clients/:clientId/consents`. */
export interface RecordConsent extends ConsentTerms {
  situation: ConsentSituation;
  signedForm: { mime: SignedFormMime; base64: string };
  confirmFreelyGiven?: boolean;
}

const clientPath = (clientId: string) => `/clients/${encodeURIComponent(clientId)}`;
const consentPath = (clientId: string, consentId: string) =>
  `${clientPath(clientId)}/consents/${encodeURIComponent(consentId)}`;

/** The consent calls, on top of the authenticated `request` of the data-access lib. */
export function consentApi(api: TandemApi) {
  return {
    list: (clientId: string, signal?: AbortSignal) =>
      api.request<Consent[]>(`${clientPath(clientId)}/consents`, { signal }),
    organisations: (signal?: AbortSignal) =>
      api.request<Organisation[]>('/organisations', { signal }),
    options: (clientId: string, recipientOrganisationId: string, signal?: AbortSignal) =>
      api.request<ConsentOptions>(`${clientPath(clientId)}/consent-options`, {
        signal,
        query: { recipientOrganisationId },
      }),
    record: (clientId: string, body: RecordConsent) =>
      api.request<Consent>(`${clientPath(clientId)}/consents`, { method: 'POST', body }),
    request: (clientId: string, body: ConsentTerms) =>
      api.request<Consent>(`${clientPath(clientId)}/consent-requests`, { method: 'POST', body }),
    renew: (clientId: string, consentId: string, validUntil: string) =>
      api.request<Consent>(`${consentPath(clientId, consentId)}/renew`, {
        method: 'POST',
        body: { validUntil },
      }),
    revoke: (clientId: string, consentId: string, reason?: string) =>
      api.request<Consent>(`${consentPath(clientId, consentId)}/revoke`, {
        method: 'POST',
        body: reason ? { reason } : {},
      }),
  };
}

export type ConsentApi = ReturnType<typeof consentApi>;
