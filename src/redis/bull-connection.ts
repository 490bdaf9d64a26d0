import { createIORedisClient, RedisConnection, type ConnectionOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { Env } from '../config/env.schema';
import { createRedisClient } from './redis-connection';
import { bullPrefix } from './redis-keys';

type BullClientFactory = NonNullable<typeof RedisConnection.clientFactory>;

/**
 * Every connection BullMQ opens (a queue's, a worker's, a worker's blocking one) is made by createRedisClient
 * from the connection options' `url`, so a cluster or a Sentinel group works wherever a single Redis does. BullMQ
 * owns and closes each of them. Options without a `url` are left to ioredis as BullMQ would.
 */
const bullClientFactory: BullClientFactory = (options: RedisOptions & { url?: string }) => {
  const { url, maxRetriesPerRequest, connectionName } = options;
  const client = url ? createRedisClient(url, { maxRetriesPerRequest: maxRetriesPerRequest ?? null, connectionName }) : new Redis(options);
  return createIORedisClient(client);
};

/**
 * The settings every queue, worker and job scheduler shares: one key prefix with a hash tag (redis-keys.ts) and
 * connections from createRedisClient that wait for Redis however long it takes (`maxRetriesPerRequest: null`).
 */
export function bullOptions(env: Pick<Env, 'REDIS_URL' | 'REDIS_PREFIX'>): { connection: ConnectionOptions; prefix: string } {
  RedisConnection.clientFactory = bullClientFactory;
  return { connection: { url: env.REDIS_URL, maxRetriesPerRequest: null }, prefix: bullPrefix(env.REDIS_PREFIX) };
}
