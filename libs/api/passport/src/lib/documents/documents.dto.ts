import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBase64,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { UPLOAD_MIME_TYPES } from '@tandem/api-core';
import { ConsentPurpose } from '@tandem/domain';

const PURPOSES = Object.values(ConsentPurpose);

export class ShareDocumentDto {
  @ApiProperty({
    description: 'What the document is, in your own words (e.g. "Brief van mijn huisarts")',
  })
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200, { message: 'title is at most 200 characters' })
  title: string;

  @ApiProperty({ description: 'The file name as on your device' })
  @IsString()
  @MinLength(1, { message: 'fileName must not be empty' })
  @MaxLength(200, { message: 'fileName is at most 200 characters' })
  @Matches(/^[^/\\:*?"<>|]+$/, { message: 'fileName must be a plain file name' })
  fileName: string;

  @ApiProperty({ enum: UPLOAD_MIME_TYPES })
  @IsIn(UPLOAD_MIME_TYPES, { message: 'mime must be application/pdf, image/png or image/jpeg' })
  mime: string;

  @ApiProperty({ description: 'The file, base64-encoded (at most 2 MB)' })
  @IsBase64({}, { message: 'base64 must be base64-encoded file content' })
  @MaxLength(2_800_000, { message: 'base64: the file is larger than 2 MB' })
  base64: string;

  @ApiProperty({ description: 'The person who may read it: someone who works with you' })
  @IsUUID('all', { message: 'recipientUserId must be a UUID' })
  recipientUserId: string;

  @ApiProperty({ enum: PURPOSES })
  @IsIn(PURPOSES, { message: `purpose must be one of ${PURPOSES.join(', ')}` })
  purpose: ConsentPurpose;

  @ApiProperty({
    format: 'date',
    description: 'Last day the recipient may read it (at most 2 years)',
  })
  @IsDateString({ strict: true }, { message: 'validUntil must be a date like 2027-06-30' })
  validUntil: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'A short note for the recipient' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'message is at most 500 characters' })
  message?: string;
}

export class DocumentRecipientDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'Why this person works with you (assignment kind)' })
  kind: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
}

export class SharedDocumentDto {
  @ApiProperty() id: string;
  @ApiProperty() clientId: string;
  @ApiProperty() title: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: UPLOAD_MIME_TYPES }) mime: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() recipientUserId: string;
  @ApiProperty() recipientName: string;
  @ApiProperty() recipientOrganisationName: string;
  @ApiProperty({ enum: PURPOSES }) purpose: string;
  @ApiProperty({ nullable: true, type: String }) message: string | null;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ format: 'date' }) validUntil: string;
  @ApiProperty() sharedAt: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ enum: ['ACTIVE', 'REVOKED', 'EXPIRED'] }) status: 'ACTIVE' | 'REVOKED' | 'EXPIRED';
}
