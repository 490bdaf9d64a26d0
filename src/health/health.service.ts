import { Inject, Injectable } from '@nestjs/common';
import { withTimeout } from '../common/timeout';
import { REDIS } from '../redis/redis.module';
import type { RedisClient } from '../redis/redis-connection';
import { DatabaseProbe } from './database-probe';

export interface Check {
  status: 'up' | 'down';
  error?: string;
}

async function check(probe: () => Promise<unknown>): Promise<Check> {
  try {
    await withTimeout(probe(), 2000);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  }
}

/** Whether the services the web process needs answer, each within two seconds (PostgreSQL on a connection of its own). */
@Injectable()
export class HealthService {
  constructor(
    private readonly database: DatabaseProbe,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  async checks(): Promise<{ database: Check; redis: Check }> {
    const [database, redis] = await Promise.all([check(() => this.database.ping()), check(() => this.redis.ping())]);
    return { database, redis };
  }
}
