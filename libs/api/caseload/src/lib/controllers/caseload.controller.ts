import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '@tandem/api-auth';
import { Policy } from '@tandem/api-core';
import type { Principal } from '@tandem/domain';
import {
  CaseloadItemDto,
  CaseloadPageDto,
  CaseloadQueryDto,
  ClientDetailDto,
  TransferClientDto,
  UpdateBoardDto,
} from '../dtos/caseload.dto';
import { CaseloadService } from '../services/caseload.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('caseload')
@ApiBearerAuth()
@Controller()
export class CaseloadController {
  constructor(private readonly caseload: CaseloadService) {}

  @Get('caseload')
  @Policy({
    action: 'read',
    subject: 'Client',
    scope: 'SQL: read Client (team membership, assignments, consents)',
  })
  @ApiOperation({
    summary: 'The shared caseload and FACT board: clients you may see, filtered, sorted and paged',
  })
  @ApiOkResponse({ type: CaseloadPageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: CaseloadQueryDto,
  ): Promise<CaseloadPageDto> {
    return this.caseload.list(principal, query);
  }

  @Get('clients/:clientId')
  @Policy({
    action: 'read',
    subject: 'Client',
    scope: 'record: 404 unless readable; care fields only for care staff',
  })
  @ApiOperation({ summary: 'One client with what you may do in their file' })
  @ApiOkResponse({ type: ClientDetailDto })
  detail(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId', uuid) clientId: string,
  ): Promise<ClientDetailDto> {
    return this.caseload.detail(principal, clientId);
  }

  @Patch('clients/:clientId/board')
  @Policy({
    action: 'update',
    subject: 'Board',
    scope: 'record: 404 unless client readable, 403 unless care staff of the team; version-checked',
  })
  @ApiOperation({
    summary:
      'Put a client on or off the board, or plan the next contact (409 when the version is stale)',
  })
  @ApiOkResponse({ type: CaseloadItemDto })
  updateBoard(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId', uuid) clientId: string,
    @Body() dto: UpdateBoardDto,
  ): Promise<CaseloadItemDto> {
    return this.caseload.updateBoard(principal, clientId, dto);
  }

  @Patch('clients/:clientId/team')
  @Policy({
    action: 'update',
    subject: 'Client',
    scope: 'record: checked before (current team) and after (new team); version-checked',
  })
  @ApiOperation({ summary: 'Transfer a client to another team you work in' })
  @ApiOkResponse({ type: CaseloadItemDto })
  transfer(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId', uuid) clientId: string,
    @Body() dto: TransferClientDto,
  ): Promise<CaseloadItemDto> {
    return this.caseload.transfer(principal, clientId, dto);
  }
}
