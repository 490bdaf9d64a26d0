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
exports.SessionAccess = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const cohort_access_service_1 = require("../cohorts/cohort-access.service");
const errors_1 = require("../common/errors");
const sessions_errors_1 = require("./sessions.errors");
/**
 * Who may see or act on a session. The cohort decides (CohortAccessService): admins, the cohort's
 * instructors, its trainees. An instructor named on the session itself (a guest lecturer) may also see it
 * and take its attendance. Managing the schedule (create, edit, move, cancel) is for admins and the cohort's
 * instructors. Anyone else gets a 404, so a guessed id reveals nothing.
 */
let SessionAccess = class SessionAccess {
    dataSource;
    cohorts;
    constructor(dataSource, cohorts) {
        this.dataSource = dataSource;
        this.cohorts = cohorts;
    }
    async teachesSession(userId, sessionId) {
        const rows = await this.dataSource.query('SELECT 1 FROM session_instructors WHERE session_id = $1 AND user_id = $2', [sessionId, userId]);
        return rows.length > 0;
    }
    async canView(user, session) {
        if (await this.cohorts.canView(user, session.cohortId))
            return true;
        return user.hasRole('instructor') && this.teachesSession(user.id, session.id);
    }
    async canTakeAttendance(user, session) {
        if (await this.cohorts.canTeach(user, session.cohortId))
            return true;
        return user.hasRole('instructor') && this.teachesSession(user.id, session.id);
    }
    async canManage(user, cohortId) {
        return this.cohorts.canTeach(user, cohortId);
    }
    async assertCanView(user, session) {
        if (!(await this.canView(user, session)))
            throw new sessions_errors_1.SessionNotFoundError();
    }
    /** A trainee of the cohort gets 403; anyone who cannot see the session, 404. */
    async assertCanTakeAttendance(user, session) {
        if (await this.canTakeAttendance(user, session))
            return;
        if (await this.canView(user, session))
            throw new errors_1.ForbiddenError();
        throw new sessions_errors_1.SessionNotFoundError();
    }
    async assertCanManageSession(user, session) {
        if (await this.canManage(user, session.cohortId))
            return;
        if (await this.canView(user, session))
            throw new errors_1.ForbiddenError();
        throw new sessions_errors_1.SessionNotFoundError();
    }
    async assertCanManageCohort(user, cohortId) {
        if (await this.canManage(user, cohortId))
            return;
        if (await this.cohorts.canView(user, cohortId))
            throw new errors_1.ForbiddenError();
        throw new sessions_errors_1.CohortNotFoundError();
    }
    async assertCanViewCohort(user, cohortId) {
        if (!(await this.cohorts.canView(user, cohortId)))
            throw new sessions_errors_1.CohortNotFoundError();
    }
};
exports.SessionAccess = SessionAccess;
exports.SessionAccess = SessionAccess = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        cohort_access_service_1.CohortAccessService])
], SessionAccess);
