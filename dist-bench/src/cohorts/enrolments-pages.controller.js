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
exports.EnrolmentsPagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const errors_1 = require("../common/errors");
const form_view_1 = require("../common/form-view");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const i18n_service_1 = require("../i18n/i18n.service");
const form_locals_1 = require("../programmes/form-locals");
const programme_footer_1 = require("../programmes/programme-footer");
const users_service_1 = require("../users/users.service");
const cohort_views_1 = require("./cohort-views");
const csv_upload_1 = require("./csv-upload");
const cohort_schemas_1 = require("./cohort.schemas");
const cohorts_service_1 = require("./cohorts.service");
const cohorts_errors_1 = require("./cohorts.errors");
const enrolment_import_service_1 = require("./enrolment-import.service");
const enrolments_service_1 = require("./enrolments.service");
const ID = new parse_id_pipe_1.ParseIdPipe('cohorts.errors.notFound');
const ENROLMENT_ID = new parse_id_pipe_1.ParseIdPipe('cohorts.errors.enrolmentNotFound');
/** The admin's enrolment page of a cohort: enrol one, import a CSV, withdraw, and the waiting list. */
let EnrolmentsPagesController = class EnrolmentsPagesController {
    cohorts;
    enrolments;
    importer;
    users;
    i18n;
    constructor(cohorts, enrolments, importer, users, i18n) {
        this.cohorts = cohorts;
        this.enrolments = enrolments;
        this.importer = importer;
        this.users = users;
        this.i18n = i18n;
    }
    show(req, id, query) {
        return this.showLocals(id, req.lang, (0, zod_validation_pipe_1.parseWith)(cohort_schemas_1.traineeSearchSchema, query).q);
    }
    async enrol(actor, req, id, body, res) {
        const enrolment = await (0, form_locals_1.withFormLocals)(res, () => this.showLocals(id, req.lang), () => this.enrolments.enrol(id, (0, zod_validation_pipe_1.parseWith)(cohort_schemas_1.enrolSchema, body).userId, actor, req));
        req.session.flash = [{ kind: 'success', key: `cohorts.flash.${enrolment.status === 'waitlisted' ? 'waitlisted' : 'enrolled'}` }];
        res.redirect(303, `/admin/cohorts/${id}#enrolments`);
    }
    async import(actor, req, id, body, file, res) {
        const report = await (0, form_locals_1.withFormLocals)(res, () => this.showLocals(id, req.lang), async () => {
            const { csv } = (0, zod_validation_pipe_1.parseWith)(cohort_schemas_1.importSchema, body);
            const source = file?.buffer.length ? file.buffer : csv?.trim() ? csv : null;
            if (!source)
                throw errors_1.ValidationFailedError.field('file', 'csv.required');
            return this.importer.import(id, source, actor, req);
        });
        const cohort = (0, cohort_views_1.cohortView)(await this.cohorts.get(id), req.lang);
        res.status(report.imported ? 200 : 422).render('pages/cohorts/import-report', {
            titleKey: 'cohorts.import.reportTitle',
            cohort,
            ...(0, programme_footer_1.singleProgrammeFooter)([cohort.footer]),
            report,
            rows: report.rows.map((row) => ({
                ...row,
                outcomeKey: `cohorts.status.${row.outcome}`,
                errors: row.errors.map((e) => this.i18n.t(req.lang, `validation.${e.code}`, e.params)),
            })),
            errorCount: report.rows.filter((r) => r.errors.length).length,
        });
    }
    withdrawForm(req, id, enrolmentId) {
        return this.withdrawLocals(id, enrolmentId, req.lang);
    }
    async withdraw(actor, req, id, enrolmentId, body, res) {
        const { promoted } = await (0, form_locals_1.withFormLocals)(res, () => this.withdrawLocals(id, enrolmentId, req.lang), async () => {
            await this.enrolmentOf(id, enrolmentId);
            return this.enrolments.withdraw(enrolmentId, (0, zod_validation_pipe_1.parseWith)(cohort_schemas_1.withdrawSchema, body).reason, actor, req);
        });
        req.session.flash = [
            { kind: 'success', key: 'cohorts.flash.withdrawn' },
            ...(promoted.length ? [{ kind: 'info', key: 'cohorts.flash.promoted', params: { count: promoted.length } }] : []),
        ];
        res.redirect(303, `/admin/cohorts/${id}#enrolments`);
    }
    async enrolmentOf(cohortId, enrolmentId) {
        const enrolment = await this.enrolments.get(enrolmentId);
        if (enrolment.cohortId !== cohortId)
            throw new cohorts_errors_1.EnrolmentNotFoundError();
        return enrolment;
    }
    async withdrawLocals(cohortId, enrolmentId, lang) {
        const enrolment = await this.enrolmentOf(cohortId, enrolmentId);
        const cohort = (0, cohort_views_1.cohortView)(await this.cohorts.get(cohortId), lang);
        return { titleKey: 'cohorts.withdraw.title', cohort, enrolment: (0, cohort_views_1.enrolmentPageView)(enrolment), ...(0, programme_footer_1.singleProgrammeFooter)([cohort.footer]) };
    }
    async showLocals(id, lang, q) {
        const cohort = (0, cohort_views_1.cohortView)(await this.cohorts.get(id), lang);
        const enrolments = (await this.enrolments.listForCohort(id)).map(cohort_views_1.enrolmentPageView);
        const active = new Set(enrolments.filter((e) => e.status !== 'withdrawn').map((e) => e.trainee?.id));
        const found = q ? (await this.users.list({ q, role: 'trainee', page: 1, pageSize: 20 })).items.map((s) => s.user).filter((u) => !u.disabledAt) : [];
        return {
            title: cohort.name,
            cohort,
            ...(0, programme_footer_1.singleProgrammeFooter)([cohort.footer]),
            places: enrolments.filter((e) => e.status !== 'waitlisted' && e.status !== 'withdrawn'),
            waiting: enrolments.filter((e) => e.status === 'waitlisted'),
            withdrawn: enrolments.filter((e) => e.status === 'withdrawn'),
            search: { q: q ?? '', searched: Boolean(q), results: found.map((u) => ({ id: u.id, name: u.name, email: u.email, department: u.department, inCohort: active.has(u.id) })) },
            importStatuses: cohort_schemas_1.IMPORT_STATUSES,
            importMaxRows: enrolment_import_service_1.IMPORT_MAX_ROWS,
        };
    }
};
exports.EnrolmentsPagesController = EnrolmentsPagesController;
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Get)(),
    (0, common_1.Render)('pages/cohorts/show'),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Param)('id', ID)),
    __param(2, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, Object]),
    __metadata("design:returntype", void 0)
], EnrolmentsPagesController.prototype, "show", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)('enrolments'),
    (0, form_view_1.FormView)('pages/cohorts/show'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', ID)),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String, Object, Object]),
    __metadata("design:returntype", Promise)
], EnrolmentsPagesController.prototype, "enrol", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)('enrolments/import'),
    (0, common_1.UseInterceptors)(csv_upload_1.CSV_UPLOAD),
    (0, form_view_1.FormView)('pages/cohorts/show'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', ID)),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.UploadedFile)()),
    __param(5, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], EnrolmentsPagesController.prototype, "import", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Get)('enrolments/:enrolmentId/withdraw'),
    (0, common_1.Render)('pages/cohorts/withdraw'),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Param)('id', ID)),
    __param(2, (0, common_1.Param)('enrolmentId', ENROLMENT_ID)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String]),
    __metadata("design:returntype", void 0)
], EnrolmentsPagesController.prototype, "withdrawForm", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)('enrolments/:enrolmentId/withdraw'),
    (0, form_view_1.FormView)('pages/cohorts/withdraw'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', ID)),
    __param(3, (0, common_1.Param)('enrolmentId', ENROLMENT_ID)),
    __param(4, (0, common_1.Body)()),
    __param(5, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String, String, Object, Object]),
    __metadata("design:returntype", Promise)
], EnrolmentsPagesController.prototype, "withdraw", null);
exports.EnrolmentsPagesController = EnrolmentsPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.Controller)('admin/cohorts/:id'),
    __metadata("design:paramtypes", [cohorts_service_1.CohortsService,
        enrolments_service_1.EnrolmentsService,
        enrolment_import_service_1.EnrolmentImportService,
        users_service_1.UsersService,
        i18n_service_1.I18nService])
], EnrolmentsPagesController);
