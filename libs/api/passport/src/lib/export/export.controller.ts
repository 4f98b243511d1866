import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { CurrentPrincipal } from '@tandem/api-auth';
import { Policy } from '@tandem/api-core';
import type { Principal } from '@tandem/domain';
import { renderExportPdf } from './export-pdf';
import { ExportService, type ExportLanguage } from './export.service';

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['nl', 'en'], default: 'nl' })
  @IsOptional()
  @IsIn(['nl', 'en'], { message: 'lang must be nl or en' })
  lang?: ExportLanguage;
}

const stamp = () => new Date().toISOString().slice(0, 10);

@ApiTags('passport')
@ApiBearerAuth()
@Controller('me/export')
export class MyExportController {
  constructor(private readonly exports: ExportService) {}

  @Get('json')
  @Policy({
    action: 'read',
    subject: 'Client',
    scope: 'the client’s own data, through the same checks as every passport screen',
    auditAction: 'EXPORT',
  })
  @ApiProduces('application/json')
  @ApiOperation({ summary: 'For clients: download everything Tandem holds about me (JSON)' })
  @ApiOkResponse({ description: 'The export as a JSON file' })
  async json(
    @CurrentPrincipal() p: Principal,
    @Query() query: ExportQueryDto,
  ): Promise<StreamableFile> {
    const data = await this.exports.collect(p, 'JSON', query.lang ?? 'nl');
    const bytes = Buffer.from(JSON.stringify(data, null, 2), 'utf8');
    return new StreamableFile(bytes, {
      type: 'application/json; charset=utf-8',
      length: bytes.length,
      disposition: `attachment; filename="tandem-mijn-gegevens-${stamp()}.json"`,
    });
  }

  @Get('pdf')
  @Policy({
    action: 'read',
    subject: 'Client',
    scope: 'the client’s own data, through the same checks as every passport screen',
    auditAction: 'EXPORT',
  })
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'For clients: download everything Tandem holds about me (readable PDF)',
  })
  @ApiOkResponse({ description: 'The export as a PDF document' })
  async pdf(
    @CurrentPrincipal() p: Principal,
    @Query() query: ExportQueryDto,
  ): Promise<StreamableFile> {
    const lang = query.lang ?? 'nl';
    const bytes = await renderExportPdf(await this.exports.collect(p, 'PDF', lang), lang);
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      length: bytes.length,
      disposition: `attachment; filename="tandem-mijn-gegevens-${stamp()}.pdf"`,
    });
  }
}
