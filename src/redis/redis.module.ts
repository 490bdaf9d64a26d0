import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { createRedisClient, type RedisClient } from './redis-connection';

export const REDIS = Symbol('REDIS');

/** The application's own commands (rate limits, health); keys are named with appKey (redis-keys.ts). */
@Injectable()
export class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      // A request that needs Redis while it is away fails after two reconnections (a 503), rather than waiting.
      useFactory: (config: AppConfig) => createRedisClient(config.env.REDIS_URL, { maxRetriesPerRequest: 2 }),
    },
    RedisLifecycle,
  ],
  exports: [REDIS],
})
export class RedisModule {}
