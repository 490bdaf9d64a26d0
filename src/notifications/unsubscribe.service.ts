import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { type Actor, actingAs } from '../common/actor';
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
  async confirm(token: string, actor: Actor): Promise<UnsubscribeClaim> {
    const claim = await this.inspect(token);
    await this.users.setPreference(claim.userId, claim.category, false);
    await this.audit.record({
      actor: actingAs(actor, claim.userId),
      action: 'user.unsubscribed',
      entityType: 'user',
      entityId: claim.userId,
      after: { category: claim.category },
    });
    return claim;
  }
}
