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
exports.UserTokensPagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_schemas_1 = require("../auth/auth.schemas");
const api_tokens_service_1 = require("../auth/api-tokens.service");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const form_view_1 = require("../common/form-view");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const user_entity_1 = require("./user.entity");
const users_service_1 = require("./users.service");
const userNotFound = new parse_id_pipe_1.ParseIdPipe('users.errors.notFound');
const tokenNotFound = new parse_id_pipe_1.ParseIdPipe('auth.errors.tokenNotFound');
/** A user's personal API tokens, managed by an administrator on the user's page. */
let UserTokensPagesController = class UserTokensPagesController {
    users;
    apiTokens;
    constructor(users, apiTokens) {
        this.users = users;
        this.apiTokens = apiTokens;
    }
    async newForm(id) {
        return { titleKey: 'tokens.newTitle', owner: await this.users.get(id) };
    }
    /**
     * Shows the secret on the page this POST answers, not after a redirect: a redirect would need the
     * secret kept in the session store, and it must be kept nowhere.
     */
    async create(id, body, actor, req, res) {
        const owner = await this.users.get(id);
        res.locals.owner = owner;
        const input = (0, zod_validation_pipe_1.parseWith)(auth_schemas_1.apiTokenSchema, body);
        const { token, secret } = await this.apiTokens.create(id, input.name, actor, req);
        res.status(201).render('pages/users/token-created', { titleKey: 'tokens.createdTitle', owner, token, secret });
    }
    async revoke(id, tokenId, actor, req, res) {
        await this.apiTokens.revoke(id, tokenId, actor, req);
        req.session.flash = [{ kind: 'success', key: 'tokens.revoked' }];
        res.redirect(303, `/admin/users/${id}#tokens`);
    }
};
exports.UserTokensPagesController = UserTokensPagesController;
__decorate([
    (0, common_1.Get)('new'),
    (0, common_1.Render)('pages/users/token-new'),
    __param(0, (0, common_1.Param)('id', userNotFound)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], UserTokensPagesController.prototype, "newForm", null);
__decorate([
    (0, common_1.Post)(),
    (0, form_view_1.FormView)('pages/users/token-new', () => ({ titleKey: 'tokens.newTitle' })),
    __param(0, (0, common_1.Param)('id', userNotFound)),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, current_user_decorator_1.CurrentUser)()),
    __param(3, (0, common_1.Req)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, user_entity_1.User, Object, Object]),
    __metadata("design:returntype", Promise)
], UserTokensPagesController.prototype, "create", null);
__decorate([
    (0, common_1.Post)(':tokenId/revoke'),
    __param(0, (0, common_1.Param)('id', userNotFound)),
    __param(1, (0, common_1.Param)('tokenId', tokenNotFound)),
    __param(2, (0, current_user_decorator_1.CurrentUser)()),
    __param(3, (0, common_1.Req)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, user_entity_1.User, Object, Object]),
    __metadata("design:returntype", Promise)
], UserTokensPagesController.prototype, "revoke", null);
exports.UserTokensPagesController = UserTokensPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Controller)('admin/users/:id/tokens'),
    __metadata("design:paramtypes", [users_service_1.UsersService,
        api_tokens_service_1.ApiTokensService])
], UserTokensPagesController);
