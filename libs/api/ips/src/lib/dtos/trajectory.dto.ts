import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  BenefitType,
  DisclosurePreference,
  IPS_PHASES,
  IpsPhase,
  ProfileUpdateReason,
  TrajectoryEndReason,
} from '@tandem/domain';
import { IsDay, PersonRefDto, VersionDto } from './common.dto';

const BENEFITS = Object.values(BenefitType);
const OPEN_PHASES = IPS_PHASES.filter((p) => p !== 'ENDED');
const END_REASONS = Object.values(TrajectoryEndReason);
const DISCLOSURES = Object.values(DisclosurePreference);
const PROFILE_REASONS = Object.values(ProfileUpdateReason);

/** The client sets what an employer may be told about her illness (passport, "My work"). */
export class SetDisclosureDto {
  @ApiProperty({
    description:
      'The profile version you saw (0 when there is none yet); a newer one answers 409 with the current profile',
  })
  @IsInt({ message: 'basedOnVersion must be a whole number' })
  @Min(0, { message: 'basedOnVersion must be 0 or more' })
  @Max(100000)
  basedOnVersion: number;

  @ApiProperty({
    enum: DISCLOSURES,
    description:
      'FULL: the employer may know; PARTIAL: only what the work needs; NONE: nothing; UNDECIDED: not decided yet',
  })
  @IsIn(DISCLOSURES, { message: `disclosure must be one of ${DISCLOSURES.join(', ')}` })
  disclosure: DisclosurePreference;
}

export class CreateTrajectoryDto {
  @ApiProperty({ format: 'date', description: 'Date of referral (aanmelding) for IPS' })
  @IsDay('referralDate')
  referralDate: string;

  @ApiProperty({
    enum: BENEFITS,
    description:
      "The client's benefit: decides whether the municipality or UWV funds the work part",
  })
  @IsIn(BENEFITS, { message: `benefit must be one of ${BENEFITS.join(', ')}` })
  benefit: BenefitType;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Health insurer code (see GET /ips/funding/insurer-caps); sets the Zvw cap',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9_]{2,40}$/, {
    message: 'healthInsurer must be an insurer code like RIVIERZORG',
  })
  healthInsurer?: string | null;

  @ApiPropertyOptional({ enum: OPEN_PHASES, default: 'INTAKE' })
  @IsOptional()
  @IsIn(OPEN_PHASES, { message: `phase must be one of ${OPEN_PHASES.join(', ')}` })
  phase?: IpsPhase;
}

export class UpdateTrajectoryDto extends VersionDto {
  @ApiPropertyOptional({ enum: IPS_PHASES, description: 'ENDED needs endReason' })
  @IsOptional()
  @IsIn(IPS_PHASES, { message: `phase must be one of ${IPS_PHASES.join(', ')}` })
  phase?: IpsPhase;

  @ApiPropertyOptional({ enum: END_REASONS, description: 'Required when phase is ENDED' })
  @ValidateIf((o: UpdateTrajectoryDto) => o.phase === 'ENDED' || o.endReason !== undefined)
  @IsIn(END_REASONS, { message: `endReason must be one of ${END_REASONS.join(', ')}` })
  endReason?: TrajectoryEndReason;

  @ApiPropertyOptional({ enum: BENEFITS })
  @IsOptional()
  @IsIn(BENEFITS, { message: `benefit must be one of ${BENEFITS.join(', ')}` })
  benefit?: BenefitType;

  @ApiPropertyOptional({
    description: 'With benefit GEEN: the client left the benefit because of work (an IPS outcome)',
  })
  @IsOptional()
  @IsBoolean({ message: 'exitThroughWork must be true or false' })
  exitThroughWork?: boolean;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Health insurer code, or null',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9_]{2,40}$/, {
    message: 'healthInsurer must be an insurer code like RIVIERZORG',
  })
  healthInsurer?: string | null;

  @ApiPropertyOptional({
    format: 'date',
    description: 'When the change took effect (default: today)',
  })
  @IsOptional()
  @IsDay('effectiveOn')
  effectiveOn?: string;
}

export class CreateProfileDto {
  @ApiProperty({
    description:
      'The profile version you edited (0 when there is none yet); a newer one answers 409 VERSION_CONFLICT',
  })
  @IsInt({ message: 'basedOnVersion must be a whole number' })
  @Min(0)
  @Max(100000)
  basedOnVersion: number;

  @ApiProperty({ maxLength: 4000, description: 'Wishes: what work, where, with whom' })
  @IsString()
  @MaxLength(4000)
  wishes: string;

  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  strengths: string;

  @ApiProperty({ maxLength: 4000, description: 'Work experience, including IPS job experiences' })
  @IsString()
  @MaxLength(4000)
  experience: string;

  @ApiProperty({
    maxLength: 4000,
    description: 'Limitations relevant to work (not a diagnosis)',
  })
  @IsString()
  @MaxLength(4000)
  limitations: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 60, nullable: true, type: Number })
  @IsOptional()
  @IsInt({ message: 'preferredHoursMin must be a whole number of hours' })
  @Min(0)
  @Max(60)
  preferredHoursMin?: number | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 60, nullable: true, type: Number })
  @IsOptional()
  @IsInt({ message: 'preferredHoursMax must be a whole number of hours' })
  @Min(0)
  @Max(60)
  preferredHoursMax?: number | null;

  @ApiProperty({
    enum: DISCLOSURES,
    description: 'Whether, and how much, an employer may be told about the illness',
  })
  @IsIn(DISCLOSURES, { message: `disclosure must be one of ${DISCLOSURES.join(', ')}` })
  disclosure: DisclosurePreference;

  @ApiProperty({ enum: PROFILE_REASONS, description: 'AFTER_JOB_EXPERIENCE needs placementId' })
  @IsIn(PROFILE_REASONS, { message: `reason must be one of ${PROFILE_REASONS.join(', ')}` })
  reason: ProfileUpdateReason;

  @ApiPropertyOptional({ description: 'The placement this update learns from' })
  @ValidateIf((o: CreateProfileDto) => o.reason === 'AFTER_JOB_EXPERIENCE' || !!o.placementId)
  @IsUUID('all', { message: 'placementId must be the id of one of the client’s placements' })
  placementId?: string;
}

export class InsurerRefDto {
  @ApiProperty() insurer: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Motivational conversations the insurer pays (Zvw)' })
  motivationalCap: number;
}

export class VocationalProfileDto {
  @ApiProperty() version: number;
  @ApiProperty() wishes: string;
  @ApiProperty() strengths: string;
  @ApiProperty() experience: string;
  @ApiProperty() limitations: string;
  @ApiProperty({ nullable: true, type: Number }) preferredHoursMin: number | null;
  @ApiProperty({ nullable: true, type: Number }) preferredHoursMax: number | null;
  @ApiProperty({ enum: DISCLOSURES }) disclosure: DisclosurePreference;
  @ApiProperty({ enum: PROFILE_REASONS }) reason: ProfileUpdateReason;
  @ApiProperty({ nullable: true, type: String }) placementId: string | null;
  @ApiProperty() authorName: string;
  @ApiProperty() createdAt: string;
}

export class TrajectoryEventDto {
  @ApiProperty({ enum: ['REGISTERED', 'PHASE', 'BENEFIT', 'INSURER', 'ENDED'] }) event: string;
  @ApiProperty() effectiveOn: string;
  @ApiProperty({ nullable: true, type: String }) phase: string | null;
  @ApiProperty({ nullable: true, type: String }) fromBenefit: string | null;
  @ApiProperty({ nullable: true, type: String }) toBenefit: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) throughWork: boolean | null;
  @ApiProperty({ nullable: true, type: String }) endReason: string | null;
  @ApiProperty({ nullable: true, type: String }) insurer: string | null;
  @ApiProperty() actorName: string;
  @ApiProperty() at: string;
}

export class TrajectoryDto {
  @ApiProperty() id: string;
  @ApiProperty() clientId: string;
  @ApiProperty({ type: PersonRefDto }) specialist: PersonRefDto;
  @ApiProperty() referralDate: string;
  @ApiProperty({ enum: IPS_PHASES }) phase: IpsPhase;
  @ApiProperty() phaseSince: string;
  @ApiProperty({ enum: BENEFITS }) benefit: BenefitType;
  @ApiProperty({ type: InsurerRefDto, nullable: true }) healthInsurer: InsurerRefDto | null;
  @ApiProperty({ nullable: true, type: String }) endedOn: string | null;
  @ApiProperty({ nullable: true, type: String, enum: END_REASONS }) endReason: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Days from referral to the first employer contact for this client (norm ≤ 30)',
  })
  daysToFirstEmployerContact: number | null;
  @ApiProperty({ type: VocationalProfileDto, nullable: true }) profile: VocationalProfileDto | null;
  @ApiProperty({ type: [VocationalProfileDto], description: 'Every version, newest first' })
  profileHistory: VocationalProfileDto[];
  @ApiProperty({ type: [TrajectoryEventDto], description: 'Phase, benefit and insurer history' })
  events: TrajectoryEventDto[];
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class IpsPermissionsDto {
  @ApiProperty() canCreateTrajectory: boolean;
  @ApiProperty() canUpdateTrajectory: boolean;
  @ApiProperty() canReadPlacements: boolean;
  @ApiProperty() canCreatePlacement: boolean;
  @ApiProperty() canReadWorkGoals: boolean;
  @ApiProperty() canCreateWorkGoal: boolean;
  @ApiProperty() canReviewWorkGoals: boolean;
  @ApiProperty() canLinkTreatmentGoals: boolean;
  @ApiProperty() canReadActivities: boolean;
  @ApiProperty({ type: [String], description: 'Activity kinds you may register for this client' })
  creatableActivityKinds: string[];
  @ApiProperty() canCreateEmployerContact: boolean;
}

export class IpsOverviewDto {
  @ApiProperty({
    type: TrajectoryDto,
    nullable: true,
    description: 'The open trajectory, or null when there is none',
  })
  trajectory: TrajectoryDto | null;
  @ApiProperty({ type: [TrajectoryDto], description: 'Ended trajectories, newest first' })
  history: TrajectoryDto[];
  @ApiProperty({ type: IpsPermissionsDto }) permissions: IpsPermissionsDto;
}
