import { Redis } from 'ioredis';
import { ServiceUnavailableError } from '../database/ensure-database';

/** Fails with one clear line when Redis does not answer. */
export async function checkRedis(url: string): Promise<void> {
  const target = new URL(url);
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new ServiceUnavailableError(
      `Redis is not reachable at ${target.hostname}:${target.port || '6379'} (${(error as Error).message}). ` +
        'Start it (for example `docker compose up -d redis`, or `redis-server --daemonize yes`) or set REDIS_URL.',
    );
  } finally {
    // Once a refused connection has ended the client, disconnect() would only leave a 2 s timer behind (it waits
    // for a close that has already happened), keeping the process alive for nothing.
    if (client.status !== 'end') client.disconnect();
  }
}
