import { ApiProperty } from '@nestjs/swagger';
import { AssignmentKind, OrganisationType, Role, TeamType } from '@tandem/domain';

export class TeamOrganisationDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Object.values(OrganisationType) }) type: OrganisationType;
}

export class TeamPersonDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: TeamOrganisationDto }) organisation: TeamOrganisationDto;
  @ApiProperty({
    enum: Object.values(AssignmentKind),
    isArray: true,
    description: 'How this person works with you personally (empty: through your care team)',
  })
  assignments: AssignmentKind[];
  @ApiProperty({
    enum: Object.values(Role),
    nullable: true,
    type: String,
    description: 'Their role in your care team, when they are in it',
  })
  teamRole: Role | null;
  @ApiProperty({ nullable: true, type: String, description: 'Working with you since (date)' })
  since: string | null;
}

export class CareTeamDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Object.values(TeamType) }) type: TeamType;
  @ApiProperty({ type: TeamOrganisationDto }) organisation: TeamOrganisationDto;
}

export class MyTeamDto {
  @ApiProperty({ type: CareTeamDto }) careTeam: CareTeamDto;
  @ApiProperty({
    type: [TeamPersonDto],
    description: 'Your own professionals first (by role), then the rest of your care team',
  })
  people: TeamPersonDto[];
  @ApiProperty({ type: [TeamOrganisationDto], description: 'Every organisation working with you' })
  organisations: TeamOrganisationDto[];
}
