import { Body, Controller, Get, Header, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '@tandem/api-auth';
import { Policy } from '@tandem/api-core';
import type { Principal } from '@tandem/domain';
import {
  FundingCatalogueDto,
  FundingReportDto,
  FundingReportQueryDto,
  InsurerCapListDto,
  SaveInsurerCapDto,
  SavedInsurerCapDto,
} from '../dtos/funding.dto';
import { FundingService } from '../services/funding.service';

@ApiTags('ips')
@ApiBearerAuth()
@Controller('ips/funding')
export class FundingController {
  constructor(private readonly funding: FundingService) {}

  @Get('catalogue')
  @ApiOperation({
    summary: 'The activity catalogue, the funders and the funding rules with their sources',
  })
  @ApiOkResponse({ type: FundingCatalogueDto })
  catalogue(): FundingCatalogueDto {
    return this.funding.catalogue();
  }

  @Get('report')
  @Policy({
    action: 'read',
    subject: 'Activity',
    scope: 'SQL: read Activity; totals over the same scope',
    auditAction: 'SEARCH',
  })
  @ApiOperation({
    summary:
      'Per funder per period: totals, a check that every activity counts exactly once, and the lines (paged)',
  })
  @ApiOkResponse({ type: FundingReportDto })
  report(
    @CurrentPrincipal() p: Principal,
    @Query() query: FundingReportQueryDto,
  ): Promise<FundingReportDto> {
    return this.funding.report(p, query);
  }

  @Get('report/export')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="tandem-funding-report.csv"')
  @ApiProduces('text/csv')
  @Policy({
    action: 'read',
    subject: 'Activity',
    scope: 'SQL: read Activity',
    auditAction: 'EXPORT',
  })
  @ApiOperation({
    summary:
      'The report as CSV: one row per activity with its funder (up to 10,000 rows; use from/to to split)',
  })
  exportCsv(
    @CurrentPrincipal() p: Principal,
    @Query() query: FundingReportQueryDto,
  ): Promise<string> {
    return this.funding.exportCsv(p, query);
  }

  @Get('insurer-caps')
  @Policy({ action: 'read', subject: 'FundingSettings', scope: 'role: professionals' })
  @ApiOperation({
    summary: 'How many motivational conversations each insurer pays under the Zvw (default 8)',
  })
  @ApiOkResponse({ type: InsurerCapListDto })
  caps(@CurrentPrincipal() p: Principal): Promise<InsurerCapListDto> {
    return this.funding.listCaps(p);
  }

  @Put('insurer-caps')
  @Policy({
    action: 'update',
    subject: 'FundingSettings',
    scope: 'role: team lead or functional administrator; version-checked; reclassifies',
  })
  @ApiOperation({
    summary:
      'Set an insurer’s cap (DEFAULT: for unknown insurers); affected activities are reclassified',
  })
  @ApiOkResponse({ type: SavedInsurerCapDto })
  saveCap(
    @CurrentPrincipal() p: Principal,
    @Body() dto: SaveInsurerCapDto,
  ): Promise<SavedInsurerCapDto> {
    return this.funding.saveCap(p, dto);
  }
}
