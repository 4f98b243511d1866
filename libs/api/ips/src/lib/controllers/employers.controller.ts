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
  ContactPersonDto,
  ContactPersonInputDto,
  CreateEmployerContactDto,
  CreateEmployerDto,
  EmployerContactDto,
  EmployerContactPageDto,
  EmployerContactQueryDto,
  EmployerDetailDto,
  EmployerPageDto,
  EmployerQueryDto,
  UpdateEmployerContactDto,
  UpdateEmployerDto,
} from '../dtos/employer.dto';
import { EmployersService } from '../services/employers.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('ips')
@ApiBearerAuth()
@Controller('ips')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Get('employers')
  @Policy({
    action: 'read',
    subject: 'Employer',
    scope: 'SQL: read Employer (team members); contact counts: read EmployerContact',
    auditAction: 'SEARCH',
  })
  @ApiOperation({ summary: 'The team’s employer register, searchable' })
  @ApiOkResponse({ type: EmployerPageDto })
  list(
    @CurrentPrincipal() p: Principal,
    @Query() query: EmployerQueryDto,
  ): Promise<EmployerPageDto> {
    return this.employers.list(p, query);
  }

  @Post('employers')
  @Idempotent()
  @Policy({
    action: 'create',
    subject: 'Employer',
    scope: 'record: IPS specialists of the team; one name per register',
  })
  @ApiOperation({ summary: 'Add an employer (and a contact person) to the register' })
  @ApiCreatedResponse({ type: EmployerDetailDto })
  create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateEmployerDto,
  ): Promise<EmployerDetailDto> {
    return this.employers.create(p, dto);
  }

  @Get('employers/:id')
  @Policy({
    action: 'read',
    subject: 'Employer',
    scope: 'record: 404 unless team member; recent contacts: read EmployerContact',
  })
  @ApiOperation({ summary: 'One employer with contact persons and recent contacts you may see' })
  @ApiOkResponse({ type: EmployerDetailDto })
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<EmployerDetailDto> {
    return this.employers.get(p, id);
  }

  @Patch('employers/:id')
  @Policy({
    action: 'update',
    subject: 'Employer',
    scope: 'record: IPS specialists of the team; version-checked',
  })
  @ApiOperation({ summary: 'Change an employer’s details' })
  @ApiOkResponse({ type: EmployerDetailDto })
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateEmployerDto,
  ): Promise<EmployerDetailDto> {
    return this.employers.update(p, id, dto);
  }

  @Post('employers/:id/contact-persons')
  @Idempotent()
  @Policy({ action: 'update', subject: 'Employer', scope: 'record: IPS specialists of the team' })
  @ApiOperation({ summary: 'Add a contact person to an employer' })
  @ApiCreatedResponse({ type: ContactPersonDto })
  addContactPerson(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: ContactPersonInputDto,
  ): Promise<ContactPersonDto> {
    return this.employers.addContactPerson(p, id, dto);
  }

  @Get('employer-contacts')
  @Policy({
    action: 'read',
    subject: 'EmployerContact',
    scope:
      'SQL: read EmployerContact (care staff: the team; IPS: general + own clients; klantmanager: own clients)',
    auditAction: 'SEARCH',
  })
  @ApiOperation({
    summary: 'Employer contacts, by team, specialist, client, employer or period, newest first',
  })
  @ApiOkResponse({ type: EmployerContactPageDto })
  contacts(
    @CurrentPrincipal() p: Principal,
    @Query() query: EmployerContactQueryDto,
  ): Promise<EmployerContactPageDto> {
    return this.employers.contacts(p, query);
  }

  @Post('employer-contacts')
  @Idempotent()
  @Policy({
    action: 'create',
    subject: 'EmployerContact',
    scope: 'record: IPS specialists; for a client only their own IPS clients (404 unless readable)',
  })
  @ApiOperation({
    summary:
      'Log an employer contact in seconds: employerId (or newEmployerName) and kind; date defaults to today',
  })
  @ApiCreatedResponse({ type: EmployerContactDto })
  createContact(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateEmployerContactDto,
  ): Promise<EmployerContactDto> {
    return this.employers.createContact(p, dto);
  }

  @Patch('employer-contacts/:id')
  @Policy({
    action: 'update',
    subject: 'EmployerContact',
    scope: 'record: 404 unless readable, 403 unless you logged it; version-checked',
  })
  @ApiOperation({ summary: 'Change an employer contact (outcome, follow-up)' })
  @ApiOkResponse({ type: EmployerContactDto })
  updateContact(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateEmployerContactDto,
  ): Promise<EmployerContactDto> {
    return this.employers.updateContact(p, id, dto);
  }
}
