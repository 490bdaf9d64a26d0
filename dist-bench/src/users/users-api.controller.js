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
exports.UsersApiController = void 0;
const common_1 = require("@nestjs/common");
const platform_express_1 = require("@nestjs/platform-express");
const swagger_1 = require("@nestjs/swagger");
const zod_1 = require("zod");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const i18n_service_1 = require("../i18n/i18n.service");
const user_import_service_1 = require("./user-import.service");
const user_import_upload_1 = require("./user-import.upload");
const user_entity_1 = require("./user.entity");
const user_responses_1 = require("./user.responses");
const user_schemas_1 = require("./user.schemas");
const users_service_1 = require("./users.service");
const userNotFound = new parse_id_pipe_1.ParseIdPipe('users.errors.notFound');
let UsersApiController = class UsersApiController {
    users;
    imports;
    i18n;
    constructor(users, imports, i18n) {
        this.users = users;
        this.imports = imports;
        this.i18n = i18n;
    }
    async list(query) {
        const { items, total } = await this.users.list(query);
        return { items: items.map(user_responses_1.userResponse), total, page: query.page, pageSize: query.pageSize };
    }
    async create(input, actor, req) {
        const user = await this.users.create(input, actor, req);
        return (0, user_responses_1.userResponse)(await this.users.getSummary(user.id));
    }
    /** Before `:id`, though no GET shares the path: one import route for JSON and multipart. */
    async import(file, input, actor, req, res) {
        const report = await this.imports.import({ file: file?.buffer, csv: input.csv }, actor, req.lang, req);
        if (report.ok)
            return report;
        res.status(422);
        return { statusCode: 422, code: 'IMPORT_REFUSED', message: this.i18n.t(req.lang, 'users.import.refused', { count: report.refused }), ...report };
    }
    async get(id) {
        return (0, user_responses_1.userResponse)(await this.users.getSummary(id));
    }
    async update(id, input, actor, req) {
        await this.users.update(id, input, actor, req);
        return (0, user_responses_1.userResponse)(await this.users.getSummary(id));
    }
    async disable(id, actor, req) {
        await this.users.setDisabled(id, true, actor, req);
        return (0, user_responses_1.userResponse)(await this.users.getSummary(id));
    }
    async enable(id, actor, req) {
        await this.users.setDisabled(id, false, actor, req);
        return (0, user_responses_1.userResponse)(await this.users.getSummary(id));
    }
    async invite(id, actor, req) {
        await this.users.resendInvitation(id, actor, req);
        return { status: 'queued' };
    }
};
exports.UsersApiController = UsersApiController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ summary: 'List users', description: 'Search by name, email or department; filter by role and status; paged.' }),
    (0, zod_validation_pipe_1.ApiZodQuery)(user_schemas_1.userListQuerySchema),
    (0, zod_validation_pipe_1.ApiZodResponse)(200, 'A page of users.', user_responses_1.userPageSchema),
    (0, zod_validation_pipe_1.ApiErrorResponses)(400),
    __param(0, (0, common_1.Query)(new zod_validation_pipe_1.ZodValidationPipe(user_schemas_1.userListQuerySchema))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], UsersApiController.prototype, "list", null);
__decorate([
    (0, common_1.Post)(),
    (0, swagger_1.ApiOperation)({ summary: 'Create a user', description: 'Emails them an invitation to set a password.' }),
    (0, zod_validation_pipe_1.ApiZodBody)(user_schemas_1.createUserSchema),
    (0, zod_validation_pipe_1.ApiZodResponse)(201, 'The new user.', user_responses_1.userResponseSchema),
    (0, zod_validation_pipe_1.ApiErrorResponses)(400, 409),
    __param(0, (0, common_1.Body)(new zod_validation_pipe_1.ZodValidationPipe(user_schemas_1.createUserSchema))),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, user_entity_1.User, Object]),
    __metadata("design:returntype", Promise)
], UsersApiController.prototype, "create", null);
__decorate([
    (0, common_1.Post)('import'),
    (0, common_1.UseInterceptors)((0, platform_express_1.FileInterceptor)('file', user_import_upload_1.CSV_UPLOAD)),
    (0, swagger_1.ApiOperation)({
        summary: 'Import users from CSV',
        description: 'Send `{ "csv": "..." }` as JSON, or a multipart form with a `file` (UTF-8, with or without BOM, comma or semicolon separated, at most 1 MB). ' +
            'Header columns: name, email, roles (separated by |, ; or space), department, language. All or nothing: if any row is refused, no user is created.',
    }),
    (0, swagger_1.ApiConsumes)('application/json', 'multipart/form-data'),
    (0, zod_validation_pipe_1.ApiZodBody)(user_schemas_1.importUsersSchema.extend({ file: zod_1.z.string().meta({ format: 'binary' }).optional().describe('Multipart only: the CSV file.') })),
    (0, zod_validation_pipe_1.ApiZodResponse)(201, 'Every row was valid; every user was created and invited.', user_responses_1.importReportSchema),
    (0, zod_validation_pipe_1.ApiZodResponse)(422, 'Some rows were refused; nothing was created. The report says why, row by row.', user_responses_1.importRefusedSchema),
    (0, zod_validation_pipe_1.ApiErrorResponses)(400, 413),
    __param(0, (0, common_1.UploadedFile)()),
    __param(1, (0, common_1.Body)(new zod_validation_pipe_1.ZodValidationPipe(user_schemas_1.importUsersSchema))),
    __param(2, (0, current_user_decorator_1.CurrentUser)()),
    __param(3, (0, common_1.Req)()),
    __param(4, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, user_entity_1.User, Object, Object]),
    __metadata("design:returntype", Promise)
], UsersApiController.prototype, "import", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, swagger_1.ApiOperation)({ summary: 'Get a user' }),
    (0, zod_validation_pipe_1.ApiZodResponse)(200, 'The user.', user_responses_1.userResponseSchema),
    (0, zod_validation_pipe_1.ApiErrorResponses)(404),
    __param(0, (0, common_1.Param)('id', userNotFound)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], UsersApiController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)(':id'),
    (0, swagger_1.ApiOperation)({ summary: 'Change a user', description: 'Only the fields sent change. An administrator cannot remove their own admin role.' }),
    (0, zod_validation_pipe_1.ApiZodBody)(user_schemas_1.patchUserSchema),
    (0, zod_validation_pipe_1.ApiZodResponse)(200, 'The changed user.', user_responses_1.userResponseSchema),
    (0, zod_validation_pipe_1.ApiErrorResponses)(400, 404, 409),
    __param(0, (0, common_1.Param)('id', userNotFound)),
    __param(1, (0, common_1.Body)(new zod_validation_pipe_1.ZodValidationPipe(user_schemas_1.patchUserSchema))),
    __param(2, (0, current_user_decorator_1.CurrentUser)()),
    __param(3, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, user_entity_1.User, Object]),
    __metadata("design:returntype", Promise)
], UsersApiController.prototype, "update", null);
__decorate([
    (0, common_1.Post)(':id/disable'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({ summary: 'Disable a user', description: 'Ends all their sessions at once; their API tokens stop working. Not yourself.' }),
    (0, zod_validation_pipe_1.ApiZodResponse)(200, 'The disabled user.', user_responses_1.userResponseSchema),
    (0, zod_validation_pipe_1.ApiErrorResponses)(404, 409),
    __param(0, (0, common_1.Param)('id', userNotFound)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, user_entity_1.User, Object]),
    __metadata("design:returntype", Promise)
], UsersApiController.prototype, "disable", null);
__decorate([
    (0, common_1.Post)(':id/enable'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({ summary: 'Enable a disabled user' }),
    (0, zod_validation_pipe_1.ApiZodResponse)(200, 'The enabled user.', user_responses_1.userResponseSchema),
    (0, zod_validation_pipe_1.ApiErrorResponses)(404),
    __param(0, (0, common_1.Param)('id', userNotFound)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, user_entity_1.User, Object]),
    __metadata("design:returntype", Promise)
], UsersApiController.prototype, "enable", null);
__decorate([
    (0, common_1.Post)(':id/invite'),
    (0, common_1.HttpCode)(202),
    (0, swagger_1.ApiOperation)({ summary: 'Send a new invitation', description: 'The earlier link stops working.' }),
    (0, zod_validation_pipe_1.ApiZodResponse)(202, 'The invitation is queued for sending.'),
    (0, zod_validation_pipe_1.ApiErrorResponses)(404),
    __param(0, (0, common_1.Param)('id', userNotFound)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, user_entity_1.User, Object]),
    __metadata("design:returntype", Promise)
], UsersApiController.prototype, "invite", null);
exports.UsersApiController = UsersApiController = __decorate([
    (0, swagger_1.ApiTags)('users'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiCookieAuth)(),
    (0, zod_validation_pipe_1.ApiErrorResponses)(401, 403),
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Controller)('api/v1/users'),
    __metadata("design:paramtypes", [users_service_1.UsersService,
        user_import_service_1.UserImportService,
        i18n_service_1.I18nService])
], UsersApiController);
