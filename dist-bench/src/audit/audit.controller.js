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
exports.AuditController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const paging_1 = require("../common/paging");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const i18n_service_1 = require("../i18n/i18n.service");
const audit_schemas_1 = require("./audit.schemas");
const audit_service_1 = require("./audit.service");
const audit_views_1 = require("./audit-views");
/** The audit log for administrators: who did what to which record, and when. */
let AuditController = class AuditController {
    audit;
    i18n;
    constructor(audit, i18n) {
        this.audit = audit;
        this.i18n = i18n;
    }
    async list(rawQuery, req) {
        const query = (0, zod_validation_pipe_1.parseWith)(audit_schemas_1.auditQuerySchema, rawQuery);
        const has = (key) => this.i18n.has(req.lang, key);
        const [{ items, total }, actions, entityTypes] = await Promise.all([
            this.audit.search((0, audit_schemas_1.toAuditQuery)(query)),
            this.audit.actions(),
            this.audit.entityTypes(),
        ]);
        const actors = await this.audit.actorsOf(items);
        return {
            titleKey: 'audit.title',
            query,
            items: items.map((event) => (0, audit_views_1.auditRow)(event, actors, has)),
            pager: (0, paging_1.pager)('/admin/audit', query, total),
            actionOptions: actions.map((action) => (0, audit_views_1.codeOption)(action, `audit.actions.${action}`, has)),
            entityTypeOptions: entityTypes.map((type) => (0, audit_views_1.codeOption)(type, `audit.entityTypes.${type}`, has)),
        };
    }
};
exports.AuditController = AuditController;
__decorate([
    (0, common_1.Get)(),
    (0, common_1.Render)('pages/audit/index'),
    __param(0, (0, common_1.Query)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], AuditController.prototype, "list", null);
exports.AuditController = AuditController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Controller)('admin/audit'),
    __metadata("design:paramtypes", [audit_service_1.AuditService,
        i18n_service_1.I18nService])
], AuditController);
