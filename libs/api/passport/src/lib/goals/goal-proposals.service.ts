import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthzService, SqlParams, notFound } from '@tandem/api-authz';
import { ClientsRepository } from '@tandem/api-caseload';
import type { Principal } from '@tandem/domain';
import { PassportClient, type OwnClient } from '../passport-client';
import { CreateGoalProposalDto, GoalProposalDto } from './goal-proposals.dto';
import { GoalProposalRow, GoalProposalsRepository } from './goal-proposals.repository';

const toDto = (r: GoalProposalRow): GoalProposalDto => ({
  id: r.id,
  clientId: r.clientId,
  text: r.text,
  authorName: r.authorName,
  createdAt: new Date(r.createdAt).toISOString(),
});

/**
 * Work goals the client proposes herself (passport, "My goals"). The client writes them; everyone
 * who reads her work goals (her IPS specialist, her care team, her klantmanager) reads them.
 */
@Injectable()
export class GoalProposalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly proposals: GoalProposalsRepository,
    private readonly clients: ClientsRepository,
    private readonly authz: AuthzService,
    private readonly passport: PassportClient,
  ) {}

  private async list(principal: Principal, client: OwnClient): Promise<GoalProposalDto[]> {
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'WorkGoal', params);
    const rows = await this.proposals.listForClient(scope, params, client.id);
    await this.passport.record(principal, client, 'READ', 'WorkGoalProposal', null, {
      count: rows.length,
    });
    return rows.map(toDto);
  }

  async mine(principal: Principal): Promise<GoalProposalDto[]> {
    return this.list(principal, await this.passport.own(principal));
  }

  /** For professionals: 404 unless they may read the client's work goals. */
  async forClient(principal: Principal, clientId: string): Promise<GoalProposalDto[]> {
    const client = await this.clients.findRef(clientId);
    if (
      !client ||
      !(await this.authz.can(principal, 'read', 'WorkGoal', { clientId, teamId: client.teamId }))
    ) {
      throw notFound('client');
    }
    return this.list(principal, client);
  }

  async propose(principal: Principal, dto: CreateGoalProposalDto): Promise<GoalProposalDto> {
    const client = await this.passport.own(principal);
    // The client's voice on her work goals: the same right as commenting on them.
    await this.authz.assert(
      principal,
      'comment',
      'WorkGoal',
      { clientId: client.id, teamId: client.teamId },
      {
        readCheck: { subject: 'Client', object: { id: client.id, teamId: client.teamId } },
        what: 'passport',
        message: 'Only the client proposes work goals in her passport.',
      },
    );
    const row = await this.db.transaction((m) =>
      this.proposals.insert(m, { clientId: client.id, authorId: principal.userId, text: dto.text }),
    );
    await this.passport.record(principal, client, 'CREATE', 'WorkGoalProposal', row.id);
    return toDto(row);
  }
}
