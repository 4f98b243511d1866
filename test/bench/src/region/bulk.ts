import type { EntityManager } from 'typeorm';

/** One column of a bulk insert: its values (one per row) and their PostgreSQL type. */
export interface BulkColumn {
  name: string;
  /** Element type, e.g. `uuid`, `text`, `int`, `date`, `timestamptz`, `boolean`. */
  type: string;
  values: readonly unknown[];
  /** SQL for the inserted value, given the unnested value as `v` (default: `v` itself). */
  expr?: (v: string) => string;
}

/**
 * Inserts rows column-wise with `INSERT ... SELECT FROM unnest($1::type[], ...)`: one round trip
 * per batch, without COPY (which would need another dependency). Returns the number of rows.
 */
export async function bulkInsert(
  db: EntityManager,
  table: string,
  columns: BulkColumn[],
  batchSize = 20_000,
): Promise<number> {
  const rows = columns[0]?.values.length ?? 0;
  if (columns.some((c) => c.values.length !== rows)) {
    throw new Error(`bulkInsert ${table}: columns differ in length`);
  }
  const names = columns.map((c) => c.name).join(', ');
  const aliases = columns.map((_, i) => `c${i}`);
  const select = columns.map((c, i) => (c.expr ? c.expr(`u.${aliases[i]}`) : `u.${aliases[i]}`));
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const sql = `INSERT INTO ${table} (${names}) SELECT ${select.join(', ')} FROM unnest(${unnest}) AS u(${aliases.join(', ')})`;
  for (let start = 0; start < rows; start += batchSize) {
    await db.query(
      sql,
      columns.map((c) => c.values.slice(start, start + batchSize)),
    );
  }
  return rows;
}
