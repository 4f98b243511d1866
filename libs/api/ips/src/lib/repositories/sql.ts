/** `UPDATE ... RETURNING` answers [rows, count] through TypeORM's query(); plain selects answer rows. */
export const rowsOf = <T = Record<string, unknown>>(result: unknown): T[] =>
  Array.isArray((result as unknown[])[0]) ? (result as T[][])[0] : (result as T[]);

/** Escapes a user's search text for ILIKE. */
export const likePattern = (text: string) => `%${text.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
