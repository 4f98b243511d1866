import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Role, TeamType } from '@tandem/domain';

@Entity('teams')
export class Team {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: TeamType;
}

/** A user's membership of a team, with the role they play in it. */
@Entity('team_members')
export class TeamMember {
  @PrimaryColumn({ type: 'uuid' })
  teamId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  role: Role;
}
