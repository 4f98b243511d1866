import type { Principal, Role } from '@tandem/domain';
import { navItemsFor } from './navigation';

const base: Principal = {
  userId: 'u1',
  sessionId: 's1',
  displayName: 'Test',
  email: 'test@example.org',
  organisationId: 'o1',
  organisationName: 'GGZ Rivierenland',
  organisationType: 'GGZ',
  roles: [],
  teams: [],
  clientId: null,
  locale: 'nl',
};

function withRole(role: Role, inTeam = true): Principal {
  return {
    ...base,
    roles: [role],
    teams: inTeam
      ? [{ teamId: 't-noord', teamName: 'FACT Rivierstad-Noord', teamType: 'FACT', role }]
      : [],
  };
}

const keys = (p: Principal) => navItemsFor(p).map((item) => item.key);

describe('navigation of the IPS pages by role', () => {
  it('gives the IPS specialist quick entry, the due work goals, the dashboard and funding', () => {
    expect(keys(withRole('IPS_TRAJECTBEGELEIDER'))).toEqual([
      'caseload',
      'board',
      'conferences',
      'ipsQuick',
      'ipsWorkGoals',
      'ipsDashboard',
      'fundingReport',
    ]);
  });

  it('gives the regiebehandelaar the due list, the dashboard and funding, not quick entry', () => {
    const items = keys(withRole('REGIEBEHANDELAAR'));
    expect(items).toEqual(
      expect.arrayContaining(['ipsWorkGoals', 'ipsDashboard', 'fundingReport']),
    );
    expect(items).not.toContain('ipsQuick');
  });

  it('gives the team lead the dashboard (aggregates) but no client-level IPS pages', () => {
    const items = keys(withRole('TEAMLEIDER'));
    expect(items).toContain('ipsDashboard');
    expect(items).not.toEqual(expect.arrayContaining(['ipsQuick']));
    expect(items).not.toContain('ipsWorkGoals');
    expect(items).not.toContain('fundingReport');
  });

  it('gives the klantmanager without a team the funding report only among the IPS pages', () => {
    const items = keys(withRole('KLANTMANAGER', false));
    expect(items).toContain('fundingReport');
    expect(items).not.toContain('ipsDashboard');
    expect(items).not.toContain('ipsQuick');
  });

  it('gives the client no IPS staff pages', () => {
    expect(keys({ ...withRole('CLIENT', false), clientId: 'c1' })).toEqual(['passport']);
  });
});
