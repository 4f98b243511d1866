import fs from 'node:fs';

/** Latency figures of one measured series, in milliseconds. */
export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, result];
}

/**
 * Runs `fn(i)` sequentially: `warmup` unmeasured calls, then `iterations` measured ones. One
 * request at a time, so the figures are latencies, not throughput.
 */
export async function measure(
  fn: (i: number) => Promise<unknown>,
  iterations: number,
  warmup = Math.min(30, iterations),
): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const [ms] = await timed(() => fn(i));
    samples.push(ms);
  }
  return stats(samples);
}

/**
 * Measures two variants of the same work interleaved (a, b, a, b, ...), so that drift in the
 * machine (caches, other load) affects both alike. Returns the stats of each.
 */
export async function measurePair(
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
  iterations: number,
  warmup = Math.min(30, iterations),
): Promise<[Stats, Stats]> {
  for (let i = 0; i < warmup; i++) {
    await a(i);
    await b(i);
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < iterations; i++) {
    // Alternate which goes first, so neither always profits from the other's warm cache.
    const first = i % 2 === 0;
    const [t1] = await timed(() => (first ? a(i) : b(i)));
    const [t2] = await timed(() => (first ? b(i) : a(i)));
    sa.push(first ? t1 : t2);
    sb.push(first ? t2 : t1);
  }
  return [stats(sa), stats(sb)];
}

/** CPU time (in seconds) spent so far by the machine, this process and a process tree. */
interface CpuSnapshot {
  at: number;
  machineBusy: number;
  self: number;
  tree: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** utime + stime (+ waited-for children) of one process, from /proc/<pid>/stat. */
function processTicks(pid: number, withChildren: boolean): number {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
  return utime + stime + (withChildren ? cutime + cstime : 0);
}

function treeTicks(root: number): number {
  let ticks = processTicks(root, true);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(`/proc/${entry}/stat`);
    if (!stat) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === root) ticks += processTicks(Number(entry), false);
  }
  return ticks;
}

function snapshot(treeRoot: number | undefined): CpuSnapshot | null {
  const stat = readProc('/proc/stat');
  if (!stat) return null;
  const cpu = stat.split('\n')[0].split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0); // idle + iowait
  const busy = cpu.reduce((a, b) => a + b, 0) - idle;
  const usage = process.cpuUsage();
  return {
    at: performance.now() / 1000,
    machineBusy: busy / TICKS_PER_SECOND,
    self: (usage.user + usage.system) / 1e6,
    tree: treeRoot ? treeTicks(treeRoot) / TICKS_PER_SECOND : 0,
  };
}

/**
 * Watches how busy the machine is while measuring, so that a run on a shared machine can say so:
 * the CPU used by this process, by the PostgreSQL server (process tree of `pgPid`) and by
 * everything else, each in cores on average. Linux only (/proc); elsewhere it reports nothing.
 */
export function cpuMonitor(pgPid: number | undefined) {
  const start = snapshot(pgPid);
  return {
    stop(): { self: number; postgres: number; other: number } | null {
      const end = snapshot(pgPid);
      if (!start || !end) return null;
      const seconds = end.at - start.at;
      const self = (end.self - start.self) / seconds;
      const postgres = (end.tree - start.tree) / seconds;
      const busy = (end.machineBusy - start.machineBusy) / seconds;
      return { self, postgres, other: Math.max(0, busy - self - postgres) };
    },
  };
}
