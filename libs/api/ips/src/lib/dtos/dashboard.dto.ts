import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SELF_ASSESSED_FIDELITY_ITEMS } from '@tandem/domain';
import { IsDay, PageQueryDto } from './common.dto';

export class DashboardQueryDto {
  @ApiPropertyOptional({ description: 'The team (default: your first team)' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'First day (default: 13 weeks before `to`)' })
  @IsOptional()
  @IsDay('from')
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day, inclusive (default: today)' })
  @IsOptional()
  @IsDay('to')
  to?: string;
}

export class StatDto {
  @ApiProperty({ description: 'How many values the figure is computed from' }) count: number;
  @ApiProperty({ nullable: true, type: Number }) average: number | null;
  @ApiProperty({ nullable: true, type: Number }) median: number | null;
}

export class FirstContactStatDto extends StatDto {
  @ApiProperty({ description: 'Referrals in the period' }) referrals: number;
  @ApiProperty({ description: 'First employer contact within 30 days of referral' })
  within30: number;
  @ApiProperty({ description: 'Still no employer contact more than 30 days after referral' })
  overdue: number;
}

export class IpsFiguresDto {
  @ApiProperty({ description: 'Clients with an open trajectory at the end of the period' })
  activeCaseload: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Norm: 20 or fewer' })
  caseloadPerSpecialist: number | null;
  @ApiProperty() employerContacts: number;
  @ApiProperty({ description: 'Face-to-face visits among the employer contacts' })
  faceToFaceContacts: number;
  @ApiProperty({ nullable: true, type: Number }) employerContactsPerSpecialistPerWeek:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Norm: 6 or more' })
  faceToFacePerSpecialistPerWeek: number | null;
  @ApiProperty({
    type: FirstContactStatDto,
    description: 'Days from referral to the first employer contact (norm: 30 or fewer)',
  })
  daysToFirstEmployerContact: FirstContactStatDto;
  @ApiProperty({ description: 'Active clients in a competitive job at the end of the period' })
  clientsInCompetitiveWork: number;
  @ApiProperty({ nullable: true, type: Number }) competitiveWorkPct: number | null;
  @ApiProperty({ description: 'Competitive jobs started in the period' }) jobStarts: number;
  @ApiProperty({ description: 'Placements of any type started in the period' })
  placementStarts: number;
  @ApiProperty({ type: StatDto, description: 'Days from referral to the first competitive job' })
  timeToFirstJob: StatDto;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Average hours a week of the competitive jobs at the end of the period',
  })
  averageHoursPerWeek: number | null;
  @ApiProperty({
    type: StatDto,
    description: 'Days in competitive jobs that ran in the period (up to its end)',
  })
  jobTenureDays: StatDto;
  @ApiProperty({ description: 'Clients who left their benefit through work in the period' })
  exitsFromBenefit: number;
}

export class SpecialistFiguresDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: IpsFiguresDto }) figures: IpsFiguresDto;
}

export class WeekPointDto {
  @ApiProperty() weekStart: string;
  @ApiProperty() employerContacts: number;
  @ApiProperty() faceToFace: number;
}

export class MonthPointDto {
  @ApiProperty({ description: 'YYYY-MM' }) month: string;
  @ApiProperty() jobStarts: number;
  @ApiProperty() placementStarts: number;
}

export class SeriesDto {
  @ApiProperty({ type: [WeekPointDto] }) weeks: WeekPointDto[];
  @ApiProperty({ type: [MonthPointDto] }) months: MonthPointDto[];
}

export class FidelityItemScoreDto {
  @ApiProperty() code: string;
  @ApiProperty({ enum: ['STAFFING', 'ORGANISATION', 'SERVICES'] }) section: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Computed from the data (true) or self-assessed (false)' })
  derived: boolean;
  @ApiProperty({ nullable: true, type: String }) measure: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The figure the score comes from' })
  value: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '1-5; null when not scored' })
  score: number | null;
  @ApiProperty({ enum: ['DATA', 'SELF_ASSESSMENT', 'NONE'] }) scoredBy: string;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
}

export class FidelityDto {
  @ApiProperty({ type: [FidelityItemScoreDto] }) items: FidelityItemScoreDto[];
  @ApiProperty() total: number;
  @ApiProperty() scoredItems: number;
  @ApiProperty() maxTotal: number;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['EXEMPLARY', 'GOOD', 'FAIR', 'NOT_IPS'],
    description: 'Only when all 25 items are scored',
  })
  level: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Date of the self-assessment used' })
  selfAssessedOn: string | null;
}

export class NormsDto {
  @ApiProperty() maxCaseload: number;
  @ApiProperty() minEmployerContactsPerWeek: number;
  @ApiProperty() maxDaysToFirstEmployerContact: number;
}

export class IpsDashboardDto {
  @ApiProperty() teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() weeks: number;
  @ApiProperty({ type: NormsDto }) norms: NormsDto;
  @ApiProperty({ type: IpsFiguresDto }) team: IpsFiguresDto;
  @ApiProperty({ type: [SpecialistFiguresDto] }) specialists: SpecialistFiguresDto[];
  @ApiProperty({ type: SeriesDto }) series: SeriesDto;
  @ApiProperty({ type: FidelityDto }) fidelity: FidelityDto;
}

export class FidelityAssessmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'The team (default: your first team)' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;
}

export class FidelityItemInputDto {
  @ApiProperty({ enum: SELF_ASSESSED_FIDELITY_ITEMS, description: 'A self-assessed item' })
  @IsIn(SELF_ASSESSED_FIDELITY_ITEMS, {
    message: `item must be a self-assessed item: ${SELF_ASSESSED_FIDELITY_ITEMS.join(', ')}`,
  })
  item: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt({ message: 'score must be a whole number from 1 to 5' })
  @Min(1, { message: 'score must be 1 or more' })
  @Max(5, { message: 'score must be 5 or less' })
  score: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

export class CreateFidelityAssessmentDto {
  @ApiPropertyOptional({ description: 'The team (default: your first team)' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;

  @ApiProperty({ format: 'date' })
  @IsDay('assessedOn')
  assessedOn: string;

  @ApiProperty({ type: [FidelityItemInputDto] })
  @IsArray({ message: 'scores must be a list of items' })
  @ArrayMinSize(1, { message: 'scores must score at least one item' })
  @ArrayMaxSize(SELF_ASSESSED_FIDELITY_ITEMS.length)
  @ValidateNested({ each: true })
  @Type(() => FidelityItemInputDto)
  scores: FidelityItemInputDto[];

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}

export class FidelityAssessmentDto {
  @ApiProperty() id: string;
  @ApiProperty() teamId: string;
  @ApiProperty() assessedOn: string;
  @ApiProperty({ type: [FidelityItemInputDto] }) scores: FidelityItemInputDto[];
  @ApiProperty({ description: 'Sum of the self-assessed scores' }) total: number;
  @ApiProperty() comment: string;
  @ApiProperty() authorName: string;
  @ApiProperty() createdAt: string;
}

export class FidelityAssessmentPageDto {
  @ApiProperty({ type: [FidelityAssessmentDto] }) items: FidelityAssessmentDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
