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
exports.ApiTokensService = exports.API_TOKEN_PREFIX = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const errors_1 = require("../common/errors");
const users_service_1 = require("../users/users.service");
const api_token_entity_1 = require("./api-token.entity");
const secrets_1 = require("./secrets");
exports.API_TOKEN_PREFIX = 'kst_';
/** Personal API tokens that an admin creates for a user: kept hashed, shown once, revocable. */
let ApiTokensService = class ApiTokensService {
    dataSource;
    tokens;
    users;
    audit;
    constructor(dataSource, tokens, users, audit) {
        this.dataSource = dataSource;
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
    }
    /** Returns the secret: the only time anyone sees it. */
    async create(userId, name, actor, req) {
        const owner = await this.users.get(userId);
        const secret = (0, secrets_1.newSecret)(exports.API_TOKEN_PREFIX);
        return this.dataSource.transaction(async (manager) => {
            const repo = manager.getRepository(api_token_entity_1.ApiToken);
            const token = await repo.save(repo.create({ userId: owner.id, name, prefix: secret.slice(0, 10), tokenHash: (0, secrets_1.sha256)(secret), createdById: actor.id }));
            await this.audit.record({ actorId: actor.id, action: 'api_token.created', entityType: 'api_token', entityId: token.id, after: { userId: owner.id, name }, req }, manager);
            return { token, secret };
        });
    }
    listFor(userId) {
        return this.tokens.find({ where: { userId }, order: { createdAt: 'DESC' } });
    }
    async revoke(userId, tokenId, actor, req) {
        await this.dataSource.transaction(async (manager) => {
            const repo = manager.getRepository(api_token_entity_1.ApiToken);
            const token = await repo.findOneBy({ id: tokenId, userId });
            if (!token)
                throw new errors_1.NotFoundError('auth.errors.tokenNotFound');
            if (token.revokedAt)
                return;
            await repo.update({ id: token.id }, { revokedAt: new Date() });
            await this.audit.record({ actorId: actor.id, action: 'api_token.revoked', entityType: 'api_token', entityId: token.id, req }, manager);
        });
    }
    /** The active user a bearer secret belongs to, or null. */
    async authenticate(secret) {
        if (!secret.startsWith(exports.API_TOKEN_PREFIX))
            return null;
        const token = await this.tokens.findOne({ where: { tokenHash: (0, secrets_1.sha256)(secret), revokedAt: (0, typeorm_2.IsNull)() }, relations: { user: true } });
        if (!token || token.user.disabledAt)
            return null;
        if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
            await this.tokens.update({ id: token.id }, { lastUsedAt: new Date() });
        }
        return token.user;
    }
};
exports.ApiTokensService = ApiTokensService;
exports.ApiTokensService = ApiTokensService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __param(1, (0, typeorm_1.InjectRepository)(api_token_entity_1.ApiToken)),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        typeorm_2.Repository,
        users_service_1.UsersService,
        audit_service_1.AuditService])
], ApiTokensService);
