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
exports.UserTokensApiController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const zod_1 = require("zod");
const auth_schemas_1 = require("../auth/auth.schemas");
const api_tokens_service_1 = require("../auth/api-tokens.service");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const user_entity_1 = require("./user.entity");
const user_responses_1 = require("./user.responses");
const users_service_1 = require("./users.service");
const userNotFound = new parse_id_pipe_1.ParseIdPipe('users.errors.notFound');
let UserTokensApiController = class UserTokensApiController {
    users;
    apiTokens;
    constructor(users, apiTokens) {
        this.users = users;
        this.apiTokens = apiTokens;
    }
    async list(id) {
        await this.users.get(id);
        return (await this.apiTokens.listFor(id)).map(user_responses_1.apiTokenResponse);
    }
    async create(id, input, actor, req) {
        const { token, secret } = await this.apiTokens.create(id, input.name, actor, req);
        return { ...(0, user_responses_1.apiTokenResponse)(token), secret };
    }
    async revoke(id, tokenId, actor, req) {
        await this.apiTokens.revoke(id, tokenId, actor, req);
    }
};
exports.UserTokensApiController = UserTokensApiController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ summary: "List a user's API tokens", description: 'Names and first characters only; the secrets are not kept.' }),
    (0, zod_validation_pipe_1.ApiZodResponse)(200, 'The tokens, newest first, revoked ones included.', zod_1.z.array(user_responses_1.apiTokenResponseSchema)),
    __param(0, (0, common_1.Param)('id', userNotFound)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], UserTokensApiController.prototype, "list", null);
__decorate([
    (0, common_1.Post)(),
    (0, swagger_1.ApiOperation)({ summary: 'Create an API token for a user', description: 'The answer carries the secret: the only time it is shown.' }),
    (0, zod_validation_pipe_1.ApiZodBody)(auth_schemas_1.apiTokenSchema),
    (0, zod_validation_pipe_1.ApiZodResponse)(201, 'The token with its secret.', user_responses_1.createdApiTokenResponseSchema),
    (0, zod_validation_pipe_1.ApiErrorResponses)(400),
    __param(0, (0, common_1.Param)('id', userNotFound)),
    __param(1, (0, common_1.Body)(new zod_validation_pipe_1.ZodValidationPipe(auth_schemas_1.apiTokenSchema))),
    __param(2, (0, current_user_decorator_1.CurrentUser)()),
    __param(3, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, user_entity_1.User, Object]),
    __metadata("design:returntype", Promise)
], UserTokensApiController.prototype, "create", null);
__decorate([
    (0, common_1.Delete)(':tokenId'),
    (0, common_1.HttpCode)(204),
    (0, swagger_1.ApiOperation)({ summary: 'Revoke an API token', description: 'It stops working at once.' }),
    (0, zod_validation_pipe_1.ApiZodResponse)(204, 'Revoked.'),
    __param(0, (0, common_1.Param)('id', userNotFound)),
    __param(1, (0, common_1.Param)('tokenId', new parse_id_pipe_1.ParseIdPipe('auth.errors.tokenNotFound'))),
    __param(2, (0, current_user_decorator_1.CurrentUser)()),
    __param(3, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, user_entity_1.User, Object]),
    __metadata("design:returntype", Promise)
], UserTokensApiController.prototype, "revoke", null);
exports.UserTokensApiController = UserTokensApiController = __decorate([
    (0, swagger_1.ApiTags)('api tokens'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiCookieAuth)(),
    (0, zod_validation_pipe_1.ApiErrorResponses)(401, 403, 404),
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Controller)('api/v1/users/:id/tokens'),
    __metadata("design:paramtypes", [users_service_1.UsersService,
        api_tokens_service_1.ApiTokensService])
], UserTokensApiController);
