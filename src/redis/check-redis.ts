import { withTimeout } from '../common/timeout';
import { ServiceUnavailableError } from '../database/ensure-database';
import { createRedisClient } from './redis-connection';
import { describeRedisTarget, parseRedisUrl } from '../config/redis-url';

/** Fails with one clear line when Redis (the server, the cluster or the Sentinels' master) does not answer. */
export async function checkRedis(url: string): Promise<void> {
  const target = parseRedisUrl(url);
  const client = createRedisClient(target, { lazyConnect: true, maxRetriesPerRequest: 0, reconnect: false });
  client.on('error', () => undefined);
  try {
    await withTimeout(
      (async () => {
        await client.connect();
        await client.ping();
      })(),
      10_000,
    );
  } catch (error) {
    throw new ServiceUnavailableError(
      `Redis is not reachable at ${describeRedisTarget(target)} (${(error as Error).message}). ` +
        'Start it (for example `docker compose up -d redis`, or `redis-server --daemonize yes`) or set REDIS_URL.',
    );
  } finally {
    // Once a refused connection has ended the client, disconnect() would only leave a 2 s timer behind (it waits
    // for a close that has already happened), keeping the process alive for nothing.
    if (client.status !== 'end') client.disconnect();
  }
}
