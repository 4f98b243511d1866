import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * A write unit: one database transaction around everything a write request does — the service's
 * own transactions (they become savepoints), its reads, the idempotency key with the stored
 * response and the access-log entry. Either all of it commits or none of it: a request that fails
 * after the service committed (the access-log write, storing the response, the database going away)
 * leaves no record behind, so a retry cannot create it twice and no write goes unlogged.
 *
 * How: while a unit is open, the DataSource hands out the unit's connection (with a no-op
 * `release`) instead of a pool connection, so `db.query`, `db.manager.query` and `db.transaction`
 * in the services join the unit without being changed. Side effects that must follow the commit
 * (in-process events, live-room broadcasts) go through `afterCommit`.
 */
interface Unit {
  ds: DataSource;
  runner: QueryRunner;
  open: boolean;
  after: (() => void)[];
}

const storage = new AsyncLocalStorage<Unit>();
const patched = new WeakSet<DataSource>();

function openUnit(ds?: DataSource): Unit | null {
  const unit = storage.getStore();
  return unit?.open && (!ds || unit.ds === ds) ? unit : null;
}

/** The unit's connection for code that asks the DataSource for one; its release is the unit's. */
function joined(runner: QueryRunner): QueryRunner {
  return new Proxy(runner, {
    get(target, property) {
      if (property === 'release') return async () => undefined;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

/**
 * Services run reads side by side (`Promise.all`); on one connection they must take turns, which
 * pg does by itself but deprecates. Queue them here instead.
 */
function inOrder(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner);
  let last: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    const next = last.then(() => query(...args));
    last = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
  return runner;
}

function install(ds: DataSource) {
  if (patched.has(ds)) return;
  patched.add(ds);
  const original = ds.createQueryRunner.bind(ds);
  ds.createQueryRunner = ((mode?: 'master' | 'slave') => {
    const unit = openUnit(ds);
    return unit ? joined(unit.runner) : original(mode);
  }) as DataSource['createQueryRunner'];
}

/** True while the caller runs inside an open write unit. */
export function inWriteUnit(): boolean {
  return openUnit() !== null;
}

/**
 * Runs `work` in a write unit on `ds` (joins the caller's unit when one is open). Commits when
 * `work` resolves, rolls back when it throws; `afterCommit` callbacks run after the commit only.
 */
export async function runInWriteUnit<T>(ds: DataSource, work: () => Promise<T>): Promise<T> {
  if (openUnit(ds)) return work();
  install(ds);
  const runner = inOrder(ds.createQueryRunner());
  const unit: Unit = { ds, runner, open: false, after: [] };
  try {
    await runner.connect();
    await runner.startTransaction();
    unit.open = true;
    const result = await storage.run(unit, work);
    unit.open = false;
    await runner.commitTransaction();
    for (const callback of unit.after) {
      try {
        callback();
      } catch {
        // A listener's failure must not turn a committed write into an error response.
      }
    }
    return result;
  } catch (error) {
    unit.open = false;
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release().catch(() => undefined);
  }
}

/**
 * Runs `callback` once the current write unit has committed (dropped if it rolls back); outside a
 * unit, at once. For in-process events whose listeners read the database or tell other people.
 */
export function afterCommit(callback: () => void): void {
  const unit = openUnit();
  if (unit) unit.after.push(callback);
  else callback();
}

/** Runs `work` outside any write unit (on pool connections, committed on its own). */
export function outsideWriteUnit<T>(work: () => T): T {
  return storage.exit(work);
}
