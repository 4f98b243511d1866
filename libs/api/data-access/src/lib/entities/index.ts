import { AuthSession } from './auth-session.entity';
import { Client, ClientAssignment } from './client.entity';
import { Organisation } from './organisation.entity';
import { Team, TeamMember } from './team.entity';
import { User } from './user.entity';

export { AuthSession, Client, ClientAssignment, Organisation, Team, TeamMember, User };

/** Every entity TypeORM knows about. */
export const ENTITIES = [
  Organisation,
  User,
  Team,
  TeamMember,
  Client,
  ClientAssignment,
  AuthSession,
];
