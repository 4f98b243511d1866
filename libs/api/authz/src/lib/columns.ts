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
  // IPS work: `tr` = ips_trajectories, `pl` = ips_placements, `wg` = ips_work_goals,
  // `a` = ips_activities (each joined with `clients c`), `e` = ips_employers,
  // `ec` = ips_employer_contacts (its team is the register's team), `t` = teams,
  // `fa` = ips_fidelity_assessments.
  Trajectory: { clientId: 'tr.client_id', teamId: 'c.team_id' },
  Placement: { clientId: 'pl.client_id', teamId: 'c.team_id' },
  WorkGoal: { clientId: 'wg.client_id', teamId: 'c.team_id' },
  Activity: {
    clientId: 'a.client_id',
    teamId: 'c.team_id',
    domain: 'a.domain',
    performedBy: 'a.performed_by',
  },
  Employer: { teamId: 'e.team_id' },
  EmployerContact: {
    teamId: 'ec.team_id',
    clientId: 'ec.client_id',
    specialistId: 'ec.specialist_id',
  },
  IpsDashboard: { teamId: 't.id' },
  FidelityAssessment: { teamId: 'fa.team_id' },
  FundingSettings: {},
  // Documents the client shared herself: `d` = client_documents (joined with `clients c`).
  ClientDocument: {
    clientId: 'd.client_id',
    teamId: 'c.team_id',
    recipientUserId: 'd.recipient_user_id',
    active:
      '(d.revoked_at IS NULL AND d.valid_from <= current_date AND d.valid_until >= current_date)',
  },
  // Case conferences: `cf` = conferences; attendees are the invited users not removed.
  Conference: {
    id: 'cf.id',
    teamId: 'cf.team_id',
    attendeeIds:
      "(SELECT coalesce(array_agg(ca.user_id), '{}'::uuid[]) FROM conference_attendees ca WHERE ca.conference_id = cf.id AND ca.removed_at IS NULL)",
  },
};
