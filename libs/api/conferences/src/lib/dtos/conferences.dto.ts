import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CONFERENCE_KINDS,
  ConferenceKind,
  ITEM_SOURCES,
  ItemSource,
  SECTIONS,
  Section,
  Visibility,
} from '../services/privacy-gate';

const KINDS = [...CONFERENCE_KINDS];
const SOURCES = [...ITEM_SOURCES];
const STATUSES = ['PLANNED', 'LIVE', 'CLOSED', 'CANCELLED'];

export class ConferencesQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'from must be a date like 2026-11-24' })
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'to must be a date like 2026-11-24' })
  to?: string;
}

export class InviteesQueryDto {
  @ApiProperty({ description: 'The organising team' })
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId: string;

  @ApiPropertyOptional({
    description:
      'For a three-way meeting: a client of the team you are care staff of. Adds the client’s own account (isClient) and marks the partners working with them; 404 unless you are their care staff.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;
}

export class AgendaItemInputDto {
  @ApiProperty({ description: 'A client of your team (you must be their care staff)' })
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId: string;

  @ApiPropertyOptional({
    maxLength: 300,
    description:
      'The question for the meeting. Shown only to attendees who see the client identified (in an anonymised discussion: to everyone, so write it without names).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  topic?: string;

  @ApiPropertyOptional({ enum: SOURCES, default: 'MANUAL' })
  @IsOptional()
  @IsIn(SOURCES, { message: `source must be one of ${SOURCES.join(', ')}` })
  source?: ItemSource;
}

class PlanningFieldsDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T13:00:00+01:00' })
  @IsISO8601(
    { strict: true },
    { message: 'startsAt must be a date and time like 2026-12-01T13:00:00+01:00' },
  )
  startsAt: string;

  @ApiProperty({ minimum: 5, maximum: 480 })
  @IsInt({ message: 'durationMinutes must be a whole number' })
  @Min(5)
  @Max(480)
  durationMinutes: number;

  @ApiPropertyOptional({ maxLength: 300, description: 'Place (room, address of the meeting)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  location?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Video link (https)' })
  @IsOptional()
  @IsUrl(
    { protocols: ['https'], require_protocol: true },
    { message: 'videoUrl must be an https link' },
  )
  @MaxLength(500)
  videoUrl?: string;
}

export class CreateConferenceDto extends PlanningFieldsDto {
  @ApiProperty({ description: 'The organising team (you must be care staff in it)' })
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId: string;

  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS, { message: `kind must be one of ${KINDS.join(', ')}` })
  kind: ConferenceKind;

  @ApiProperty({
    type: [String],
    description:
      'Users to invite: team members, partners from other organisations, and for a three-way meeting the client. You are added yourself.',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each attendee id must be a UUID' })
  attendeeIds: string[];

  @ApiPropertyOptional({ type: [AgendaItemInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInputDto)
  items?: AgendaItemInputDto[];
}

export class UpdateConferenceDto extends PlanningFieldsDto {
  @ApiPropertyOptional({ enum: ['PLANNED', 'CANCELLED'], description: 'CANCELLED calls it off' })
  @IsOptional()
  @IsIn(['PLANNED', 'CANCELLED'], { message: 'status must be PLANNED or CANCELLED' })
  status?: 'PLANNED' | 'CANCELLED';

  @ApiProperty({ description: 'The version you edited; a newer version answers 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class AddAttendeeDto {
  @ApiProperty()
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;
}

export class AttachMinutesDto {
  @ApiProperty({ description: 'The client whose file receives the anonymised minutes' })
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId: string;

  @ApiProperty({ enum: ['TREATMENT', 'PARTICIPATION'] })
  @IsIn(['TREATMENT', 'PARTICIPATION'], { message: 'domain must be TREATMENT or PARTICIPATION' })
  domain: 'TREATMENT' | 'PARTICIPATION';
}

export class CreateSeriesDto {
  @ApiProperty()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId: string;

  @ApiProperty({ enum: ['FACT_BOARD', 'MDO'] })
  @IsIn(['FACT_BOARD', 'MDO'], { message: 'kind must be FACT_BOARD or MDO' })
  kind: 'FACT_BOARD' | 'MDO';

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @ApiProperty({
    type: [Number],
    description: 'ISO weekdays (1 = Monday … 7 = Sunday)',
    example: [1, 3, 5],
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'weekdays must name at least one day' })
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true, message: 'each weekday must be a whole number 1-7' })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays: number[];

  @ApiProperty({ example: '08:45', description: 'Local time (Europe/Amsterdam)' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'startTime must be a time like 08:45' })
  startTime: string;

  @ApiProperty({ minimum: 5, maximum: 480 })
  @IsInt({ message: 'durationMinutes must be a whole number' })
  @Min(5)
  @Max(480)
  durationMinutes: number;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  location?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsUrl(
    { protocols: ['https'], require_protocol: true },
    { message: 'videoUrl must be an https link' },
  )
  @MaxLength(500)
  videoUrl?: string;

  @ApiProperty({ format: 'date' })
  @IsDateString({ strict: true }, { message: 'startsOn must be a date like 2026-12-01' })
  startsOn: string;

  @ApiProperty({ format: 'date', description: 'At most a year after startsOn' })
  @IsDateString({ strict: true }, { message: 'endsOn must be a date like 2027-03-01' })
  endsOn: string;

  @ApiProperty({ type: [String], description: 'Team members invited to every occurrence' })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each attendee id must be a UUID' })
  attendeeIds: string[];
}

export class CompleteTaskDto {
  @ApiProperty({ description: 'true: done; false: open again' })
  @IsBoolean()
  done: boolean;

  @ApiProperty({ description: 'The version you saw; a newer version answers 409' })
  @IsInt()
  @Min(1)
  version: number;
}

// --- Live room messages (socket.io), validated with the same rules as HTTP bodies.

export class JoinMessage {
  @IsUUID('all', { message: 'conferenceId must be a UUID' })
  conferenceId: string;

  @IsOptional()
  @IsInt({ message: 'lastSeq must be a whole number' })
  @Min(0)
  lastSeq?: number;
}

export class ConferenceMessage {
  @IsUUID('all', { message: 'conferenceId must be a UUID' })
  conferenceId: string;
}

export class SelectItemMessage extends ConferenceMessage {
  @IsOptional()
  @IsUUID('all', { message: 'itemId must be a UUID' })
  itemId: string | null;
}

export class MinutesMessage extends ConferenceMessage {
  @IsUUID('all', { message: 'itemId must be a UUID' })
  itemId: string;

  @IsIn([...SECTIONS], { message: `section must be one of ${SECTIONS.join(', ')}` })
  section: Section;

  @IsInt({ message: 'baseVersion must be a whole number' })
  @Min(0)
  baseVersion: number;

  @IsString()
  @MaxLength(20000, { message: 'minutes are limited to 20000 characters per section' })
  text: string;
}

export class DecisionMessage extends ConferenceMessage {
  @IsUUID('all', { message: 'itemId must be a UUID' })
  itemId: string;

  @IsString()
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(2000)
  text: string;

  @IsUUID('all', { message: 'decidedBy must be a UUID' })
  decidedBy: string;

  @IsOptional()
  @IsIn(['IDENTIFIED', 'ALL'], { message: 'visibility must be IDENTIFIED or ALL' })
  visibility?: Visibility;
}

export class ActionMessage extends ConferenceMessage {
  @IsUUID('all', { message: 'itemId must be a UUID' })
  itemId: string;

  @IsString()
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(1000)
  text: string;

  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId: string;

  @IsDateString({ strict: true }, { message: 'dueOn must be a date like 2026-12-01' })
  dueOn: string;

  @IsOptional()
  @IsIn(['IDENTIFIED', 'ALL'], { message: 'visibility must be IDENTIFIED or ALL' })
  visibility?: Visibility;
}

// --- Responses.

export class AttendeeDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ description: 'The client (three-way meeting)' }) isClient: boolean;
}

export class ConferenceSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ nullable: true, type: String }) seriesId: string | null;
  @ApiProperty({ enum: KINDS }) kind: ConferenceKind;
  @ApiProperty() title: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiProperty({ nullable: true, type: String }) videoUrl: string | null;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty() organiserName: string;
  @ApiProperty() itemCount: number;
  @ApiProperty() attendeeCount: number;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'You may change the planning and run the meeting' })
  canRun: boolean;
  @ApiProperty({ description: 'You may join the live room (attendees only)' }) canJoin: boolean;
}

export class MinutesDto {
  @ApiProperty() text: string;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedByName: string | null;
  @ApiProperty({ type: [String] }) contributors: string[];
}

export class DecisionDto {
  @ApiProperty() id: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: ['IDENTIFIED', 'ALL'] }) visibility: Visibility;
  @ApiProperty() decidedBy: string;
  @ApiProperty() decidedByName: string;
  @ApiProperty() createdAt: string;
}

export class ActionDto {
  @ApiProperty() id: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: ['IDENTIFIED', 'ALL'] }) visibility: Visibility;
  @ApiProperty() ownerId: string;
  @ApiProperty() ownerName: string;
  @ApiProperty() dueOn: string;
  @ApiProperty({ enum: ['OPEN', 'DONE'] }) status: 'OPEN' | 'DONE';
  @ApiProperty() createdAt: string;
}

export class ClientRefDto {
  @ApiProperty() name: string;
  @ApiProperty() dateOfBirth: string;
}

export class AgendaItemDto {
  @ApiProperty() id: string;
  @ApiProperty() position: number;
  @ApiProperty({
    enum: ['IDENTIFIED', 'ANONYMISED'],
    description: 'ANONYMISED: you see a pseudonym and age band only (mark it clearly)',
  })
  view: 'IDENTIFIED' | 'ANONYMISED';
  @ApiPropertyOptional() clientId?: string;
  @ApiPropertyOptional({ type: ClientRefDto }) client?: ClientRefDto;
  @ApiProperty() pseudonym: string;
  @ApiProperty({ example: '40-49' }) ageBand: string;
  @ApiPropertyOptional() topic?: string;
  @ApiProperty({ enum: SOURCES }) source: ItemSource;
  @ApiProperty({
    description:
      'The anonymised minutes were attached to a client file (once per item; which file is not said)',
  })
  attachedToFile: boolean;
  @ApiProperty({
    description: 'Minutes per section you may read (TREATMENT, PARTICIPATION, ANONYMISED)',
    additionalProperties: { $ref: '#/components/schemas/MinutesDto' },
  })
  minutes: Partial<Record<Section, MinutesDto>>;
  @ApiProperty({ type: [DecisionDto] }) decisions: DecisionDto[];
  @ApiProperty({ type: [ActionDto] }) actions: ActionDto[];
  @ApiProperty({ enum: SECTIONS, isArray: true }) readable: Section[];
  @ApiProperty({ enum: SECTIONS, isArray: true }) writable: Section[];
}

export class ConferenceDetailDto extends ConferenceSummaryDto {
  @ApiProperty({ nullable: true, type: String }) currentItemId: string | null;
  @ApiProperty({ description: 'Number of the last event (for the live room)' }) seq: number;
  @ApiProperty({ type: [AttendeeDto] }) attendees: AttendeeDto[];
  @ApiProperty({ type: [AgendaItemDto] }) items: AgendaItemDto[];
}

export class InviteeDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ description: 'Member of the organising team; otherwise a partner' })
  teamMember: boolean;
  @ApiProperty({ description: 'Works with the client asked about (clientId); false without it' })
  worksWithClient: boolean;
  @ApiProperty({ description: 'The client’s own passport account (only with clientId)' })
  isClient: boolean;
}

export class ProposalDto {
  @ApiProperty() clientId: string;
  @ApiProperty() name: string;
  @ApiProperty() pseudonym: string;
  @ApiProperty({ enum: SOURCES }) source: ItemSource;
  @ApiProperty({ description: 'Why it is proposed (on the board since …, referred on …)' })
  reason: string;
}

export class WrittenNoteDto {
  @ApiProperty() itemId: string;
  @ApiProperty() clientId: string;
  @ApiProperty({ enum: ['TREATMENT', 'PARTICIPATION'] }) domain: string;
  @ApiProperty() noteId: string;
}

export class CloseResultDto {
  @ApiProperty() conferenceId: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty({
    type: [WrittenNoteDto],
    description: 'Notes written into client files: one per item and section with minutes',
  })
  notes: WrittenNoteDto[];
}

export class AttachResultDto {
  @ApiProperty() noteId: string;
  @ApiProperty() clientId: string;
  @ApiProperty({ enum: ['TREATMENT', 'PARTICIPATION'] }) domain: string;
}

export class SeriesResultDto {
  @ApiProperty() seriesId: string;
  @ApiProperty({ type: [String] }) conferenceIds: string[];
}

export class TaskDto {
  @ApiProperty() id: string;
  @ApiProperty() text: string;
  @ApiProperty({
    description: 'Client name when you see the client identified, else the pseudonym',
  })
  about: string;
  @ApiProperty({ enum: ['IDENTIFIED', 'ANONYMISED'] }) view: 'IDENTIFIED' | 'ANONYMISED';
  @ApiPropertyOptional() clientId?: string;
  @ApiProperty() ownerId: string;
  @ApiProperty() ownerName: string;
  @ApiProperty() dueOn: string;
  @ApiProperty({ enum: ['OPEN', 'DONE'] }) status: 'OPEN' | 'DONE';
  @ApiProperty() version: number;
  @ApiProperty() conferenceId: string;
  @ApiProperty() conferenceTitle: string;
  @ApiProperty() conferenceStartsAt: string;
}
