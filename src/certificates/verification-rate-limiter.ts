import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { takeWindowPlaces } from '../redis/fixed-windows';
import { REDIS } from '../redis/redis.module';
import type { RedisClient } from '../redis/redis-connection';
import { appKey } from '../redis/redis-keys';
import { VerificationRateLimitedError } from './certificates.errors';

/**
 * Counts certificate checks per client address in fixed windows in Redis, shared by every web process: a
 * verification code has 80 random bits, and this keeps anyone from walking through them, or through the
 * register, faster than a person would.
 */
@Injectable()
export class VerificationRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  /** Counts the check, or refuses it when the address has used up its window. */
  async acquire(address: string | null): Promise<void> {
    const { VERIFY_MAX_PER_ADDRESS, VERIFY_WINDOW_SECONDS, REDIS_PREFIX } = this.config.env;
    const limits = [{ key: verificationKey(REDIS_PREFIX, address), max: VERIFY_MAX_PER_ADDRESS }];
    const waitMs = await takeWindowPlaces(this.redis, limits, VERIFY_WINDOW_SECONDS * 1000);
    if (waitMs > 0) throw new VerificationRateLimitedError(Math.ceil(waitMs / 1000));
  }
}

/** The counter of one address's checks. */
export function verificationKey(redisPrefix: string, address: string | null): string {
  return appKey(redisPrefix, `verify:address:${address ?? 'unknown'}`);
}
