import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  ContractType,
  PlacementEndReason,
  PlacementType,
  SupportArrangement,
} from '@tandem/domain';
import { IsDay, PageQueryDto } from './common.dto';

const TYPES = Object.values(PlacementType);
const CONTRACTS = Object.values(ContractType);
const SUPPORT = Object.values(SupportArrangement);
const END_REASONS = Object.values(PlacementEndReason);
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class PlacementQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only placements without an end date (true) or ended (false)',
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

const jobTitle = () => [
  IsString(),
  MinLength(2, { message: 'jobTitle must have at least 2 characters' }),
  MaxLength(200),
];
const hours = () => [
  IsNumber({ maxDecimalPlaces: 1 }, { message: 'hoursPerWeek must be a number like 16 or 16.5' }),
  Min(0.5, { message: 'hoursPerWeek must be at least 0.5' }),
  Max(60, { message: 'hoursPerWeek must be 60 or less' }),
];
const apply =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

export class CreatePlacementDto {
  @ApiProperty({ description: 'Employer from the team register (GET /ips/employers)' })
  @IsUUID('all', { message: 'employerId must be the id of an employer in the register' })
  employerId: string;

  @ApiProperty({ maxLength: 200 })
  @apply(...jobTitle())
  jobTitle: string;

  @ApiProperty({ enum: TYPES })
  @IsIn(TYPES, { message: `type must be one of ${TYPES.join(', ')}` })
  type: PlacementType;

  @ApiProperty({ format: 'date' })
  @IsDay('startDate')
  startDate: string;

  @ApiProperty({ minimum: 0.5, maximum: 60 })
  @apply(...hours())
  hoursPerWeek: number;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Gross hourly wage in euros' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'hourlyWage must be an amount like 14.50' })
  @Min(0)
  @Max(1000)
  hourlyWage?: number | null;

  @ApiPropertyOptional({ enum: CONTRACTS, default: 'NONE' })
  @IsOptional()
  @IsIn(CONTRACTS, { message: `contract must be one of ${CONTRACTS.join(', ')}` })
  contract?: ContractType;

  @ApiPropertyOptional({ enum: SUPPORT, isArray: true, description: 'Support arrangements' })
  @IsOptional()
  @IsArray({ message: 'support must be a list' })
  @ArrayMaxSize(SUPPORT.length)
  @ArrayUnique({ message: 'support must not repeat an arrangement' })
  @IsIn(SUPPORT, { each: true, message: `support items must be among ${SUPPORT.join(', ')}` })
  support?: SupportArrangement[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class UpdatePlacementDto {
  @ApiProperty({ description: 'The version you changed; a newer version answers 409' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  @Max(2147483647)
  version: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @apply(...jobTitle())
  jobTitle?: string;

  @ApiPropertyOptional({ enum: TYPES })
  @IsOptional()
  @IsIn(TYPES, { message: `type must be one of ${TYPES.join(', ')}` })
  type?: PlacementType;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDay('startDate')
  startDate?: string;

  @ApiPropertyOptional({ minimum: 0.5, maximum: 60 })
  @IsOptional()
  @apply(...hours())
  hoursPerWeek?: number;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'hourlyWage must be an amount like 14.50' })
  @Min(0)
  @Max(1000)
  hourlyWage?: number | null;

  @ApiPropertyOptional({ enum: CONTRACTS })
  @IsOptional()
  @IsIn(CONTRACTS, { message: `contract must be one of ${CONTRACTS.join(', ')}` })
  contract?: ContractType;

  @ApiPropertyOptional({ enum: SUPPORT, isArray: true })
  @IsOptional()
  @IsArray({ message: 'support must be a list' })
  @ArrayMaxSize(SUPPORT.length)
  @ArrayUnique({ message: 'support must not repeat an arrangement' })
  @IsIn(SUPPORT, { each: true, message: `support items must be among ${SUPPORT.join(', ')}` })
  support?: SupportArrangement[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    type: String,
    description: 'End of the placement; needs endReason. null reopens it.',
  })
  @IsOptional()
  @IsDay('endDate')
  endDate?: string | null;

  @ApiPropertyOptional({ enum: END_REASONS, nullable: true, type: String })
  @ValidateIf(
    (o: UpdatePlacementDto) => !!o.endDate || (o.endReason !== undefined && o.endReason !== null),
  )
  @IsIn(END_REASONS, {
    message: `endReason must be one of ${END_REASONS.join(', ')} when endDate is set`,
  })
  endReason?: PlacementEndReason | null;
}

export class FollowAlongDto {
  @ApiProperty() activityId: string;
  @ApiProperty() performedOn: string;
  @ApiProperty() kind: string;
  @ApiProperty({ nullable: true, type: String, enum: ['CLIENT', 'EMPLOYER', 'BOTH'] })
  withWhom: string | null;
  @ApiProperty() performedByName: string;
  @ApiProperty() durationMinutes: number;
}

export class PlacementDto {
  @ApiProperty() id: string;
  @ApiProperty() clientId: string;
  @ApiProperty() trajectoryId: string;
  @ApiProperty() employerId: string;
  @ApiProperty() employerName: string;
  @ApiProperty() jobTitle: string;
  @ApiProperty({ enum: TYPES }) type: PlacementType;
  @ApiProperty({ description: 'Competitive (regular, paid) work' }) competitive: boolean;
  @ApiProperty() startDate: string;
  @ApiProperty({ nullable: true, type: String }) endDate: string | null;
  @ApiProperty({ nullable: true, type: String, enum: END_REASONS }) endReason: string | null;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty({ nullable: true, type: Number }) hourlyWage: number | null;
  @ApiProperty({ enum: CONTRACTS }) contract: ContractType;
  @ApiProperty({ enum: SUPPORT, isArray: true }) support: SupportArrangement[];
  @ApiProperty() notes: string;
  @ApiProperty({ description: 'Days in the job up to today or the end date' }) tenureDays: number;
  @ApiProperty() version: number;
  @ApiProperty() canEdit: boolean;
  @ApiPropertyOptional({
    type: [FollowAlongDto],
    description: 'Follow-along contacts (job coaching) you may see, newest first',
  })
  followAlong?: FollowAlongDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class PlacementPageDto {
  @ApiProperty({ type: [PlacementDto] }) items: PlacementDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
