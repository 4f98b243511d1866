import { createHash } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@tandem/api-audit';
import { AuthzService, SqlParams, notFound } from '@tandem/api-authz';
import { ClientsRepository } from '@tandem/api-caseload';
import { DomainError, UPLOAD_MAX_BYTES, matchesMimeType } from '@tandem/api-core';
import {
  CONSENT_DEFAULT_MONTHS,
  CONSENT_MAX_DAYS,
  ConsentCategory,
  type Principal,
} from '@tandem/domain';
import {
  ConsentDto,
  RecordConsentDto,
  RenewConsentDto,
  RequestConsentDto,
  RevokeConsentDto,
} from '../dtos/consent.dto';
import { ConsentEvents } from './consent-events';
import { ConsentRow, ConsentsRepository } from './consents.repository';

const PURPOSE_NL: Record<string, string> = {
  IPS_TRAJECT: 'mijn IPS-traject (begeleiding naar werk)',
  UITKERING: 'zaken rond mijn uitkering',
  CASUSOVERLEG: 'overleg over mij tussen zorg en werk en inkomen',
  DRIEGESPREK: 'driegesprekken met mij, de zorg en werk en inkomen',
};
const CATEGORY_NL: Record<string, string> = {
  WORK_CAPACITY_SUMMARY:
    'de samenvatting van wat ik kan in werk en waar ik rekening mee moet houden',
  PARTICIPATION_NOTES: 'de aantekeningen over mijn re-integratie',
  TREATMENT_GOALS_WORK: 'de doelen uit mijn behandelplan die over werk gaan',
  CONFERENCE_IDENTITY: 'mijn naam en gegevens in een overleg',
};
const CATEGORY_EN: Record<string, string> = {
  WORK_CAPACITY_SUMMARY: 'work capabilities summary',
  PARTICIPATION_NOTES: 'participation notes',
  TREATMENT_GOALS_WORK: 'treatment-plan goals related to work',
  CONFERENCE_IDENTITY: 'identity in case conferences',
};

const today = () => new Date().toISOString().slice(0, 10);
const addMonths = (date: string, months: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};
const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const nlDate = (d: string) =>
  new Date(`${d}T00:00:00Z`).toLocaleDateString('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/**
 * The consent registry: recorded (signed form) or requested and confirmed by the client in the
 * passport; always for one recipient, one purpose, named data and a period that ends; only within
 * an active sharing agreement. History is append-only. Revocation applies to the next request,
 * because abilities are built fresh on every request.
 */
@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly consents: ConsentsRepository,
    private readonly clients: ClientsRepository,
    private readonly authz: AuthzService,
    private readonly audit: AuditTrail,
    private readonly events: ConsentEvents,
  ) {}

  private async client(principal: Principal, clientId: string) {
    const client = await this.clients.findRef(clientId);
    if (
      !client ||
      !(await this.authz.can(principal, 'read', 'Consent', {
        clientId,
        teamId: client.teamId,
        recipientOrganisationId: '',
      }))
    )
      throw notFound('client');
    return client;
  }

  private async record(
    principal: Principal,
    action: 'READ' | 'CREATE' | 'UPDATE',
    client: { id: string; teamId: string },
    objectId: string | null,
    details?: Record<string, unknown>,
  ) {
    const basis = await this.authz.basisFor(principal, client.id, client.teamId);
    this.audit.add(principal, {
      objectType: 'Consent',
      objectId,
      clientId: client.id,
      action,
      basis: basis.basis,
      consentIds: basis.consentIds,
      emergency: basis.emergency,
      details,
    });
  }

  async list(principal: Principal, clientId: string): Promise<ConsentDto[]> {
    const client = await this.client(principal, clientId);
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'Consent', params);
    const rows = await this.consents.list(scope, params, clientId);
    await this.record(principal, 'READ', client, null, { consentIds: rows.map((r) => r.id) });
    return this.toDtos(rows);
  }

  async get(principal: Principal, clientId: string, consentId: string): Promise<ConsentDto> {
    const row = await this.consents.findById(consentId);
    if (
      !row ||
      row.clientId !== clientId ||
      !(await this.authz.can(principal, 'read', 'Consent', {
        clientId,
        teamId: row.teamId,
        recipientOrganisationId: row.recipientOrganisationId,
      }))
    ) {
      throw notFound('consent');
    }
    return (await this.toDtos([row]))[0];
  }

  /** What an active agreement allows between the client's care organisation and a recipient organisation. */
  async options(principal: Principal, clientId: string, recipientOrganisationId: string) {
    await this.client(principal, clientId);
    const care = await this.consents.careOrganisationOf(clientId);
    const recipientName = await this.consents.organisationName(recipientOrganisationId);
    if (!care || !recipientName) throw notFound('organisation');
    if (care.organisationId === recipientOrganisationId) {
      return {
        agreements: [],
        allowedCategories: [],
        explanation: `${recipientName} holds the client's file itself: sharing inside the organisation follows the treatment relationship, not a consent. Choose a partner organisation.`,
      };
    }
    const agreements = await this.consents.agreementsBetween(
      care.organisationId,
      recipientOrganisationId,
    );
    const allowed = [...new Set(agreements.flatMap((a) => a.categories))];
    return {
      agreements: agreements.map((a) => ({ id: a.id, name: a.name, categories: a.categories })),
      allowedCategories: allowed,
      explanation: allowed.length
        ? null
        : `There is no active sharing agreement between ${care.organisationName} and ${recipientName}. Consent can only be recorded within an agreement; ask your privacy officer to record one.`,
    };
  }

  private async checkTerms(clientId: string, dto: RequestConsentDto) {
    const validFrom = dto.validFrom ?? today();
    const validUntil = dto.validUntil ?? addMonths(validFrom, CONSENT_DEFAULT_MONTHS);
    const problems: { field: string; rule: string; message: string }[] = [];
    if (daysBetween(validFrom, validUntil) <= 0)
      problems.push({
        field: 'validUntil',
        rule: 'after',
        message: 'validUntil must be after validFrom',
      });
    if (daysBetween(validFrom, validUntil) > CONSENT_MAX_DAYS)
      problems.push({
        field: 'validUntil',
        rule: 'max',
        message: 'a consent lasts at most 2 years; ask the client to renew it later',
      });
    if (validUntil < today())
      problems.push({
        field: 'validUntil',
        rule: 'future',
        message: 'validUntil lies in the past',
      });
    if (
      dto.recipientType === 'PERSON' &&
      dto.recipientUserId &&
      !(await this.consents.userInOrganisation(dto.recipientUserId, dto.recipientOrganisationId))
    ) {
      problems.push({
        field: 'recipientUserId',
        rule: 'organisation',
        message: 'the named person does not work at the recipient organisation',
      });
    }
    if (problems.length) {
      throw new DomainError(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        `Please correct: ${problems.map((p) => `${p.field} (${p.message})`).join('; ')}`,
        { errors: problems },
      );
    }
    const care = await this.consents.careOrganisationOf(clientId);
    const recipientName = await this.consents.organisationName(dto.recipientOrganisationId);
    if (!care || !recipientName) throw notFound('organisation');
    if (care.organisationId === dto.recipientOrganisationId) {
      throw new DomainError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'CONSENT_NOT_NEEDED',
        `${recipientName} holds the client's file itself; choose a partner organisation (municipality, UWV) as recipient.`,
      );
    }
    const agreements = await this.consents.agreementsBetween(
      care.organisationId,
      dto.recipientOrganisationId,
    );
    const agreement = agreements.find((a) => dto.categories.every((c) => a.categories.includes(c)));
    if (!agreement) {
      const allowed = new Set(agreements.flatMap((a) => a.categories));
      const missing = dto.categories.filter((c) => !allowed.has(c)).map((c) => CATEGORY_EN[c]);
      throw new DomainError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'NO_SHARING_AGREEMENT',
        agreements.length
          ? `The sharing agreement between ${care.organisationName} and ${recipientName} does not cover: ${missing.join(', ')}. Remove these categories, or ask your privacy officer to extend the agreement.`
          : `There is no active sharing agreement between ${care.organisationName} and ${recipientName}. Consent can only be recorded within an agreement; ask your privacy officer to record one.`,
        { missingCategories: dto.categories.filter((c) => !allowed.has(c)) },
      );
    }
    const recipient =
      dto.recipientType === 'ORGANISATION'
        ? recipientName
        : dto.recipientType === 'ROLE'
          ? `${(dto.recipientRole ?? '').toLowerCase().replace(/_/g, ' ')} van ${recipientName}`
          : `een met naam genoemde medewerker van ${recipientName}`;
    const text =
      dto.textShown ??
      `Ik geef ${recipient} toestemming om ${dto.categories.map((c) => CATEGORY_NL[c]).join(', ')} te gebruiken voor ${PURPOSE_NL[dto.purpose]}. ` +
        `Deze toestemming geldt van ${nlDate(validFrom)} tot en met ${nlDate(validUntil)}. Ik kan haar altijd intrekken; daarna ziet ${recipientName} deze gegevens niet meer.`;
    return { validFrom, validUntil, agreementId: agreement.id, text };
  }

  private terms(dto: RequestConsentDto) {
    return {
      recipient_type: dto.recipientType,
      recipient_organisation_id: dto.recipientOrganisationId,
      recipient_role: dto.recipientType === 'ROLE' ? dto.recipientRole : null,
      recipient_user_id: dto.recipientType === 'PERSON' ? dto.recipientUserId : null,
      purpose: dto.purpose,
      categories: dto.categories,
    };
  }

  /** A professional records a consent the client gave on a signed form. */
  async recordGiven(
    principal: Principal,
    clientId: string,
    dto: RecordConsentDto,
  ): Promise<ConsentDto> {
    const client = await this.client(principal, clientId);
    await this.authz.assert(
      principal,
      'create',
      'Consent',
      { clientId, teamId: client.teamId, recipientOrganisationId: dto.recipientOrganisationId },
      {
        readCheck: {
          subject: 'Consent',
          object: { clientId, teamId: client.teamId, recipientOrganisationId: '' },
        },
        what: 'client',
        message:
          'Only care staff of the client’s team record consents. Ask the key worker, or send the client a request.',
      },
    );
    const form = Buffer.from(dto.signedForm.base64, 'base64');
    if (form.length > UPLOAD_MAX_BYTES)
      throw new DomainError(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'PAYLOAD_TOO_LARGE',
        'The signed form is larger than 2 MB; scan it at a lower resolution.',
      );
    if (!matchesMimeType(dto.signedForm.mime, form)) {
      throw new DomainError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'UNSUPPORTED_MEDIA_TYPE',
        `The signed form is not a valid ${dto.signedForm.mime} file. Upload the scan as PDF, PNG or JPEG.`,
      );
    }
    const warnings: string[] = [];
    if (dto.situation !== 'REGULAR') {
      const warning =
        'Consent asked at an intake or an access decision, while the client depends on the organisation, may not be given freely (Autoriteit Persoonsgegevens).';
      if (!dto.confirmFreelyGiven) {
        throw new DomainError(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'CONSENT_MAY_NOT_BE_FREE',
          `${warning} Confirm that you checked the client gave it freely, or record it later in a regular contact.`,
        );
      }
      warnings.push(warning);
    }
    const terms = await this.checkTerms(clientId, dto);
    const id = await this.db.transaction(async (m) => {
      const newId = await this.consents.insert(m, {
        client_id: clientId,
        ...this.terms(dto),
        status: 'GIVEN',
        text_shown: terms.text,
        method: 'SIGNED_FORM',
        situation: dto.situation,
        form_sha256: createHash('sha256').update(form).digest('hex'),
        form_mime: dto.signedForm.mime,
        form_bytes: form,
        agreement_id: terms.agreementId,
        valid_from: terms.validFrom,
        valid_until: terms.validUntil,
        recorded_by: principal.userId,
        recorded_at: new Date(),
      });
      await this.consents.event(m, newId, 'GIVEN', principal.userId, {
        method: 'SIGNED_FORM',
        situation: dto.situation,
        warnings,
      });
      return newId;
    });
    this.events.emit({ consentId: id, clientId, event: 'GIVEN' });
    await this.record(principal, 'CREATE', client, id, { status: 'GIVEN' });
    const dtoOut = await this.get(principal, clientId, id);
    return { ...dtoOut, warnings };
  }

  /** A professional asks the client for consent; the client accepts or refuses in the passport. */
  async request(
    principal: Principal,
    clientId: string,
    dto: RequestConsentDto,
  ): Promise<ConsentDto> {
    const client = await this.client(principal, clientId);
    await this.authz.assert(
      principal,
      'request',
      'Consent',
      { clientId, teamId: client.teamId, recipientOrganisationId: dto.recipientOrganisationId },
      { what: 'client' },
    );
    const terms = await this.checkTerms(clientId, dto);
    const id = await this.db.transaction(async (m) => {
      const newId = await this.consents.insert(m, {
        client_id: clientId,
        ...this.terms(dto),
        status: 'REQUESTED',
        text_shown: terms.text,
        situation: 'REGULAR',
        agreement_id: terms.agreementId,
        valid_from: terms.validFrom,
        valid_until: terms.validUntil,
        requested_by: principal.userId,
        requested_at: new Date(),
      });
      await this.consents.event(m, newId, 'REQUESTED', principal.userId);
      return newId;
    });
    await this.record(principal, 'CREATE', client, id, { status: 'REQUESTED' });
    return this.get(principal, clientId, id);
  }

  async renew(
    principal: Principal,
    clientId: string,
    consentId: string,
    dto: RenewConsentDto,
  ): Promise<ConsentDto> {
    const row = await this.mutable(principal, clientId, consentId, 'update');
    if (daysBetween(today(), dto.validUntil) <= 0)
      throw this.invalid('validUntil', 'future', 'the new end date must lie in the future');
    if (daysBetween(row.validFrom, dto.validUntil) > CONSENT_MAX_DAYS)
      throw this.invalid(
        'validUntil',
        'max',
        'a consent lasts at most 2 years from its start; record a new consent instead',
      );
    await this.db.transaction(async (m) => {
      const ok = await this.consents.transition(m, consentId, ['GIVEN'], {
        valid_until: dto.validUntil,
      });
      if (!ok) throw this.notActive();
      await this.consents.event(m, consentId, 'RENEWED', principal.userId, {
        from: row.validUntil,
        to: dto.validUntil,
      });
    });
    this.events.emit({ consentId, clientId, event: 'RENEWED' });
    await this.record(principal, 'UPDATE', { id: clientId, teamId: row.teamId }, consentId, {
      event: 'RENEWED',
    });
    return this.get(principal, clientId, consentId);
  }

  async revoke(
    principal: Principal,
    clientId: string,
    consentId: string,
    dto: RevokeConsentDto,
  ): Promise<ConsentDto> {
    const row = await this.mutable(principal, clientId, consentId, 'revoke');
    await this.db.transaction(async (m) => {
      const ok = await this.consents.transition(m, consentId, ['GIVEN', 'REQUESTED'], {
        status: 'REVOKED',
        revoked_at: new Date(),
        revoked_by: principal.userId,
        revoke_reason: dto.reason ?? null,
      });
      if (!ok) throw this.notActive();
      await this.consents.event(m, consentId, 'REVOKED', principal.userId, {
        by: principal.clientId ? 'client' : 'professional',
        reason: dto.reason ?? null,
      });
    });
    this.events.emit({ consentId, clientId, event: 'REVOKED' });
    await this.record(principal, 'UPDATE', { id: clientId, teamId: row.teamId }, consentId, {
      event: 'REVOKED',
    });
    return this.get(principal, clientId, consentId);
  }

  /** The client answers a request in the passport. */
  async answer(principal: Principal, consentId: string, accept: boolean): Promise<ConsentDto> {
    if (!principal.clientId) throw notFound('consent');
    const row = await this.mutable(principal, principal.clientId, consentId, 'update');
    await this.db.transaction(async (m) => {
      const ok = await this.consents.transition(
        m,
        consentId,
        ['REQUESTED'],
        accept
          ? {
              status: 'GIVEN',
              method: 'PASSPORT_CONFIRMATION',
              recorded_by: principal.userId,
              recorded_at: new Date(),
            }
          : { status: 'REFUSED' },
      );
      if (!ok)
        throw new DomainError(
          HttpStatus.CONFLICT,
          'CONSENT_NOT_PENDING',
          'This request was already answered or withdrawn. Reload the page to see its current state.',
        );
      await this.consents.event(m, consentId, accept ? 'GIVEN' : 'REFUSED', principal.userId, {
        method: 'PASSPORT_CONFIRMATION',
      });
    });
    this.events.emit({ consentId, clientId: row.clientId, event: accept ? 'GIVEN' : 'REFUSED' });
    await this.record(principal, 'UPDATE', { id: row.clientId, teamId: row.teamId }, consentId, {
      event: accept ? 'GIVEN' : 'REFUSED',
    });
    return this.get(principal, row.clientId, consentId);
  }

  async mine(principal: Principal): Promise<ConsentDto[]> {
    if (!principal.clientId) throw notFound('client');
    return this.list(principal, principal.clientId);
  }

  private async mutable(
    principal: Principal,
    clientId: string,
    consentId: string,
    action: 'update' | 'revoke',
  ): Promise<ConsentRow> {
    const row = await this.consents.findById(consentId);
    if (!row || row.clientId !== clientId) throw notFound('consent');
    await this.authz.assert(
      principal,
      action,
      'Consent',
      { clientId, teamId: row.teamId, recipientOrganisationId: row.recipientOrganisationId },
      {
        what: 'consent',
        message:
          action === 'revoke'
            ? 'Only the client or care staff of the client’s team can revoke this consent.'
            : 'Only care staff of the client’s team can renew consents.',
      },
    );
    return row;
  }

  private invalid(field: string, rule: string, message: string) {
    return new DomainError(
      HttpStatus.BAD_REQUEST,
      'VALIDATION_FAILED',
      `Please correct: ${field} (${message})`,
      { errors: [{ field, rule, message }] },
    );
  }

  private notActive() {
    return new DomainError(
      HttpStatus.CONFLICT,
      'CONSENT_NOT_ACTIVE',
      'This consent is no longer active (revoked, refused or expired). Reload to see its history.',
    );
  }

  private async toDtos(rows: ConsentRow[]): Promise<ConsentDto[]> {
    const history = await this.consents.history(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      clientId: r.clientId,
      recipientType: r.recipientType,
      recipientOrganisationId: r.recipientOrganisationId,
      recipientOrganisationName: r.recipientOrganisationName,
      recipientRole: r.recipientRole,
      recipientUserId: r.recipientUserId,
      recipientUserName: r.recipientUserName,
      purpose: r.purpose,
      categories: r.categories as ConsentCategory[],
      status: r.status === 'GIVEN' && r.validUntil < today() ? 'EXPIRED' : r.status,
      textShown: r.textShown,
      method: r.method,
      situation: r.situation,
      hasSignedForm: r.hasSignedForm,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      recordedByName: r.recordedByName,
      recordedAt: r.recordedAt ? new Date(r.recordedAt).toISOString() : null,
      revokedAt: r.revokedAt ? new Date(r.revokedAt).toISOString() : null,
      agreementName: r.agreementName,
      warnings: [],
      history: history
        .filter((h) => h.consentId === r.id)
        .map((h) => ({
          event: h.event,
          at: new Date(h.at).toISOString(),
          actorName: h.actorName,
          details: h.details,
        })),
    }));
  }
}
