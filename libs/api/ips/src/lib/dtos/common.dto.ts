import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** A calendar date (YYYY-MM-DD, 1900-2099) that PostgreSQL accepts; the message names the field. */
export function IsDay(field: string): PropertyDecorator {
  return (target, key) => {
    Matches(/^(19|20)\d{2}-\d{2}-\d{2}$/, { message: `${field} must be a date like 2026-11-24` })(
      target,
      key,
    );
    IsDateString({ strict: true }, { message: `${field} must be an existing calendar date` })(
      target,
      key,
    );
  };
}

export class PageQueryDto {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be 1 or more' })
  @Max(100000)
  page = 1;

  @ApiPropertyOptional({ default: 25, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize must be 1 or more' })
  @Max(100, { message: 'pageSize must be 100 or less' })
  pageSize = 25;
}

export class PersonRefDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
}

export class VersionDto {
  @ApiProperty({
    description: 'The version you changed; a newer version answers 409 VERSION_CONFLICT',
  })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be 1 or more' })
  @Max(2147483647)
  version: number;
}
