import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
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
  CreateProfileDto,
  CreateTrajectoryDto,
  IpsOverviewDto,
  UpdateTrajectoryDto,
} from '../dtos/trajectory.dto';
import { TrajectoryService } from '../services/trajectory.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('ips')
@ApiBearerAuth()
@Controller('clients/:clientId/ips')
export class TrajectoryController {
  constructor(private readonly trajectories: TrajectoryService) {}

  @Get()
  @Policy({
    action: 'read',
    subject: 'Trajectory',
    scope:
      'SQL: read Trajectory; 404 unless readable (care staff of the team, assigned participation staff, peer workers)',
  })
  @ApiOperation({
    summary:
      "The client's IPS trajectory (open and ended) with the vocational profile's versions, and what you may do",
  })
  @ApiOkResponse({ type: IpsOverviewDto })
  overview(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
  ): Promise<IpsOverviewDto> {
    return this.trajectories.overview(p, clientId);
  }

  @Post('trajectory')
  @Idempotent()
  @Policy({
    action: 'create',
    subject: 'Trajectory',
    scope:
      'record: 404 unless readable, 403 unless the client’s IPS specialist; one open trajectory per client',
  })
  @ApiOperation({ summary: 'Register the client for IPS (referral date, benefit, insurer)' })
  @ApiCreatedResponse({ type: IpsOverviewDto })
  create(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Body() dto: CreateTrajectoryDto,
  ): Promise<IpsOverviewDto> {
    return this.trajectories.create(p, clientId, dto);
  }

  @Patch('trajectory')
  @Policy({
    action: 'update',
    subject: 'Trajectory',
    scope:
      'record: 404 unless readable, 403 unless the client’s IPS specialist; version-checked; history kept',
  })
  @ApiOperation({
    summary:
      'Change phase (ENDED with a reason), benefit (exit through work) or insurer; funding is reclassified',
  })
  @ApiOkResponse({ type: IpsOverviewDto })
  update(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Body() dto: UpdateTrajectoryDto,
  ): Promise<IpsOverviewDto> {
    return this.trajectories.update(p, clientId, dto);
  }

  @Post('trajectory/profile')
  @Idempotent()
  @Policy({
    action: 'update',
    subject: 'Trajectory',
    scope: 'record: 403 unless the client’s IPS specialist; version-checked; every version kept',
  })
  @ApiOperation({ summary: 'A new version of the vocational profile (arbeidsprofiel)' })
  @ApiCreatedResponse({ type: IpsOverviewDto })
  addProfile(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Body() dto: CreateProfileDto,
  ): Promise<IpsOverviewDto> {
    return this.trajectories.addProfile(p, clientId, dto);
  }
}
