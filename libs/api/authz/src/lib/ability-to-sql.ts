import { rulesToAST } from '@casl/ability/extra';
import type { Action, AppAbility, SubjectName } from '@tandem/ability';
import { SqlParams } from './sql-params';

/** How a field used in ability conditions maps to a SQL expression in a given query. */
export type ColumnMap = Record<string, string>;

interface FieldCondition {
  operator: string;
  field: string;
  value: unknown;
}
interface CompoundCondition {
  operator: 'and' | 'or' | 'not';
  value: Condition[];
}
type Condition = FieldCondition | CompoundCondition;

const isCompound = (c: Condition): c is CompoundCondition =>
  Array.isArray((c as CompoundCondition).value) && !('field' in c);

export class UntranslatableConditionError extends Error {}

function translate(condition: Condition, columns: ColumnMap, params: SqlParams): string {
  if (isCompound(condition)) {
    const parts = condition.value.map((c) => translate(c, columns, params));
    switch (condition.operator) {
      case 'and':
        return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
      case 'or':
        return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
      case 'not':
        return `NOT (${parts.join(' AND ')})`;
    }
  }
  const { field, operator, value } = condition as FieldCondition;
  const column = columns[field];
  if (!column) throw new UntranslatableConditionError(`No SQL column for ability field "${field}"`);
  switch (operator) {
    case 'eq':
      return value === null ? `${column} IS NULL` : `${column} = ${params.add(value)}`;
    case 'ne':
      return value === null
        ? `${column} IS NOT NULL`
        : `${column} IS DISTINCT FROM ${params.add(value)}`;
    case 'in':
      return (value as unknown[]).length ? `${column} = ANY(${params.add(value)})` : 'FALSE';
    case 'all':
      // Array column contains every given value.
      return (value as unknown[]).length ? `${column} @> ${params.add(value)}` : 'TRUE';
    case 'nin':
      return (value as unknown[]).length ? `NOT (${column} = ANY(${params.add(value)}))` : 'TRUE';
    default:
      throw new UntranslatableConditionError(
        `Ability operator "${operator}" has no SQL translation`,
      );
  }
}

/**
 * Turns the caller's ability for `action` on `subject` into a SQL boolean expression, with its
 * values added to `params`. No rule means no rows: the result is `FALSE` (deny by default).
 * A property test keeps this honest against `ability.can` on random users and records.
 */
export function abilityToSql(
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  columns: ColumnMap,
  params: SqlParams,
): string {
  const ast = rulesToAST(ability, action, subject) as Condition | null;
  if (!ast) return 'FALSE';
  return translate(ast, columns, params);
}
