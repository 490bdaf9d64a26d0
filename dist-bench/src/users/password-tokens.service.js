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
exports.PasswordTokensService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const password_policy_1 = require("../auth/password-policy");
const passwords_1 = require("../auth/passwords");
const secrets_1 = require("../auth/secrets");
const errors_1 = require("../common/errors");
const app_config_1 = require("../config/app-config");
const outbox_service_1 = require("../notifications/outbox.service");
const auth_errors_1 = require("../auth/auth.errors");
const password_token_entity_1 = require("./password-token.entity");
const user_entity_1 = require("./user.entity");
const user_sessions_1 = require("./user-sessions");
/** Invitation and reset links: single-use, expiring, only their hash stored. */
let PasswordTokensService = class PasswordTokensService {
    dataSource;
    outbox;
    audit;
    config;
    sessions;
    constructor(dataSource, outbox, audit, config, sessions) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.audit = audit;
        this.config = config;
        this.sessions = sessions;
    }
    /**
     * Creates a link and queues its email in the caller's transaction; returns the outbox id to dispatch
     * after commit. Earlier unused links of the same user and purpose stop working.
     */
    async issue(manager, user, purpose) {
        const secret = (0, secrets_1.newSecret)();
        const ttlMs = purpose === 'invitation' ? this.config.env.INVITATION_TTL_HOURS * 3_600_000 : this.config.env.RESET_TTL_MINUTES * 60_000;
        const repo = manager.getRepository(password_token_entity_1.PasswordToken);
        await repo.update({ userId: user.id, purpose, usedAt: (0, typeorm_2.IsNull)() }, { usedAt: new Date() });
        const token = await repo.save(repo.create({ userId: user.id, purpose, tokenHash: (0, secrets_1.sha256)(secret), expiresAt: new Date(Date.now() + ttlMs) }));
        const message = await this.outbox.enqueue(manager, {
            to: { email: user.email, id: user.id, language: user.language },
            template: purpose === 'invitation' ? 'invitation' : 'password-reset',
            category: 'account',
            dedupKey: `password-token:${token.id}`,
            data: {
                name: user.name,
                link: this.config.publicUrl(`/password/${encodeURIComponent(secret)}`),
                expiresAt: token.expiresAt.toISOString(),
            },
        });
        return message?.id ?? null;
    }
    /** The token's user and purpose while it can still be used, for showing the set-password form. */
    async inspect(secret) {
        const token = await this.dataSource.getRepository(password_token_entity_1.PasswordToken).findOne({
            where: { tokenHash: (0, secrets_1.sha256)(secret), usedAt: (0, typeorm_2.IsNull)() },
            relations: { user: true },
        });
        if (!token || token.expiresAt <= new Date() || token.user.disabledAt)
            throw new auth_errors_1.InvalidPasswordLinkError();
        return { user: token.user, purpose: token.purpose };
    }
    /** Sets the password and spends the link, in one transaction; a second use fails. */
    async consume(secret, password, confirm, req) {
        return this.dataSource.transaction(async (manager) => {
            const token = await manager
                .getRepository(password_token_entity_1.PasswordToken)
                .createQueryBuilder('t')
                .setLock('pessimistic_write')
                .where('t.tokenHash = :hash', { hash: (0, secrets_1.sha256)(secret) })
                .getOne();
            if (!token || token.usedAt || token.expiresAt <= new Date())
                throw new auth_errors_1.InvalidPasswordLinkError();
            const user = await manager.getRepository(user_entity_1.User).findOneByOrFail({ id: token.userId });
            if (user.disabledAt)
                throw new auth_errors_1.InvalidPasswordLinkError();
            const problem = (0, password_policy_1.checkPassword)(password, user.email);
            if (problem)
                throw new errors_1.ValidationFailedError([problem]);
            if (password !== confirm)
                throw errors_1.ValidationFailedError.field('passwordConfirm', 'passwordMismatch');
            await manager.getRepository(password_token_entity_1.PasswordToken).update({ id: token.id }, { usedAt: new Date() });
            await manager.getRepository(user_entity_1.User).update({ id: user.id }, { passwordHash: await (0, passwords_1.hashPassword)(password) });
            // A new password ends sessions that may have been opened with the old one.
            await this.sessions.endAll(manager, user.id);
            await this.audit.record({ actorId: user.id, action: token.purpose === 'invitation' ? 'user.password_set' : 'user.password_reset', entityType: 'user', entityId: user.id, req }, manager);
            return user;
        });
    }
};
exports.PasswordTokensService = PasswordTokensService;
exports.PasswordTokensService = PasswordTokensService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        outbox_service_1.OutboxService,
        audit_service_1.AuditService,
        app_config_1.AppConfig,
        user_sessions_1.UserSessions])
], PasswordTokensService);
