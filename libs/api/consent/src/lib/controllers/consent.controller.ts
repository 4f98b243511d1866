import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal } from '@tandem/api-auth';
import { Idempotent, Policy } from '@tandem/api-core';
import type { Principal } from '@tandem/domain';
import {
  ConsentDto,
  CreateSharingAgreementDto,
  EmergencyAccessDto,
  EmergencyReviewDto,
  RecordConsentDto,
  RenewConsentDto,
  RequestConsentDto,
  RevokeConsentDto,
  SharingAgreementDto,
} from '../dtos/consent.dto';
import { AgreementsService } from '../services/agreements.service';
import { ConsentService } from '../services/consent.service';
import { EmergencyService } from '../services/emergency.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('consent')
@ApiBearerAuth()
@Controller('clients/:clientId')
export class ConsentController {
  constructor(private readonly consents: ConsentService) {}

  @Get('consents')
  @Policy({
    action: 'read',
    subject: 'Consent',
    scope: 'SQL: read Consent; 404 unless client readable',
  })
  @ApiOperation({ summary: "The client's consents with their full history" })
  @ApiOkResponse({ type: [ConsentDto] })
  list(@CurrentPrincipal() p: Principal, @Param('clientId', uuid) clientId: string) {
    return this.consents.list(p, clientId);
  }

  @Get('consents/:consentId')
  @Policy({ action: 'read', subject: 'Consent', scope: 'record: 404 unless readable' })
  @ApiOkResponse({ type: ConsentDto })
  get(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Param('consentId', uuid) consentId: string,
  ) {
    return this.consents.get(p, clientId, consentId);
  }

  @Get('consent-options')
  @Policy({ action: 'read', subject: 'Consent', scope: 'record: 404 unless client readable' })
  @ApiQuery({ name: 'recipientOrganisationId', required: true })
  @ApiOperation({
    summary:
      'Which data categories an active sharing agreement allows for this recipient, and why not when none',
  })
  options(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Query('recipientOrganisationId', uuid) recipientOrganisationId: string,
  ) {
    return this.consents.options(p, clientId, recipientOrganisationId);
  }

  @Post('consents')
  @Idempotent()
  @Policy({
    action: 'create',
    subject: 'Consent',
    scope: 'record: care staff of the team; within an active sharing agreement',
  })
  @ApiOperation({ summary: 'Record a consent the client gave on a signed form' })
  @ApiCreatedResponse({ type: ConsentDto })
  record(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Body() dto: RecordConsentDto,
  ) {
    return this.consents.recordGiven(p, clientId, dto);
  }

  @Post('consent-requests')
  @Idempotent()
  @Policy({
    action: 'request',
    subject: 'Consent',
    scope: 'record: care staff or assigned participation staff; within an active agreement',
  })
  @ApiOperation({ summary: 'Ask the client for consent; they accept or refuse in the passport' })
  @ApiCreatedResponse({ type: ConsentDto })
  request(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Body() dto: RequestConsentDto,
  ) {
    return this.consents.request(p, clientId, dto);
  }

  @Post('consents/:consentId/renew')
  @Idempotent()
  @HttpCode(200)
  @Policy({ action: 'update', subject: 'Consent', scope: 'record: care staff of the team' })
  @ApiOkResponse({ type: ConsentDto })
  renew(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Param('consentId', uuid) consentId: string,
    @Body() dto: RenewConsentDto,
  ) {
    return this.consents.renew(p, clientId, consentId, dto);
  }

  @Post('consents/:consentId/revoke')
  @HttpCode(200)
  @Policy({
    action: 'revoke',
    subject: 'Consent',
    scope: 'record: care staff of the team or the client; effective on the next request',
  })
  @ApiOkResponse({ type: ConsentDto })
  revoke(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Param('consentId', uuid) consentId: string,
    @Body() dto: RevokeConsentDto,
  ) {
    return this.consents.revoke(p, clientId, consentId, dto);
  }
}

@ApiTags('consent')
@ApiBearerAuth()
@Controller('me/consents')
export class MyConsentsController {
  constructor(private readonly consents: ConsentService) {}

  @Get()
  @Policy({ action: 'read', subject: 'Consent', scope: 'the client’s own consents' })
  @ApiOperation({ summary: 'For clients: my consents and the requests waiting for me' })
  @ApiOkResponse({ type: [ConsentDto] })
  mine(@CurrentPrincipal() p: Principal) {
    return this.consents.mine(p);
  }

  @Post(':consentId/accept')
  @HttpCode(200)
  @Policy({ action: 'update', subject: 'Consent', scope: 'the client’s own pending request' })
  @ApiOkResponse({ type: ConsentDto })
  accept(@CurrentPrincipal() p: Principal, @Param('consentId', uuid) consentId: string) {
    return this.consents.answer(p, consentId, true);
  }

  @Post(':consentId/refuse')
  @HttpCode(200)
  @Policy({ action: 'update', subject: 'Consent', scope: 'the client’s own pending request' })
  @ApiOkResponse({ type: ConsentDto })
  refuse(@CurrentPrincipal() p: Principal, @Param('consentId', uuid) consentId: string) {
    return this.consents.answer(p, consentId, false);
  }

  @Post(':consentId/revoke')
  @HttpCode(200)
  @Policy({
    action: 'revoke',
    subject: 'Consent',
    scope: 'the client’s own consent; effective on the next request',
  })
  @ApiOkResponse({ type: ConsentDto })
  revoke(
    @CurrentPrincipal() p: Principal,
    @Param('consentId', uuid) consentId: string,
    @Body() dto: RevokeConsentDto,
  ) {
    return this.consents.revoke(p, p.clientId ?? '', consentId, dto);
  }
}

@ApiTags('consent')
@ApiBearerAuth()
@Controller()
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly emergency: EmergencyService,
  ) {}

  @Get('sharing-agreements')
  @ApiOperation({ summary: 'Sharing agreements (convenants) your organisation is a party to' })
  @ApiOkResponse({ type: [SharingAgreementDto] })
  list(@CurrentPrincipal() p: Principal) {
    return this.agreements.list(p);
  }

  @Post('sharing-agreements')
  @Idempotent()
  @ApiOperation({
    summary: 'Record a sharing agreement (privacy officer or functional administrator)',
  })
  @ApiCreatedResponse({ type: SharingAgreementDto })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateSharingAgreementDto) {
    return this.agreements.create(p, dto);
  }

  @Get('organisations')
  @ApiOperation({ summary: 'Organisations in the region (recipients of consents)' })
  organisations() {
    return this.agreements.organisations();
  }

  @Post('emergency-access')
  @Idempotent()
  @Policy({
    action: 'read',
    subject: 'Client',
    scope: 'care roles only; own organisation; 24 h; regiebehandelaar notified; flagged for review',
    auditAction: 'EMERGENCY_ACCESS',
  })
  @ApiOperation({
    summary: 'Break the glass: time-limited access to a client outside your team, with a reason',
  })
  open(@CurrentPrincipal() p: Principal, @Body() dto: EmergencyAccessDto) {
    return this.emergency.open(p, dto);
  }

  @Post('emergency-access/:id/review')
  @HttpCode(200)
  @Policy({
    action: 'read',
    subject: 'AccessLog',
    scope: 'data-protection officer of the user’s organisation',
  })
  @ApiOperation({ summary: 'Mark an emergency access as reviewed (data-protection officer)' })
  review(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: EmergencyReviewDto,
  ) {
    return this.emergency.review(p, id, dto);
  }

  @Get('notifications')
  @ApiOperation({ summary: 'My notifications (e.g. emergency access to my clients)' })
  notifications(@CurrentPrincipal() p: Principal) {
    return this.emergency.notifications(p);
  }
}
