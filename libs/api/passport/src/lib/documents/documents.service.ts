import { createHash } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@tandem/api-audit';
import { AuthzService, SqlParams, notFound } from '@tandem/api-authz';
import { ClientsRepository } from '@tandem/api-caseload';
import { DomainError, UPLOAD_MAX_BYTES, matchesMimeType } from '@tandem/api-core';
import { CONSENT_MAX_DAYS, type Principal } from '@tandem/domain';
import { DocumentRecipientDto, ShareDocumentDto, SharedDocumentDto } from './documents.dto';
import { PassportClient } from '../passport-client';
import { DocumentRow, DocumentsRepository } from './documents.repository';

const today = () => new Date().toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

const invalid = (field: string, rule: string, message: string) =>
  new DomainError(
    HttpStatus.BAD_REQUEST,
    'VALIDATION_FAILED',
    `Please correct: ${field} (${message})`,
    {
      errors: [{ field, rule, message }],
    },
  );

const subjectOf = (row: DocumentRow) => ({
  clientId: row.clientId,
  teamId: row.teamId,
  recipientUserId: row.recipientUserId,
  active: row.active,
});

const toDto = (row: DocumentRow): SharedDocumentDto => ({
  id: row.id,
  clientId: row.clientId,
  title: row.title,
  fileName: row.fileName,
  mime: row.mime,
  sizeBytes: row.sizeBytes,
  recipientUserId: row.recipientUserId,
  recipientName: row.recipientName,
  recipientOrganisationName: row.recipientOrganisationName,
  purpose: row.purpose,
  message: row.message,
  validFrom: row.validFrom,
  validUntil: row.validUntil,
  sharedAt: new Date(row.sharedAt).toISOString(),
  revokedAt: row.revokedAt ? new Date(row.revokedAt).toISOString() : null,
  status: row.revokedAt ? 'REVOKED' : row.active ? 'ACTIVE' : 'EXPIRED',
});

export interface DocumentFile {
  fileName: string;
  mime: string;
  content: Buffer;
}

/**
 * Documents a client shares herself (domain brief §2.2: medical files reach the work world only
 * when the client provides them): one file for one person who works with her, for a purpose and
 * a period. The recipient reads it while the share is active; a revocation applies to the next
 * request, because abilities are built fresh for every request.
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly clients: ClientsRepository,
    private readonly authz: AuthzService,
    private readonly audit: AuditTrail,
    private readonly passport: PassportClient,
  ) {}

  private own(principal: Principal) {
    return this.passport.own(principal);
  }

  private record(
    principal: Principal,
    action: 'READ' | 'CREATE' | 'UPDATE',
    clientId: string,
    objectId: string | null,
    basis: string,
    details?: Record<string, unknown>,
  ) {
    this.audit.add(principal, {
      objectType: 'ClientDocument',
      objectId,
      clientId,
      action,
      basis,
      details,
    });
  }

  /** The client's own shared documents (active, revoked and expired). */
  async mine(principal: Principal): Promise<SharedDocumentDto[]> {
    const client = await this.own(principal);
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'ClientDocument', params);
    const rows = await this.documents.list(scope, params, client.id);
    this.record(principal, 'READ', client.id, null, 'OWN_DATA', {
      documentIds: rows.map((r) => r.id),
    });
    return rows.map(toDto);
  }

  /** Who the client can share a document with: the people who work with her now. */
  async recipients(principal: Principal): Promise<DocumentRecipientDto[]> {
    const client = await this.own(principal);
    const people = await this.documents.recipients(client.id);
    this.record(principal, 'READ', client.id, null, 'OWN_DATA', { recipients: people.length });
    return people;
  }

  async share(principal: Principal, dto: ShareDocumentDto): Promise<SharedDocumentDto> {
    const client = await this.own(principal);
    await this.authz.assert(
      principal,
      'create',
      'ClientDocument',
      {
        clientId: client.id,
        teamId: client.teamId,
        recipientUserId: dto.recipientUserId,
        active: true,
      },
      { what: 'client', message: 'Only the client shares her own documents.' },
    );
    const recipient = (await this.documents.recipients(client.id)).find(
      (r) => r.userId === dto.recipientUserId,
    );
    if (!recipient)
      throw invalid(
        'recipientUserId',
        'team',
        'choose someone who works with you now (see My team)',
      );
    const validFrom = today();
    if (daysBetween(validFrom, dto.validUntil) <= 0)
      throw invalid('validUntil', 'future', 'the last day must be after today');
    if (daysBetween(validFrom, dto.validUntil) > CONSENT_MAX_DAYS)
      throw invalid('validUntil', 'max', 'you can share a document for at most 2 years');
    const content = Buffer.from(dto.base64, 'base64');
    if (!content.length) throw invalid('base64', 'empty', 'the file is empty');
    if (content.length > UPLOAD_MAX_BYTES)
      throw new DomainError(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'PAYLOAD_TOO_LARGE',
        'The file is larger than 2 MB. Make a smaller scan or photo and try again.',
      );
    if (!matchesMimeType(dto.mime, content))
      throw new DomainError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'UNSUPPORTED_MEDIA_TYPE',
        `The file is not a valid ${dto.mime} file. Choose a PDF, PNG or JPEG file.`,
      );
    const id = await this.db.transaction((m) =>
      this.documents.insert(m, {
        client_id: client.id,
        title: dto.title.trim(),
        file_name: dto.fileName,
        mime: dto.mime,
        size_bytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        recipient_user_id: recipient.userId,
        recipient_organisation_id: recipient.organisationId,
        purpose: dto.purpose,
        message: dto.message?.trim() || null,
        valid_from: validFrom,
        valid_until: dto.validUntil,
        shared_by: principal.userId,
      }),
    );
    this.record(principal, 'CREATE', client.id, id, 'OWN_DATA', {
      recipientUserId: recipient.userId,
      purpose: dto.purpose,
    });
    return toDto((await this.documents.findById(id)) as DocumentRow);
  }

  /** The client stops a share: the recipient loses access on the next request. */
  async revoke(principal: Principal, id: string): Promise<SharedDocumentDto> {
    const client = await this.own(principal);
    const row = await this.documents.findById(id);
    if (!row || row.clientId !== client.id) throw notFound('document');
    await this.authz.assert(principal, 'revoke', 'ClientDocument', subjectOf(row), {
      what: 'document',
      message: 'Only the client can stop sharing her document.',
    });
    const ok = await this.db.transaction((m) => this.documents.revoke(m, id, principal.userId));
    if (!ok)
      throw new DomainError(
        HttpStatus.CONFLICT,
        'DOCUMENT_ALREADY_REVOKED',
        'You already stopped sharing this document. Reload the page to see its current state.',
      );
    this.record(principal, 'UPDATE', client.id, id, 'OWN_DATA', { event: 'REVOKED' });
    return toDto((await this.documents.findById(id)) as DocumentRow);
  }

  /** The client's own file. */
  async ownFile(principal: Principal, id: string): Promise<DocumentFile> {
    const client = await this.own(principal);
    const row = await this.documents.findById(id);
    if (
      !row ||
      row.clientId !== client.id ||
      !(await this.authz.can(principal, 'read', 'ClientDocument', subjectOf(row)))
    )
      throw notFound('document');
    this.record(principal, 'READ', client.id, id, 'OWN_DATA');
    return { fileName: row.fileName, mime: row.mime, content: await this.documents.content(id) };
  }

  /** For professionals: the documents this client shared with me and that are still active. */
  async sharedWithMe(principal: Principal, clientId: string): Promise<SharedDocumentDto[]> {
    const client = await this.clients.findRef(clientId);
    if (!client) throw notFound('client');
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'ClientDocument', params);
    const rows = await this.documents.list(scope, params, clientId);
    if (!rows.length && !(await this.authz.can(principal, 'read', 'Client', client)))
      throw notFound('client');
    const basis =
      principal.clientId === clientId ? 'OWN_DATA' : rows.length ? 'CLIENT_SHARED' : 'NONE';
    this.record(principal, 'READ', clientId, null, basis, { documentIds: rows.map((r) => r.id) });
    return rows.map(toDto);
  }

  /** For professionals: one shared document's file, while the share is active. */
  async sharedFile(principal: Principal, clientId: string, id: string): Promise<DocumentFile> {
    const row = await this.documents.findById(id);
    if (
      !row ||
      row.clientId !== clientId ||
      !(await this.authz.can(principal, 'read', 'ClientDocument', subjectOf(row)))
    )
      throw notFound('document');
    this.record(
      principal,
      'READ',
      clientId,
      id,
      principal.clientId === clientId ? 'OWN_DATA' : 'CLIENT_SHARED',
    );
    return { fileName: row.fileName, mime: row.mime, content: await this.documents.content(id) };
  }
}
