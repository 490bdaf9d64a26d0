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
exports.SessionsPagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const form_view_1 = require("../common/form-view");
const paging_1 = require("../common/paging");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const form_locals_1 = require("../programmes/form-locals");
const my_sessions_service_1 = require("./my-sessions.service");
const session_access_service_1 = require("./session-access.service");
const session_changes_service_1 = require("./session-changes.service");
const session_views_1 = require("./session-views");
const session_entity_1 = require("./session.entity");
const sessions_schemas_1 = require("./sessions.schemas");
const sessions_service_1 = require("./sessions.service");
const SESSION_ID = new parse_id_pipe_1.ParseIdPipe('sessions.errors.notFound');
const COHORT_ID = new parse_id_pipe_1.ParseIdPipe('sessions.errors.cohortNotFound');
/** Schedule pages: a cohort's sessions, one session with its history, its forms, and each person's own schedule. */
let SessionsPagesController = class SessionsPagesController {
    sessions;
    changes;
    mine;
    access;
    constructor(sessions, changes, mine, access) {
        this.sessions = sessions;
        this.changes = changes;
        this.mine = mine;
        this.access = access;
    }
    async cohortSessions(cohortId, user, rawQuery) {
        const query = (0, zod_validation_pipe_1.parseWith)(sessions_schemas_1.sessionListQuerySchema, rawQuery);
        const { items, total } = await this.sessions.listForCohort(user, cohortId, query);
        return {
            titleKey: 'sessions.cohort.title',
            cohort: await this.sessions.cohort(cohortId),
            sessions: items.map((s) => (0, session_views_1.sessionPageView)(s)),
            canManage: await this.access.canManage(user, cohortId),
            pager: (0, paging_1.pager)(`/cohorts/${cohortId}/sessions`, query, total),
        };
    }
    async newForm(cohortId, user) {
        await this.access.assertCanManageCohort(user, cohortId);
        const locals = await this.formLocals(cohortId);
        return { ...locals, values: { kind: 'class', instructorIds: locals.cohort.instructors.map((u) => u.id) } };
    }
    async create(cohortId, user, req, body, res) {
        const session = await (0, form_locals_1.withFormLocals)(res, () => this.formLocals(cohortId), () => this.sessions.create(user, cohortId, (0, zod_validation_pipe_1.parseWith)(sessions_schemas_1.createSessionSchema, body), req));
        req.session.flash = [{ kind: 'success', key: 'sessions.flash.created' }];
        res.redirect(303, `/sessions/${session.id}`);
    }
    async show(id, user) {
        const session = await this.sessions.getVisible(user, id);
        const [cohort, history, canManage, canTakeAttendance] = await Promise.all([
            this.sessions.cohort(session.cohortId),
            this.sessions.history(id),
            this.access.canManage(user, session.cohortId),
            this.access.canTakeAttendance(user, session),
        ]);
        return { titleKey: 'sessions.show.title', session: (0, session_views_1.sessionPageView)(session), cohort, history: history.map(session_views_1.changeView), canManage, canTakeAttendance };
    }
    async editForm(id, user) {
        const session = await this.sessions.get(id);
        await this.access.assertCanManageSession(user, session);
        return { ...(await this.formLocals(session.cohortId, id)), values: (0, session_views_1.formValues)(session) };
    }
    async update(id, user, req, body, res) {
        await (0, form_locals_1.withFormLocals)(res, async () => this.formLocals((await this.sessions.get(id)).cohortId, id), () => this.sessions.updateDetails(user, id, (0, zod_validation_pipe_1.parseWith)(sessions_schemas_1.sessionDetailsSchema, body), req));
        req.session.flash = [{ kind: 'success', key: 'sessions.flash.updated' }];
        res.redirect(303, `/sessions/${id}`);
    }
    async moveForm(id, user) {
        const session = await this.sessions.get(id);
        await this.access.assertCanManageSession(user, session);
        const { startDate, startTime, endDate, endTime } = (0, session_views_1.formValues)(session);
        return { titleKey: 'sessions.move.title', session: (0, session_views_1.sessionPageView)(session), values: { startDate, startTime, endDate, endTime } };
    }
    async move(id, user, req, body, res) {
        await (0, form_locals_1.withFormLocals)(res, async () => ({ titleKey: 'sessions.move.title', session: (0, session_views_1.sessionPageView)(await this.sessions.get(id)) }), () => this.changes.move(user, id, (0, zod_validation_pipe_1.parseWith)(sessions_schemas_1.moveSessionSchema, body), req));
        req.session.flash = [{ kind: 'success', key: 'sessions.flash.moved' }];
        res.redirect(303, `/sessions/${id}`);
    }
    async cancelForm(id, user) {
        const session = await this.sessions.get(id);
        await this.access.assertCanManageSession(user, session);
        return { titleKey: 'sessions.cancel.title', session: (0, session_views_1.sessionPageView)(session) };
    }
    async cancel(id, user, req, body, res) {
        await (0, form_locals_1.withFormLocals)(res, async () => ({ titleKey: 'sessions.cancel.title', session: (0, session_views_1.sessionPageView)(await this.sessions.get(id)) }), () => this.changes.cancel(user, id, (0, zod_validation_pipe_1.parseWith)(sessions_schemas_1.cancelSessionSchema, body), req));
        req.session.flash = [{ kind: 'success', key: 'sessions.flash.cancelled' }];
        res.redirect(303, `/sessions/${id}`);
    }
    async mySessions(user, rawQuery) {
        const query = (0, zod_validation_pipe_1.parseWith)(sessions_schemas_1.mySessionsQuerySchema, rawQuery);
        const { items, total } = await this.mine.upcoming(user, query.page, query.pageSize);
        return {
            titleKey: 'sessions.mine.title',
            sessions: items.map(({ session, cohortName }) => (0, session_views_1.sessionPageView)(session, cohortName)),
            pager: (0, paging_1.pager)('/my/sessions', query, total),
        };
    }
    async today(user) {
        const items = await this.mine.today(user);
        return { titleKey: 'sessions.today.title', today: new Date(), sessions: items.map(({ session, cohortName }) => (0, session_views_1.sessionPageView)(session, cohortName)) };
    }
    async formLocals(cohortId, sessionId) {
        const [cohort, instructors] = await Promise.all([this.sessions.cohort(cohortId), this.sessions.instructorOptions()]);
        return { titleKey: sessionId ? 'sessions.form.editTitle' : 'sessions.form.newTitle', cohort, instructors, kinds: session_entity_1.SESSION_KINDS.map((kind) => ({ value: kind, labelKey: `sessions.kinds.${kind}` })), sessionId: sessionId ?? null };
    }
};
exports.SessionsPagesController = SessionsPagesController;
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('cohorts/:cohortId/sessions'),
    (0, common_1.Render)('pages/sessions/cohort'),
    __param(0, (0, common_1.Param)('cohortId', COHORT_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object]),
    __metadata("design:returntype", Promise)
], SessionsPagesController.prototype, "cohortSessions", null);
__decorate([
    (0, access_decorators_1.Roles)('admin', 'instructor'),
    (0, common_1.Get)('cohorts/:cohortId/sessions/new'),
    (0, common_1.Render)('pages/sessions/form'),
    __param(0, (0, common_1.Param)('cohortId', COHORT_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function]),
    __metadata("design:returntype", Promise)
], SessionsPagesController.prototype, "newForm", null);
__decorate([
    (0, access_decorators_1.Roles)('admin', 'instructor'),
    (0, common_1.Post)('cohorts/:cohortId/sessions'),
    (0, form_view_1.FormView)('pages/sessions/form'),
    __param(0, (0, common_1.Param)('cohortId', COHORT_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], SessionsPagesController.prototype, "create", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('sessions/:id'),
    (0, common_1.Render)('pages/sessions/show'),
    __param(0, (0, common_1.Param)('id', SESSION_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function]),
    __metadata("design:returntype", Promise)
], SessionsPagesController.prototype, "show", null);
__decorate([
    (0, access_decorators_1.Roles)('admin', 'instructor'),
    (0, common_1.Get)('sessions/:id/edit'),
    (0, common_1.Render)('pages/sessions/form'),
    __param(0, (0, common_1.Param)('id', SESSION_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function]),
    __metadata("design:returntype", Promise)
], SessionsPagesController.prototype, "editForm", null);
__decorate([
    (0, access_decorators_1.Roles)('admin', 'instructor'),
    (0, common_1.Post)('sessions/:id/edit'),
    (0, form_view_1.FormView)('pages/sessions/form'),
    __param(0, (0, common_1.Param)('id', SESSION_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], SessionsPagesController.prototype, "update", null);
__decorate([
    (0, access_decorators_1.Roles)('admin', 'instructor'),
    (0, common_1.Get)('sessions/:id/move'),
    (0, common_1.Render)('pages/sessions/move'),
    __param(0, (0, common_1.Param)('id', SESSION_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function]),
    __metadata("design:returntype", Promise)
], SessionsPagesController.prototype, "moveForm", null);
__decorate([
    (0, access_decorators_1.Roles)('admin', 'instructor'),
    (0, common_1.Post)('sessions/:id/move'),
    (0, form_view_1.FormView)('pages/sessions/move'),
    __param(0, (0, common_1.Param)('id', SESSION_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], SessionsPagesController.prototype, "move", null);
__decorate([
    (0, access_decorators_1.Roles)('admin', 'instructor'),
    (0, common_1.Get)('sessions/:id/cancel'),
    (0, common_1.Render)('pages/sessions/cancel'),
    __param(0, (0, common_1.Param)('id', SESSION_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function]),
    __metadata("design:returntype", Promise)
], SessionsPagesController.prototype, "cancelForm", null);
__decorate([
    (0, access_decorators_1.Roles)('admin', 'instructor'),
    (0, common_1.Post)('sessions/:id/cancel'),
    (0, form_view_1.FormView)('pages/sessions/cancel'),
    __param(0, (0, common_1.Param)('id', SESSION_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], SessionsPagesController.prototype, "cancel", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('my/sessions'),
    (0, common_1.Render)('pages/sessions/mine'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object]),
    __metadata("design:returntype", Promise)
], SessionsPagesController.prototype, "mySessions", null);
__decorate([
    (0, access_decorators_1.Roles)('instructor', 'admin'),
    (0, common_1.Get)('my/sessions/today'),
    (0, common_1.Render)('pages/sessions/today'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function]),
    __metadata("design:returntype", Promise)
], SessionsPagesController.prototype, "today", null);
exports.SessionsPagesController = SessionsPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [sessions_service_1.SessionsService,
        session_changes_service_1.SessionChangesService,
        my_sessions_service_1.MySessionsService,
        session_access_service_1.SessionAccess])
], SessionsPagesController);
