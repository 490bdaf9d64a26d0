import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';
import { sha256 } from './secrets';
import { LoginRateLimitedError } from './auth.errors';

/**
 * Counts failed logins per account and per address in fixed windows in Redis, shared by every web
 * process. A success clears the account's count.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    const [account, address] = await this.redis.mget(keys.account, keys.address);
    const { LOGIN_MAX_PER_ACCOUNT, LOGIN_MAX_PER_ADDRESS } = this.config.env;
    const blocked: string[] = [];
    if (Number(account ?? 0) >= LOGIN_MAX_PER_ACCOUNT) blocked.push(keys.account);
    if (Number(address ?? 0) >= LOGIN_MAX_PER_ADDRESS) blocked.push(keys.address);
    if (!blocked.length) return;
    const ttls = await Promise.all(blocked.map((key) => this.redis.pttl(key)));
    throw new LoginRateLimitedError(Math.ceil(Math.max(1000, ...ttls) / 1000));
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    const windowMs = this.config.env.LOGIN_WINDOW_MINUTES * 60_000;
    await this.redis
      .multi()
      .incr(keys.account)
      .pexpire(keys.account, windowMs, 'NX')
      .incr(keys.address)
      .pexpire(keys.address, windowMs, 'NX')
      .exec();
  }

  async recordSuccess(email: string): Promise<void> {
    await this.redis.del(this.keys(email, '').account);
  }

  private keys(email: string, ip: string) {
    return { account: `login:account:${sha256(email.toLowerCase())}`, address: `login:address:${ip}` };
  }
}
