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
exports.AttendanceApiController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const session_access_service_1 = require("../sessions/session-access.service");
const attendance_stats_service_1 = require("./attendance-stats.service");
const attendance_schemas_1 = require("./attendance.schemas");
const attendance_service_1 = require("./attendance.service");
const attendance_views_1 = require("./attendance-views");
const SESSION_ID = new parse_id_pipe_1.ParseIdPipe('sessions.errors.notFound');
const COHORT_ID = new parse_id_pipe_1.ParseIdPipe('sessions.errors.cohortNotFound');
let AttendanceApiController = class AttendanceApiController {
    attendance;
    stats;
    access;
    constructor(attendance, stats, access) {
        this.attendance = attendance;
        this.stats = stats;
        this.access = access;
    }
    async sheet(id, user) {
        const { session, rows } = await this.attendance.sheet(user, id);
        return { sessionId: session.id, items: rows };
    }
    async mark(id, user, body, req) {
        const { changed } = await this.attendance.mark(user, id, (0, zod_validation_pipe_1.parseWith)(attendance_schemas_1.markAttendanceSchema, body), req);
        const { rows } = await this.attendance.sheet(user, id);
        return { sessionId: id, changed, items: rows };
    }
    async cohort(cohortId, user) {
        await this.access.assertCanManageCohort(user, cohortId);
        return { items: (await this.stats.forCohort(cohortId)).map(attendance_views_1.summaryView) };
    }
    async mine(user) {
        const [summaries, sessions] = await Promise.all([this.stats.forTrainee(user.id), this.stats.sessionsOfTrainee(user.id)]);
        return { enrolments: summaries.map(attendance_views_1.summaryView), sessions };
    }
};
exports.AttendanceApiController = AttendanceApiController;
__decorate([
    (0, access_decorators_1.Roles)('instructor', 'admin'),
    (0, common_1.Get)('sessions/:id/attendance'),
    (0, swagger_1.ApiOperation)({ summary: "A session's trainees with their marks (admins and the cohort's instructors)" }),
    __param(0, (0, common_1.Param)('id', SESSION_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function]),
    __metadata("design:returntype", Promise)
], AttendanceApiController.prototype, "sheet", null);
__decorate([
    (0, access_decorators_1.Roles)('instructor', 'admin'),
    (0, common_1.Put)('sessions/:id/attendance'),
    (0, swagger_1.ApiOperation)({
        summary: 'Mark trainees present, late, absent or excused',
        description: 'From 30 minutes before the start of a scheduled session. `othersPresent` marks everyone still unmarked as present.',
    }),
    (0, zod_validation_pipe_1.ApiZodBody)(attendance_schemas_1.markAttendanceSchema),
    __param(0, (0, common_1.Param)('id', SESSION_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Body)()),
    __param(3, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object]),
    __metadata("design:returntype", Promise)
], AttendanceApiController.prototype, "mark", null);
__decorate([
    (0, access_decorators_1.Roles)('instructor', 'admin'),
    (0, common_1.Get)('cohorts/:cohortId/attendance'),
    (0, swagger_1.ApiOperation)({ summary: "Attendance of each trainee of a cohort: held sessions only, (present + late) / held" }),
    __param(0, (0, common_1.Param)('cohortId', COHORT_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function]),
    __metadata("design:returntype", Promise)
], AttendanceApiController.prototype, "cohort", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('me/attendance'),
    (0, swagger_1.ApiOperation)({ summary: 'My attendance in each cohort, and my mark at each held session' }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function]),
    __metadata("design:returntype", Promise)
], AttendanceApiController.prototype, "mine", null);
exports.AttendanceApiController = AttendanceApiController = __decorate([
    (0, swagger_1.ApiTags)('attendance'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiCookieAuth)(),
    (0, common_1.Controller)('api/v1'),
    __metadata("design:paramtypes", [attendance_service_1.AttendanceService,
        attendance_stats_service_1.AttendanceStatsService,
        session_access_service_1.SessionAccess])
], AttendanceApiController);
