"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsersWebModule = void 0;
const common_1 = require("@nestjs/common");
const auth_module_1 = require("../auth/auth.module");
const profile_api_controller_1 = require("./profile-api.controller");
const profile_pages_controller_1 = require("./profile-pages.controller");
const user_import_pages_controller_1 = require("./user-import-pages.controller");
const user_tokens_api_controller_1 = require("./user-tokens-api.controller");
const user_tokens_pages_controller_1 = require("./user-tokens-pages.controller");
const users_api_controller_1 = require("./users-api.controller");
const users_pages_controller_1 = require("./users-pages.controller");
const users_module_1 = require("./users.module");
/**
 * The users' pages and API, in the web process only. A module of its own because the API-token pages
 * need the AuthModule, which itself builds on the UsersModule.
 */
let UsersWebModule = class UsersWebModule {
};
exports.UsersWebModule = UsersWebModule;
exports.UsersWebModule = UsersWebModule = __decorate([
    (0, common_1.Module)({
        imports: [users_module_1.UsersModule, auth_module_1.AuthModule],
        // The import routes come before the user pages, so `/admin/users/import` is not taken for a user id.
        controllers: [
            user_import_pages_controller_1.UserImportPagesController,
            users_pages_controller_1.UsersPagesController,
            user_tokens_pages_controller_1.UserTokensPagesController,
            profile_pages_controller_1.ProfilePagesController,
            users_api_controller_1.UsersApiController,
            user_tokens_api_controller_1.UserTokensApiController,
            profile_api_controller_1.ProfileApiController,
        ],
    })
], UsersWebModule);
