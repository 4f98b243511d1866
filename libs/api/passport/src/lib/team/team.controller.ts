import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '@tandem/api-auth';
import { Policy } from '@tandem/api-core';
import type { Principal } from '@tandem/domain';
import { MyTeamDto } from './team.dto';
import { TeamService } from './team.service';

@ApiTags('passport')
@ApiBearerAuth()
@Controller('me/team')
export class MyTeamController {
  constructor(private readonly team: TeamService) {}

  @Get()
  @Policy({
    action: 'read',
    subject: 'Client',
    scope: 'the signed-in client’s own record; 404 for everyone else',
  })
  @ApiOperation({
    summary: 'For clients: every organisation and person working with me, and their role',
  })
  @ApiOkResponse({ type: MyTeamDto })
  mine(@CurrentPrincipal() p: Principal): Promise<MyTeamDto> {
    return this.team.mine(p);
  }
}
