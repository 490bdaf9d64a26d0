import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { checkPassword } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import { newSecret, sha256 } from '../auth/secrets';
import { type Actor, actingAs } from '../common/actor';
import { ValidationFailedError } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { unitOfWork } from '../database/unit-of-work';
import { OutboxService } from '../notifications/outbox.service';
import { InvalidPasswordLinkError } from '../auth/auth.errors';
import { PasswordToken, PasswordTokenPurpose } from './password-token.entity';
import { User } from './user.entity';
import { UserSessions } from './user-sessions';

/** Invitation and reset links: single-use, expiring, only their hash stored. */
@Injectable()
export class PasswordTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly sessions: UserSessions,
  ) {}

  /**
   * Creates a link and writes its email in the caller's unit of work (queued once it commits); answers the link
   * itself and until when it works (for a command run on the server). Earlier unused links of the same user and
   * purpose stop working.
   */
  async issue(manager: EntityManager, user: User, purpose: PasswordTokenPurpose): Promise<{ link: string; expiresAt: Date }> {
    const secret = newSecret();
    const ttlMs = purpose === 'invitation' ? this.config.env.INVITATION_TTL_HOURS * 3_600_000 : this.config.env.RESET_TTL_MINUTES * 60_000;
    const repo = manager.getRepository(PasswordToken);
    await repo.update({ userId: user.id, purpose, usedAt: IsNull() }, { usedAt: new Date() });
    const token = await repo.save(
      repo.create({ userId: user.id, purpose, tokenHash: sha256(secret), expiresAt: new Date(Date.now() + ttlMs) }),
    );
    const link = this.config.publicUrl(`/password/${encodeURIComponent(secret)}`);
    await this.outbox.enqueue(manager, {
      to: { email: user.email, id: user.id, language: user.language },
      template: purpose === 'invitation' ? 'invitation' : 'password-reset',
      category: 'account',
      dedupKey: `password-token:${token.id}`,
      data: {
        name: user.name,
        link,
        expiresAt: token.expiresAt.toISOString(),
      },
    });
    return { link, expiresAt: token.expiresAt };
  }

  /** The token's user and purpose while it can still be used, for showing the set-password form. */
  async inspect(secret: string): Promise<{ user: User; purpose: PasswordTokenPurpose }> {
    const token = await this.dataSource.getRepository(PasswordToken).findOne({
      where: { tokenHash: sha256(secret), usedAt: IsNull() },
      relations: { user: true },
    });
    if (!token || token.expiresAt <= new Date() || token.user.disabledAt) throw new InvalidPasswordLinkError();
    return { user: token.user, purpose: token.purpose };
  }

  /** Sets the password and spends the link, in one transaction; a second use fails. */
  async consume(secret: string, password: string, confirm: string, actor: Actor): Promise<User> {
    return unitOfWork(this.dataSource, async (manager) => {
      const token = await manager
        .getRepository(PasswordToken)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.tokenHash = :hash', { hash: sha256(secret) })
        .getOne();
      if (!token || token.usedAt || token.expiresAt <= new Date()) throw new InvalidPasswordLinkError();
      const user = await manager.getRepository(User).findOneByOrFail({ id: token.userId });
      if (user.disabledAt) throw new InvalidPasswordLinkError();
      const problem = checkPassword(password, user.email);
      if (problem) throw new ValidationFailedError([problem]);
      if (password !== confirm) throw ValidationFailedError.field('passwordConfirm', 'passwordMismatch');
      await manager.getRepository(PasswordToken).update({ id: token.id }, { usedAt: new Date() });
      await manager.getRepository(User).update({ id: user.id }, { passwordHash: await hashPassword(password) });
      // A new password ends sessions that may have been opened with the old one.
      await this.sessions.endAll(manager, user.id);
      await this.audit.record(
        {
          actor: actingAs(actor, user.id),
          action: token.purpose === 'invitation' ? 'user.password_set' : 'user.password_reset',
          entityType: 'user',
          entityId: user.id,
        },
        manager,
      );
      return user;
    });
  }
}
