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
exports.SessionAuth = void 0;
const common_1 = require("@nestjs/common");
const csrf_1 = require("../common/csrf");
const app_config_1 = require("../config/app-config");
const users_service_1 = require("../users/users.service");
const api_tokens_service_1 = require("./api-tokens.service");
function promisify(fn) {
    return new Promise((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));
}
/** Who is calling: a bearer API token, or the session cookie (with its idle and absolute timeouts). */
let SessionAuth = class SessionAuth {
    users;
    apiTokens;
    config;
    constructor(users, apiTokens, config) {
        this.users = users;
        this.apiTokens = apiTokens;
        this.config = config;
    }
    middleware = (req, _res, next) => {
        this.resolve(req).then(() => next(), next);
    };
    async resolve(req) {
        const header = req.get('authorization');
        if (header?.startsWith('Bearer ')) {
            const user = await this.apiTokens.authenticate(header.slice(7).trim());
            if (user) {
                req.user = user;
                req.authMethod = 'token';
            }
            return;
        }
        const userId = req.session?.userId;
        if (!userId)
            return;
        const absoluteLimitMs = this.config.env.SESSION_ABSOLUTE_HOURS * 3_600_000;
        const user = await this.users.get(userId).catch(() => null);
        if (!user || user.disabledAt || !req.session.loginAt || Date.now() - req.session.loginAt > absoluteLimitMs) {
            await promisify((cb) => req.session.regenerate(cb));
            return;
        }
        req.user = user;
        req.authMethod = 'session';
    }
    /** A new session id at login, so an id planted before login is worthless after it. */
    async logIn(req, user) {
        const lang = req.session.lang;
        await promisify((cb) => req.session.regenerate(cb));
        req.session.userId = user.id;
        req.session.loginAt = Date.now();
        req.session.lang = lang;
        (0, csrf_1.rotateCsrfToken)(req);
        await promisify((cb) => req.session.save(cb));
        req.user = user;
        req.authMethod = 'session';
    }
    async logOut(req) {
        await promisify((cb) => req.session.destroy(cb));
    }
};
exports.SessionAuth = SessionAuth;
exports.SessionAuth = SessionAuth = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [users_service_1.UsersService,
        api_tokens_service_1.ApiTokensService,
        app_config_1.AppConfig])
], SessionAuth);
