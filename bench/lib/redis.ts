import { Redis } from 'ioredis';

/** The REDIS_PREFIX of this benchmark process alone, so nothing it queues mixes with anyone else's keys. */
export const BENCH_REDIS_PREFIX = `kursors-bench-${process.pid}`;

/**
 * Removes the keys under a benchmark's own prefix (the queued jobs its scans left behind). Only those:
 * the Redis is shared and is never flushed.
 */
export async function deletePrefixedKeys(prefix: string, url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  let deleted = 0;
  try {
    // The queues' keys and the application's counters (src/redis/redis-keys.ts).
    for (const pattern of [`{${prefix}}:*`, `{${prefix}:app}:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        if (keys.length) deleted += await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}
