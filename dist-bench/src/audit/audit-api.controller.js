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
exports.AuditApiController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const zod_1 = require("zod");
const access_decorators_1 = require("../common/access.decorators");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const audit_schemas_1 = require("./audit.schemas");
const audit_service_1 = require("./audit.service");
const audit_views_1 = require("./audit-views");
const auditPageSchema = zod_1.z.object({
    items: zod_1.z.array(zod_1.z.object({
        id: zod_1.z.string(),
        createdAt: zod_1.z.iso.datetime(),
        actorId: zod_1.z.uuid().nullable(),
        actor: zod_1.z.object({ name: zod_1.z.string(), email: zod_1.z.string() }).nullable(),
        action: zod_1.z.string(),
        entityType: zod_1.z.string(),
        entityId: zod_1.z.string().nullable(),
        before: zod_1.z.record(zod_1.z.string(), zod_1.z.unknown()).nullable(),
        after: zod_1.z.record(zod_1.z.string(), zod_1.z.unknown()).nullable(),
        ip: zod_1.z.string().nullable(),
        requestId: zod_1.z.string().nullable(),
    })),
    total: zod_1.z.number().int(),
    page: zod_1.z.number().int(),
    pageSize: zod_1.z.number().int(),
});
let AuditApiController = class AuditApiController {
    audit;
    constructor(audit) {
        this.audit = audit;
    }
    async search(query) {
        const { items, total } = await this.audit.search((0, audit_schemas_1.toAuditQuery)(query));
        const actors = await this.audit.actorsOf(items);
        return { items: items.map((event) => (0, audit_views_1.auditResponse)(event, actors)), total, page: query.page, pageSize: query.pageSize };
    }
};
exports.AuditApiController = AuditApiController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ summary: 'Search the audit log', description: 'Newest first; filter by action, actor, record and Riga calendar days.' }),
    (0, zod_validation_pipe_1.ApiZodQuery)(audit_schemas_1.auditQuerySchema),
    (0, zod_validation_pipe_1.ApiZodResponse)(200, 'A page of audit events.', auditPageSchema),
    (0, zod_validation_pipe_1.ApiErrorResponses)(400, 401, 403),
    __param(0, (0, common_1.Query)(new zod_validation_pipe_1.ZodValidationPipe(audit_schemas_1.auditQuerySchema))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], AuditApiController.prototype, "search", null);
exports.AuditApiController = AuditApiController = __decorate([
    (0, swagger_1.ApiTags)('audit'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiCookieAuth)(),
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Controller)('api/v1/audit'),
    __metadata("design:paramtypes", [audit_service_1.AuditService])
], AuditApiController);
