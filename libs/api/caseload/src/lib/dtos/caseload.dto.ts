import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

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

  @ApiPropertyOptional({ description: 'Only clients on (true) or off (false) the board' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'onBoard must be true or false' })
  onBoard?: boolean;

  @ApiPropertyOptional({ description: 'Only clients of this key worker' })
  @IsOptional()
  @IsUUID('all', { message: 'keyWorkerId must be a UUID' })
  keyWorkerId?: string;

  @ApiPropertyOptional({
    enum: ['name', 'boardSince', 'nextContactOn', 'lastContactOn'],
    default: 'name',
  })
  @IsOptional()
  @IsIn(['name', 'boardSince', 'nextContactOn', 'lastContactOn'])
  sort: 'name' | 'boardSince' | 'nextContactOn' | 'lastContactOn' = 'name';

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
  @ApiProperty() onBoard: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Only for care staff' })
  boardReason?: string | null;
  @ApiProperty({ nullable: true, type: String }) boardSince: string | null;
  @ApiProperty({ nullable: true, type: Number }) daysOnBoard: number | null;
  @ApiProperty({ nullable: true, type: String }) lastContactOn: string | null;
  @ApiProperty({ nullable: true, type: String }) nextContactOn: string | null;
  @ApiProperty() version: number;
}

export class CaseloadPageDto {
  @ApiProperty({ type: [CaseloadItemDto] }) items: CaseloadItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class UpdateBoardDto {
  @ApiProperty({ description: 'Put the client on the board (intensive care) or take them off' })
  @IsBoolean({ message: 'onBoard must be true or false' })
  onBoard: boolean;

  @ApiPropertyOptional({
    description: 'Why the client is on the board (required when onBoard is true)',
  })
  @ValidateIf((o: UpdateBoardDto) => o.onBoard === true)
  @IsString({ message: 'boardReason is required when putting a client on the board' })
  @MaxLength(500)
  boardReason?: string;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'nextContactOn must be a date like 2026-12-01' })
  nextContactOn?: string | null;

  @ApiProperty({ description: 'The version you edited; a newer version on the server answers 409' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version: number;
}

export class TransferClientDto {
  @ApiProperty()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId: string;

  @ApiProperty()
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version: number;
}

export class ClientDetailDto extends CaseloadItemDto {
  @ApiProperty() dateOfBirth: string;
  @ApiProperty() pseudonym: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Only for care staff' })
  diagnosis?: string | null;
  @ApiProperty({ description: 'What the caller may do with this client' })
  permissions: {
    readableDomains: string[];
    writableDomains: string[];
    canUpdateBoard: boolean;
    canTransfer: boolean;
  };
}
