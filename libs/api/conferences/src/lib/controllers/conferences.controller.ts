import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal } from '@tandem/api-auth';
import { Idempotent, Policy } from '@tandem/api-core';
import type { Principal } from '@tandem/domain';
import {
  AddAttendeeDto,
  AgendaItemInputDto,
  AttachMinutesDto,
  AttachResultDto,
  CloseResultDto,
  CompleteTaskDto,
  ConferenceDetailDto,
  ConferenceSummaryDto,
  ConferencesQueryDto,
  CreateConferenceDto,
  CreateSeriesDto,
  InviteeDto,
  InviteesQueryDto,
  MinutesDto,
  ProposalDto,
  SeriesResultDto,
  TaskDto,
  UpdateConferenceDto,
} from '../dtos/conferences.dto';
import { ConferencesService } from '../services/conferences.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('case conferences')
@ApiBearerAuth()
@ApiExtraModels(MinutesDto)
@Controller('conferences')
export class ConferencesController {
  constructor(private readonly conferences: ConferencesService) {}

  @Get()
  @Policy({
    action: 'read',
    subject: 'Conference',
    scope: 'SQL: read Conference (care staff of the organising team, attendees)',
    auditAction: 'SEARCH',
  })
  @ApiOperation({ summary: 'Conferences you organise (team) or attend, by date' })
  @ApiOkResponse({ type: [ConferenceSummaryDto] })
  list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ConferencesQueryDto,
  ): Promise<ConferenceSummaryDto[]> {
    return this.conferences.list(p, query);
  }

  @Post()
  @Idempotent()
  @Policy({
    action: 'create',
    subject: 'Conference',
    scope:
      'record: 403 unless care staff of the team; agenda clients 404 unless the caller is their care staff; clients attend only a three-way meeting about themselves',
  })
  @ApiOperation({
    summary:
      'Plan a conference: kind, date and time, place or video link, attendees and agenda items per client',
  })
  @ApiCreatedResponse({ type: ConferenceDetailDto })
  create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateConferenceDto,
  ): Promise<ConferenceDetailDto> {
    return this.conferences.create(p, dto);
  }

  @Get('invitees')
  @Policy({
    action: 'create',
    subject: 'Conference',
    scope:
      'record: 403 unless care staff of the team; with clientId 404 unless care staff of that client of the team; SQL: read Client (partners assigned to clients you may read, the client’s own account); names only',
    auditAction: 'SEARCH',
  })
  @ApiOperation({
    summary:
      'People you can invite: the team and partners working with its clients; with clientId also that client (three-way meeting)',
  })
  @ApiOkResponse({ type: [InviteeDto] })
  invitees(
    @CurrentPrincipal() p: Principal,
    @Query() query: InviteesQueryDto,
  ): Promise<InviteeDto[]> {
    return this.conferences.invitees(p, query.teamId, query.clientId);
  }

  @Get(':id')
  @Policy({
    action: 'read',
    subject: 'Conference',
    scope:
      'record: 404 unless readable; each agenda item gated per caller (identified or anonymised)',
  })
  @ApiOperation({ summary: 'One conference with attendees and the agenda as you may see it' })
  @ApiOkResponse({ type: ConferenceDetailDto })
  detail(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
  ): Promise<ConferenceDetailDto> {
    return this.conferences.detail(p, id);
  }

  @Get(':id/minutes.pdf')
  @ApiProduces('application/pdf')
  @Policy({
    action: 'read',
    subject: 'Conference',
    scope:
      'record: 404 unless readable; each item gated per caller like the live room (anonymised: pseudonym and age band, no names or identified minutes)',
    auditAction: 'EXPORT',
  })
  @ApiOperation({
    summary: 'The minutes, decisions and action items as a PDF, as you may see them',
  })
  @ApiOkResponse({ description: 'A PDF document', schema: { type: 'string', format: 'binary' } })
  async minutesPdf(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { pdf, filename } = await this.conferences.minutesPdf(p, id);
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    reply.header('cache-control', 'no-store');
    return pdf;
  }

  @Patch(':id')
  @Policy({
    action: 'update',
    subject: 'Conference',
    scope: 'record: 404 unless readable, 403 unless care staff of the team; version-checked',
  })
  @ApiOperation({ summary: 'Change the planning (or cancel the conference)' })
  @ApiOkResponse({ type: ConferenceDetailDto })
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateConferenceDto,
  ): Promise<ConferenceDetailDto> {
    return this.conferences.update(p, id, dto);
  }

  @Post(':id/attendees')
  @Idempotent()
  @Policy({
    action: 'update',
    subject: 'Conference',
    scope: 'record: 404 unless readable, 403 unless care staff of the team',
  })
  @ApiOperation({
    summary: 'Invite someone (team member, partner, or the client to a three-way meeting)',
  })
  @ApiCreatedResponse({ type: ConferenceDetailDto })
  addAttendee(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: AddAttendeeDto,
  ): Promise<ConferenceDetailDto> {
    return this.conferences.addAttendee(p, id, dto);
  }

  @Post(':id/attendees/:userId/remove')
  @Policy({
    action: 'update',
    subject: 'Conference',
    scope: 'record: 404 unless readable, 403 unless care staff of the team; ends their room access',
  })
  @ApiOperation({ summary: 'Remove an attendee; their live room closes at once' })
  @ApiCreatedResponse({ type: ConferenceDetailDto })
  removeAttendee(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Param('userId', uuid) userId: string,
  ): Promise<ConferenceDetailDto> {
    return this.conferences.removeAttendee(p, id, userId);
  }

  @Get(':id/proposals')
  @Policy({
    action: 'update',
    subject: 'Conference',
    scope: 'SQL: read Client of the organising team; 403 unless care staff of the team',
    auditAction: 'SEARCH',
  })
  @ApiOperation({
    summary: 'Agenda proposals from the board: clients on the board and new referrals',
  })
  @ApiOkResponse({ type: [ProposalDto] })
  proposals(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
  ): Promise<ProposalDto[]> {
    return this.conferences.proposals(p, id);
  }

  @Post(':id/items')
  @Idempotent()
  @Policy({
    action: 'update',
    subject: 'Conference',
    scope:
      'record: 403 unless care staff of the team; 404 unless the caller is care staff of the client',
  })
  @ApiOperation({ summary: 'Put a client on the agenda (anonymised discussion: pseudonym only)' })
  @ApiCreatedResponse({ type: ConferenceDetailDto })
  addItem(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: AgendaItemInputDto,
  ): Promise<ConferenceDetailDto> {
    return this.conferences.addItem(p, id, dto);
  }

  @Post(':id/items/:itemId/withdraw')
  @Policy({
    action: 'update',
    subject: 'Conference',
    scope: 'record: 404 unless readable, 403 unless care staff of the team',
  })
  @ApiOperation({ summary: 'Take an item off the agenda' })
  @ApiCreatedResponse({ type: ConferenceDetailDto })
  withdrawItem(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Param('itemId', uuid) itemId: string,
  ): Promise<ConferenceDetailDto> {
    return this.conferences.withdrawItem(p, id, itemId);
  }

  @Post(':id/close')
  @Policy({
    action: 'update',
    subject: 'Conference',
    scope:
      'record: 404 unless readable, 403 unless care staff of the team; writes identified minutes into the files (treatment/participation) in one transaction',
  })
  @ApiOperation({
    summary:
      'Close the meeting: each item’s treatment and participation minutes become notes in the client’s file',
  })
  @ApiCreatedResponse({ type: CloseResultDto })
  close(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<CloseResultDto> {
    return this.conferences.close(p, id);
  }

  @Post(':id/items/:itemId/attach')
  @Idempotent()
  @Policy({
    action: 'create',
    subject: 'Note',
    scope:
      'record: 404 unless conference readable and the caller is care staff of the client; 403 unless the domain is writable; once per item',
  })
  @ApiOperation({ summary: 'Attach an item’s anonymised minutes to a client’s file (care staff)' })
  @ApiCreatedResponse({ type: AttachResultDto })
  attach(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Param('itemId', uuid) itemId: string,
    @Body() dto: AttachMinutesDto,
  ): Promise<AttachResultDto> {
    return this.conferences.attach(p, id, itemId, dto);
  }
}

@ApiTags('case conferences')
@ApiBearerAuth()
@Controller()
export class ConferenceSeriesController {
  constructor(private readonly conferences: ConferencesService) {}

  @Post('conference-series')
  @Idempotent()
  @Policy({
    action: 'create',
    subject: 'Conference',
    scope: 'record: 403 unless care staff of the team; clients cannot be invited',
  })
  @ApiOperation({ summary: 'Plan a weekly series (board meetings): creates the occurrences' })
  @ApiCreatedResponse({ type: SeriesResultDto })
  createSeries(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateSeriesDto,
  ): Promise<SeriesResultDto> {
    return this.conferences.createSeries(p, dto);
  }

  @Get('me/tasks')
  @Policy({
    action: 'read',
    subject: 'Conference',
    scope: 'own action items only; the client named only when identified for you',
  })
  @ApiOperation({ summary: 'Your action items from case conferences' })
  @ApiOkResponse({ type: [TaskDto] })
  tasks(@CurrentPrincipal() p: Principal): Promise<TaskDto[]> {
    return this.conferences.tasks(p);
  }

  @Post('me/tasks/:id/complete')
  @Policy({
    action: 'update',
    subject: 'Conference',
    scope: 'record: 404 unless your own action item; version-checked',
  })
  @ApiOperation({ summary: 'Mark one of your action items done (or open again)' })
  @ApiCreatedResponse({ type: TaskDto })
  completeTask(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: CompleteTaskDto,
  ): Promise<TaskDto> {
    return this.conferences.completeTask(p, id, dto);
  }

  @Get('clients/:clientId/actions')
  @Policy({
    action: 'read',
    subject: 'Client',
    scope:
      'record: 404 unless client readable; all action items for care staff and identified attendees, otherwise only your own',
  })
  @ApiOperation({ summary: 'Action items from case conferences about this client' })
  @ApiOkResponse({ type: [TaskDto] })
  clientActions(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
  ): Promise<TaskDto[]> {
    return this.conferences.clientActions(p, clientId);
  }
}
