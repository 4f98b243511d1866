import { Injectable } from '@nestjs/common';
import { WorkGoalsService } from '@tandem/api-ips';
import type { Principal } from '@tandem/domain';
import type { ProposalDto } from '../dtos/conferences.dto';
import type { AgendaProposalSource } from './agenda-sources';

/** At most this many due work goals are proposed for one conference (oldest due first). */
const MAX_PROPOSALS = 50;

/**
 * Proposes the team's work goals that are due for the regiebehandelaar's review (issue 6): the
 * same scoped query as the "due for review" list, so the caller sees only goals they may read.
 */
@Injectable()
export class WorkGoalReviewSource implements AgendaProposalSource {
  constructor(private readonly goals: WorkGoalsService) {}

  async propose(principal: Principal, teamId: string): Promise<ProposalDto[]> {
    const page = await this.goals.due(principal, { teamId, page: 1, pageSize: MAX_PROPOSALS });
    return page.items.map((goal) => ({
      clientId: goal.clientId,
      name: goal.clientName,
      pseudonym: goal.pseudonym,
      source: 'WORK_GOAL_REVIEW',
      reason: `work goal due for review since ${goal.nextReviewOn}`,
    }));
  }
}
