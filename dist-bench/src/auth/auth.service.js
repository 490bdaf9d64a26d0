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
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuthService = void 0;
const common_1 = require("@nestjs/common");
const audit_service_1 = require("../audit/audit.service");
const request_1 = require("../common/request");
const users_service_1 = require("../users/users.service");
const auth_errors_1 = require("./auth.errors");
const login_rate_limiter_1 = require("./login-rate-limiter");
const passwords_1 = require("./passwords");
let AuthService = class AuthService {
    users;
    limiter;
    audit;
    constructor(users, limiter, audit) {
        this.users = users;
        this.limiter = limiter;
        this.audit = audit;
    }
    /** Checks the credentials under the rate limits; every outcome is audited. */
    async verifyCredentials(email, password, req) {
        const ip = (0, request_1.clientIp)(req);
        await this.limiter.assertAllowed(email, ip);
        const user = await this.users.findActiveByEmail(email);
        const ok = await (0, passwords_1.verifyPassword)(user?.passwordHash ?? (await (0, passwords_1.dummyHash)()), password);
        if (!user || !ok) {
            await this.limiter.recordFailure(email, ip);
            await this.audit.record({
                actorId: null,
                action: 'auth.login_failed',
                entityType: 'user',
                entityId: user?.id ?? null,
                after: { email: email.slice(0, 254) },
                req,
            });
            throw new auth_errors_1.InvalidCredentialsError();
        }
        await this.limiter.recordSuccess(email);
        await this.users.recordLogin(user.id);
        await this.audit.record({ actorId: user.id, action: 'auth.login', entityType: 'user', entityId: user.id, req });
        return user;
    }
};
exports.AuthService = AuthService;
exports.AuthService = AuthService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [users_service_1.UsersService,
        login_rate_limiter_1.LoginRateLimiter,
        audit_service_1.AuditService])
], AuthService);
