import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/errors';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { ApiToken } from './api-token.entity';
import { newSecret, sha256 } from './secrets';

export const API_TOKEN_PREFIX = 'kst_';

/** Personal API tokens that an admin creates for a user: kept hashed, shown once, revocable. */
@Injectable()
export class ApiTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  /** Returns the secret: the only time anyone sees it. */
  async create(userId: string, name: string, actor: User, req?: Request): Promise<{ token: ApiToken; secret: string }> {
    const owner = await this.users.get(userId);
    const secret = newSecret(API_TOKEN_PREFIX);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ApiToken);
      const token = await repo.save(
        repo.create({ userId: owner.id, name, prefix: secret.slice(0, 10), tokenHash: sha256(secret), createdById: actor.id }),
      );
      await this.audit.record(
        { actorId: actor.id, action: 'api_token.created', entityType: 'api_token', entityId: token.id, after: { userId: owner.id, name }, req },
        manager,
      );
      return { token, secret };
    });
  }

  listFor(userId: string): Promise<ApiToken[]> {
    return this.tokens.find({ where: { userId }, order: { createdAt: 'DESC' } });
  }

  async revoke(userId: string, tokenId: string, actor: User, req?: Request): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ApiToken);
      const token = await repo.findOneBy({ id: tokenId, userId });
      if (!token) throw new NotFoundError('auth.errors.tokenNotFound');
      if (token.revokedAt) return;
      await repo.update({ id: token.id }, { revokedAt: new Date() });
      await this.audit.record({ actorId: actor.id, action: 'api_token.revoked', entityType: 'api_token', entityId: token.id, req }, manager);
    });
  }

  /** The active user a bearer secret belongs to, or null. */
  async authenticate(secret: string): Promise<User | null> {
    if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
    // One statement: findOne with a relation would first run a DISTINCT query for the ids.
    const token = await this.tokens
      .createQueryBuilder('t')
      .innerJoinAndSelect('t.user', 'u')
      .where('t.tokenHash = :hash AND t.revokedAt IS NULL', { hash: sha256(secret) })
      .getOne();
    if (!token || token.user.disabledAt) return null;
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
      await this.tokens.update({ id: token.id }, { lastUsedAt: new Date() });
    }
    return token.user;
  }
}
