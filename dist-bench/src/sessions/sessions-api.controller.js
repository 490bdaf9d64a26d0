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
exports.SessionsApiController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const my_sessions_service_1 = require("./my-sessions.service");
const session_changes_service_1 = require("./session-changes.service");
const session_views_1 = require("./session-views");
const sessions_schemas_1 = require("./sessions.schemas");
const sessions_service_1 = require("./sessions.service");
const SESSION_ID = new parse_id_pipe_1.ParseIdPipe('sessions.errors.notFound');
const COHORT_ID = new parse_id_pipe_1.ParseIdPipe('sessions.errors.cohortNotFound');
let SessionsApiController = class SessionsApiController {
    sessions;
    changes;
    mine;
    constructor(sessions, changes, mine) {
        this.sessions = sessions;
        this.changes = changes;
        this.mine = mine;
    }
    async list(cohortId, user, rawQuery) {
        const query = (0, zod_validation_pipe_1.parseWith)(sessions_schemas_1.sessionListQuerySchema, rawQuery);
        const { items, total } = await this.sessions.listForCohort(user, cohortId, query);
        return { items: items.map((s) => (0, session_views_1.sessionView)(s)), total, page: query.page, pageSize: query.pageSize };
    }
    async create(cohortId, user, body, req) {
        const session = await this.sessions.create(user, cohortId, (0, zod_validation_pipe_1.parseWith)(sessions_schemas_1.createSessionSchema, body), req);
        return (0, session_views_1.sessionView)(await this.sessions.get(session.id));
    }
    async get(id, user) {
        const session = await this.sessions.getVisible(user, id);
        return { ...(0, session_views_1.sessionView)(session), history: (await this.sessions.history(id)).map(session_views_1.changeView) };
    }
    async update(id, user, body, req) {
        await this.sessions.updateDetails(user, id, (0, zod_validation_pipe_1.parseWith)(sessions_schemas_1.sessionDetailsSchema, body), req);
        return (0, session_views_1.sessionView)(await this.sessions.get(id));
    }
    async move(id, user, body, req) {
        await this.changes.move(user, id, (0, zod_validation_pipe_1.parseWith)(sessions_schemas_1.moveSessionSchema, body), req);
        return this.get(id, user);
    }
    async cancel(id, user, body, req) {
        await this.changes.cancel(user, id, (0, zod_validation_pipe_1.parseWith)(sessions_schemas_1.cancelSessionSchema, body), req);
        return this.get(id, user);
    }
    async mySessions(user, rawQuery) {
        const query = (0, zod_validation_pipe_1.parseWith)(sessions_schemas_1.mySessionsQuerySchema, rawQuery);
        const { items, total } = await this.mine.upcoming(user, query.page, query.pageSize);
        return { items: items.map(({ session, cohortName }) => (0, session_views_1.sessionView)(session, cohortName)), total, page: query.page, pageSize: query.pageSize };
    }
    async today(user) {
        return { items: (await this.mine.today(user)).map(({ session, cohortName }) => (0, session_views_1.sessionView)(session, cohortName)) };
    }
};
exports.SessionsApiController = SessionsApiController;
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('cohorts/:cohortId/sessions'),
    (0, swagger_1.ApiOperation)({ summary: "A cohort's sessions in time order (admins, the cohort's instructors and trainees)" }),
    (0, zod_validation_pipe_1.ApiZodQuery)(sessions_schemas_1.sessionListQuerySchema),
    __param(0, (0, common_1.Param)('cohortId', COHORT_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object]),
    __metadata("design:returntype", Promise)
], SessionsApiController.prototype, "list", null);
__decorate([
    (0, access_decorators_1.Roles)('admin', 'instructor'),
    (0, common_1.Post)('cohorts/:cohortId/sessions'),
    (0, swagger_1.ApiOperation)({
        summary: 'Schedule a session (admins and the cohort\'s instructors)',
        description: 'Dates and times are Riga wall-clock time. No instructors given: the cohort\'s. 409 when an instructor or the room is already booked then.',
    }),
    (0, zod_validation_pipe_1.ApiZodBody)(sessions_schemas_1.createSessionSchema),
    __param(0, (0, common_1.Param)('cohortId', COHORT_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Body)()),
    __param(3, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object]),
    __metadata("design:returntype", Promise)
], SessionsApiController.prototype, "create", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('sessions/:id'),
    (0, swagger_1.ApiOperation)({ summary: 'One session with its history of moves and cancellation' }),
    __param(0, (0, common_1.Param)('id', SESSION_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function]),
    __metadata("design:returntype", Promise)
], SessionsApiController.prototype, "get", null);
__decorate([
    (0, access_decorators_1.Roles)('admin', 'instructor'),
    (0, common_1.Put)('sessions/:id'),
    (0, swagger_1.ApiOperation)({ summary: 'Change what, where and who (not the time: move the session for that)' }),
    (0, zod_validation_pipe_1.ApiZodBody)(sessions_schemas_1.sessionDetailsSchema),
    __param(0, (0, common_1.Param)('id', SESSION_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Body)()),
    __param(3, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object]),
    __metadata("design:returntype", Promise)
], SessionsApiController.prototype, "update", null);
__decorate([
    (0, access_decorators_1.Roles)('admin', 'instructor'),
    (0, common_1.Post)('sessions/:id/move'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({ summary: 'Move a session to a new time, with a reason; everyone concerned is told at once' }),
    (0, zod_validation_pipe_1.ApiZodBody)(sessions_schemas_1.moveSessionSchema),
    __param(0, (0, common_1.Param)('id', SESSION_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Body)()),
    __param(3, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object]),
    __metadata("design:returntype", Promise)
], SessionsApiController.prototype, "move", null);
__decorate([
    (0, access_decorators_1.Roles)('admin', 'instructor'),
    (0, common_1.Post)('sessions/:id/cancel'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({ summary: 'Cancel a session, with a reason; the record stays and everyone concerned is told at once' }),
    (0, zod_validation_pipe_1.ApiZodBody)(sessions_schemas_1.cancelSessionSchema),
    __param(0, (0, common_1.Param)('id', SESSION_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Body)()),
    __param(3, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object]),
    __metadata("design:returntype", Promise)
], SessionsApiController.prototype, "cancel", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('me/sessions'),
    (0, swagger_1.ApiOperation)({ summary: 'My sessions not yet over, nearest first: as a trainee and as an instructor' }),
    (0, zod_validation_pipe_1.ApiZodQuery)(sessions_schemas_1.mySessionsQuerySchema),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object]),
    __metadata("design:returntype", Promise)
], SessionsApiController.prototype, "mySessions", null);
__decorate([
    (0, access_decorators_1.Roles)('instructor', 'admin'),
    (0, common_1.Get)('me/sessions/today'),
    (0, swagger_1.ApiOperation)({ summary: "Today's sessions (Riga day) that I teach; every session of the day for admins" }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function]),
    __metadata("design:returntype", Promise)
], SessionsApiController.prototype, "today", null);
exports.SessionsApiController = SessionsApiController = __decorate([
    (0, swagger_1.ApiTags)('sessions'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiCookieAuth)(),
    (0, common_1.Controller)('api/v1'),
    __metadata("design:paramtypes", [sessions_service_1.SessionsService,
        session_changes_service_1.SessionChangesService,
        my_sessions_service_1.MySessionsService])
], SessionsApiController);
