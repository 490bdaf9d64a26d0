"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsersService = void 0;
exports.isUniqueViolation = isUniqueViolation;
exports.auditView = auditView;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const errors_1 = require("../common/errors");
const outbox_service_1 = require("../notifications/outbox.service");
const password_tokens_service_1 = require("./password-tokens.service");
const user_sessions_1 = require("./user-sessions");
const user_entity_1 = require("./user.entity");
const users_errors_1 = require("./users.errors");
function isUniqueViolation(error, constraintOrColumn) {
    if (!(error instanceof typeorm_2.QueryFailedError))
        return false;
    const driverError = error.driverError;
    if (driverError.code !== '23505')
        return false;
    return !constraintOrColumn || `${driverError.constraint} ${driverError.detail}`.includes(constraintOrColumn);
}
/** What the audit log keeps of a user: never the password hash. */
function auditView(user) {
    return {
        email: user.email,
        name: user.name,
        roles: user.roles,
        department: user.department,
        language: user.language,
        disabled: Boolean(user.disabledAt),
    };
}
let UsersService = class UsersService {
    dataSource;
    users;
    passwordTokens;
    outbox;
    sessions;
    audit;
    constructor(dataSource, users, passwordTokens, outbox, sessions, audit) {
        this.dataSource = dataSource;
        this.users = users;
        this.passwordTokens = passwordTokens;
        this.outbox = outbox;
        this.sessions = sessions;
        this.audit = audit;
    }
    async get(id) {
        const user = await this.users.findOneBy({ id });
        if (!user)
            throw new errors_1.NotFoundError('users.errors.notFound');
        return user;
    }
    async getSummary(id) {
        const [summary] = await this.summarize([await this.get(id)]);
        return summary;
    }
    /** Each user with their status; whether a password is set is asked of the database, the hash never loaded. */
    async summarize(users) {
        if (!users.length)
            return [];
        const rows = await this.users
            .createQueryBuilder('u')
            .select('u.id', 'id')
            .where('u.id IN (:...ids)', { ids: users.map((u) => u.id) })
            .andWhere('u.passwordHash IS NOT NULL')
            .getRawMany();
        const withPassword = new Set(rows.map((r) => r.id));
        return users.map((user) => ({
            user,
            status: user.disabledAt ? 'disabled' : withPassword.has(user.id) ? 'active' : 'invited',
        }));
    }
    /** Which of these (lower-cased) emails already have an account. */
    async existingEmails(emails) {
        if (!emails.length)
            return new Set();
        const rows = await this.users.createQueryBuilder('u').select('u.email', 'email').where('u.email IN (:...emails)', { emails }).getRawMany();
        return new Set(rows.map((r) => r.email));
    }
    findActiveByEmail(email) {
        return this.users
            .createQueryBuilder('u')
            .addSelect('u.passwordHash')
            .where('u.email = :email', { email: email.trim().toLowerCase() })
            .andWhere('u.disabledAt IS NULL')
            .getOne();
    }
    async list(query) {
        const qb = this.users.createQueryBuilder('u').orderBy('u.name', 'ASC').addOrderBy('u.id', 'ASC');
        if (query.q) {
            const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
            qb.andWhere('(u.name ILIKE :like OR u.email ILIKE :like OR u.department ILIKE :like)', { like });
        }
        if (query.role)
            qb.andWhere(':role = ANY(u.roles)', { role: query.role });
        if (query.status === 'disabled')
            qb.andWhere('u.disabledAt IS NOT NULL');
        if (query.status === 'active')
            qb.andWhere('u.disabledAt IS NULL AND u.passwordHash IS NOT NULL');
        if (query.status === 'invited')
            qb.andWhere('u.disabledAt IS NULL AND u.passwordHash IS NULL');
        const [items, total] = await qb
            .skip((query.page - 1) * query.pageSize)
            .take(query.pageSize)
            .getManyAndCount();
        return { items: await this.summarize(items), total };
    }
    /** Creates the user and queues the invitation in one transaction. */
    async create(input, actor, req) {
        const { user, outboxId } = await this.dataSource.transaction(async (manager) => this.createIn(manager, input, actor, req));
        if (outboxId)
            await this.outbox.dispatch([outboxId]);
        return user;
    }
    /** Creates a user inside a transaction the caller owns (used by the CSV import too). */
    async createIn(manager, input, actor, req) {
        const repo = manager.getRepository(user_entity_1.User);
        let user;
        try {
            user = await repo.save(repo.create({
                email: input.email,
                name: input.name,
                roles: [...new Set(input.roles)],
                department: input.department ?? null,
                language: input.language,
            }));
        }
        catch (error) {
            if (isUniqueViolation(error, 'email'))
                throw new users_errors_1.EmailTakenError();
            throw error;
        }
        const outboxId = await this.passwordTokens.issue(manager, user, 'invitation');
        await this.audit.record({ actorId: actor?.id ?? null, action: 'user.created', entityType: 'user', entityId: user.id, after: auditView(user), req }, manager);
        return { user, outboxId };
    }
    async update(id, changes, actor, req) {
        return this.dataSource.transaction(async (manager) => {
            const repo = manager.getRepository(user_entity_1.User);
            const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
            if (!user)
                throw new errors_1.NotFoundError('users.errors.notFound');
            const roles = changes.roles ? [...new Set(changes.roles)] : user.roles;
            if (user.id === actor.id && user.roles.includes('admin') && !roles.includes('admin'))
                throw new users_errors_1.CannotRemoveOwnAdminError();
            const before = auditView(user);
            Object.assign(user, {
                name: changes.name ?? user.name,
                roles,
                department: changes.department === undefined ? user.department : changes.department,
                language: changes.language ?? user.language,
            });
            await repo.save(user);
            const after = auditView(user);
            const rolesChanged = [...before.roles].sort().join() !== [...roles].sort().join();
            await this.audit.record({ actorId: actor.id, action: rolesChanged ? 'user.roles_changed' : 'user.updated', entityType: 'user', entityId: user.id, before, after, req }, manager);
            return user;
        });
    }
    /** Disabling ends every session of the user at once; their API tokens stop working with it. */
    async setDisabled(id, disabled, actor, req) {
        if (id === actor.id && disabled)
            throw new users_errors_1.CannotDisableSelfError();
        return this.dataSource.transaction(async (manager) => {
            const repo = manager.getRepository(user_entity_1.User);
            const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
            if (!user)
                throw new errors_1.NotFoundError('users.errors.notFound');
            if (Boolean(user.disabledAt) === disabled)
                return user;
            const before = auditView(user);
            user.disabledAt = disabled ? new Date() : null;
            await repo.save(user);
            if (disabled)
                await this.sessions.endAll(manager, user.id);
            await this.audit.record({ actorId: actor.id, action: disabled ? 'user.disabled' : 'user.enabled', entityType: 'user', entityId: user.id, before, after: auditView(user), req }, manager);
            return user;
        });
    }
    /** Changes what a person may change of their own account; fields left out stay as they are. */
    async updateProfile(user, input, req) {
        return this.dataSource.transaction(async (manager) => {
            const repo = manager.getRepository(user_entity_1.User);
            const before = { name: user.name, language: user.language, notifyReminders: user.notifyReminders, notifyUpdates: user.notifyUpdates };
            const after = {
                name: input.name ?? before.name,
                language: input.language ?? before.language,
                notifyReminders: input.notifyReminders ?? before.notifyReminders,
                notifyUpdates: input.notifyUpdates ?? before.notifyUpdates,
            };
            await repo.update({ id: user.id }, after);
            await this.audit.record({ actorId: user.id, action: 'user.profile_updated', entityType: 'user', entityId: user.id, before, after: { ...after }, req }, manager);
            return repo.findOneByOrFail({ id: user.id });
        });
    }
    /** Sends a fresh invitation (the earlier link stops working). */
    async resendInvitation(id, actor, req) {
        const outboxId = await this.dataSource.transaction(async (manager) => {
            const user = await manager.getRepository(user_entity_1.User).findOneBy({ id });
            if (!user || user.disabledAt)
                throw new errors_1.NotFoundError('users.errors.notFound');
            await this.audit.record({ actorId: actor.id, action: 'user.invitation_sent', entityType: 'user', entityId: user.id, req }, manager);
            return this.passwordTokens.issue(manager, user, 'invitation');
        });
        if (outboxId)
            await this.outbox.dispatch([outboxId]);
    }
    /** Always answers the same way, so the form does not reveal which emails have accounts. */
    async requestPasswordReset(email, req) {
        const user = await this.findActiveByEmail(email);
        if (!user)
            return;
        const outboxId = await this.dataSource.transaction(async (manager) => {
            await this.audit.record({ actorId: null, action: 'user.password_reset_requested', entityType: 'user', entityId: user.id, req }, manager);
            return this.passwordTokens.issue(manager, user, 'reset');
        });
        if (outboxId)
            await this.outbox.dispatch([outboxId]);
    }
    async recordLogin(id) {
        await this.users.update({ id }, { lastLoginAt: new Date() });
    }
    async setPreference(userId, category, enabled) {
        await this.users.update({ id: userId }, category === 'reminder' ? { notifyReminders: enabled } : { notifyUpdates: enabled });
    }
};
exports.UsersService = UsersService;
exports.UsersService = UsersService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __param(1, (0, typeorm_1.InjectRepository)(user_entity_1.User)),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        typeorm_2.Repository,
        password_tokens_service_1.PasswordTokensService,
        outbox_service_1.OutboxService,
        user_sessions_1.UserSessions,
        audit_service_1.AuditService])
], UsersService);
