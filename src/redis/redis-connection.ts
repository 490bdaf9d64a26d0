import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { parseRedisUrl, type RedisTarget } from '../config/redis-url';

/** A connection to what REDIS_URL names: one server (also one found through Sentinel) or a cluster. */
export type RedisClient = Redis | Cluster;

export interface RedisClientOptions {
  /**
   * How many reconnections a command waits through before it fails; null: as many as it takes (BullMQ's
   * connections need this, so a worker waits for Redis instead of failing its jobs).
   */
  maxRetriesPerRequest: number | null;
  /** false: give up at the first failed connection (the start-up check); otherwise reconnect with back-off. */
  reconnect?: boolean;
  lazyConnect?: boolean;
  connectionName?: string;
}

/**
 * Milliseconds before reconnection attempt `attempt` (from 1): doubling from 100 ms up to 5 s, plus up to a fifth
 * at random, so the processes that lost Redis together do not all knock at once when it comes back.
 */
export function reconnectDelay(attempt: number): number {
  const base = Math.min(100 * 2 ** Math.min(Math.max(attempt, 1) - 1, 10), 5000);
  return base + Math.floor(Math.random() * base * 0.2);
}

/**
 * The one place a Redis connection is made: the application's own commands (rate limits, health), every
 * BullMQ queue, worker and job scheduler (through `installBullConnections`), and the start-up check. No key
 * prefix is set on any connection: keys are named whole (see redis-keys.ts), as BullMQ requires.
 */
export function createRedisClient(target: RedisTarget | string, options: RedisClientOptions): RedisClient {
  const t = typeof target === 'string' ? parseRedisUrl(target) : target;
  const retry = options.reconnect === false ? () => null : reconnectDelay;
  const common: RedisOptions = {
    maxRetriesPerRequest: options.maxRetriesPerRequest,
    enableReadyCheck: true,
    connectionName: options.connectionName,
  };
  const auth: RedisOptions = { username: t.username, password: t.password, ...(t.tls ? { tls: {} } : {}) };
  switch (t.kind) {
    case 'single':
      // ioredis reads the user, password, database and TLS (rediss:) from the URL itself.
      return new Redis(t.url, { ...common, lazyConnect: options.lazyConnect, retryStrategy: retry });
    case 'cluster':
      return new Cluster(t.nodes, {
        lazyConnect: options.lazyConnect,
        enableReadyCheck: true,
        clusterRetryStrategy: retry,
        slotsRefreshTimeout: 2000,
        redisOptions: { ...common, ...auth },
      });
    case 'sentinel':
      return new Redis({
        ...common,
        ...auth,
        lazyConnect: options.lazyConnect,
        sentinels: t.sentinels,
        name: t.masterName,
        db: t.db,
        sentinelPassword: t.sentinelPassword,
        enableTLSForSentinelMode: t.tls,
        retryStrategy: retry,
        sentinelRetryStrategy: retry,
      });
  }
}
