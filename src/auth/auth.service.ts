import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { type Actor, actingAs } from '../common/actor';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { InvalidCredentialsError } from './auth.errors';
import { LoginRateLimiter } from './login-rate-limiter';
import { dummyHash, verifyPassword } from './passwords';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
  ) {}

  /** Checks the credentials under the rate limits (the attempt is counted first); every outcome is audited. */
  async verifyCredentials(email: string, password: string, actor: Actor): Promise<User> {
    const ip = actor.ip ?? 'unknown';
    await this.limiter.acquire(email, ip);
    const user = await this.users.findActiveByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok) {
      await this.audit.record({
        actor,
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { email: email.slice(0, 254) },
      });
      throw new InvalidCredentialsError();
    }
    await this.limiter.recordSuccess(email, ip);
    await this.users.recordLogin(user.id);
    await this.audit.record({ actor: actingAs(actor, user.id), action: 'auth.login', entityType: 'user', entityId: user.id });
    return user;
  }
}
