import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
  ActivityDto,
  ActivityPageDto,
  ActivityQueryDto,
  CreateActivityDto,
  OverrideFundingDto,
} from '../dtos/activity.dto';
import { ActivitiesService } from '../services/activities.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('ips')
@ApiBearerAuth()
@Controller('clients/:clientId/ips/activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Get()
  @Policy({
    action: 'read',
    subject: 'Activity',
    scope: 'SQL: read Activity (domain per role); 404 unless some are readable',
  })
  @ApiOperation({ summary: "The client's activities you may see, with who pays and why" })
  @ApiOkResponse({ type: ActivityPageDto })
  list(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Query() query: ActivityQueryDto,
  ): Promise<ActivityPageDto> {
    return this.activities.list(p, clientId, query);
  }

  @Post()
  @Idempotent()
  @Policy({
    action: 'create',
    subject: 'Activity',
    scope:
      'record: 404 unless readable, 403 unless the kind’s domain is writable; classified by the funding rules; re-checked on the stored row',
  })
  @ApiOperation({ summary: 'Register an activity; it is classified to one funder with its reason' })
  @ApiCreatedResponse({ type: ActivityDto })
  create(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Body() dto: CreateActivityDto,
  ): Promise<ActivityDto> {
    return this.activities.create(p, clientId, dto);
  }

  @Get(':id')
  @Policy({ action: 'read', subject: 'Activity', scope: 'record: 404 unless readable' })
  @ApiOperation({ summary: 'One activity with its funding history' })
  @ApiOkResponse({ type: ActivityDto })
  get(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Param('id', uuid) id: string,
  ): Promise<ActivityDto> {
    return this.activities.get(p, clientId, id);
  }

  @Post(':id/funding-override')
  @HttpCode(200)
  @Policy({
    action: 'override',
    subject: 'Activity',
    scope:
      'record: care staff of the team, or the IPS specialist for work activities; version-checked; original kept',
  })
  @ApiOperation({
    summary: 'Set who pays for this activity, with a reason (logged, original kept)',
  })
  @ApiOkResponse({ type: ActivityDto })
  override(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Param('id', uuid) id: string,
    @Body() dto: OverrideFundingDto,
  ): Promise<ActivityDto> {
    return this.activities.override(p, clientId, id, dto);
  }
}
