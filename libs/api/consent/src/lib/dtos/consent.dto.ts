import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBase64,
  IsBoolean,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ALL_ROLES, ConsentCategory, ConsentPurpose } from '@tandem/domain';

const PURPOSES = Object.values(ConsentPurpose);
const CATEGORIES = Object.values(ConsentCategory);

export class SignedFormDto {
  @ApiProperty({ enum: ['application/pdf', 'image/png', 'image/jpeg'] })
  @IsIn(['application/pdf', 'image/png', 'image/jpeg'], {
    message: 'signedForm.mime must be application/pdf, image/png or image/jpeg',
  })
  mime: string;

  @ApiProperty({ description: 'The scanned, signed form, base64-encoded (at most 2 MB)' })
  @IsBase64({}, { message: 'signedForm.base64 must be base64-encoded file content' })
  @MaxLength(2_800_000, { message: 'signedForm is larger than 2 MB; scan at a lower resolution' })
  base64: string;
}

class ConsentTermsDto {
  @ApiProperty({
    enum: ['ORGANISATION', 'ROLE', 'PERSON'],
    description: 'Who receives: an organisation, a role within it, or one named person',
  })
  @IsIn(['ORGANISATION', 'ROLE', 'PERSON'], {
    message: 'recipientType must be ORGANISATION, ROLE or PERSON',
  })
  recipientType: 'ORGANISATION' | 'ROLE' | 'PERSON';

  @ApiProperty()
  @IsUUID('all', { message: 'recipientOrganisationId must be a UUID' })
  recipientOrganisationId: string;

  @ApiPropertyOptional({ enum: ALL_ROLES })
  @ValidateIf((o: ConsentTermsDto) => o.recipientType === 'ROLE')
  @IsIn(ALL_ROLES, { message: 'recipientRole must be a role when recipientType is ROLE' })
  recipientRole?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: ConsentTermsDto) => o.recipientType === 'PERSON')
  @IsUUID('all', { message: 'recipientUserId must be a UUID when recipientType is PERSON' })
  recipientUserId?: string;

  @ApiProperty({ enum: PURPOSES })
  @IsIn(PURPOSES, { message: `purpose must be one of ${PURPOSES.join(', ')}` })
  purpose: ConsentPurpose;

  @ApiProperty({
    enum: CATEGORIES,
    isArray: true,
    description: 'The data covered; medical files are never a category',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'categories must name at least one kind of data' })
  @ArrayMaxSize(CATEGORIES.length)
  @ArrayUnique()
  @IsIn(CATEGORIES, {
    each: true,
    message: `each category must be one of ${CATEGORIES.join(', ')}`,
  })
  categories: ConsentCategory[];

  @ApiPropertyOptional({ format: 'date', description: 'Default: today' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'validFrom must be a date like 2026-11-24' })
  validFrom?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Default: 12 months after validFrom; at most 2 years',
  })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'validUntil must be a date like 2027-11-24' })
  validUntil?: string;

  @ApiPropertyOptional({
    description: 'The exact text shown to the client; generated in plain Dutch when omitted',
  })
  @IsOptional()
  @IsString()
  @MinLength(20)
  @MaxLength(5000)
  textShown?: string;
}

export class RecordConsentDto extends ConsentTermsDto {
  @ApiProperty({
    enum: ['REGULAR', 'INTAKE', 'ACCESS_DECISION'],
    description: 'The situation in which consent was given',
  })
  @IsIn(['REGULAR', 'INTAKE', 'ACCESS_DECISION'], {
    message: 'situation must be REGULAR, INTAKE or ACCESS_DECISION',
  })
  situation: 'REGULAR' | 'INTAKE' | 'ACCESS_DECISION';

  @ApiProperty({ type: SignedFormDto, description: 'The signed consent form' })
  @ValidateNested()
  @Type(() => SignedFormDto)
  signedForm: SignedFormDto;

  @ApiPropertyOptional({
    description:
      'Required when situation is INTAKE or ACCESS_DECISION: you checked the consent was given freely',
  })
  @IsOptional()
  @IsBoolean()
  confirmFreelyGiven?: boolean;
}

export class RequestConsentDto extends ConsentTermsDto {}

export class RenewConsentDto {
  @ApiProperty({ format: 'date' })
  @IsDateString({ strict: true }, { message: 'validUntil must be a date like 2027-11-24' })
  validUntil: string;
}

export class RevokeConsentDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ConsentEventDto {
  @ApiProperty() event: string;
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty() details: Record<string, unknown>;
}

export class ConsentDto {
  @ApiProperty() id: string;
  @ApiProperty() clientId: string;
  @ApiProperty() recipientType: string;
  @ApiProperty() recipientOrganisationId: string;
  @ApiProperty() recipientOrganisationName: string;
  @ApiProperty({ nullable: true, type: String }) recipientRole: string | null;
  @ApiProperty({ nullable: true, type: String }) recipientUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) recipientUserName: string | null;
  @ApiProperty({ enum: PURPOSES }) purpose: string;
  @ApiProperty({ enum: CATEGORIES, isArray: true }) categories: string[];
  @ApiProperty({ enum: ['REQUESTED', 'GIVEN', 'REFUSED', 'REVOKED', 'EXPIRED'] }) status: string;
  @ApiProperty() textShown: string;
  @ApiProperty({ nullable: true, type: String }) method: string | null;
  @ApiProperty() situation: string;
  @ApiProperty() hasSignedForm: boolean;
  @ApiProperty() validFrom: string;
  @ApiProperty() validUntil: string;
  @ApiProperty({ nullable: true, type: String }) recordedByName: string | null;
  @ApiProperty({ nullable: true, type: String }) recordedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) agreementName: string | null;
  @ApiProperty({ type: [String] }) warnings: string[];
  @ApiProperty({ type: [ConsentEventDto] }) history: ConsentEventDto[];
}

export class SharingAgreementDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() legalBasis: string;
  @ApiProperty({ type: [String] }) partyIds: string[];
  @ApiProperty({ type: [String] }) partyNames: string[];
  @ApiProperty({ type: [String] }) categories: string[];
  @ApiProperty() validFrom: string;
  @ApiProperty() validUntil: string;
  @ApiProperty() active: boolean;
}

export class CreateSharingAgreementDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(200) name: string;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(1000) legalBasis: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(2, { message: 'partyIds must name at least two organisations' })
  @ArrayUnique()
  @IsUUID('all', { each: true })
  partyIds: string[];
  @ApiProperty({ enum: CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CATEGORIES, { each: true })
  categories: ConsentCategory[];
  @ApiProperty({ format: 'date' }) @IsDateString({ strict: true }) validFrom: string;
  @ApiProperty({ format: 'date' }) @IsDateString({ strict: true }) validUntil: string;
}

export class EmergencyAccessDto {
  @ApiProperty({ description: 'The client’s surname as in the file' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName: string;

  @ApiProperty({ format: 'date' })
  @IsDateString({ strict: true }, { message: 'dateOfBirth must be a date like 1981-03-14' })
  dateOfBirth: string;

  @ApiProperty({
    description: 'Why you need access now (at least 10 characters); reviewed afterwards',
  })
  @IsString()
  @MinLength(10, { message: 'reason must explain the emergency (at least 10 characters)' })
  @MaxLength(1000)
  reason: string;
}

export class EmergencyReviewDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(1000) comment: string;
}
