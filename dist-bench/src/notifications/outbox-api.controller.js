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
exports.OutboxApiController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const app_config_1 = require("../config/app-config");
const outbox_admin_service_1 = require("./outbox-admin.service");
const outbox_schemas_1 = require("./outbox.schemas");
const outbox_views_1 = require("./outbox-views");
let OutboxApiController = class OutboxApiController {
    admin;
    config;
    constructor(admin, config) {
        this.admin = admin;
        this.config = config;
    }
    async list(rawQuery) {
        const query = (0, zod_validation_pipe_1.parseWith)(outbox_schemas_1.outboxListQuerySchema, rawQuery);
        const { items, total } = await this.admin.list(query);
        return { items: items.map(outbox_views_1.outboxSummary), total, page: query.page, pageSize: query.pageSize };
    }
    async get(id) {
        return (0, outbox_views_1.outboxDetail)(await this.admin.get(id), this.config.env.MAIL_FROM);
    }
    async resend(id, user, req) {
        return (0, outbox_views_1.outboxDetail)(await this.admin.resend(id, user, req), this.config.env.MAIL_FROM);
    }
};
exports.OutboxApiController = OutboxApiController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ summary: 'List emails of the outbox, newest first (admins)' }),
    (0, zod_validation_pipe_1.ApiZodQuery)(outbox_schemas_1.outboxListQuerySchema),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], OutboxApiController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, swagger_1.ApiOperation)({ summary: 'One email with its headers, text and HTML parts (admins)' }),
    __param(0, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], OutboxApiController.prototype, "get", null);
__decorate([
    (0, common_1.Post)(':id/resend'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({ summary: 'Send a failed, undelivered, suppressed or sent email again (admins)' }),
    __param(0, (0, common_1.Param)('id')),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object]),
    __metadata("design:returntype", Promise)
], OutboxApiController.prototype, "resend", null);
exports.OutboxApiController = OutboxApiController = __decorate([
    (0, swagger_1.ApiTags)('outbox'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiCookieAuth)(),
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Controller)('api/v1/outbox'),
    __metadata("design:paramtypes", [outbox_admin_service_1.OutboxAdminService,
        app_config_1.AppConfig])
], OutboxApiController);
