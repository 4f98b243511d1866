import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ALL_ACTIVITY_KINDS, ALL_FUNDERS, ActivityKind, Funder } from '@tandem/funding';
import { IsDay, PageQueryDto, VersionDto } from './common.dto';

const KINDS = [...ALL_ACTIVITY_KINDS];
const FUNDERS = [...ALL_FUNDERS];

export class ActivityQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS, { message: `kind must be one of ${KINDS.join(', ')}` })
  kind?: ActivityKind;

  @ApiPropertyOptional({ enum: FUNDERS, description: 'Only activities counted under this funder' })
  @IsOptional()
  @IsIn(FUNDERS, { message: `funder must be one of ${FUNDERS.join(', ')}` })
  funder?: Funder;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDay('from')
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Inclusive' })
  @IsOptional()
  @IsDay('to')
  to?: string;
}

export class CreateActivityDto {
  @ApiProperty({ enum: KINDS, description: 'From the catalogue (GET /ips/funding/catalogue)' })
  @IsIn(KINDS, { message: `kind must be one of ${KINDS.join(', ')}` })
  kind: ActivityKind;

  @ApiProperty({ format: 'date' })
  @IsDay('performedOn')
  performedOn: string;

  @ApiProperty({ minimum: 1, maximum: 1440 })
  @Type(() => Number)
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(1, { message: 'durationMinutes must be at least 1' })
  @Max(1440, { message: 'durationMinutes must be 1440 or less' })
  durationMinutes: number;

  @ApiPropertyOptional({ maxLength: 2000, description: 'What happened, briefly (no diagnosis)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  summary?: string;

  @ApiPropertyOptional({ description: 'Part of, and serving a goal of, the treatment plan' })
  @IsOptional()
  @IsBoolean({ message: 'inTreatmentPlan must be true or false' })
  inTreatmentPlan?: boolean;

  @ApiPropertyOptional({ description: 'Directed by the regiebehandelaar and reported back' })
  @IsOptional()
  @IsBoolean({ message: 'directedByRegiebehandelaar must be true or false' })
  directedByRegiebehandelaar?: boolean;

  @ApiPropertyOptional({ description: 'Care staff: the treatment-plan goal the activity serves' })
  @IsOptional()
  @IsUUID('all', { message: 'treatmentGoalId must be the id of a goal in the treatment plan' })
  treatmentGoalId?: string;

  @ApiPropertyOptional({ enum: ['SPECIALIST_GGZ', 'GP'], default: 'SPECIALIST_GGZ' })
  @IsOptional()
  @IsIn(['SPECIALIST_GGZ', 'GP'], { message: 'setting must be SPECIALIST_GGZ or GP' })
  setting?: 'SPECIALIST_GGZ' | 'GP';

  @ApiPropertyOptional({
    enum: ['BURNOUT', 'ADJUSTMENT_DISORDER'],
    nullable: true,
    type: String,
    description: 'Treatment of burn-out/overstrain or an adjustment disorder',
  })
  @IsOptional()
  @IsIn(['BURNOUT', 'ADJUSTMENT_DISORDER'], {
    message: 'workRelatedCondition must be BURNOUT or ADJUSTMENT_DISORDER',
  })
  workRelatedCondition?: 'BURNOUT' | 'ADJUSTMENT_DISORDER' | null;

  @ApiPropertyOptional({ description: 'A mental disorder is present or suspected besides it' })
  @IsOptional()
  @IsBoolean({ message: 'mentalDisorderSuspected must be true or false' })
  mentalDisorderSuspected?: boolean;

  @ApiPropertyOptional({
    default: true,
    description: 'Excluded work-related treatment: the employer pays (false: the client pays)',
  })
  @IsOptional()
  @IsBoolean({ message: 'coveredByEmployer must be true or false' })
  coveredByEmployer?: boolean;

  @ApiPropertyOptional({ description: 'Follow-along contact for this placement of the client' })
  @IsOptional()
  @IsUUID('all', { message: 'placementId must be the id of one of the client’s placements' })
  placementId?: string;

  @ApiPropertyOptional({ enum: ['CLIENT', 'EMPLOYER', 'BOTH'] })
  @IsOptional()
  @IsIn(['CLIENT', 'EMPLOYER', 'BOTH'], { message: 'withWhom must be CLIENT, EMPLOYER or BOTH' })
  withWhom?: 'CLIENT' | 'EMPLOYER' | 'BOTH';
}

export class OverrideFundingDto extends VersionDto {
  @ApiProperty({ enum: FUNDERS, description: 'The funder this activity counts under from now on' })
  @IsIn(FUNDERS, { message: `funder must be one of ${FUNDERS.join(', ')}` })
  funder: Funder;

  @ApiProperty({ minLength: 10, maxLength: 1000, description: 'Why the rules do not fit here' })
  @IsString()
  @MinLength(10, { message: 'reason must say in at least 10 characters why you override' })
  @MaxLength(1000)
  reason: string;
}

export class RuleOutcomeDto {
  @ApiProperty({ enum: FUNDERS }) funder: Funder;
  @ApiProperty() ruleId: string;
  @ApiProperty({ description: 'Source reference of the rule, e.g. 003:L7228-7242' })
  source: string;
  @ApiProperty() reason: string;
}

export class FundingOverrideDto {
  @ApiProperty({ enum: FUNDERS }) funder: Funder;
  @ApiProperty() reason: string;
  @ApiProperty() byName: string;
  @ApiProperty() at: string;
}

export class ClassificationDto {
  @ApiProperty({ enum: FUNDERS, description: 'The funder the activity counts under' })
  funder: Funder;
  @ApiProperty() funderLabel: string;
  @ApiProperty({ description: 'Says why: the rule’s reason, or the override’s' }) reason: string;
  @ApiProperty() overridden: boolean;
  @ApiProperty({
    type: RuleOutcomeDto,
    description: 'What the rules say (kept when a professional overrides)',
  })
  rule: RuleOutcomeDto;
  @ApiProperty({ type: FundingOverrideDto, nullable: true }) override: FundingOverrideDto | null;
}

export class FundingEventDto {
  @ApiProperty({ enum: ['CLASSIFIED', 'RECLASSIFIED', 'OVERRIDDEN'] }) event: string;
  @ApiProperty({ enum: FUNDERS }) funder: Funder;
  @ApiProperty() ruleId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty() at: string;
}

export class ActivityDto {
  @ApiProperty() id: string;
  @ApiProperty() clientId: string;
  @ApiProperty({ enum: KINDS }) kind: ActivityKind;
  @ApiProperty() kindLabel: string;
  @ApiProperty({ enum: ['TREATMENT', 'PARTICIPATION', 'WMO'] }) domain: string;
  @ApiProperty() performedOn: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty() performedById: string;
  @ApiProperty() performedByName: string;
  @ApiProperty() summary: string;
  @ApiProperty() inTreatmentPlan: boolean;
  @ApiProperty() directedByRegiebehandelaar: boolean;
  @ApiProperty() setting: string;
  @ApiProperty({ nullable: true, type: String }) workRelatedCondition: string | null;
  @ApiProperty() mentalDisorderSuspected: boolean;
  @ApiProperty() coveredByEmployer: boolean;
  @ApiProperty({ nullable: true, type: String }) placementId: string | null;
  @ApiProperty({ nullable: true, type: String }) withWhom: string | null;
  @ApiProperty({ type: ClassificationDto }) classification: ClassificationDto;
  @ApiProperty() canOverride: boolean;
  @ApiPropertyOptional({
    type: [FundingEventDto],
    description: 'Every classification, oldest first',
  })
  fundingHistory?: FundingEventDto[];
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
}

export class ActivityPageDto {
  @ApiProperty({ type: [ActivityDto] }) items: ActivityDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
