import type { AssignmentKind, OrganisationType, TeamType } from './organisations';
import type { Role } from './roles';

/** A team membership as carried in the authenticated principal. */
export interface PrincipalTeam {
  teamId: string;
  teamName: string;
  teamType: TeamType;
  role: Role;
}

/**
 * The authenticated user, as the API builds it on every request and sends to the web client
 * (`GET /api/v1/me`). It carries exactly what the ability definition needs.
 */
export interface Principal {
  userId: string;
  sessionId: string;
  displayName: string;
  email: string;
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  roles: Role[];
  teams: PrincipalTeam[];
  /** Set when the user is a client signed in to their passport. */
  clientId: string | null;
  locale: 'nl' | 'en';
}

export interface ClientAssignmentRef {
  clientId: string;
  kind: AssignmentKind;
}
