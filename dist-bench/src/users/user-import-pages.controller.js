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
exports.UserImportPagesController = void 0;
const common_1 = require("@nestjs/common");
const platform_express_1 = require("@nestjs/platform-express");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const form_view_1 = require("../common/form-view");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const user_import_service_1 = require("./user-import.service");
const user_import_upload_1 = require("./user-import.upload");
const user_entity_1 = require("./user.entity");
const user_schemas_1 = require("./user.schemas");
const user_views_1 = require("./user-views");
/** The CSV import of users. Declared before the user pages, so `/admin/users/import` is not read as a user id. */
let UserImportPagesController = class UserImportPagesController {
    imports;
    constructor(imports) {
        this.imports = imports;
    }
    form() {
        return { titleKey: 'users.import.title' };
    }
    template() {
        return user_import_upload_1.IMPORT_TEMPLATE;
    }
    /** All or nothing: a refused file shows its per-row report and creates no one. */
    async import(file, body, actor, req, res) {
        const input = (0, zod_validation_pipe_1.parseWith)(user_schemas_1.importUsersSchema, body);
        const report = await this.imports.import({ file: file?.buffer, csv: input.csv }, actor, req.lang, req);
        if (!report.ok) {
            const rows = report.rows.map((row) => ({ ...row, statusLabel: `users.import.status.${row.status}`, errors: row.errors.map((e) => ({ ...e, label: (0, user_views_1.fieldLabel)(e.field) })) }));
            res.status(422).render('pages/users/import', { titleKey: 'users.import.title', report: { ...report, rows }, values: input });
            return;
        }
        req.session.flash = [{ kind: 'success', key: 'users.flash.imported', params: { count: report.created } }];
        res.redirect(303, '/admin/users?status=invited');
    }
};
exports.UserImportPagesController = UserImportPagesController;
__decorate([
    (0, common_1.Get)(),
    (0, common_1.Render)('pages/users/import'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], UserImportPagesController.prototype, "form", null);
__decorate([
    (0, common_1.Get)('template.csv'),
    (0, common_1.Header)('Content-Type', 'text/csv; charset=utf-8'),
    (0, common_1.Header)('Content-Disposition', 'attachment; filename="kursors-lietotaji.csv"'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], UserImportPagesController.prototype, "template", null);
__decorate([
    (0, common_1.Post)(),
    (0, common_1.UseInterceptors)((0, platform_express_1.FileInterceptor)('file', user_import_upload_1.CSV_UPLOAD)),
    (0, form_view_1.FormView)('pages/users/import', () => ({ titleKey: 'users.import.title' })),
    __param(0, (0, common_1.UploadedFile)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, current_user_decorator_1.CurrentUser)()),
    __param(3, (0, common_1.Req)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, user_entity_1.User, Object, Object]),
    __metadata("design:returntype", Promise)
], UserImportPagesController.prototype, "import", null);
exports.UserImportPagesController = UserImportPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Controller)('admin/users/import'),
    __metadata("design:paramtypes", [user_import_service_1.UserImportService])
], UserImportPagesController);
