import { Inject, Injectable } from '@nestjs/common';
import { sha256 } from '../auth/secrets';
import { AppConfig } from '../config/app-config';
import { takeWindowPlaces } from '../redis/fixed-windows';
import { REDIS } from '../redis/redis.module';
import type { RedisClient } from '../redis/redis-connection';
import { appKey } from '../redis/redis-keys';

/**
 * Password-reset requests per email and per client address in fixed windows in Redis, counted whether
 * the account exists or not, so the limit reveals nothing either.
 */
@Injectable()
export class PasswordResetLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  /** Counts the request; false when either limit is already reached (then no email may go). */
  async take(email: string, ip: string): Promise<boolean> {
    const { RESET_MAX_PER_EMAIL, RESET_MAX_PER_ADDRESS, RESET_WINDOW_MINUTES, REDIS_PREFIX } = this.config.env;
    const limits = [
      { key: appKey(REDIS_PREFIX, `reset:email:${sha256(email.toLowerCase())}`), max: RESET_MAX_PER_EMAIL },
      { key: appKey(REDIS_PREFIX, `reset:address:${ip}`), max: RESET_MAX_PER_ADDRESS },
    ];
    return (await takeWindowPlaces(this.redis, limits, RESET_WINDOW_MINUTES * 60_000)) === 0;
  }
}
