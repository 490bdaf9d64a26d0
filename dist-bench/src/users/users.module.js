"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsersModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const password_token_entity_1 = require("./password-token.entity");
const password_tokens_service_1 = require("./password-tokens.service");
const user_import_service_1 = require("./user-import.service");
const user_sessions_1 = require("./user-sessions");
const user_entity_1 = require("./user.entity");
const users_service_1 = require("./users.service");
let UsersModule = class UsersModule {
};
exports.UsersModule = UsersModule;
exports.UsersModule = UsersModule = __decorate([
    (0, common_1.Module)({
        imports: [typeorm_1.TypeOrmModule.forFeature([user_entity_1.User, password_token_entity_1.PasswordToken])],
        providers: [users_service_1.UsersService, password_tokens_service_1.PasswordTokensService, user_sessions_1.UserSessions, user_import_service_1.UserImportService],
        exports: [users_service_1.UsersService, password_tokens_service_1.PasswordTokensService, user_import_service_1.UserImportService],
    })
], UsersModule);
