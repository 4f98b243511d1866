import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
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
import { CreateGoalProposalDto, GoalProposalDto } from './goal-proposals.dto';
import { GoalProposalsService } from './goal-proposals.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('passport')
@ApiBearerAuth()
@Controller()
export class GoalProposalsController {
  constructor(private readonly proposals: GoalProposalsService) {}

  @Get('me/goal-proposals')
  @Policy({
    action: 'read',
    subject: 'WorkGoal',
    scope: 'SQL: read WorkGoal; the signed-in client’s own proposals, 404 for everyone else',
  })
  @ApiOperation({ summary: 'For clients: the work goals I proposed myself, newest first' })
  @ApiOkResponse({ type: [GoalProposalDto] })
  mine(@CurrentPrincipal() p: Principal): Promise<GoalProposalDto[]> {
    return this.proposals.mine(p);
  }

  @Post('me/goal-proposals')
  @Idempotent()
  @Policy({
    action: 'comment',
    subject: 'WorkGoal',
    scope: 'the signed-in client on her own file only; 404 for everyone else',
  })
  @ApiOperation({ summary: 'For clients: propose a work goal of my own' })
  @ApiCreatedResponse({ type: GoalProposalDto })
  propose(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateGoalProposalDto,
  ): Promise<GoalProposalDto> {
    return this.proposals.propose(p, dto);
  }

  @Get('clients/:clientId/goal-proposals')
  @Policy({
    action: 'read',
    subject: 'WorkGoal',
    scope: 'SQL: read WorkGoal; 404 unless the client’s work goals are readable',
  })
  @ApiOperation({ summary: 'Work goals the client proposed in her passport, newest first' })
  @ApiOkResponse({ type: [GoalProposalDto] })
  forClient(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
  ): Promise<GoalProposalDto[]> {
    return this.proposals.forClient(p, clientId);
  }
}
