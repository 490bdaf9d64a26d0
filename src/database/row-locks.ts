import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { In } from 'typeorm';

/**
 * The one way to lock rows for a change: `SELECT … FOR UPDATE` through the entity's repository, inside a unit of
 * work. Returns the locked row as it is now, or null when there is none.
 */
export async function lockRow<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
): Promise<T | null> {
  return manager.getRepository(entity).findOne({ where: { id } as FindOptionsWhere<T>, lock: { mode: 'pessimistic_write' } });
}

/**
 * Locks several rows of one table in the order of their ids, so that two changes locking overlapping sets wait
 * for each other instead of deadlocking. Returns the rows found, in that order.
 */
export async function lockRows<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  ids: readonly string[],
): Promise<T[]> {
  if (!ids.length) return [];
  const sorted = [...new Set(ids)].sort();
  return manager.getRepository(entity).find({
    where: { id: In(sorted) } as FindOptionsWhere<T>,
    order: { id: 'ASC' } as never,
    lock: { mode: 'pessimistic_write' },
  });
}
