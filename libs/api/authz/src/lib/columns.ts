import type { SubjectName } from '@tandem/ability';
import type { ColumnMap } from './ability-to-sql';

/**
 * The SQL expression of every field the ability's conditions use, per subject, for queries that
 * use the standard aliases: `c` = clients, `n` = notes, `p` = plans, `t` = teams, `l` = access_log, `k` = consents. Every scoped
 * query joins `clients c` so that `teamId` resolves to the client's care team.
 */
export const SUBJECT_COLUMNS: Record<SubjectName, ColumnMap> = {
  Client: { id: 'c.id', teamId: 'c.team_id' },
  Board: { clientId: 'c.id', teamId: 'c.team_id' },
  Note: {
    id: 'n.id',
    clientId: 'n.client_id',
    teamId: 'c.team_id',
    domain: 'n.domain',
    authorId: 'n.author_id',
    organisationId: 'n.organisation_id',
    sharedWithClient: 'n.shared_with_client',
  },
  Plan: { clientId: 'p.client_id', teamId: 'c.team_id', domain: 'p.domain' },
  Team: { id: 't.id' },
  AccessLog: {
    organisationId: 'l.organisation_id',
    clientId: 'l.client_id',
    clientIds: 'l.client_ids',
    clientOrganisationId:
      '(SELECT lt.organisation_id FROM clients lc JOIN teams lt ON lt.id = lc.team_id WHERE lc.id = l.client_id)',
  },
  Consent: {
    clientId: 'k.client_id',
    teamId: 'c.team_id',
    recipientOrganisationId: 'k.recipient_organisation_id',
  },
};
