import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { takeWindowPlaces } from '../redis/fixed-windows';
import { REDIS } from '../redis/redis.module';
import type { RedisClient } from '../redis/redis-connection';
import { appKey } from '../redis/redis-keys';
import { sha256 } from './secrets';
import { LoginRateLimitedError } from './auth.errors';

/** A successful login clears the account's failures and gives back the address's place. */
const RELEASE = `
redis.call('DEL', KEYS[1])
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
return 0
`;

type LimiterRedis = RedisClient & { loginRelease(account: string, address: string): Promise<number> };

/**
 * Counts login attempts per account and per address in fixed windows in Redis, shared by every web
 * process. Each attempt is counted before its password is checked, so a burst of parallel attempts cannot
 * all reach argon2; a success gives its count back, so the limits are on failed logins.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly redis: LimiterRedis;

  constructor(
    @Inject(REDIS) redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    redis.defineCommand('loginRelease', { numberOfKeys: 2, lua: RELEASE });
    this.redis = redis as LimiterRedis;
  }

  /** Counts the attempt, or refuses it (LoginRateLimitedError) when either limit is already reached. */
  async acquire(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    const { LOGIN_MAX_PER_ACCOUNT, LOGIN_MAX_PER_ADDRESS, LOGIN_WINDOW_MINUTES } = this.config.env;
    const limits = [
      { key: keys.account, max: LOGIN_MAX_PER_ACCOUNT },
      { key: keys.address, max: LOGIN_MAX_PER_ADDRESS },
    ];
    const waitMs = await takeWindowPlaces(this.redis, limits, LOGIN_WINDOW_MINUTES * 60_000);
    if (waitMs > 0) throw new LoginRateLimitedError(Math.ceil(waitMs / 1000));
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await this.redis.loginRelease(keys.account, keys.address);
  }

  private keys(email: string, ip: string) {
    const prefix = this.config.env.REDIS_PREFIX;
    return { account: appKey(prefix, `login:account:${sha256(email.toLowerCase())}`), address: appKey(prefix, `login:address:${ip}`) };
  }
}
