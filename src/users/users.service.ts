import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type Actor, systemActor } from '../common/actor';
import { NotFoundError } from '../common/errors';
import { lockRow } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { PasswordResetLimiter } from './password-reset-limiter';
import { PasswordTokensService } from './password-tokens.service';
import { UserRecords } from './user-records.service';
import { UserSessions } from './user-sessions';
import { User } from './user.entity';
import { statusOf, type UserSummary } from './user-summary';
import type { Role } from '../common/roles';
import type { Language } from '../i18n/languages';
import { CreateUserInput, ProfileInput, UserListQuery } from './user.schemas';
import { CannotDisableSelfError, CannotRemoveOwnAdminError, EmailTakenError } from './users.errors';

export function isUniqueViolation(error: unknown, constraintOrColumn?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string; detail?: string };
  if (driverError.code !== '23505') return false;
  return !constraintOrColumn || `${driverError.constraint} ${driverError.detail}`.includes(constraintOrColumn);
}

/** Changes to a user; a property left undefined stays as it is, a null department clears it. */
export interface UserChanges {
  name?: string;
  roles?: Role[];
  department?: string | null;
  language?: Language;
}

/** What the audit log keeps of a user: never the password hash. */
export function auditView(user: User): Record<string, unknown> {
  return {
    email: user.email,
    name: user.name,
    roles: user.roles,
    department: user.department,
    language: user.language,
    disabled: Boolean(user.disabledAt),
  };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwordTokens: PasswordTokensService,
    private readonly resetLimiter: PasswordResetLimiter,
    private readonly records: UserRecords,
    private readonly sessions: UserSessions,
    private readonly audit: AuditService,
  ) {}

  /** In `manager`'s transaction when given (a caller holding locks must not wait for a second pooled connection). */
  async get(id: string, manager?: EntityManager): Promise<User> {
    return (await this.getSummary(id, manager)).user;
  }

  async getSummary(id: string, manager?: EntityManager): Promise<UserSummary> {
    const found = await this.records.summary(id, manager);
    if (!found) throw new NotFoundError('users.errors.notFound');
    return found;
  }

  /** Each user with their status; whether a password is set is asked of the database, the hash never loaded. */
  async summarize(users: User[]): Promise<UserSummary[]> {
    if (!users.length) return [];
    const rows = await this.users
      .createQueryBuilder('u')
      .select('u.id', 'id')
      .where('u.id IN (:...ids)', { ids: users.map((u) => u.id) })
      .andWhere('u.passwordHash IS NOT NULL')
      .getRawMany<{ id: string }>();
    const withPassword = new Set(rows.map((r) => r.id));
    return users.map((user) => ({ user, status: statusOf(user, withPassword.has(user.id)) }));
  }

  /** Which of these (lower-cased) emails already have an account. */
  async existingEmails(emails: string[]): Promise<Set<string>> {
    if (!emails.length) return new Set();
    const rows = await this.users
      .createQueryBuilder('u')
      .select('u.email', 'email')
      .where('u.email IN (:...emails)', { emails })
      .getRawMany<{ email: string }>();
    return new Set(rows.map((r) => r.email));
  }

  findActiveByEmail(email: string): Promise<(User & { passwordHash: string | null }) | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .andWhere('u.disabledAt IS NULL')
      .getOne();
  }

  async list(query: UserListQuery): Promise<{ items: UserSummary[]; total: number }> {
    const qb = this.users.createQueryBuilder('u').orderBy('u.name', 'ASC').addOrderBy('u.id', 'ASC');
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(u.name ILIKE :like OR u.email ILIKE :like OR u.department ILIKE :like)', { like });
    }
    if (query.role) qb.andWhere(':role = ANY(u.roles)', { role: query.role });
    if (query.status === 'disabled') qb.andWhere('u.disabledAt IS NOT NULL');
    if (query.status === 'active') qb.andWhere('u.disabledAt IS NULL AND u.passwordHash IS NOT NULL');
    if (query.status === 'invited') qb.andWhere('u.disabledAt IS NULL AND u.passwordHash IS NULL');
    const [items, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.summarize(items), total };
  }

  /** Creates the user and writes the invitation in one unit of work. */
  async create(input: CreateUserInput, actor: Actor): Promise<User> {
    return (await unitOfWork(this.dataSource, (manager) => this.createIn(manager, input, actor))).user;
  }

  /**
   * An administrator created from the command line (the first one of an installation): the invitation is
   * emailed as usual, and its link is answered too, for the person at the server to pass on.
   */
  async createAdministrator(
    input: Pick<CreateUserInput, 'email' | 'name' | 'language'>,
  ): Promise<{ user: User; invitation: { link: string; expiresAt: Date } }> {
    return unitOfWork(this.dataSource, (manager) => this.createIn(manager, { ...input, roles: ['admin'] }, systemActor()));
  }

  /** Creates a user inside a unit of work the caller owns (used by the CSV import too). */
  async createIn(
    manager: EntityManager,
    input: CreateUserInput,
    actor: Actor,
  ): Promise<{ user: User; invitation: { link: string; expiresAt: Date } }> {
    const repo = manager.getRepository(User);
    let user: User;
    try {
      user = await repo.save(
        repo.create({
          email: input.email,
          name: input.name,
          roles: [...new Set(input.roles)],
          department: input.department ?? null,
          language: input.language,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'email')) throw new EmailTakenError();
      throw error;
    }
    const invitation = await this.passwordTokens.issue(manager, user, 'invitation');
    await this.audit.record({ actor, action: 'user.created', entityType: 'user', entityId: user.id, after: auditView(user) }, manager);
    return { user, invitation };
  }

  async update(id: string, changes: UserChanges, actor: Actor): Promise<User> {
    return unitOfWork(this.dataSource, async (manager) => {
      const repo = manager.getRepository(User);
      const user = await lockRow(manager, User, id);
      if (!user) throw new NotFoundError('users.errors.notFound');
      const roles = changes.roles ? [...new Set(changes.roles)] : user.roles;
      if (user.id === actor.userId && user.roles.includes('admin') && !roles.includes('admin')) throw new CannotRemoveOwnAdminError();
      const before = auditView(user);
      Object.assign(user, {
        name: changes.name ?? user.name,
        roles,
        department: changes.department === undefined ? user.department : changes.department,
        language: changes.language ?? user.language,
      });
      await repo.save(user);
      const after = auditView(user);
      const rolesChanged = [...(before.roles as string[])].sort().join() !== [...roles].sort().join();
      await this.audit.record(
        {
          actor,
          action: rolesChanged ? 'user.roles_changed' : 'user.updated',
          entityType: 'user',
          entityId: user.id,
          before,
          after,
        },
        manager,
      );
      return user;
    });
  }

  /** Disabling ends every session of the user at once; their API tokens stop working with it. */
  async setDisabled(id: string, disabled: boolean, actor: Actor): Promise<User> {
    if (id === actor.userId && disabled) throw new CannotDisableSelfError();
    return unitOfWork(this.dataSource, async (manager) => {
      const repo = manager.getRepository(User);
      const user = await lockRow(manager, User, id);
      if (!user) throw new NotFoundError('users.errors.notFound');
      if (Boolean(user.disabledAt) === disabled) return user;
      const before = auditView(user);
      user.disabledAt = disabled ? new Date() : null;
      await repo.save(user);
      if (disabled) await this.sessions.endAll(manager, user.id);
      await this.audit.record(
        {
          actor,
          action: disabled ? 'user.disabled' : 'user.enabled',
          entityType: 'user',
          entityId: user.id,
          before,
          after: auditView(user),
        },
        manager,
      );
      return user;
    });
  }

  /** Changes what a person may change of their own account; fields left out stay as they are. */
  async updateProfile(actor: Actor, input: Partial<ProfileInput>): Promise<User> {
    return unitOfWork(this.dataSource, async (manager) => {
      const repo = manager.getRepository(User);
      const user = actor.userId ? await lockRow(manager, User, actor.userId) : null;
      if (!user) throw new NotFoundError('users.errors.notFound');
      const before = { name: user.name, language: user.language, notifyReminders: user.notifyReminders, notifyUpdates: user.notifyUpdates };
      const after: ProfileInput = {
        name: input.name ?? before.name,
        language: input.language ?? before.language,
        notifyReminders: input.notifyReminders ?? before.notifyReminders,
        notifyUpdates: input.notifyUpdates ?? before.notifyUpdates,
      };
      await repo.update({ id: user.id }, after);
      await this.audit.record(
        { actor, action: 'user.profile_updated', entityType: 'user', entityId: user.id, before, after: { ...after } },
        manager,
      );
      return repo.findOneByOrFail({ id: user.id });
    });
  }

  /** Saves the language a person switched to; a switch to the language they already have changes nothing. */
  async changeLanguage(actor: Actor, language: Language): Promise<void> {
    await unitOfWork(this.dataSource, async (manager) => {
      const user = actor.userId ? await lockRow(manager, User, actor.userId) : null;
      if (!user || user.language === language) return;
      await manager.getRepository(User).update({ id: user.id }, { language });
      await this.audit.record(
        {
          actor,
          action: 'user.language_changed',
          entityType: 'user',
          entityId: user.id,
          before: { language: user.language },
          after: { language },
        },
        manager,
      );
    });
  }

  /** Sends a fresh invitation (the earlier link stops working). */
  async resendInvitation(id: string, actor: Actor): Promise<void> {
    await unitOfWork(this.dataSource, async (manager) => {
      const user = await manager.getRepository(User).findOneBy({ id });
      if (!user || user.disabledAt) throw new NotFoundError('users.errors.notFound');
      await this.audit.record({ actor, action: 'user.invitation_sent', entityType: 'user', entityId: user.id }, manager);
      await this.passwordTokens.issue(manager, user, 'invitation');
    });
  }

  /**
   * Always answers the same way, so the form does not reveal which emails have accounts; past the limits
   * per email and per address no more links are mailed.
   */
  async requestPasswordReset(email: string, actor: Actor): Promise<void> {
    if (!(await this.resetLimiter.take(email, actor.ip ?? 'unknown'))) return;
    const user = await this.findActiveByEmail(email);
    if (!user) return;
    await unitOfWork(this.dataSource, async (manager) => {
      await this.audit.record({ actor, action: 'user.password_reset_requested', entityType: 'user', entityId: user.id }, manager);
      await this.passwordTokens.issue(manager, user, 'reset');
    });
  }

  async recordLogin(id: string): Promise<void> {
    await this.users.update({ id }, { lastLoginAt: new Date() });
  }

  async setPreference(userId: string, category: 'reminder' | 'update', enabled: boolean): Promise<void> {
    await this.users.update({ id: userId }, category === 'reminder' ? { notifyReminders: enabled } : { notifyUpdates: enabled });
  }
}
