import { DEMO_TEAMS, DemoUser, demoClients, demoUser } from '@tandem/demo-data';
import { IPS_MATRIX, IpsDomain, MATRIX_CLIENT_KEYS } from '../testing';
import { AbilityContext, can, defineAbilityFor } from './ability';

const clients = demoClients();
const DOMAINS: IpsDomain[] = ['TREATMENT', 'PARTICIPATION', 'WMO'];

function contextFor(user: DemoUser): AbilityContext {
  return {
    userId: user.id,
    organisationId: user.organisationId,
    roles: user.roles,
    teams: user.team ? [{ teamId: user.team.teamId, role: user.team.role }] : [],
    clientId: user.clientKey ? clients.find((c) => c.key === user.clientKey)!.id : null,
    assignments: clients.flatMap((c) =>
      c.assignments
        .filter((a) => a.userKey === user.key)
        .map((a) => ({ clientId: c.id, kind: a.kind })),
    ),
    consents: [],
  };
}

describe('IPS permissions (issue 6) against the ability', () => {
  for (const row of IPS_MATRIX) {
    const actor = demoUser(row.actor);
    const client = clients.find((c) => c.key === MATRIX_CLIENT_KEYS[row.client])!;
    const ability = defineAbilityFor(contextFor(actor));
    const subject = { clientId: client.id, teamId: client.teamId };

    it(`${row.actor} on ${row.client}: trajectory, placements, work goals, employer contacts`, () => {
      expect({
        readTrajectory: can(ability, 'read', 'Trajectory', subject),
        writeTrajectory:
          can(ability, 'create', 'Trajectory', subject) &&
          can(ability, 'update', 'Trajectory', subject),
        readPlacement: can(ability, 'read', 'Placement', subject),
        writePlacement:
          can(ability, 'create', 'Placement', subject) &&
          can(ability, 'update', 'Placement', subject),
        readWorkGoal: can(ability, 'read', 'WorkGoal', subject),
        writeWorkGoal:
          can(ability, 'create', 'WorkGoal', subject) &&
          can(ability, 'update', 'WorkGoal', subject, 'text'),
        reviewWorkGoal: can(ability, 'review', 'WorkGoal', subject),
        commentWorkGoal: can(ability, 'comment', 'WorkGoal', subject),
        discloseTrajectory: can(ability, 'disclose', 'Trajectory', subject),
        readEmployerContacts: can(ability, 'read', 'EmployerContact', {
          ...subject,
          specialistId: 'someone',
        }),
        logEmployerContact: can(ability, 'create', 'EmployerContact', {
          ...subject,
          specialistId: actor.id,
        }),
      }).toEqual({
        readTrajectory: row.readTrajectory,
        writeTrajectory: row.writeTrajectory,
        readPlacement: row.readPlacement,
        writePlacement: row.writePlacement,
        readWorkGoal: row.readWorkGoal,
        writeWorkGoal: row.writeWorkGoal,
        reviewWorkGoal: row.reviewWorkGoal,
        commentWorkGoal: row.commentWorkGoal,
        discloseTrajectory: row.discloseTrajectory,
        readEmployerContacts: row.readEmployerContacts,
        logEmployerContact: row.logEmployerContact,
      });
    });

    it(`${row.actor} on ${row.client}: activities by record domain`, () => {
      const activity = (domain: IpsDomain, performedBy: string) => ({
        ...subject,
        domain,
        performedBy,
      });
      expect(
        DOMAINS.filter((d) => can(ability, 'read', 'Activity', activity(d, 'someone'))),
      ).toEqual(row.readActivities);
      expect(
        DOMAINS.filter((d) => can(ability, 'create', 'Activity', activity(d, actor.id))),
      ).toEqual(row.createActivities);
    });
  }
});

describe('IPS ability details', () => {
  const monique = clients.find((c) => c.key === 'monique')!;
  const subject = { clientId: monique.id, teamId: monique.teamId };

  it('lets only care staff link a work goal to the treatment plan; the IPS specialist writes the rest', () => {
    const ips = defineAbilityFor(contextFor(demoUser('ips')));
    const keyworker = defineAbilityFor(contextFor(demoUser('keyworker')));
    expect(can(ips, 'update', 'WorkGoal', subject, 'treatmentGoalId')).toBe(false);
    expect(can(ips, 'update', 'WorkGoal', subject, 'status')).toBe(true);
    expect(can(keyworker, 'update', 'WorkGoal', subject, 'treatmentGoalId')).toBe(true);
    expect(can(keyworker, 'update', 'WorkGoal', subject, 'text')).toBe(false);
  });

  it('lets the IPS specialist log general contacts for his team and change only his own', () => {
    const ips = defineAbilityFor(contextFor(demoUser('ips')));
    const general = { teamId: DEMO_TEAMS.noord.id, clientId: null };
    expect(
      can(ips, 'create', 'EmployerContact', { ...general, specialistId: demoUser('ips').id }),
    ).toBe(true);
    expect(can(ips, 'update', 'EmployerContact', { ...general, specialistId: 'another' })).toBe(
      false,
    );
    expect(
      can(ips, 'read', 'EmployerContact', {
        teamId: DEMO_TEAMS.zuid.id,
        clientId: null,
        specialistId: 'x',
      }),
    ).toBe(false);
    const km = defineAbilityFor(contextFor(demoUser('klantmanager')));
    expect(can(km, 'read', 'EmployerContact', { ...general, specialistId: 'x' })).toBe(false);
  });

  it('overrides funding: care staff for any activity, the IPS specialist for work activities only', () => {
    const ips = defineAbilityFor(contextFor(demoUser('ips')));
    const regie = defineAbilityFor(contextFor(demoUser('regie')));
    const km = defineAbilityFor(contextFor(demoUser('klantmanager')));
    const work = { ...subject, domain: 'PARTICIPATION', performedBy: 'x' };
    const care = { ...subject, domain: 'TREATMENT', performedBy: 'x' };
    expect(can(ips, 'override', 'Activity', work)).toBe(true);
    expect(can(ips, 'override', 'Activity', care)).toBe(false);
    expect(can(regie, 'override', 'Activity', care)).toBe(true);
    expect(can(km, 'override', 'Activity', work)).toBe(false);
  });

  it('shows team figures to team members and sets insurer caps for oversight roles only', () => {
    const team = { teamId: DEMO_TEAMS.noord.id };
    for (const key of ['teamlead', 'ips', 'regie', 'peer']) {
      expect(can(defineAbilityFor(contextFor(demoUser(key))), 'read', 'IpsDashboard', team)).toBe(
        true,
      );
    }
    for (const key of ['klantmanager', 'monique', 'zuid-regie', 'dpo']) {
      expect(can(defineAbilityFor(contextFor(demoUser(key))), 'read', 'IpsDashboard', team)).toBe(
        false,
      );
    }
    expect(
      can(defineAbilityFor(contextFor(demoUser('teamlead'))), 'update', 'FundingSettings', {}),
    ).toBe(true);
    expect(
      can(defineAbilityFor(contextFor(demoUser('ips'))), 'update', 'FundingSettings', {}),
    ).toBe(false);
    expect(
      can(defineAbilityFor(contextFor(demoUser('monique'))), 'read', 'FundingSettings', {}),
    ).toBe(false);
    expect(
      can(defineAbilityFor(contextFor(demoUser('peer'))), 'create', 'FidelityAssessment', team),
    ).toBe(false);
    expect(
      can(defineAbilityFor(contextFor(demoUser('ips'))), 'create', 'FidelityAssessment', team),
    ).toBe(true);
  });
});
