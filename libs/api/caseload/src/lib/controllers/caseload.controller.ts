import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '@tandem/api-auth';
import type { Principal } from '@tandem/domain';
import { CaseloadPageDto, CaseloadQueryDto } from '../dtos/caseload.dto';
import { CaseloadService } from '../services/caseload.service';

@ApiTags('caseload')
@ApiBearerAuth()
@Controller('caseload')
export class CaseloadController {
  constructor(private readonly caseload: CaseloadService) {}

  @Get()
  @ApiOperation({
    summary: "The shared caseload: clients of the caller's teams and clients assigned to them",
  })
  @ApiOkResponse({ type: CaseloadPageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: CaseloadQueryDto,
  ): Promise<CaseloadPageDto> {
    return this.caseload.list(principal, query);
  }
}
