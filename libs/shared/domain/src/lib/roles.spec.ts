import {
  ALL_ROLES,
  CARE_ROLES,
  PARTICIPATION_ROLES,
  Role,
  isCareRole,
  isParticipationRole,
} from './roles';

describe('roles', () => {
  it('keeps care and participation roles apart', () => {
    for (const role of CARE_ROLES) expect(PARTICIPATION_ROLES).not.toContain(role);
    expect(isCareRole(Role.REGIEBEHANDELAAR)).toBe(true);
    expect(isCareRole(Role.KLANTMANAGER)).toBe(false);
    expect(isParticipationRole(Role.IPS_TRAJECTBEGELEIDER)).toBe(true);
    expect(isParticipationRole(Role.SPV)).toBe(false);
  });

  it('does not count the peer worker as care staff (treatment notes need team policy)', () => {
    expect(isCareRole(Role.ERVARINGSDESKUNDIGE)).toBe(false);
    expect(ALL_ROLES).toContain(Role.ERVARINGSDESKUNDIGE);
  });
});
