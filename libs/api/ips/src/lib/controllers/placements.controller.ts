import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
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
  CreatePlacementDto,
  PlacementDto,
  PlacementPageDto,
  PlacementQueryDto,
  UpdatePlacementDto,
} from '../dtos/placement.dto';
import { PlacementsService } from '../services/placements.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('ips')
@ApiBearerAuth()
@Controller('clients/:clientId/ips/placements')
export class PlacementsController {
  constructor(private readonly placements: PlacementsService) {}

  @Get()
  @Policy({
    action: 'read',
    subject: 'Placement',
    scope: 'SQL: read Placement; 404 unless readable',
  })
  @ApiOperation({ summary: "The client's placements, newest first" })
  @ApiOkResponse({ type: PlacementPageDto })
  list(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Query() query: PlacementQueryDto,
  ): Promise<PlacementPageDto> {
    return this.placements.list(p, clientId, query);
  }

  @Post()
  @Idempotent()
  @Policy({
    action: 'create',
    subject: 'Placement',
    scope:
      'record: 404 unless readable, 403 unless the client’s IPS specialist; needs an open trajectory',
  })
  @ApiOperation({
    summary: 'Register a placement: employer, job title, type, start, hours (the rest optional)',
  })
  @ApiCreatedResponse({ type: PlacementDto })
  create(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Body() dto: CreatePlacementDto,
  ): Promise<PlacementDto> {
    return this.placements.create(p, clientId, dto);
  }

  @Get(':id')
  @Policy({ action: 'read', subject: 'Placement', scope: 'record: 404 unless readable' })
  @ApiOperation({ summary: 'One placement with its follow-along contacts' })
  @ApiOkResponse({ type: PlacementDto })
  get(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Param('id', uuid) id: string,
  ): Promise<PlacementDto> {
    return this.placements.get(p, clientId, id);
  }

  @Patch(':id')
  @Policy({
    action: 'update',
    subject: 'Placement',
    scope: 'record: 404 unless readable, 403 unless the client’s IPS specialist; version-checked',
  })
  @ApiOperation({ summary: 'Change a placement, or end it (endDate + endReason)' })
  @ApiOkResponse({ type: PlacementDto })
  update(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Param('id', uuid) id: string,
    @Body() dto: UpdatePlacementDto,
  ): Promise<PlacementDto> {
    return this.placements.update(p, clientId, id, dto);
  }
}
