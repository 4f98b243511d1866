import { Controller, Get, Header, HttpStatus, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '@tandem/api-auth';
import { DomainError, Policy } from '@tandem/api-core';
import { Role, type Principal } from '@tandem/domain';
import { AccessLogPageDto, AccessLogQueryDto, VerifyResultDto } from '../dtos/access-log.dto';
import { AccessLogQueryService } from '../services/access-log-query.service';
import { AccessLogService } from '../services/access-log.service';

const CSV_COLUMNS = [
  'id',
  'at',
  'userName',
  'userRole',
  'organisationName',
  'clientName',
  'clientId',
  'objectType',
  'objectId',
  'action',
  'outcome',
  'basis',
  'consentIds',
  'emergency',
  'channel',
  'route',
  'ip',
  'sessionId',
] as const;
const csvCell = (value: unknown) => {
  const text = Array.isArray(value)
    ? value.join(' ')
    : value === null || value === undefined
      ? ''
      : String(value);
  // Quote, and neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

@ApiTags('access log')
@ApiBearerAuth()
@Controller()
export class AccessLogController {
  constructor(
    private readonly queries: AccessLogQueryService,
    private readonly log: AccessLogService,
  ) {}

  @Get('access-log')
  @Policy({
    action: 'read',
    subject: 'AccessLog',
    scope: 'SQL: read AccessLog (data-protection officer: own organisation)',
    auditAction: 'LOG_READ',
  })
  @ApiOperation({
    summary: 'The NEN 7513 access log, by client, user or period (reading it is logged too)',
  })
  @ApiOkResponse({ type: AccessLogPageDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AccessLogQueryDto,
  ): Promise<AccessLogPageDto> {
    const { rows, total } = await this.queries.list(principal, query);
    this.queries.recordRead(principal, query, rows.length, 'LOG_READ');
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }

  @Get('access-log/export')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="tandem-access-log.csv"')
  @ApiProduces('text/csv')
  @Policy({
    action: 'export',
    subject: 'AccessLog',
    scope: 'SQL: export AccessLog (data-protection officer)',
    auditAction: 'EXPORT',
  })
  @ApiOperation({
    summary:
      'Export the filtered access log as CSV (up to 10,000 entries per request; use from/to to page through time)',
  })
  async export(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AccessLogQueryDto,
  ): Promise<string> {
    const { rows } = await this.queries.list(principal, { ...query, page: 1, pageSize: 10_000 });
    this.queries.recordRead(principal, query, rows.length, 'EXPORT');
    const lines = rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
    return `${CSV_COLUMNS.join(',')}\n${lines.join('\n')}\n`;
  }

  @Get('access-log/verify')
  @Policy({
    action: 'read',
    subject: 'AccessLog',
    scope: 'role: data-protection officer only',
    auditAction: 'LOG_READ',
  })
  @ApiOperation({ summary: 'Verify the hash chain of the whole access log' })
  @ApiOkResponse({ type: VerifyResultDto })
  async verify(@CurrentPrincipal() principal: Principal): Promise<VerifyResultDto> {
    if (!principal.roles.includes(Role.FUNCTIONARIS_GEGEVENSBESCHERMING)) {
      throw new DomainError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'Only the data-protection officer can verify the access log.',
      );
    }
    const result = await this.log.verify();
    this.queries.recordRead(principal, {} as AccessLogQueryDto, result.entries, 'LOG_READ');
    return result;
  }

  @Get('me/access-log')
  @Policy({
    action: 'read',
    subject: 'AccessLog',
    scope: 'SQL: the client’s own file only',
    auditAction: 'LOG_READ',
  })
  @ApiOperation({ summary: 'For clients: who looked at my data (participation passport)' })
  @ApiOkResponse({ type: AccessLogPageDto })
  async mine(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AccessLogQueryDto,
  ): Promise<AccessLogPageDto> {
    if (!principal.clientId)
      throw new DomainError(
        HttpStatus.NOT_FOUND,
        'NOT_FOUND',
        'This page is for clients: it shows who looked at their own file.',
      );
    const { rows, total } = await this.queries.ownFile(principal, principal.clientId, query);
    this.queries.recordRead(
      principal,
      { ...query, clientId: principal.clientId },
      rows.length,
      'LOG_READ',
      'OWN_DATA',
    );
    // The client learns who looked, from which organisation, when, what and why; the staff
    // member's address, browser and session are the staff member's own data and stay here.
    const items = rows.map((r) => ({ ...r, ip: null, userAgent: null, sessionId: null }));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
