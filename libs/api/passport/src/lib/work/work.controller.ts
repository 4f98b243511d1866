import { Body, Controller, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '@tandem/api-auth';
import { Policy } from '@tandem/api-core';
import { IpsOverviewDto, SetDisclosureDto, TrajectoryService } from '@tandem/api-ips';
import type { Principal } from '@tandem/domain';
import { PassportClient } from '../passport-client';

/**
 * My work (passport). Reading goes through the IPS routes the client may already use
 * (`GET /clients/{her id}/ips`, placements, work goals); here she sets her disclosure preference.
 */
@ApiTags('passport')
@ApiBearerAuth()
@Controller('me/work')
export class MyWorkController {
  constructor(
    private readonly passport: PassportClient,
    private readonly trajectories: TrajectoryService,
  ) {}

  @Put('disclosure')
  @Policy({
    action: 'disclose',
    subject: 'Trajectory',
    scope:
      'the signed-in client on her own open trajectory (404 for everyone else); version-checked',
  })
  @ApiOperation({
    summary: 'For clients: what an employer may be told about my illness (a new profile version)',
  })
  @ApiOkResponse({ type: IpsOverviewDto })
  async setDisclosure(
    @CurrentPrincipal() p: Principal,
    @Body() dto: SetDisclosureDto,
  ): Promise<IpsOverviewDto> {
    const client = await this.passport.own(p);
    return this.trajectories.setDisclosure(p, client.id, dto);
  }
}
