import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/errors';
import { UsersService } from '../users/users.service';
import { InvalidUnsubscribeLinkError } from './notifications.errors';
import { UnsubscribeClaim, UnsubscribeTokens } from './unsubscribe-tokens';

/** One-click unsubscribe links: what a link switches off, and switching it off. */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly tokens: UnsubscribeTokens,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async inspect(token: string): Promise<UnsubscribeClaim> {
    const claim = this.tokens.verify(token);
    if (!claim) throw new InvalidUnsubscribeLinkError();
    await this.users.get(claim.userId).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new InvalidUnsubscribeLinkError() : error;
    });
    return claim;
  }

  /** Idempotent: a second click (or a mail client's retry) changes nothing. */
  async confirm(token: string, req?: Request): Promise<UnsubscribeClaim> {
    const claim = await this.inspect(token);
    await this.users.setPreference(claim.userId, claim.category, false);
    await this.audit.record({
      actorId: claim.userId,
      action: 'user.unsubscribed',
      entityType: 'user',
      entityId: claim.userId,
      after: { category: claim.category },
      req,
    });
    return claim;
  }
}
