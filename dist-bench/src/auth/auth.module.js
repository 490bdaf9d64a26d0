"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuthModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const users_module_1 = require("../users/users.module");
const api_token_entity_1 = require("./api-token.entity");
const api_tokens_service_1 = require("./api-tokens.service");
const auth_pages_controller_1 = require("./auth-pages.controller");
const auth_service_1 = require("./auth.service");
const login_rate_limiter_1 = require("./login-rate-limiter");
const session_auth_1 = require("./session-auth");
const session_pool_1 = require("./session-pool");
let AuthModule = class AuthModule {
};
exports.AuthModule = AuthModule;
exports.AuthModule = AuthModule = __decorate([
    (0, common_1.Module)({
        imports: [typeorm_1.TypeOrmModule.forFeature([api_token_entity_1.ApiToken]), users_module_1.UsersModule],
        controllers: [auth_pages_controller_1.AuthPagesController],
        providers: [auth_service_1.AuthService, api_tokens_service_1.ApiTokensService, login_rate_limiter_1.LoginRateLimiter, session_auth_1.SessionAuth, session_pool_1.SessionPool],
        exports: [auth_service_1.AuthService, api_tokens_service_1.ApiTokensService, session_auth_1.SessionAuth, session_pool_1.SessionPool],
    })
], AuthModule);
