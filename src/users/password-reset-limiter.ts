import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { sha256 } from '../auth/secrets';
import { AppConfig } from '../config/app-config';
import { takeWindowPlaces } from '../redis/fixed-windows';
import { REDIS } from '../redis/redis.module';

/**
 * Password-reset requests per email and per client address in fixed windows in Redis, counted whether
 * the account exists or not, so the limit reveals nothing either.
 */
@Injectable()
export class PasswordResetLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Counts the request; false when either limit is already reached (then no email may go). */
  async take(email: string, ip: string): Promise<boolean> {
    const { RESET_MAX_PER_EMAIL, RESET_MAX_PER_ADDRESS, RESET_WINDOW_MINUTES } = this.config.env;
    const limits = [
      { key: `reset:email:${sha256(email.toLowerCase())}`, max: RESET_MAX_PER_EMAIL },
      { key: `reset:address:${ip}`, max: RESET_MAX_PER_ADDRESS },
    ];
    return (await takeWindowPlaces(this.redis, limits, RESET_WINDOW_MINUTES * 60_000)) === 0;
  }
}
