import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
  MinLength,
  ValidateNested,
} from 'class-validator';
import { RecordDomain } from '@tandem/domain';

const DOMAINS = Object.values(RecordDomain);

export class NotesQueryDto {
  @ApiPropertyOptional({ enum: DOMAINS })
  @IsOptional()
  @IsIn(DOMAINS, { message: `domain must be one of ${DOMAINS.join(', ')}` })
  domain?: RecordDomain;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ default: 25, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1)
  @Max(100)
  pageSize = 25;
}

export class CreateNoteDto {
  @ApiProperty({
    enum: DOMAINS,
    description: 'The funding domain of the activity (domain brief §2.1)',
  })
  @IsIn(DOMAINS, { message: `domain must be one of ${DOMAINS.join(', ')}` })
  domain: RecordDomain;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(20000)
  body: string;

  @ApiProperty({ format: 'date', description: 'Date of the contact the note is about' })
  @IsDateString({ strict: true }, { message: 'contactOn must be a date like 2026-11-24' })
  contactOn: string;

  @ApiPropertyOptional({
    description: 'Share this note with the client in the passport (care staff only)',
  })
  @IsOptional()
  @IsBoolean()
  sharedWithClient?: boolean;
}

export class CorrectNoteDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(20000)
  body: string;

  @ApiProperty({ description: 'Why the note is corrected (kept with the revision)' })
  @IsString()
  @MinLength(3, { message: 'reason must say why the note is corrected' })
  @MaxLength(500)
  reason: string;

  @ApiProperty({ description: 'The version you corrected; a newer version answers 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class NoteRevisionDto {
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty() authorId: string;
  @ApiProperty() authorName: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() createdAt: string;
}

export class NoteDto {
  @ApiProperty() id: string;
  @ApiProperty() clientId: string;
  @ApiProperty({ enum: DOMAINS }) domain: RecordDomain;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty() contactOn: string;
  @ApiProperty() authorId: string;
  @ApiProperty() authorName: string;
  @ApiProperty() authorRole: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() sharedWithClient: boolean;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ type: [NoteRevisionDto] }) revisions?: NoteRevisionDto[];
}

export class NotePageDto {
  @ApiProperty({ type: [NoteDto] }) items: NoteDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class PlanGoalDto {
  @ApiProperty()
  @IsUUID('all')
  id: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  text: string;

  @ApiProperty({ enum: ['OPEN', 'ACHIEVED', 'STOPPED'] })
  @IsIn(['OPEN', 'ACHIEVED', 'STOPPED'])
  status: 'OPEN' | 'ACHIEVED' | 'STOPPED';

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  targetDate?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Participation goal: the treatment-plan goal it serves (care only)',
  })
  @IsOptional()
  @IsUUID('all')
  treatmentGoalId?: string | null;
}

export class UpdatePlanDto {
  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MaxLength(20000)
  summary: string;

  @ApiProperty({ type: [PlanGoalDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlanGoalDto)
  goals: PlanGoalDto[];

  @ApiProperty({ description: 'Current version (0 when the plan does not exist yet)' })
  @IsInt()
  @Min(0)
  version: number;
}

export class PlanDto {
  @ApiProperty({ enum: ['TREATMENT', 'PARTICIPATION'] }) domain: 'TREATMENT' | 'PARTICIPATION';
  @ApiProperty() summary: string;
  @ApiProperty({ type: [PlanGoalDto] }) goals: PlanGoalDto[];
  @ApiPropertyOptional({
    description: 'Care only: the treatment goals the participation goals serve',
  })
  linkedTreatmentGoals?: { id: string; text: string }[];
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
  @ApiProperty() canEdit: boolean;
}
