import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { NotFoundError } from '../common/errors';
import { PreparedRead } from '../database/prepared-read';
import { unitOfWork } from '../database/unit-of-work';
import { UserSummaryColumns, type UserSummary } from '../users/user-summary';
import { UsersService } from '../users/users.service';
import { ApiToken } from './api-token.entity';
import { newSecret, sha256 } from './secrets';

export const API_TOKEN_PREFIX = 'kst_';

/**
 * The live token whose SHA-256 is $1, with `userColumns` of its user (alias `u`). Exported for the schedule
 * benchmark's same-SQL reference server.
 */
export function tokenUserSql(userColumns: string): string {
  return `SELECT t.id AS token_id, t.last_used_at, ${userColumns}
            FROM api_tokens t JOIN users u ON u.id = t.user_id
           WHERE t.token_hash = $1 AND t.revoked_at IS NULL`;
}

/** Personal API tokens that an admin creates for a user: kept hashed, shown once, revocable. */
@Injectable()
export class ApiTokensService {
  private readonly callers: UserSummaryColumns;
  private readonly tokenRead: PreparedRead<Record<string, unknown> & { token_id: string; last_used_at: Date | null }>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {
    this.callers = new UserSummaryColumns(dataSource);
    this.tokenRead = PreparedRead.on(dataSource, 'api_token_user', tokenUserSql(this.callers.select('u', 'u_')));
  }

  /** Returns the secret: the only time anyone sees it. */
  async create(userId: string, name: string, actor: Actor): Promise<{ token: ApiToken; secret: string }> {
    const owner = await this.users.get(userId);
    const secret = newSecret(API_TOKEN_PREFIX);
    return unitOfWork(this.dataSource, async (manager) => {
      const repo = manager.getRepository(ApiToken);
      const token = await repo.save(
        repo.create({ userId: owner.id, name, prefix: secret.slice(0, 10), tokenHash: sha256(secret), createdById: actor.userId }),
      );
      await this.audit.record(
        {
          actor,
          action: 'api_token.created',
          entityType: 'api_token',
          entityId: token.id,
          after: { userId: owner.id, name },
        },
        manager,
      );
      return { token, secret };
    });
  }

  listFor(userId: string): Promise<ApiToken[]> {
    return this.tokens.find({ where: { userId }, order: { createdAt: 'DESC' } });
  }

  async revoke(userId: string, tokenId: string, actor: Actor): Promise<void> {
    await unitOfWork(this.dataSource, async (manager) => {
      const repo = manager.getRepository(ApiToken);
      const token = await repo.findOneBy({ id: tokenId, userId });
      if (!token) throw new NotFoundError('auth.errors.tokenNotFound');
      if (token.revokedAt) return;
      await repo.update({ id: token.id }, { revokedAt: new Date() });
      await this.audit.record({ actor, action: 'api_token.revoked', entityType: 'api_token', entityId: token.id }, manager);
    });
  }

  /**
   * The active user a bearer secret belongs to, with their status, or null. Runs on every API request, so it is
   * one hand-written statement read without TypeORM's hydration; the last-used time is written at most once a
   * minute.
   */
  async authenticate(secret: string): Promise<UserSummary | null> {
    if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
    const [row] = await this.tokenRead.rows([sha256(secret)]);
    if (!row || row.u_disabled_at) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
      await this.tokens.update({ id: row.token_id }, { lastUsedAt: new Date() });
    }
    return this.callers.from(row, 'u_');
  }
}
