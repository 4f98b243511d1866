import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AssignmentKind } from '@tandem/domain';

/** A person in care. Identity fields are personal data: never logged. */
@Entity('clients')
export class Client {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The care team whose shared caseload holds this client. */
  @Column({ type: 'uuid' })
  teamId: string;

  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  lastName: string;

  @Column({ type: 'date' })
  dateOfBirth: string;

  /** Stable pseudonym for anonymised case discussions. */
  @Column({ type: 'text' })
  pseudonym: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Who works with a client, and how. An assignment with `endedAt` set is history. */
@Entity('client_assignments')
export class ClientAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clientId: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  kind: AssignmentKind;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
