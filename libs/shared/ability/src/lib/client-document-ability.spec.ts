import { DemoUser, demoClients, demoUser } from '@tandem/demo-data';
import { AbilityContext, can, defineAbilityFor } from './ability';

const clients = demoClients();
const monique = clients.find((c) => c.key === 'monique')!;
const other = clients.find((c) => c.key === 'client-20')!;

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

const ability = (key: string) => defineAbilityFor(contextFor(demoUser(key)));
const doc = (client: typeof monique, recipientKey: string, active = true) => ({
  clientId: client.id,
  teamId: client.teamId,
  recipientUserId: demoUser(recipientKey).id,
  active,
});

describe('documents a client shares herself (ClientDocument)', () => {
  it('the client shares, reads and revokes her own documents, never another client’s', () => {
    const a = ability('monique');
    for (const action of ['read', 'create', 'revoke'] as const) {
      expect(can(a, action, 'ClientDocument', doc(monique, 'klantmanager'))).toBe(true);
      expect(can(a, action, 'ClientDocument', doc(other, 'klantmanager'))).toBe(false);
    }
  });

  it('the chosen recipient reads it only while the share is active', () => {
    const km = ability('klantmanager');
    expect(can(km, 'read', 'ClientDocument', doc(monique, 'klantmanager'))).toBe(true);
    expect(can(km, 'read', 'ClientDocument', doc(monique, 'klantmanager', false))).toBe(false);
    expect(can(km, 'create', 'ClientDocument', doc(monique, 'klantmanager'))).toBe(false);
    expect(can(km, 'revoke', 'ClientDocument', doc(monique, 'klantmanager'))).toBe(false);
  });

  it('nobody else reads it: not the care team, not a colleague of the recipient', () => {
    for (const key of ['regie', 'keyworker', 'ips', 'teamlead', 'dpo', 'arbeidsdeskundige']) {
      expect(can(ability(key), 'read', 'ClientDocument', doc(monique, 'klantmanager'))).toBe(false);
    }
  });
});
