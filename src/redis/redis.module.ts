import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';

export const REDIS = Symbol('REDIS');

/** Commands the application runs itself (rate limits, health); keys carry REDIS_PREFIX. */
@Injectable()
export class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export function redisOptions(_config: AppConfig) {
  return { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false } as const;
}

@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new Redis(config.env.REDIS_URL, { ...redisOptions(config), keyPrefix: `${config.env.REDIS_PREFIX}:app:`, maxRetriesPerRequest: 2 }),
    },
    RedisLifecycle,
  ],
  exports: [REDIS],
})
export class RedisModule {}
