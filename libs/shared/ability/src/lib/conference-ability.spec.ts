import { DEMO_TEAMS, DemoUser, demoClients, demoUser } from '@tandem/demo-data';
import { AbilityContext, can, defineAbilityFor } from './ability';

const clients = demoClients();

function contextFor(user: DemoUser): AbilityContext {
  return {
    userId: user.id,
    organisationId: user.organisationId,
    roles: user.roles,
    teams: user.team ? [{ teamId: user.team.teamId, role: user.team.role }] : [],
    clientId: user.clientKey ? clients.find((c) => c.key === user.clientKey)!.id : null,
    assignments: [],
    consents: [],
  };
}

describe('case conferences (issue 5) against the ability', () => {
  const noordMeeting = (attendees: string[]) => ({
    teamId: DEMO_TEAMS.noord.id,
    attendeeIds: attendees.map((k) => demoUser(k).id),
  });

  it.each([
    // actor, invited?, read, join, plan/run (create + update)
    ['keyworker', true, true, true, true],
    ['keyworker', false, true, false, true],
    ['regie', false, true, false, true],
    ['psychiater', false, true, false, true],
    ['ips', true, true, true, false],
    ['ips', false, false, false, false],
    ['peer', false, false, false, false],
    ['teamlead', false, false, false, false],
    ['klantmanager', true, true, true, false],
    ['klantmanager', false, false, false, false],
    ['zuid-regie', false, false, false, false],
    ['zuid-regie', true, true, true, false],
    ['monique', true, true, true, false],
    ['monique', false, false, false, false],
  ] as const)('%s (invited: %s)', (actor, invited, read, join, run) => {
    const ability = defineAbilityFor(contextFor(demoUser(actor)));
    const meeting = noordMeeting(invited ? ['keyworker2', actor] : ['keyworker2']);
    expect({
      read: can(ability, 'read', 'Conference', meeting),
      join: can(ability, 'join', 'Conference', meeting),
      run:
        can(ability, 'create', 'Conference', meeting) &&
        can(ability, 'update', 'Conference', meeting),
    }).toEqual({ read, join, run });
  });
});
