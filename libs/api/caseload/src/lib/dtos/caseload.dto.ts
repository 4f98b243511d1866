import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class CaseloadQueryDto {
  @ApiPropertyOptional({ description: 'Only this team (must be one you may see)' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;

  @ApiPropertyOptional({ description: 'Search in client name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1)
  @Max(200)
  pageSize = 50;
}

export class PersonRefDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
}

export class CaseloadItemDto {
  @ApiProperty() clientId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) keyWorker: PersonRefDto | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) regiebehandelaar: PersonRefDto | null;
}

export class CaseloadPageDto {
  @ApiProperty({ type: [CaseloadItemDto] }) items: CaseloadItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
