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
exports.CohortsPagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const form_view_1 = require("../common/form-view");
const paging_1 = require("../common/paging");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const form_locals_1 = require("../programmes/form-locals");
const localized_1 = require("../programmes/localized");
const programme_footer_1 = require("../programmes/programme-footer");
const parts_service_1 = require("../programmes/parts.service");
const programmes_service_1 = require("../programmes/programmes.service");
const cohort_views_1 = require("./cohort-views");
const cohort_schemas_1 = require("./cohort.schemas");
const cohorts_service_1 = require("./cohorts.service");
const ID = new parse_id_pipe_1.ParseIdPipe('cohorts.errors.notFound');
/** Admin pages of cohorts: list, create, edit (dates, capacity, instructors). */
let CohortsPagesController = class CohortsPagesController {
    cohorts;
    programmes;
    parts;
    constructor(cohorts, programmes, parts) {
        this.cohorts = cohorts;
        this.programmes = programmes;
        this.parts = parts;
    }
    async list(req, rawQuery) {
        const query = (0, zod_validation_pipe_1.parseWith)(cohort_schemas_1.cohortListQuerySchema, rawQuery);
        const [{ items, total }, programmes] = await Promise.all([this.cohorts.list(query), this.programmes.list()]);
        return {
            titleKey: 'cohorts.list.title',
            query,
            cohorts: items.map((c) => (0, cohort_views_1.cohortView)(c, req.lang)),
            programmes: programmes.map(({ programme }) => ({ id: programme.id, title: (0, localized_1.localized)(req.lang, programme.titleLv, programme.titleEn) })),
            pager: (0, paging_1.pager)('/admin/cohorts', query, total),
        };
    }
    async newForm(req, partId) {
        return { ...(await this.formLocals(req.lang)), values: { partId: partId ?? '', capacity: '20' } };
    }
    async create(actor, req, body, res) {
        const cohort = await (0, form_locals_1.withFormLocals)(res, () => this.formLocals(req.lang), () => this.cohorts.create((0, zod_validation_pipe_1.parseWith)(cohort_schemas_1.createCohortSchema, body), actor, req));
        req.session.flash = [{ kind: 'success', key: 'cohorts.flash.created' }];
        res.redirect(303, `/admin/cohorts/${cohort.id}`);
    }
    async editForm(req, id) {
        const cohort = await this.cohorts.get(id);
        return {
            ...(await this.formLocals(req.lang, id)),
            values: { ...cohort, instructorIds: cohort.instructors.map((u) => u.id) },
        };
    }
    async update(actor, req, id, body, res) {
        const { promoted } = await (0, form_locals_1.withFormLocals)(res, () => this.formLocals(req.lang, id), () => this.cohorts.update(id, (0, zod_validation_pipe_1.parseWith)(cohort_schemas_1.updateCohortSchema, body), actor, req));
        req.session.flash = [
            { kind: 'success', key: 'cohorts.flash.updated' },
            ...(promoted.length ? [{ kind: 'info', key: 'cohorts.flash.promoted', params: { count: promoted.length } }] : []),
        ];
        res.redirect(303, `/admin/cohorts/${id}`);
    }
    /** The choices of the cohort form; an existing cohort keeps its part, shown but not chosen again. */
    async formLocals(lang, cohortId) {
        const instructors = (await this.cohorts.activeInstructors()).map((u) => ({ id: u.id, name: u.name, email: u.email }));
        if (cohortId) {
            const cohort = (0, cohort_views_1.cohortView)(await this.cohorts.get(cohortId), lang);
            return { titleKey: 'cohorts.edit.title', cohort, instructors, ...(0, programme_footer_1.singleProgrammeFooter)([cohort.footer]) };
        }
        const programmes = await this.programmes.list();
        const partGroups = await Promise.all(programmes.map(async ({ programme }) => ({
            label: (0, localized_1.localized)(lang, programme.titleLv, programme.titleEn),
            parts: (await this.parts.listFor(programme.id)).map((p) => ({ id: p.id, number: p.number, title: (0, localized_1.localized)(lang, p.titleLv, p.titleEn) })),
        })));
        return { titleKey: 'cohorts.new.title', cohort: null, instructors, partGroups: partGroups.filter((g) => g.parts.length) };
    }
};
exports.CohortsPagesController = CohortsPagesController;
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Get)(),
    (0, common_1.Render)('pages/cohorts/list'),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], CohortsPagesController.prototype, "list", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Get)('new'),
    (0, common_1.Render)('pages/cohorts/form'),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Query)('partId')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], CohortsPagesController.prototype, "newForm", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)(),
    (0, form_view_1.FormView)('pages/cohorts/form'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Body)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], CohortsPagesController.prototype, "create", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Get)(':id/edit'),
    (0, common_1.Render)('pages/cohorts/form'),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Param)('id', ID)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], CohortsPagesController.prototype, "editForm", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)(':id'),
    (0, form_view_1.FormView)('pages/cohorts/form'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', ID)),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String, Object, Object]),
    __metadata("design:returntype", Promise)
], CohortsPagesController.prototype, "update", null);
exports.CohortsPagesController = CohortsPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.Controller)('admin/cohorts'),
    __metadata("design:paramtypes", [cohorts_service_1.CohortsService,
        programmes_service_1.ProgrammesService,
        parts_service_1.PartsService])
], CohortsPagesController);
