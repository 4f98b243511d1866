import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class AccessLogQueryDto {
  @ApiPropertyOptional({ description: 'Entries about this client' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;

  @ApiPropertyOptional({ description: 'Entries by this user' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId?: string;

  @ApiPropertyOptional({ description: 'From this moment (ISO 8601, inclusive)' })
  @IsOptional()
  @IsDateString(
    {},
    { message: 'from must be a date or date-time like 2026-11-01 or 2026-11-01T08:00:00Z' },
  )
  from?: string;

  @ApiPropertyOptional({ description: 'Until this moment (ISO 8601, exclusive)' })
  @IsOptional()
  @IsDateString({}, { message: 'to must be a date or date-time like 2026-12-01' })
  to?: string;

  @ApiPropertyOptional({ description: 'Only emergency access (flagged for review)' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'emergency must be true or false' })
  emergency?: boolean;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize = 50;
}

export class AccessLogEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) userName: string | null;
  @ApiProperty({ nullable: true, type: String }) userRole: string | null;
  @ApiProperty({ nullable: true, type: String }) organisationName: string | null;
  @ApiProperty({ nullable: true, type: String }) clientId: string | null;
  @ApiProperty({ nullable: true, type: String }) clientName: string | null;
  @ApiProperty({ type: [String] }) clientIds: string[];
  @ApiProperty() objectType: string;
  @ApiProperty({ nullable: true, type: String }) objectId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() outcome: string;
  @ApiProperty() basis: string;
  @ApiProperty({ type: [String] }) consentIds: string[];
  @ApiProperty() emergency: boolean;
  @ApiProperty() channel: string;
  @ApiProperty({ nullable: true, type: String }) route: string | null;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent: string | null;
  @ApiProperty({ nullable: true, type: String }) sessionId: string | null;
}

export class AccessLogPageDto {
  @ApiProperty({ type: [AccessLogEntryDto] }) items: AccessLogEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class VerifyResultDto {
  @ApiProperty() ok: boolean;
  @ApiProperty() entries: number;
  @ApiProperty({ nullable: true, type: String }) firstBrokenId: string | null;
  @ApiProperty({ nullable: true, type: String }) problem: string | null;
}
