import { Body, Controller, Get, Post, Query } from '@nestjs/common';
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
  CreateFidelityAssessmentDto,
  DashboardQueryDto,
  FidelityAssessmentDto,
  FidelityAssessmentPageDto,
  FidelityAssessmentQueryDto,
  IpsDashboardDto,
} from '../dtos/dashboard.dto';
import { DashboardService } from '../services/dashboard.service';

@ApiTags('ips')
@ApiBearerAuth()
@Controller('ips')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('dashboard')
  @Policy({
    action: 'read',
    subject: 'IpsDashboard',
    scope: 'SQL: read IpsDashboard (team members); aggregates only, no client identities',
  })
  @ApiOperation({
    summary:
      'IPS figures per team and specialist over a period, chart series and the fidelity items',
  })
  @ApiOkResponse({ type: IpsDashboardDto })
  get(
    @CurrentPrincipal() p: Principal,
    @Query() query: DashboardQueryDto,
  ): Promise<IpsDashboardDto> {
    return this.dashboard.get(p, query);
  }

  @Get('fidelity-assessments')
  @Policy({
    action: 'read',
    subject: 'FidelityAssessment',
    scope: 'SQL: read FidelityAssessment (team members)',
  })
  @ApiOperation({ summary: 'The team’s fidelity self-assessments: the history of scores' })
  @ApiOkResponse({ type: FidelityAssessmentPageDto })
  assessments(
    @CurrentPrincipal() p: Principal,
    @Query() query: FidelityAssessmentQueryDto,
  ): Promise<FidelityAssessmentPageDto> {
    return this.dashboard.assessments(p, query);
  }

  @Post('fidelity-assessments')
  @Idempotent()
  @Policy({
    action: 'create',
    subject: 'FidelityAssessment',
    scope:
      'record: IPS specialists, team lead, functional administrator or regiebehandelaar of the team',
  })
  @ApiOperation({
    summary: 'Fill in the self-assessment (the fidelity items not computed from data)',
  })
  @ApiCreatedResponse({ type: FidelityAssessmentDto })
  createAssessment(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateFidelityAssessmentDto,
  ): Promise<FidelityAssessmentDto> {
    return this.dashboard.createAssessment(p, dto);
  }
}
