import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/** Work to do once the transaction is over; it may fail without undoing what was committed. */
export type AfterTransactionTask = () => unknown;

interface Hooks {
  committed: AfterTransactionTask[];
  rolledBack: AfterTransactionTask[];
}

const logger = new Logger('UnitOfWork');

/** The hooks of each open unit of work, found from its transaction's manager. */
const openUnits = new WeakMap<EntityManager, Hooks>();

/**
 * Runs `work` in one transaction and, once it has committed, the tasks it registered with `afterCommit` (queueing
 * emails, removing replaced files) in the order they were registered. When `work` throws, the transaction rolls
 * back, the `afterRollback` tasks run (removing files written for it) and the error goes on to the caller.
 *
 * Given the manager of a unit of work already open, the work joins it: its tasks run when the outer one commits.
 * Given the manager of a connection held for its own reasons (a query runner holding a session-level advisory
 * lock), the transaction runs on that connection, so what the work does is seen under that lock.
 */
export async function unitOfWork<T>(
  source: DataSource | EntityManager,
  work: (manager: EntityManager) => Promise<T>,
  isolation?: IsolationLevel,
): Promise<T> {
  if (source instanceof EntityManager && openUnits.has(source)) return work(source);
  // A query runner's manager opens its transaction on the runner's connection; any other source takes one from the pool.
  if (source instanceof EntityManager && source.queryRunner?.isTransactionActive) {
    throw new Error('A unit of work cannot run inside a transaction opened without unitOfWork()');
  }
  const on = source instanceof EntityManager && !source.queryRunner ? source.connection : source;
  const hooks: Hooks = { committed: [], rolledBack: [] };
  let result: T;
  try {
    const run = async (manager: EntityManager) => {
      openUnits.set(manager, hooks);
      try {
        return await work(manager);
      } finally {
        openUnits.delete(manager);
      }
    };
    result = isolation ? await on.transaction(isolation, run) : await on.transaction(run);
  } catch (error) {
    await runTasks(hooks.rolledBack, 'after rollback');
    throw error;
  }
  await runTasks(hooks.committed, 'after commit');
  return result;
}

/**
 * Registers a task to run after the unit of work that `manager` belongs to commits. Outside a transaction (a
 * single statement commits at once) the task runs now. A transaction opened without `unitOfWork` is refused:
 * its task would have nowhere to wait.
 */
export async function afterCommit(manager: EntityManager, task: AfterTransactionTask): Promise<void> {
  const hooks = openUnits.get(manager);
  if (hooks) {
    hooks.committed.push(task);
    return;
  }
  assertNoForeignTransaction(manager);
  await runTasks([task], 'after commit');
}

/** Registers a task to run if the unit of work that `manager` belongs to rolls back; outside one, never. */
export function afterRollback(manager: EntityManager, task: AfterTransactionTask): void {
  const hooks = openUnits.get(manager);
  if (hooks) hooks.rolledBack.push(task);
  else assertNoForeignTransaction(manager);
}

/** Whether `manager` belongs to an open unit of work. */
export function inUnitOfWork(manager: EntityManager): boolean {
  return openUnits.has(manager);
}

function assertNoForeignTransaction(manager: EntityManager): void {
  if (manager.queryRunner?.isTransactionActive) {
    throw new Error('After-commit work needs a transaction opened with unitOfWork()');
  }
}

async function runTasks(tasks: AfterTransactionTask[], when: string): Promise<void> {
  for (const task of tasks) {
    try {
      await task();
    } catch (error) {
      // What it was for is already committed (or rolled back); each task has its own way to catch up later
      // (the outbox sweeper, the storage clean-up), so its failure is logged, not thrown.
      logger.warn({ err: error }, `A task ${when} failed`);
    }
  }
}
