import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
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
  ValidateIf,
} from 'class-validator';
import { WorkGoalAssessment, WorkGoalStatus } from '@tandem/domain';
import { IsDay, PageQueryDto, PersonRefDto, VersionDto } from './common.dto';

const STATUSES = Object.values(WorkGoalStatus);
const ASSESSMENTS = Object.values(WorkGoalAssessment);
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class WorkGoalQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: WorkGoalStatus;
}

export class DueWorkGoalsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only this team’s clients' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Due on or before this date (default: today)',
  })
  @IsOptional()
  @IsDay('asOf')
  asOf?: string;

  @ApiPropertyOptional({
    description: 'Only goals you may review (the regiebehandelaar’s list)',
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'forReview must be true or false' })
  forReview?: boolean;
}

export class CreateWorkGoalDto {
  @ApiProperty({
    minLength: 3,
    maxLength: 1000,
    description: 'Written with the client, in her words',
  })
  @IsString()
  @MinLength(3, { message: 'text must have at least 3 characters' })
  @MaxLength(1000)
  text: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsDay('targetDate')
  targetDate?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 26, default: 6 })
  @IsOptional()
  @IsInt({ message: 'reviewIntervalWeeks must be a whole number of weeks' })
  @Min(1)
  @Max(26)
  reviewIntervalWeeks?: number;

  @ApiPropertyOptional({
    format: 'date',
    description: 'First review by the regiebehandelaar (default: today + the interval)',
  })
  @IsOptional()
  @IsDay('firstReviewOn')
  firstReviewOn?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'writtenWithClient must be true or false' })
  writtenWithClient?: boolean;
}

export class UpdateWorkGoalDto extends VersionDto {
  @ApiPropertyOptional({ minLength: 3, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MinLength(3, { message: 'text must have at least 3 characters' })
  @MaxLength(1000)
  text?: string;

  @ApiPropertyOptional({ enum: STATUSES, description: 'OPEN again plans the next review' })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: WorkGoalStatus;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsDay('targetDate')
  targetDate?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 26 })
  @IsOptional()
  @IsInt({ message: 'reviewIntervalWeeks must be a whole number of weeks' })
  @Min(1)
  @Max(26)
  reviewIntervalWeeks?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'writtenWithClient must be true or false' })
  writtenWithClient?: boolean;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Care staff only: the treatment-plan goal this work goal serves (null unlinks)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'treatmentGoalId must be the id of a goal in the treatment plan' })
  treatmentGoalId?: string | null;
}

export class ReviewWorkGoalDto extends VersionDto {
  @ApiProperty({ format: 'date' })
  @IsDay('reviewedOn')
  reviewedOn: string;

  @ApiProperty({ enum: ASSESSMENTS, description: 'ACHIEVED and STOP close the goal' })
  @IsIn(ASSESSMENTS, { message: `assessment must be one of ${ASSESSMENTS.join(', ')}` })
  assessment: WorkGoalAssessment;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;

  @ApiPropertyOptional({
    format: 'date',
    description:
      'Next review (default: reviewedOn + the goal’s interval); not allowed when the goal closes',
  })
  @ValidateIf((o: ReviewWorkGoalDto) => o.nextReviewOn !== undefined)
  @IsDay('nextReviewOn')
  nextReviewOn?: string;
}

export class CommentWorkGoalDto {
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(2000)
  text: string;
}

export class WorkGoalReviewDto {
  @ApiProperty() id: string;
  @ApiProperty() reviewedOn: string;
  @ApiProperty({ enum: ASSESSMENTS }) assessment: WorkGoalAssessment;
  @ApiProperty() comment: string;
  @ApiProperty({ nullable: true, type: String }) nextReviewOn: string | null;
  @ApiProperty({ type: PersonRefDto }) reviewer: PersonRefDto;
  @ApiProperty() createdAt: string;
}

export class WorkGoalCommentDto {
  @ApiProperty() id: string;
  @ApiProperty() text: string;
  @ApiProperty() authorName: string;
  @ApiProperty({ description: 'Written by the client herself (passport)' }) byClient: boolean;
  @ApiProperty() createdAt: string;
}

export class TreatmentGoalRefDto {
  @ApiProperty() id: string;
  @ApiProperty() text: string;
}

export class WorkGoalDto {
  @ApiProperty() id: string;
  @ApiProperty() clientId: string;
  @ApiProperty() trajectoryId: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: STATUSES }) status: WorkGoalStatus;
  @ApiProperty({ nullable: true, type: String }) targetDate: string | null;
  @ApiProperty() reviewIntervalWeeks: number;
  @ApiProperty({ nullable: true, type: String }) nextReviewOn: string | null;
  @ApiProperty({ description: 'Open and its review date has come' }) dueForReview: boolean;
  @ApiProperty() writtenWithClient: boolean;
  @ApiProperty({ description: 'Linked to a goal of the treatment plan' })
  linkedToTreatmentPlan: boolean;
  @ApiPropertyOptional({
    type: TreatmentGoalRefDto,
    nullable: true,
    description: 'Care staff only: the linked treatment-plan goal',
  })
  treatmentGoal?: TreatmentGoalRefDto | null;
  @ApiProperty({ type: WorkGoalReviewDto, nullable: true }) lastReview: WorkGoalReviewDto | null;
  @ApiPropertyOptional({ type: [WorkGoalReviewDto] }) reviews?: WorkGoalReviewDto[];
  @ApiPropertyOptional({ type: [WorkGoalCommentDto] }) comments?: WorkGoalCommentDto[];
  @ApiProperty() commentCount: number;
  @ApiProperty() version: number;
  @ApiProperty() canEdit: boolean;
  @ApiProperty() canReview: boolean;
  @ApiProperty() canComment: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class WorkGoalPageDto {
  @ApiProperty({ type: [WorkGoalDto] }) items: WorkGoalDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class DueWorkGoalDto {
  @ApiProperty() goalId: string;
  @ApiProperty() clientId: string;
  @ApiProperty() clientName: string;
  @ApiProperty({ description: 'The client’s pseudonym (for anonymised agenda items)' })
  pseudonym: string;
  @ApiProperty() teamId: string;
  @ApiProperty() text: string;
  @ApiProperty() nextReviewOn: string;
  @ApiProperty({ description: 'Days past the review date (0 = due today)' }) daysOverdue: number;
  @ApiProperty({ type: PersonRefDto, nullable: true }) regiebehandelaar: PersonRefDto | null;
  @ApiProperty({ nullable: true, type: String }) lastReviewedOn: string | null;
  @ApiProperty({ description: 'Proposed as an item for the next case conference' })
  proposedForConference: boolean;
  @ApiProperty() version: number;
}

export class DueWorkGoalPageDto {
  @ApiProperty({ type: [DueWorkGoalDto] }) items: DueWorkGoalDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() asOf: string;
}
