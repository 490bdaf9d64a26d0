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
exports.AttendancePagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const form_view_1 = require("../common/form-view");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const form_locals_1 = require("../programmes/form-locals");
const localized_1 = require("../programmes/localized");
const session_access_service_1 = require("../sessions/session-access.service");
const sessions_service_1 = require("../sessions/sessions.service");
const attendance_stats_service_1 = require("./attendance-stats.service");
const attendance_schemas_1 = require("./attendance.schemas");
const attendance_service_1 = require("./attendance.service");
const attendance_views_1 = require("./attendance-views");
const SESSION_ID = new parse_id_pipe_1.ParseIdPipe('sessions.errors.notFound');
const COHORT_ID = new parse_id_pipe_1.ParseIdPipe('sessions.errors.cohortNotFound');
let AttendancePagesController = class AttendancePagesController {
    attendance;
    stats;
    sessions;
    access;
    constructor(attendance, stats, sessions, access) {
        this.attendance = attendance;
        this.stats = stats;
        this.sessions = sessions;
        this.access = access;
    }
    async sheet(id, user) {
        return this.sheetLocals(user, id);
    }
    async mark(id, user, req, body, res) {
        const { changed } = await (0, form_locals_1.withFormLocals)(res, () => this.sheetLocals(user, id), () => this.attendance.mark(user, id, (0, zod_validation_pipe_1.parseWith)(attendance_schemas_1.attendanceFormSchema, body), req));
        req.session.flash = [{ kind: 'success', key: 'attendance.flash.saved', params: { count: changed } }];
        res.redirect(303, `/sessions/${id}/attendance`);
    }
    async cohort(cohortId, user) {
        await this.access.assertCanManageCohort(user, cohortId);
        return {
            titleKey: 'attendance.cohort.title',
            cohort: await this.sessions.cohort(cohortId),
            trainees: (await this.stats.forCohort(cohortId)).map(attendance_views_1.summaryView),
        };
    }
    async mine(user, req) {
        const [summaries, sessions] = await Promise.all([this.stats.forTrainee(user.id), this.stats.sessionsOfTrainee(user.id)]);
        return {
            titleKey: 'attendance.mine.title',
            enrolments: summaries.map((s) => ({ ...(0, attendance_views_1.summaryView)(s), partTitle: (0, localized_1.localized)(req.lang, s.partTitleLv, s.partTitleEn) })),
            sessions: sessions.map((s) => ({ ...s, statusKey: s.status ? `attendance.status.${s.status}` : 'attendance.status.unmarked' })),
        };
    }
    async sheetLocals(user, id) {
        const { session, rows, opensAt } = await this.attendance.sheet(user, id);
        return { titleKey: 'attendance.take.title', cohort: await this.sessions.cohort(session.cohortId), ...(0, attendance_views_1.sheetView)(session, rows, opensAt) };
    }
};
exports.AttendancePagesController = AttendancePagesController;
__decorate([
    (0, access_decorators_1.Roles)('instructor', 'admin'),
    (0, common_1.Get)('sessions/:id/attendance'),
    (0, common_1.Render)('pages/attendance/take'),
    __param(0, (0, common_1.Param)('id', SESSION_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function]),
    __metadata("design:returntype", Promise)
], AttendancePagesController.prototype, "sheet", null);
__decorate([
    (0, access_decorators_1.Roles)('instructor', 'admin'),
    (0, common_1.Post)('sessions/:id/attendance'),
    (0, form_view_1.FormView)('pages/attendance/take'),
    __param(0, (0, common_1.Param)('id', SESSION_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], AttendancePagesController.prototype, "mark", null);
__decorate([
    (0, access_decorators_1.Roles)('instructor', 'admin'),
    (0, common_1.Get)('cohorts/:cohortId/attendance'),
    (0, common_1.Render)('pages/attendance/cohort'),
    __param(0, (0, common_1.Param)('cohortId', COHORT_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function]),
    __metadata("design:returntype", Promise)
], AttendancePagesController.prototype, "cohort", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('my/attendance'),
    (0, common_1.Render)('pages/attendance/mine'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object]),
    __metadata("design:returntype", Promise)
], AttendancePagesController.prototype, "mine", null);
exports.AttendancePagesController = AttendancePagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [attendance_service_1.AttendanceService,
        attendance_stats_service_1.AttendanceStatsService,
        sessions_service_1.SessionsService,
        session_access_service_1.SessionAccess])
], AttendancePagesController);
