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
exports.UsersPagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const zod_1 = require("zod");
const auth_schemas_1 = require("../auth/auth.schemas");
const api_tokens_service_1 = require("../auth/api-tokens.service");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const form_view_1 = require("../common/form-view");
const paging_1 = require("../common/paging");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const user_entity_1 = require("./user.entity");
const user_schemas_1 = require("./user.schemas");
const user_views_1 = require("./user-views");
const users_service_1 = require("./users.service");
const backSchema = zod_1.z.object({ next: zod_1.z.string().max(2000).optional() });
const userNotFound = new parse_id_pipe_1.ParseIdPipe('users.errors.notFound');
/** The administrator's user pages: the list, the user form, and the account actions. */
let UsersPagesController = class UsersPagesController {
    users;
    apiTokens;
    constructor(users, apiTokens) {
        this.users = users;
        this.apiTokens = apiTokens;
    }
    async list(rawQuery, actor) {
        const query = (0, zod_validation_pipe_1.parseWith)(user_schemas_1.userListQuerySchema, rawQuery);
        const { items, total } = await this.users.list(query);
        return {
            titleKey: 'users.title',
            items: items.map((item) => (0, user_views_1.userView)(item, actor.id)),
            total,
            query,
            pager: (0, paging_1.pager)('/admin/users', query, total),
            roleOptions: user_views_1.ROLE_OPTIONS,
            statusOptions: user_views_1.STATUS_OPTIONS,
        };
    }
    newForm() {
        return { titleKey: 'users.form.newTitle', values: { roles: ['trainee'], language: 'lv' }, ...user_views_1.USER_FORM_OPTIONS };
    }
    async create(body, actor, req, res) {
        const input = (0, zod_validation_pipe_1.parseWith)(user_schemas_1.createUserSchema, body);
        const user = await this.users.create(input, actor, req);
        req.session.flash = [{ kind: 'success', key: 'users.flash.created' }];
        res.redirect(303, `/admin/users/${user.id}`);
    }
    async edit(id, actor) {
        const page = await this.editPage(id, actor);
        return { ...page, values: (0, user_views_1.userFormValues)(page.account) };
    }
    async update(id, body, actor, req, res) {
        // What the form shows again if the input is refused.
        Object.assign(res.locals, await this.editPage(id, actor));
        const input = (0, zod_validation_pipe_1.parseWith)(user_schemas_1.updateUserSchema, body);
        await this.users.update(id, { ...input, department: input.department ?? null }, actor, req);
        req.session.flash = [{ kind: 'success', key: 'users.flash.updated' }];
        res.redirect(303, `/admin/users/${id}`);
    }
    async disable(id, body, actor, req, res) {
        await this.users.setDisabled(id, true, actor, req);
        req.session.flash = [{ kind: 'success', key: 'users.flash.disabled' }];
        res.redirect(303, this.back(body, id));
    }
    async enable(id, body, actor, req, res) {
        await this.users.setDisabled(id, false, actor, req);
        req.session.flash = [{ kind: 'success', key: 'users.flash.enabled' }];
        res.redirect(303, this.back(body, id));
    }
    async invite(id, actor, req, res) {
        await this.users.resendInvitation(id, actor, req);
        req.session.flash = [{ kind: 'success', key: 'users.flash.invited' }];
        res.redirect(303, `/admin/users/${id}`);
    }
    async editPage(id, actor) {
        return {
            titleKey: 'users.form.editTitle',
            account: (0, user_views_1.userView)(await this.users.getSummary(id), actor.id),
            tokens: await this.apiTokens.listFor(id),
            ...user_views_1.USER_FORM_OPTIONS,
        };
    }
    /** The list page the action was taken from (with its filters), or the user's page. */
    back(body, id) {
        const { next } = (0, zod_validation_pipe_1.parseWith)(backSchema, body);
        return next ? (0, auth_schemas_1.safeNext)(next) : `/admin/users/${id}`;
    }
};
exports.UsersPagesController = UsersPagesController;
__decorate([
    (0, common_1.Get)(),
    (0, common_1.Render)('pages/users/index'),
    __param(0, (0, common_1.Query)()),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, user_entity_1.User]),
    __metadata("design:returntype", Promise)
], UsersPagesController.prototype, "list", null);
__decorate([
    (0, common_1.Get)('new'),
    (0, common_1.Render)('pages/users/form'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], UsersPagesController.prototype, "newForm", null);
__decorate([
    (0, common_1.Post)('new'),
    (0, form_view_1.FormView)('pages/users/form', () => ({ titleKey: 'users.form.newTitle', ...user_views_1.USER_FORM_OPTIONS })),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, user_entity_1.User, Object, Object]),
    __metadata("design:returntype", Promise)
], UsersPagesController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, common_1.Render)('pages/users/form'),
    __param(0, (0, common_1.Param)('id', userNotFound)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, user_entity_1.User]),
    __metadata("design:returntype", Promise)
], UsersPagesController.prototype, "edit", null);
__decorate([
    (0, common_1.Post)(':id'),
    (0, form_view_1.FormView)('pages/users/form'),
    __param(0, (0, common_1.Param)('id', userNotFound)),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, current_user_decorator_1.CurrentUser)()),
    __param(3, (0, common_1.Req)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, user_entity_1.User, Object, Object]),
    __metadata("design:returntype", Promise)
], UsersPagesController.prototype, "update", null);
__decorate([
    (0, common_1.Post)(':id/disable'),
    __param(0, (0, common_1.Param)('id', userNotFound)),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, current_user_decorator_1.CurrentUser)()),
    __param(3, (0, common_1.Req)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, user_entity_1.User, Object, Object]),
    __metadata("design:returntype", Promise)
], UsersPagesController.prototype, "disable", null);
__decorate([
    (0, common_1.Post)(':id/enable'),
    __param(0, (0, common_1.Param)('id', userNotFound)),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, current_user_decorator_1.CurrentUser)()),
    __param(3, (0, common_1.Req)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, user_entity_1.User, Object, Object]),
    __metadata("design:returntype", Promise)
], UsersPagesController.prototype, "enable", null);
__decorate([
    (0, common_1.Post)(':id/invite'),
    __param(0, (0, common_1.Param)('id', userNotFound)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, user_entity_1.User, Object, Object]),
    __metadata("design:returntype", Promise)
], UsersPagesController.prototype, "invite", null);
exports.UsersPagesController = UsersPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Controller)('admin/users'),
    __metadata("design:paramtypes", [users_service_1.UsersService,
        api_tokens_service_1.ApiTokensService])
], UsersPagesController);
