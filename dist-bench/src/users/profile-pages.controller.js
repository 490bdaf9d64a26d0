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
exports.ProfilePagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const form_view_1 = require("../common/form-view");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const user_entity_1 = require("./user.entity");
const user_schemas_1 = require("./user.schemas");
const user_views_1 = require("./user-views");
const users_service_1 = require("./users.service");
function profileLocals(req) {
    const user = req.user;
    return { titleKey: 'profile.title', email: user.email, roleLabels: user.roles.map((role) => `users.roles.${role}`), languageOptions: user_views_1.LANGUAGE_OPTIONS };
}
/** Each signed-in person's own name, language and email preferences. */
let ProfilePagesController = class ProfilePagesController {
    users;
    constructor(users) {
        this.users = users;
    }
    show(user, req) {
        const values = { name: user.name, language: user.language, notifyReminders: user.notifyReminders, notifyUpdates: user.notifyUpdates };
        return { ...profileLocals(req), values };
    }
    async save(user, body, req, res) {
        const input = (0, zod_validation_pipe_1.parseWith)(user_schemas_1.profileSchema, body);
        await this.users.updateProfile(user, input, req);
        req.session.lang = input.language;
        req.session.flash = [{ kind: 'success', key: 'profile.saved' }];
        res.redirect(303, '/profile');
    }
};
exports.ProfilePagesController = ProfilePagesController;
__decorate([
    (0, common_1.Get)(),
    (0, common_1.Render)('pages/profile/index'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User, Object]),
    __metadata("design:returntype", void 0)
], ProfilePagesController.prototype, "show", null);
__decorate([
    (0, common_1.Post)(),
    (0, form_view_1.FormView)('pages/profile/index', profileLocals),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], ProfilePagesController.prototype, "save", null);
exports.ProfilePagesController = ProfilePagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Controller)('profile'),
    __metadata("design:paramtypes", [users_service_1.UsersService])
], ProfilePagesController);
