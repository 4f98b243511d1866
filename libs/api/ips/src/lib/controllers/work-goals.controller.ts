import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
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
  CommentWorkGoalDto,
  CreateWorkGoalDto,
  DueWorkGoalPageDto,
  DueWorkGoalsQueryDto,
  ReviewWorkGoalDto,
  UpdateWorkGoalDto,
  WorkGoalCommentDto,
  WorkGoalDto,
  WorkGoalPageDto,
  WorkGoalQueryDto,
} from '../dtos/work-goal.dto';
import { WorkGoalsService } from '../services/work-goals.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('ips')
@ApiBearerAuth()
@Controller('clients/:clientId/ips/work-goals')
export class WorkGoalsController {
  constructor(private readonly goals: WorkGoalsService) {}

  @Get()
  @Policy({ action: 'read', subject: 'WorkGoal', scope: 'SQL: read WorkGoal; 404 unless readable' })
  @ApiOperation({ summary: "The client's work goals, open ones first by review date" })
  @ApiOkResponse({ type: WorkGoalPageDto })
  list(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Query() query: WorkGoalQueryDto,
  ): Promise<WorkGoalPageDto> {
    return this.goals.list(p, clientId, query);
  }

  @Post()
  @Idempotent()
  @Policy({
    action: 'create',
    subject: 'WorkGoal',
    scope:
      'record: 404 unless readable, 403 unless the client’s IPS specialist; needs an open trajectory',
  })
  @ApiOperation({ summary: 'Write a work goal with the client; the first review is planned' })
  @ApiCreatedResponse({ type: WorkGoalDto })
  create(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Body() dto: CreateWorkGoalDto,
  ): Promise<WorkGoalDto> {
    return this.goals.create(p, clientId, dto);
  }

  @Get(':id')
  @Policy({ action: 'read', subject: 'WorkGoal', scope: 'record: 404 unless readable' })
  @ApiOperation({ summary: 'One work goal with its reviews and the client’s comments' })
  @ApiOkResponse({ type: WorkGoalDto })
  get(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Param('id', uuid) id: string,
  ): Promise<WorkGoalDto> {
    return this.goals.get(p, clientId, id);
  }

  @Patch(':id')
  @Policy({
    action: 'update',
    subject: 'WorkGoal',
    scope:
      'record + fields: the IPS specialist changes the goal, care staff link it to the treatment plan; version-checked',
  })
  @ApiOperation({ summary: 'Change a work goal (care staff: link it to a treatment-plan goal)' })
  @ApiOkResponse({ type: WorkGoalDto })
  update(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateWorkGoalDto,
  ): Promise<WorkGoalDto> {
    return this.goals.update(p, clientId, id, dto);
  }

  @Post(':id/reviews')
  @Idempotent()
  @Policy({
    action: 'review',
    subject: 'WorkGoal',
    scope:
      'record: 404 unless readable, 403 unless regiebehandelaar (team role or assigned); version-checked',
  })
  @ApiOperation({
    summary: 'Review a work goal: assessment, comment and next review date (leaves the due list)',
  })
  @ApiCreatedResponse({ type: WorkGoalDto })
  review(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Param('id', uuid) id: string,
    @Body() dto: ReviewWorkGoalDto,
  ): Promise<WorkGoalDto> {
    return this.goals.review(p, clientId, id, dto);
  }

  @Post(':id/comments')
  @Idempotent()
  @Policy({
    action: 'comment',
    subject: 'WorkGoal',
    scope: 'record: the client on her own goals only (passport)',
  })
  @ApiOperation({ summary: 'For the client: comment on your work goal' })
  @ApiCreatedResponse({ type: WorkGoalCommentDto })
  comment(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Param('id', uuid) id: string,
    @Body() dto: CommentWorkGoalDto,
  ): Promise<WorkGoalCommentDto> {
    return this.goals.comment(p, clientId, id, dto);
  }
}

@ApiTags('ips')
@ApiBearerAuth()
@Controller('ips/work-goals')
export class DueWorkGoalsController {
  constructor(private readonly goals: WorkGoalsService) {}

  @Get('due')
  @Policy({
    action: 'read',
    subject: 'WorkGoal',
    scope: 'SQL: read WorkGoal (forReview: review WorkGoal)',
    auditAction: 'SEARCH',
  })
  @ApiOperation({
    summary:
      'Work goals due for review (for the board and the next case conference); forReview=true: the ones you review',
  })
  @ApiOkResponse({ type: DueWorkGoalPageDto })
  due(
    @CurrentPrincipal() p: Principal,
    @Query() query: DueWorkGoalsQueryDto,
  ): Promise<DueWorkGoalPageDto> {
    return this.goals.due(p, query);
  }
}
