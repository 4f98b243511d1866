import type { ConsentPurpose } from '@tandem/domain';
import type { Consent } from '@tandem/web-consent';
import type { TandemApi } from '@tandem/web-data-access';

export type SharedDocumentStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED';

/** One item of `GET /api/v1/me/documents`: a document the client shared herself. */
export interface SharedDocument {
  id: string;
  clientId: string;
  title: string;
  fileName: string;
  mime: string;
  sizeBytes: number;
  recipientUserId: string;
  recipientName: string;
  recipientOrganisationName: string;
  purpose: ConsentPurpose;
  message: string | null;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD, inclusive */
  validUntil: string;
  sharedAt: string;
  revokedAt: string | null;
  status: SharedDocumentStatus;
}

/** One item of `GET /api/v1/me/documents/recipients`: someone who works with the client now. */
export interface DocumentRecipient {
  userId: string;
  displayName: string;
  kind: string;
  organisationId: string;
  organisationName: string;
}

/** Body of `POST /api/v1/me/documents`. */
export interface ShareDocument {
  title: string;
  fileName: string;
  mime: string;
  base64: string;
  recipientUserId: string;
  purpose: ConsentPurpose;
  validUntil: string;
  message?: string;
}

/** The passport's consent and document calls (the client's own `me/...` routes). */
export function myConsentsApi(api: TandemApi) {
  const consent = (id: string, action: 'accept' | 'refuse' | 'revoke') =>
    api.request<Consent>(`/me/consents/${encodeURIComponent(id)}/${action}`, {
      method: 'POST',
      body: {},
    });
  return {
    consents: (signal?: AbortSignal) => api.request<Consent[]>('/me/consents', { signal }),
    accept: (id: string) => consent(id, 'accept'),
    refuse: (id: string) => consent(id, 'refuse'),
    revoke: (id: string) => consent(id, 'revoke'),
    documents: (signal?: AbortSignal) => api.request<SharedDocument[]>('/me/documents', { signal }),
    recipients: (signal?: AbortSignal) =>
      api.request<DocumentRecipient[]>('/me/documents/recipients', { signal }),
    share: (body: ShareDocument) =>
      api.request<SharedDocument>('/me/documents', { method: 'POST', body }),
    revokeDocument: (id: string) =>
      api.request<SharedDocument>(`/me/documents/${encodeURIComponent(id)}/revoke`, {
        method: 'POST',
        body: {},
      }),
    documentFile: (id: string) =>
      api.requestResponse(`/me/documents/${encodeURIComponent(id)}/content`, { accept: '*/*' }),
  };
}

export type MyConsentsApi = ReturnType<typeof myConsentsApi>;
