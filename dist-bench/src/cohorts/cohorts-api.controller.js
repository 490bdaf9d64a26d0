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
exports.CohortsApiController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const errors_1 = require("../common/errors");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const cohort_access_service_1 = require("./cohort-access.service");
const cohort_views_1 = require("./cohort-views");
const cohort_schemas_1 = require("./cohort.schemas");
const cohorts_service_1 = require("./cohorts.service");
const cohorts_errors_1 = require("./cohorts.errors");
const enrolment_import_service_1 = require("./enrolment-import.service");
const enrolments_service_1 = require("./enrolments.service");
const csv_upload_1 = require("./csv-upload");
const my_enrolments_service_1 = require("./my-enrolments.service");
const COHORT_ID = new parse_id_pipe_1.ParseIdPipe('cohorts.errors.notFound');
const ENROLMENT_ID = new parse_id_pipe_1.ParseIdPipe('cohorts.errors.enrolmentNotFound');
/** Cohorts and their enrolments. Admins manage them; instructors read the cohorts they teach; everyone reads their own. */
let CohortsApiController = class CohortsApiController {
    cohorts;
    enrolments;
    importer;
    mine;
    access;
    constructor(cohorts, enrolments, importer, mine, access) {
        this.cohorts = cohorts;
        this.enrolments = enrolments;
        this.importer = importer;
        this.mine = mine;
        this.access = access;
    }
    async list(req, rawQuery) {
        const query = (0, zod_validation_pipe_1.parseWith)(cohort_schemas_1.cohortListQuerySchema, rawQuery);
        const { items, total } = await this.cohorts.list(query);
        return { items: items.map((c) => (0, cohort_views_1.cohortView)(c, req.lang)), total, page: query.page, pageSize: query.pageSize };
    }
    async create(actor, req, body) {
        const cohort = await this.cohorts.create((0, zod_validation_pipe_1.parseWith)(cohort_schemas_1.createCohortSchema, body), actor, req);
        return (0, cohort_views_1.cohortView)(await this.cohorts.get(cohort.id), req.lang);
    }
    async get(user, req, id) {
        return (0, cohort_views_1.cohortView)(await this.cohorts.getFor(user, id), req.lang);
    }
    async update(actor, req, id, body) {
        const { promoted } = await this.cohorts.update(id, (0, zod_validation_pipe_1.parseWith)(cohort_schemas_1.updateCohortSchema, body), actor, req);
        return { ...(0, cohort_views_1.cohortView)(await this.cohorts.get(id), req.lang), promoted: promoted.map(cohort_views_1.enrolmentView) };
    }
    async listEnrolments(user, id) {
        await this.access.assertCanTeach(user, id);
        return { items: (await this.enrolments.listForCohort(id)).map(cohort_views_1.enrolmentView) };
    }
    async enrol(actor, req, id, body) {
        const enrolment = await this.enrolments.enrol(id, (0, zod_validation_pipe_1.parseWith)(cohort_schemas_1.enrolSchema, body).userId, actor, req);
        return (0, cohort_views_1.enrolmentView)(await this.enrolments.get(enrolment.id));
    }
    async import(actor, req, id, body, file) {
        const { csv } = (0, zod_validation_pipe_1.parseWith)(cohort_schemas_1.importSchema, body);
        const source = file?.buffer.length ? file.buffer : csv?.trim() ? csv : null;
        if (!source)
            throw errors_1.ValidationFailedError.field('file', 'csv.required');
        const report = await this.importer.import(id, source, actor, req);
        if (!report.imported)
            throw new cohorts_errors_1.EnrolmentImportRejectedError(report.rows.flatMap((r) => r.errors.map((e) => ({ line: r.line, ...e }))));
        return report;
    }
    async withdraw(actor, req, id, body) {
        const { enrolment, promoted } = await this.enrolments.withdraw(id, (0, zod_validation_pipe_1.parseWith)(cohort_schemas_1.withdrawSchema, body).reason, actor, req);
        return { enrolment: (0, cohort_views_1.enrolmentView)(enrolment), promoted: promoted.map(cohort_views_1.enrolmentView) };
    }
    async myEnrolments(user, req) {
        return { items: await this.mine.enrolmentsOf(user, req.lang) };
    }
    async myCohorts(user, req) {
        return { items: await this.mine.cohortsOf(user, req.lang) };
    }
};
exports.CohortsApiController = CohortsApiController;
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Get)('cohorts'),
    (0, swagger_1.ApiOperation)({ summary: 'Cohorts, latest start first, optionally of one programme or part' }),
    (0, zod_validation_pipe_1.ApiZodQuery)(cohort_schemas_1.cohortListQuerySchema),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], CohortsApiController.prototype, "list", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)('cohorts'),
    (0, swagger_1.ApiOperation)({ summary: 'Create a cohort of a part; instructors must have the instructor role' }),
    (0, zod_validation_pipe_1.ApiZodBody)(cohort_schemas_1.createCohortSchema),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, Object]),
    __metadata("design:returntype", Promise)
], CohortsApiController.prototype, "create", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('cohorts/:id'),
    (0, swagger_1.ApiOperation)({ summary: 'A cohort (admins, its instructors and its trainees)' }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', COHORT_ID)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String]),
    __metadata("design:returntype", Promise)
], CohortsApiController.prototype, "get", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Put)('cohorts/:id'),
    (0, swagger_1.ApiOperation)({ summary: 'Replace the fields of a cohort; a larger capacity promotes from the waiting list' }),
    (0, zod_validation_pipe_1.ApiZodBody)(cohort_schemas_1.updateCohortSchema),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', COHORT_ID)),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String, Object]),
    __metadata("design:returntype", Promise)
], CohortsApiController.prototype, "update", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('cohorts/:id/enrolments'),
    (0, swagger_1.ApiOperation)({ summary: 'Everyone in a cohort: places, the waiting list in order, withdrawals (admins and its instructors)' }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', COHORT_ID)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, String]),
    __metadata("design:returntype", Promise)
], CohortsApiController.prototype, "listEnrolments", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)('cohorts/:id/enrolments'),
    (0, swagger_1.ApiOperation)({ summary: 'Enrol a trainee; when the cohort is full they join the waiting list' }),
    (0, zod_validation_pipe_1.ApiZodBody)(cohort_schemas_1.enrolSchema),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', COHORT_ID)),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String, Object]),
    __metadata("design:returntype", Promise)
], CohortsApiController.prototype, "enrol", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)('cohorts/:id/enrolments/import'),
    (0, common_1.HttpCode)(200),
    (0, common_1.UseInterceptors)(csv_upload_1.CSV_UPLOAD),
    (0, swagger_1.ApiOperation)({ summary: 'Enrol from CSV (columns email[, status]); any bad row rejects the whole file with a per-row report (422)' }),
    (0, swagger_1.ApiConsumes)('multipart/form-data', 'application/json'),
    (0, swagger_1.ApiBody)({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, csv: { type: 'string' } } } }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', COHORT_ID)),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.UploadedFile)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String, Object, Object]),
    __metadata("design:returntype", Promise)
], CohortsApiController.prototype, "import", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)('enrolments/:id/withdraw'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({ summary: 'Withdraw a trainee with a reason; a freed place goes to the first on the waiting list' }),
    (0, zod_validation_pipe_1.ApiZodBody)(cohort_schemas_1.withdrawSchema),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', ENROLMENT_ID)),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String, Object]),
    __metadata("design:returntype", Promise)
], CohortsApiController.prototype, "withdraw", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('me/enrolments'),
    (0, swagger_1.ApiOperation)({ summary: 'My enrolments with their status, programme, part and completion rule' }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object]),
    __metadata("design:returntype", Promise)
], CohortsApiController.prototype, "myEnrolments", null);
__decorate([
    (0, access_decorators_1.Roles)('instructor'),
    (0, common_1.Get)('me/cohorts'),
    (0, swagger_1.ApiOperation)({ summary: 'The cohorts I teach, each with its trainees' }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object]),
    __metadata("design:returntype", Promise)
], CohortsApiController.prototype, "myCohorts", null);
exports.CohortsApiController = CohortsApiController = __decorate([
    (0, swagger_1.ApiTags)('cohorts'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiCookieAuth)(),
    (0, common_1.Controller)('api/v1'),
    __metadata("design:paramtypes", [cohorts_service_1.CohortsService,
        enrolments_service_1.EnrolmentsService,
        enrolment_import_service_1.EnrolmentImportService,
        my_enrolments_service_1.MyEnrolmentsService,
        cohort_access_service_1.CohortAccessService])
], CohortsApiController);
