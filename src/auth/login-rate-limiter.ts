import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';
import { sha256 } from './secrets';
import { LoginRateLimitedError } from './auth.errors';

/**
 * Takes a place for the attempt under both limits in one step, or gives both back and answers how long
 * until the fuller one frees (ms). Counting before the password is checked is what stops a burst of
 * parallel attempts from all reaching argon2 before the first failure is written down.
 */
const ACQUIRE = `
local account = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3], 'NX')
local address = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[3], 'NX')
if account <= tonumber(ARGV[1]) and address <= tonumber(ARGV[2]) then return 0 end
redis.call('DECR', KEYS[1])
redis.call('DECR', KEYS[2])
local wait = 1000
if account > tonumber(ARGV[1]) then wait = math.max(wait, redis.call('PTTL', KEYS[1])) end
if address > tonumber(ARGV[2]) then wait = math.max(wait, redis.call('PTTL', KEYS[2])) end
return wait
`;

/** A successful login clears the account's failures and gives back the address's place. */
const RELEASE = `
redis.call('DEL', KEYS[1])
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
return 0
`;

type LimiterRedis = Redis & {
  loginAcquire(account: string, address: string, maxAccount: number, maxAddress: number, windowMs: number): Promise<number>;
  loginRelease(account: string, address: string): Promise<number>;
};

/**
 * Counts login attempts per account and per address in fixed windows in Redis, shared by every web
 * process. Each attempt is counted before its password is checked; a success gives its count back, so
 * the limits are on failed logins.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly redis: LimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, private readonly config: AppConfig) {
    redis.defineCommand('loginAcquire', { numberOfKeys: 2, lua: ACQUIRE });
    redis.defineCommand('loginRelease', { numberOfKeys: 2, lua: RELEASE });
    this.redis = redis as LimiterRedis;
  }

  /** Counts the attempt, or refuses it (LoginRateLimitedError) when either limit is already reached. */
  async acquire(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    const { LOGIN_MAX_PER_ACCOUNT, LOGIN_MAX_PER_ADDRESS, LOGIN_WINDOW_MINUTES } = this.config.env;
    const waitMs = await this.redis.loginAcquire(keys.account, keys.address, LOGIN_MAX_PER_ACCOUNT, LOGIN_MAX_PER_ADDRESS, LOGIN_WINDOW_MINUTES * 60_000);
    if (waitMs > 0) throw new LoginRateLimitedError(Math.ceil(waitMs / 1000));
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await this.redis.loginRelease(keys.account, keys.address);
  }

  private keys(email: string, ip: string) {
    return { account: `login:account:${sha256(email.toLowerCase())}`, address: `login:address:${ip}` };
  }
}
