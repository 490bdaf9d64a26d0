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
exports.UnsubscribeService = void 0;
const common_1 = require("@nestjs/common");
const audit_service_1 = require("../audit/audit.service");
const errors_1 = require("../common/errors");
const users_service_1 = require("../users/users.service");
const notifications_errors_1 = require("./notifications.errors");
const unsubscribe_tokens_1 = require("./unsubscribe-tokens");
/** One-click unsubscribe links: what a link switches off, and switching it off. */
let UnsubscribeService = class UnsubscribeService {
    tokens;
    users;
    audit;
    constructor(tokens, users, audit) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
    }
    async inspect(token) {
        const claim = this.tokens.verify(token);
        if (!claim)
            throw new notifications_errors_1.InvalidUnsubscribeLinkError();
        await this.users.get(claim.userId).catch((error) => {
            throw error instanceof errors_1.NotFoundError ? new notifications_errors_1.InvalidUnsubscribeLinkError() : error;
        });
        return claim;
    }
    /** Idempotent: a second click (or a mail client's retry) changes nothing. */
    async confirm(token, req) {
        const claim = await this.inspect(token);
        await this.users.setPreference(claim.userId, claim.category, false);
        await this.audit.record({ actorId: claim.userId, action: 'user.unsubscribed', entityType: 'user', entityId: claim.userId, after: { category: claim.category }, req });
        return claim;
    }
};
exports.UnsubscribeService = UnsubscribeService;
exports.UnsubscribeService = UnsubscribeService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [unsubscribe_tokens_1.UnsubscribeTokens,
        users_service_1.UsersService,
        audit_service_1.AuditService])
], UnsubscribeService);
