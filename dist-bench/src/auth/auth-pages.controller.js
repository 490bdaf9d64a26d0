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
exports.AuthPagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const form_view_1 = require("../common/form-view");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const user_schemas_1 = require("../users/user.schemas");
const password_tokens_service_1 = require("../users/password-tokens.service");
const users_service_1 = require("../users/users.service");
const cookies_1 = require("../common/cookies");
const auth_service_1 = require("./auth.service");
const auth_schemas_1 = require("./auth.schemas");
const session_auth_1 = require("./session-auth");
let AuthPagesController = class AuthPagesController {
    auth;
    sessions;
    passwordTokens;
    users;
    constructor(auth, sessions, passwordTokens, users) {
        this.auth = auth;
        this.sessions = sessions;
        this.passwordTokens = passwordTokens;
        this.users = users;
    }
    login(req, next, res) {
        if (req.user)
            return res.redirect(303, (0, auth_schemas_1.safeNext)(next));
        res.render('pages/auth/login', { titleKey: 'auth.login.title', values: { next: (0, auth_schemas_1.safeNext)(next) } });
    }
    async submitLogin(req, body, res) {
        const input = (0, zod_validation_pipe_1.parseWith)(auth_schemas_1.loginSchema, body);
        const user = await this.auth.verifyCredentials(input.email, input.password, req);
        await this.sessions.logIn(req, user);
        res.redirect(303, (0, auth_schemas_1.safeNext)(input.next));
    }
    async logout(req, res) {
        await this.sessions.logOut(req);
        res.redirect(303, '/login');
    }
    /** Anyone may switch; a signed-in user's choice is saved to their profile. */
    async language(req, body, res) {
        const input = (0, zod_validation_pipe_1.parseWith)(auth_schemas_1.languageSchema, body);
        if (req.user)
            await this.users.updateProfile(req.user, { name: req.user.name, language: input.lang, notifyReminders: req.user.notifyReminders, notifyUpdates: req.user.notifyUpdates }, req);
        req.session.lang = input.lang;
        res.cookie(cookies_1.LANGUAGE_COOKIE, input.lang, { httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400_000 });
        res.redirect(303, (0, auth_schemas_1.safeNext)(input.next));
    }
    async passwordForm(token) {
        const { user, purpose } = await this.passwordTokens.inspect(token);
        return { titleKey: `auth.password.${purpose}Title`, name: user.name, email: user.email };
    }
    async setPassword(req, token, body, res) {
        const input = (0, zod_validation_pipe_1.parseWith)(user_schemas_1.passwordSchema, body);
        const user = await this.passwordTokens.consume(token, input.password, input.passwordConfirm, req);
        await this.sessions.logIn(req, user);
        req.session.flash = [{ kind: 'success', key: 'auth.password.saved' }];
        res.redirect(303, '/');
    }
    resetForm() {
        return { titleKey: 'auth.reset.title' };
    }
    async requestReset(req, body, res) {
        const input = (0, zod_validation_pipe_1.parseWith)(auth_schemas_1.resetRequestSchema, body);
        await this.users.requestPasswordReset(input.email, req);
        res.status(200).render('pages/auth/reset-sent', { titleKey: 'auth.reset.title' });
    }
};
exports.AuthPagesController = AuthPagesController;
__decorate([
    (0, access_decorators_1.Public)(),
    (0, common_1.Get)('login'),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Query)('next')),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Object]),
    __metadata("design:returntype", void 0)
], AuthPagesController.prototype, "login", null);
__decorate([
    (0, access_decorators_1.Public)(),
    (0, common_1.Post)('login'),
    (0, form_view_1.FormView)('pages/auth/login'),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Object]),
    __metadata("design:returntype", Promise)
], AuthPagesController.prototype, "submitLogin", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Post)('logout'),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], AuthPagesController.prototype, "logout", null);
__decorate([
    (0, access_decorators_1.Public)(),
    (0, common_1.Post)('language'),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Object]),
    __metadata("design:returntype", Promise)
], AuthPagesController.prototype, "language", null);
__decorate([
    (0, access_decorators_1.Public)(),
    (0, common_1.Get)('password/:token'),
    (0, common_1.Render)('pages/auth/set-password'),
    __param(0, (0, common_1.Param)('token')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], AuthPagesController.prototype, "passwordForm", null);
__decorate([
    (0, access_decorators_1.Public)(),
    (0, common_1.Post)('password/:token'),
    (0, form_view_1.FormView)('pages/auth/set-password', () => ({ titleKey: 'auth.password.invitationTitle' })),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Param)('token')),
    __param(2, (0, common_1.Body)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Object, Object]),
    __metadata("design:returntype", Promise)
], AuthPagesController.prototype, "setPassword", null);
__decorate([
    (0, access_decorators_1.Public)(),
    (0, common_1.Get)('password-reset'),
    (0, common_1.Render)('pages/auth/reset-request'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], AuthPagesController.prototype, "resetForm", null);
__decorate([
    (0, access_decorators_1.Public)(),
    (0, common_1.Post)('password-reset'),
    (0, form_view_1.FormView)('pages/auth/reset-request'),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Object]),
    __metadata("design:returntype", Promise)
], AuthPagesController.prototype, "requestReset", null);
exports.AuthPagesController = AuthPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [auth_service_1.AuthService,
        session_auth_1.SessionAuth,
        password_tokens_service_1.PasswordTokensService,
        users_service_1.UsersService])
], AuthPagesController);
