import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal } from '@tandem/api-auth';
import { Idempotent, Policy } from '@tandem/api-core';
import type { Principal } from '@tandem/domain';
import {
  CorrectNoteDto,
  CreateNoteDto,
  NoteDto,
  NotePageDto,
  NotesQueryDto,
  PlanDto,
  UpdatePlanDto,
} from '../dtos/notes.dto';
import { NotesService } from '../services/notes.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('client file')
@ApiBearerAuth()
@Controller('clients/:clientId')
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Get('notes')
  @Policy({
    action: 'read',
    subject: 'Note',
    scope: 'SQL: read Note (domain per role, consents); 404 unless client readable',
  })
  @ApiOperation({ summary: 'Notes in the client file that you may read, newest contact first' })
  @ApiOkResponse({ type: NotePageDto })
  list(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Query() query: NotesQueryDto,
  ): Promise<NotePageDto> {
    return this.notes.list(p, clientId, query);
  }

  @Get('notes/:noteId')
  @Policy({ action: 'read', subject: 'Note', scope: 'record: 404 unless readable' })
  @ApiOperation({ summary: 'One note with its full revision history' })
  @ApiOkResponse({ type: NoteDto })
  get(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Param('noteId', uuid) noteId: string,
  ): Promise<NoteDto> {
    return this.notes.get(p, clientId, noteId);
  }

  @Post('notes')
  @Idempotent()
  @Policy({
    action: 'create',
    subject: 'Note',
    scope:
      'record: 404 unless client readable, 403 unless the domain is writable; re-checked on the stored row',
  })
  @ApiOperation({ summary: 'Write a note in a domain you may write' })
  @ApiCreatedResponse({ type: NoteDto })
  create(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Body() dto: CreateNoteDto,
  ): Promise<NoteDto> {
    return this.notes.create(p, clientId, dto);
  }

  @Post('notes/:noteId/corrections')
  @Idempotent()
  @Policy({
    action: 'correct',
    subject: 'Note',
    scope: 'record: 404 unless readable, 403 unless author; version-checked; keeps every revision',
  })
  @ApiOperation({ summary: 'Correct your note: the previous text stays in the history' })
  @ApiCreatedResponse({ type: NoteDto })
  correct(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Param('noteId', uuid) noteId: string,
    @Body() dto: CorrectNoteDto,
  ): Promise<NoteDto> {
    return this.notes.correct(p, clientId, noteId, dto);
  }

  @Get('plans')
  @Policy({
    action: 'read',
    subject: 'Plan',
    scope: 'SQL: read Plan; linked treatment goals only for care staff',
  })
  @ApiOperation({
    summary: 'The treatment plan and the re-integration plan, as far as you may read them',
  })
  @ApiOkResponse({ type: [PlanDto] })
  plans(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
  ): Promise<PlanDto[]> {
    return this.notes.listPlans(p, clientId);
  }

  @Put('plans/:domain')
  @Policy({
    action: 'update',
    subject: 'Plan',
    scope: 'record: 404 unless client readable, 403 unless editable; version-checked',
  })
  @ApiOperation({
    summary: 'Save the treatment plan (TREATMENT) or the re-integration plan (PARTICIPATION)',
  })
  @ApiOkResponse({ type: PlanDto })
  savePlan(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Param('domain') domain: string,
    @Body() dto: UpdatePlanDto,
  ): Promise<PlanDto> {
    return this.notes.savePlan(p, clientId, domain, dto);
  }
}
