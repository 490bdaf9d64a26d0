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
exports.OutboxPagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const paging_1 = require("../common/paging");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const app_config_1 = require("../config/app-config");
const outbox_message_entity_1 = require("./outbox-message.entity");
const outbox_admin_service_1 = require("./outbox-admin.service");
const outbox_schemas_1 = require("./outbox.schemas");
const outbox_views_1 = require("./outbox-views");
/** The HTML part runs nowhere: an opaque origin with no scripts, shown only inside our own page. */
const EMAIL_PREVIEW_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";
let OutboxPagesController = class OutboxPagesController {
    admin;
    config;
    constructor(admin, config) {
        this.admin = admin;
        this.config = config;
    }
    async list(rawQuery) {
        const query = (0, zod_validation_pipe_1.parseWith)(outbox_schemas_1.outboxListQuerySchema, rawQuery);
        const { items, total } = await this.admin.list(query);
        return {
            titleKey: 'outbox.title',
            items: items.map((m) => ({ ...(0, outbox_views_1.outboxSummary)(m), statusLabel: `outbox.status.${m.status}` })),
            total,
            query,
            statusOptions: outbox_message_entity_1.OUTBOX_STATUSES.map((status) => ({ value: status, label: `outbox.status.${status}` })),
            smtpConfigured: Boolean(this.config.env.SMTP_URL),
            pager: (0, paging_1.pager)('/admin/outbox', query, total),
        };
    }
    async show(id) {
        const message = await this.admin.get(id);
        return {
            titleKey: 'outbox.detail.title',
            message: (0, outbox_views_1.outboxDetail)(message, this.config.env.MAIL_FROM),
            statusLabel: `outbox.status.${message.status}`,
            statusHint: `outbox.statusHint.${message.status}`,
            categoryLabel: `outbox.category.${message.category}`,
        };
    }
    /** The HTML part alone, for the sandboxed frame of the detail page. */
    async html(id, res) {
        const message = await this.admin.get(id);
        res.setHeader('Content-Security-Policy', EMAIL_PREVIEW_CSP);
        res.setHeader('X-Frame-Options', 'SAMEORIGIN');
        res.type('html').send(message.html);
    }
    async resend(id, user, req, res) {
        const message = await this.admin.resend(id, user, req);
        req.session.flash = [{ kind: 'success', key: 'outbox.flash.resent' }];
        res.redirect(303, `/admin/outbox/${message.id}`);
    }
};
exports.OutboxPagesController = OutboxPagesController;
__decorate([
    (0, common_1.Get)(),
    (0, common_1.Render)('pages/outbox/index'),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], OutboxPagesController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, common_1.Render)('pages/outbox/show'),
    __param(0, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], OutboxPagesController.prototype, "show", null);
__decorate([
    (0, common_1.Get)(':id/html'),
    __param(0, (0, common_1.Param)('id')),
    __param(1, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], OutboxPagesController.prototype, "html", null);
__decorate([
    (0, common_1.Post)(':id/resend'),
    __param(0, (0, common_1.Param)('id')),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object]),
    __metadata("design:returntype", Promise)
], OutboxPagesController.prototype, "resend", null);
exports.OutboxPagesController = OutboxPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Controller)('admin/outbox'),
    __metadata("design:paramtypes", [outbox_admin_service_1.OutboxAdminService,
        app_config_1.AppConfig])
], OutboxPagesController);
