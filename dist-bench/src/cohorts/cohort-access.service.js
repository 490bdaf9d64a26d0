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
exports.CohortAccessService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const errors_1 = require("../common/errors");
/** Enrolment statuses that keep a trainee inside the cohort (materials, schedule). */
const MEMBER_STATUSES = ['enrolled', 'completed', 'not_completed'];
/**
 * Who may see or act on a cohort. Admins see every cohort; instructors the cohorts they teach;
 * trainees the cohorts they are (or were) enrolled in. Anything else is refused as not found, so an id
 * guessed from outside reveals nothing.
 */
let CohortAccessService = class CohortAccessService {
    dataSource;
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    async isInstructorOf(userId, cohortId) {
        const rows = await this.dataSource.query('SELECT 1 FROM cohort_instructors WHERE cohort_id = $1 AND user_id = $2', [cohortId, userId]);
        return rows.length > 0;
    }
    async isMemberOf(userId, cohortId) {
        const rows = await this.dataSource.query('SELECT 1 FROM enrolments WHERE cohort_id = $1 AND user_id = $2 AND status = ANY($3)', [cohortId, userId, MEMBER_STATUSES]);
        return rows.length > 0;
    }
    /** May the user see the cohort's schedule and materials? */
    async canView(user, cohortId) {
        if (user.hasRole('admin'))
            return true;
        if (user.hasRole('instructor') && (await this.isInstructorOf(user.id, cohortId)))
            return true;
        return user.hasRole('trainee') && this.isMemberOf(user.id, cohortId);
    }
    /** May the user teach in the cohort: take attendance, upload materials, grade? */
    async canTeach(user, cohortId) {
        if (user.hasRole('admin'))
            return true;
        return user.hasRole('instructor') && this.isInstructorOf(user.id, cohortId);
    }
    async assertCanView(user, cohortId) {
        if (!(await this.canView(user, cohortId)))
            throw new errors_1.NotFoundError();
    }
    /** Someone who can see the cohort but not teach it gets 403; anyone else a 404. */
    async assertCanTeach(user, cohortId) {
        if (await this.canTeach(user, cohortId))
            return;
        if (await this.canView(user, cohortId))
            throw new errors_1.ForbiddenError();
        throw new errors_1.NotFoundError();
    }
    /** Cohorts of a part the user can view (a part's materials are for every cohort of it). */
    async canViewPart(user, partId) {
        return user.hasRole('admin') || this.takesPartIn(user.id, 'c.part_id = $1', partId);
    }
    /** A programme is seen by admins and by whoever can see one of its cohorts. */
    async canViewProgramme(user, programmeId) {
        return user.hasRole('admin') || this.takesPartIn(user.id, 'c.part_id IN (SELECT id FROM parts WHERE programme_id = $1)', programmeId);
    }
    /** Does the user teach, or belong to, some cohort matching the condition on `c` (with the id as $1)? */
    async takesPartIn(userId, cohortCondition, id) {
        const rows = await this.dataSource.query(`SELECT 1 FROM cohorts c
        WHERE ${cohortCondition}
          AND (EXISTS (SELECT 1 FROM cohort_instructors ci WHERE ci.cohort_id = c.id AND ci.user_id = $2)
            OR EXISTS (SELECT 1 FROM enrolments e WHERE e.cohort_id = c.id AND e.user_id = $2 AND e.status = ANY($3)))
        LIMIT 1`, [id, userId, MEMBER_STATUSES]);
        return rows.length > 0;
    }
    async canTeachPart(user, partId) {
        if (user.hasRole('admin'))
            return true;
        if (!user.hasRole('instructor'))
            return false;
        const rows = await this.dataSource.query('SELECT 1 FROM cohorts c JOIN cohort_instructors ci ON ci.cohort_id = c.id WHERE c.part_id = $1 AND ci.user_id = $2 LIMIT 1', [partId, user.id]);
        return rows.length > 0;
    }
};
exports.CohortAccessService = CohortAccessService;
exports.CohortAccessService = CohortAccessService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource])
], CohortAccessService);
