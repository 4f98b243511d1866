import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { EmployerContactKind, EmployerContactOutcome } from '@tandem/domain';
import { IsDay, PageQueryDto, PersonRefDto, VersionDto } from './common.dto';

const KINDS = Object.values(EmployerContactKind);
const OUTCOMES = Object.values(EmployerContactOutcome);

export class EmployerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only this team’s register' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;

  @ApiPropertyOptional({ description: 'Part of the name, sector or city' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ContactPersonInputDto {
  @ApiProperty({ minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2, { message: 'name must have at least 2 characters' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  role?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @MaxLength(200)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;
}

export class CreateEmployerDto {
  @ApiPropertyOptional({ description: 'The team whose register (default: your IPS team)' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;

  @ApiProperty({ minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2, { message: 'name must have at least 2 characters' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sector?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @MaxLength(200)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;

  @ApiPropertyOptional({ type: ContactPersonInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactPersonInputDto)
  contactPerson?: ContactPersonInputDto;
}

export class UpdateEmployerDto extends VersionDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'name must have at least 2 characters' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sector?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @ValidateIf((o: UpdateEmployerDto) => o.email !== '')
  @MaxLength(200)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;
}

export class ContactPersonDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() role: string;
  @ApiProperty() phone: string;
  @ApiProperty() email: string;
}

export class EmployerDto {
  @ApiProperty() id: string;
  @ApiProperty() teamId: string;
  @ApiProperty() name: string;
  @ApiProperty() sector: string;
  @ApiProperty() city: string;
  @ApiProperty() phone: string;
  @ApiProperty() email: string;
  @ApiProperty() notes: string;
  @ApiProperty({ type: [ContactPersonDto] }) contactPersons: ContactPersonDto[];
  @ApiProperty({ nullable: true, type: String }) lastContactOn: string | null;
  @ApiProperty({ description: 'Employer contacts you may see' }) contactCount: number;
  @ApiProperty() version: number;
  @ApiProperty() canEdit: boolean;
}

export class EmployerPageDto {
  @ApiProperty({ type: [EmployerDto] }) items: EmployerDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class EmployerContactQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;

  @ApiPropertyOptional({ description: 'Contacts by this IPS specialist' })
  @IsOptional()
  @IsUUID('all', { message: 'specialistId must be a UUID' })
  specialistId?: string;

  @ApiPropertyOptional({ description: 'Contacts for this client' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'employerId must be a UUID' })
  employerId?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDay('from')
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Inclusive' })
  @IsOptional()
  @IsDay('to')
  to?: string;
}

export class CreateEmployerContactDto {
  @ApiPropertyOptional({ description: 'An employer in the register; or give newEmployerName' })
  @ValidateIf((o: CreateEmployerContactDto) => o.newEmployerName === undefined)
  @IsUUID('all', { message: 'employerId must be the id of an employer in the register' })
  employerId?: string;

  @ApiPropertyOptional({
    minLength: 2,
    maxLength: 200,
    description: 'Adds the employer to your team’s register in the same step',
  })
  @ValidateIf((o: CreateEmployerContactDto) => o.employerId === undefined)
  @IsString()
  @MinLength(2, { message: 'newEmployerName must have at least 2 characters' })
  @MaxLength(200)
  newEmployerName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'contactPersonId must be a contact person of the employer' })
  contactPersonId?: string;

  @ApiPropertyOptional({
    description: 'The client the contact was for (omit for job development in general)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Default: today' })
  @IsOptional()
  @IsDay('contactOn')
  contactOn?: string;

  @ApiProperty({ enum: KINDS, description: 'VISIT counts as face-to-face for the fidelity norm' })
  @IsIn(KINDS, { message: `kind must be one of ${KINDS.join(', ')}` })
  kind: EmployerContactKind;

  @ApiPropertyOptional({ enum: OUTCOMES, default: 'INTRODUCTION' })
  @IsOptional()
  @IsIn(OUTCOMES, { message: `outcome must be one of ${OUTCOMES.join(', ')}` })
  outcome?: EmployerContactOutcome;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDay('followUpOn')
  followUpOn?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  followUp?: string;
}

export class UpdateEmployerContactDto extends VersionDto {
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDay('contactOn')
  contactOn?: string;

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS, { message: `kind must be one of ${KINDS.join(', ')}` })
  kind?: EmployerContactKind;

  @ApiPropertyOptional({ enum: OUTCOMES })
  @IsOptional()
  @IsIn(OUTCOMES, { message: `outcome must be one of ${OUTCOMES.join(', ')}` })
  outcome?: EmployerContactOutcome;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsDay('followUpOn')
  followUpOn?: string | null;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  followUp?: string;
}

export class EmployerContactDto {
  @ApiProperty() id: string;
  @ApiProperty() teamId: string;
  @ApiProperty() employerId: string;
  @ApiProperty() employerName: string;
  @ApiProperty({ nullable: true, type: String }) contactPersonId: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPersonName: string | null;
  @ApiProperty({ type: PersonRefDto }) specialist: PersonRefDto;
  @ApiProperty({ nullable: true, type: String }) clientId: string | null;
  @ApiProperty({ nullable: true, type: String }) clientName: string | null;
  @ApiProperty() contactOn: string;
  @ApiProperty({ enum: KINDS }) kind: EmployerContactKind;
  @ApiProperty({ enum: OUTCOMES }) outcome: EmployerContactOutcome;
  @ApiProperty() notes: string;
  @ApiProperty({ nullable: true, type: String }) followUpOn: string | null;
  @ApiProperty() followUp: string;
  @ApiProperty() version: number;
  @ApiProperty() canEdit: boolean;
  @ApiProperty() createdAt: string;
}

export class EmployerContactPageDto {
  @ApiProperty({ type: [EmployerContactDto] }) items: EmployerContactDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class EmployerDetailDto extends EmployerDto {
  @ApiProperty({
    type: [EmployerContactDto],
    description: 'The 20 most recent contacts you may see',
  })
  recentContacts: EmployerContactDto[];
}
