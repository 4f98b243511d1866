import { defineAbilityFor } from '@tandem/ability';
import { Role } from '@tandem/domain';
import { UntranslatableConditionError, abilityToSql } from './ability-to-sql';
import { SUBJECT_COLUMNS } from './columns';
import { SqlParams } from './sql-params';

const base = { userId: 'u1', organisationId: 'o1', clientId: null, assignments: [], consents: [] };

describe('abilityToSql', () => {
  it('denies everything when there is no rule (FALSE, not TRUE)', () => {
    const ability = defineAbilityFor({ ...base, roles: [], teams: [] });
    expect(abilityToSql(ability, 'read', 'Note', SUBJECT_COLUMNS.Note, new SqlParams())).toBe(
      'FALSE',
    );
  });

  it('writes parameterised SQL, never the values themselves', () => {
    const ability = defineAbilityFor({
      ...base,
      roles: [Role.SPV],
      teams: [{ teamId: "t1'; DROP TABLE notes; --", role: Role.SPV }],
    });
    const params = new SqlParams();
    const sql = abilityToSql(ability, 'read', 'Note', SUBJECT_COLUMNS.Note, params);
    expect(sql).not.toContain('DROP');
    expect(sql).toMatch(/c\.team_id = ANY\(\$1\)/);
    expect(params.values[0]).toEqual(["t1'; DROP TABLE notes; --"]);
  });

  it('refuses a field it cannot map, instead of silently widening access', () => {
    const ability = defineAbilityFor({
      ...base,
      roles: [Role.SPV],
      teams: [{ teamId: 't1', role: Role.SPV }],
    });
    expect(() =>
      abilityToSql(ability, 'read', 'Note', { clientId: 'n.client_id' }, new SqlParams()),
    ).toThrow(UntranslatableConditionError);
  });
});
