import type { DataSource } from 'typeorm';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
  /** When the statement was sent and when its result came back (performance.now(), ms). */
  start: number;
  end: number;
}

/** Time during which at least one of the statements was in flight (overlaps counted once), ms. */
export function timeInSql(queries: CapturedQuery[]): number {
  const spans = queries.map((q) => [q.start, q.end]).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [from, to] = [NaN, NaN];
  for (const [start, end] of spans) {
    if (!(start <= to)) {
      if (to > from) total += to - from;
      [from, to] = [start, end];
    } else to = Math.max(to, end);
  }
  return total + (to > from ? to - from : 0);
}

/**
 * Runs `fn` and records every SQL statement it sends through `ds` (the application's own
 * DataSource), so that the benchmark can replay or EXPLAIN exactly what the repositories run.
 */
export async function captureQueries<T>(
  ds: DataSource,
  fn: () => Promise<T>,
): Promise<{ result: T; queries: CapturedQuery[] }> {
  const queries: CapturedQuery[] = [];
  const original = ds.query;
  ds.query = function (this: DataSource, sql: string, params?: unknown[], ...rest: unknown[]) {
    const captured: CapturedQuery = {
      sql,
      params: [...(params ?? [])],
      start: performance.now(),
      end: NaN,
    };
    queries.push(captured);
    const result = (original as (...args: unknown[]) => Promise<unknown>).call(
      this,
      sql,
      params,
      ...rest,
    );
    return result.finally(() => {
      captured.end = performance.now();
    });
  } as DataSource['query'];
  try {
    return { result: await fn(), queries };
  } finally {
    ds.query = original;
  }
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Alias?: string;
  'Index Name'?: string;
  'Subplan Name'?: string;
  'Parent Relationship'?: string;
  'Index Cond'?: string;
  Filter?: string;
  'Hash Cond'?: string;
  'Join Filter'?: string;
  'Sort Method'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Actual Total Time'?: number;
  'Rows Removed by Filter'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

export interface PlanSummary {
  planningMs: number;
  executionMs: number;
  sharedHit: number;
  sharedRead: number;
  /** Index names the plan uses. */
  indexes: string[];
  /** Tables read with a sequential scan. */
  seqScans: string[];
  /** One line per plan node, indented. */
  lines: string[];
}

const short = (text: string, max = 110) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

function describe(node: PlanNode): string {
  const parts = [node['Node Type']];
  if (node['Index Name']) parts.push(`using ${node['Index Name']}`);
  if (node['Relation Name']) {
    const alias = node.Alias && node.Alias !== node['Relation Name'] ? ` ${node.Alias}` : '';
    parts.push(`on ${node['Relation Name']}${alias}`);
  }
  if (node['Subplan Name']) parts.push(`(${node['Subplan Name']})`);
  const loops = node['Actual Loops'] ?? 1;
  parts.push(
    `— rows ${node['Actual Rows']}${loops > 1 ? ` × ${loops} loops` : ''}, ${node['Actual Total Time']?.toFixed(3)} ms`,
  );
  const conditions = [
    node['Index Cond'] && `cond ${node['Index Cond']}`,
    node['Hash Cond'] && `hash ${node['Hash Cond']}`,
    node.Filter &&
      `filter ${node.Filter}${node['Rows Removed by Filter'] ? ` (removed ${node['Rows Removed by Filter']})` : ''}`,
    node['Sort Method'] && `sort ${node['Sort Method']}`,
  ].filter(Boolean) as string[];
  return conditions.length
    ? `${parts.join(' ')}; ${short(conditions.join('; '))}`
    : parts.join(' ');
}

/** EXPLAIN (ANALYZE, BUFFERS) of one captured statement, condensed to one line per node. */
export async function explain(ds: DataSource, query: CapturedQuery): Promise<PlanSummary> {
  const rows: { 'QUERY PLAN': unknown }[] = await ds.query(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.sql}`,
    query.params,
  );
  const raw = rows[0]['QUERY PLAN'];
  const [top] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
    Plan: PlanNode;
    'Planning Time': number;
    'Execution Time': number;
  }[];
  const summary: PlanSummary = {
    planningMs: top['Planning Time'],
    executionMs: top['Execution Time'],
    sharedHit: top.Plan['Shared Hit Blocks'] ?? 0,
    sharedRead: top.Plan['Shared Read Blocks'] ?? 0,
    indexes: [],
    seqScans: [],
    lines: [],
  };
  const walk = (node: PlanNode, depth: number) => {
    if (node['Index Name'] && !summary.indexes.includes(node['Index Name']))
      summary.indexes.push(node['Index Name']);
    if (node['Node Type'] === 'Seq Scan' && node['Relation Name'])
      summary.seqScans.push(node['Relation Name']);
    summary.lines.push(`${'  '.repeat(depth)}${describe(node)}`);
    for (const child of node.Plans ?? []) walk(child, depth + 1);
  };
  walk(top.Plan, 0);
  return summary;
}

/** Mean planning time (ms) of a statement over `runs` EXPLAIN (SUMMARY) calls: no execution. */
export async function planningTime(
  ds: DataSource,
  query: CapturedQuery,
  runs = 50,
): Promise<number> {
  let total = 0;
  for (let i = 0; i < runs; i++) {
    const rows: { 'QUERY PLAN': unknown }[] = await ds.query(
      `EXPLAIN (SUMMARY, FORMAT JSON) ${query.sql}`,
      query.params,
    );
    const raw = rows[0]['QUERY PLAN'];
    const [top] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
      'Planning Time': number;
    }[];
    total += top['Planning Time'];
  }
  return total / runs;
}
