import { Injectable } from '@nestjs/common';
import { notFound } from '@tandem/api-authz';
import {
  AssignmentKind,
  CARE_ROLES,
  OrganisationType,
  PARTICIPATION_ROLES,
  Role,
  TeamType,
  type Principal,
} from '@tandem/domain';
import { PassportClient } from '../passport-client';
import { MyTeamDto, TeamOrganisationDto, TeamPersonDto } from './team.dto';
import { TeamRepository } from './team.repository';

/** Team roles of people who work with clients (so they appear in the client's team). */
const WORKING_ROLES: Role[] = [...CARE_ROLES, ...PARTICIPATION_ROLES, Role.ERVARINGSDESKUNDIGE];

/** The order a client reads her team in: the people who coordinate her care and work first. */
const ASSIGNMENT_ORDER: AssignmentKind[] = [
  AssignmentKind.REGIEBEHANDELAAR,
  AssignmentKind.KEY_WORKER,
  AssignmentKind.IPS_SPECIALIST,
  AssignmentKind.KLANTMANAGER,
  AssignmentKind.ARBEIDSDESKUNDIGE,
];

const rank = (person: TeamPersonDto) => {
  const ranks = person.assignments.map((k) => ASSIGNMENT_ORDER.indexOf(k));
  return ranks.length ? Math.min(...ranks) : ASSIGNMENT_ORDER.length;
};

/** My team (passport): every organisation and person working with the signed-in client. */
@Injectable()
export class TeamService {
  constructor(
    private readonly passport: PassportClient,
    private readonly team: TeamRepository,
  ) {}

  async mine(principal: Principal): Promise<MyTeamDto> {
    const client = await this.passport.own(principal);
    const [careTeam, rows] = await Promise.all([
      this.team.careTeam(client.teamId),
      this.team.people(client.id, client.teamId, WORKING_ROLES),
    ]);
    if (!careTeam) throw notFound('passport');
    const people: TeamPersonDto[] = rows
      .map((r) => ({
        userId: r.userId,
        displayName: r.displayName,
        organisation: {
          id: r.organisationId,
          name: r.organisationName,
          type: r.organisationType as OrganisationType,
        },
        assignments: r.assignments as AssignmentKind[],
        teamRole: r.teamRole as Role | null,
        since: r.since,
      }))
      .sort((a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName, 'nl'));
    const careOrganisation: TeamOrganisationDto = {
      id: careTeam.organisationId,
      name: careTeam.organisationName,
      type: careTeam.organisationType as OrganisationType,
    };
    const organisations = [
      careOrganisation,
      ...people.map((p) => p.organisation).filter((o) => o.id !== careOrganisation.id),
    ].filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i);
    await this.passport.record(principal, client, 'READ', 'ClientTeam', client.teamId, {
      people: people.length,
    });
    return {
      careTeam: {
        id: careTeam.id,
        name: careTeam.name,
        type: careTeam.type as TeamType,
        organisation: careOrganisation,
      },
      people,
      organisations,
    };
  }
}
