import type { Principal } from '@tandem/domain';
import type { ProposalDto } from '../dtos/conferences.dto';

/**
 * Extension point for agenda proposals beyond the board and new referrals: work goals due for
 * review, placements that started or ended (IPS). A source returns proposals for a team's
 * conference, limited to what the principal may read; register it in `ConferencesModule` under
 * this token (an array of sources).
 */
export const AGENDA_PROPOSAL_SOURCES = Symbol('AGENDA_PROPOSAL_SOURCES');

export interface AgendaProposalSource {
  propose(principal: Principal, teamId: string): Promise<ProposalDto[]>;
}
