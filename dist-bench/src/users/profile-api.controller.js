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
exports.ProfileApiController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const zod_1 = require("zod");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const user_entity_1 = require("./user.entity");
const user_responses_1 = require("./user.responses");
const user_schemas_1 = require("./user.schemas");
const users_service_1 = require("./users.service");
let ProfileApiController = class ProfileApiController {
    users;
    constructor(users) {
        this.users = users;
    }
    async me(user) {
        return (0, user_responses_1.userResponse)(await this.users.getSummary(user.id));
    }
    async update(user, input, req) {
        await this.users.updateProfile(user, input, req);
        return (0, user_responses_1.userResponse)(await this.users.getSummary(user.id));
    }
};
exports.ProfileApiController = ProfileApiController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ summary: 'The signed-in user' }),
    (0, zod_validation_pipe_1.ApiZodResponse)(200, 'Your account.', user_responses_1.userResponseSchema),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User]),
    __metadata("design:returntype", Promise)
], ProfileApiController.prototype, "me", null);
__decorate([
    (0, common_1.Patch)(),
    (0, swagger_1.ApiOperation)({ summary: 'Change your profile', description: 'Name, language and email preferences; only the fields sent change.' }),
    (0, zod_validation_pipe_1.ApiZodBody)(user_schemas_1.profilePatchSchema),
    (0, zod_validation_pipe_1.ApiZodResponse)(200, 'Your account.', user_responses_1.userResponseSchema),
    (0, zod_validation_pipe_1.ApiErrorResponses)(400),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Body)(new zod_validation_pipe_1.ZodValidationPipe(user_schemas_1.profilePatchSchema))),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User, Object, Object]),
    __metadata("design:returntype", Promise)
], ProfileApiController.prototype, "update", null);
exports.ProfileApiController = ProfileApiController = __decorate([
    (0, swagger_1.ApiTags)('profile'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiCookieAuth)(),
    (0, zod_validation_pipe_1.ApiErrorResponses)(401),
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Controller)('api/v1/me'),
    __metadata("design:paramtypes", [users_service_1.UsersService])
], ProfileApiController);
