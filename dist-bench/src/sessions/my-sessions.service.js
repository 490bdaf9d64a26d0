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
exports.MySessionsService = exports.SCHEDULE_STATUSES = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const dates_1 = require("../i18n/dates");
const session_entity_1 = require("./session.entity");
const sessions_schemas_1 = require("./sessions.schemas");
/** Enrolment statuses whose schedule the trainee sees (not waitlisted or withdrawn). */
exports.SCHEDULE_STATUSES = ['enrolled', 'completed', 'not_completed'];
/**
 * A person's own schedule: the sessions of the cohorts they are enrolled in and the sessions they teach.
 * Each list is two indexed queries whatever the size of the platform: the ids of one page (with the total),
 * then those sessions with their instructors.
 */
let MySessionsService = class MySessionsService {
    dataSource;
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    /** Sessions not yet over, nearest first; cancelled ones stay listed so people see the change. */
    async upcoming(user, page, pageSize, now = new Date()) {
        const rows = await this.dataSource.query(`WITH mine AS (${this.mineSql('s.ends_at > $3 AND s.starts_at > $3::timestamptz - make_interval(days => $4)')})
       SELECT s.id, c.name AS cohort_name, count(*) OVER () AS total
         FROM mine JOIN sessions s ON s.id = mine.id JOIN cohorts c ON c.id = s.cohort_id
        ORDER BY s.starts_at, s.id
        LIMIT $5 OFFSET $6`, [user.id, exports.SCHEDULE_STATUSES, now, sessions_schemas_1.MAX_SESSION_DAYS, pageSize, (page - 1) * pageSize]);
        return { items: await this.load(rows), total: rows.length ? Number(rows[0].total) : 0 };
    }
    /**
     * Sessions starting on the Riga calendar day of `now`: those the instructor teaches or whose cohort they teach;
     * every session of the day for an admin.
     */
    async today(user, now = new Date()) {
        const p = (0, dates_1.rigaParts)(now);
        const from = (0, dates_1.rigaTime)(p.year, p.month, p.day);
        const to = (0, dates_1.rigaTime)(p.year, p.month, p.day + 1);
        const rows = user.hasRole('admin')
            ? await this.dataSource.query(`SELECT s.id, c.name AS cohort_name, 0 AS total FROM sessions s JOIN cohorts c ON c.id = s.cohort_id
            WHERE s.starts_at >= $1 AND s.starts_at < $2 ORDER BY s.starts_at, s.id LIMIT 500`, [from, to])
            : await this.dataSource.query(`WITH mine AS (
             SELECT si.session_id AS id FROM session_instructors si JOIN sessions s ON s.id = si.session_id
              WHERE si.user_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3
             UNION
             SELECT s.id FROM cohort_instructors ci JOIN sessions s ON s.cohort_id = ci.cohort_id
              WHERE ci.user_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3)
           SELECT s.id, c.name AS cohort_name, 0 AS total FROM mine JOIN sessions s ON s.id = mine.id JOIN cohorts c ON c.id = s.cohort_id
            ORDER BY s.starts_at, s.id LIMIT 500`, [user.id, from, to]);
        return this.load(rows);
    }
    /** What the person's calendar feed holds: the last year and everything ahead, at most `limit` sessions. */
    async forCalendar(userId, now = new Date(), limit = 2000) {
        const rows = await this.dataSource.query(`WITH mine AS (${this.mineSql(`s.starts_at > $3::timestamptz - interval '365 days'`)})
       SELECT s.id, c.name AS cohort_name, 0 AS total
         FROM mine JOIN sessions s ON s.id = mine.id JOIN cohorts c ON c.id = s.cohort_id
        ORDER BY s.starts_at, s.id
        LIMIT $4`, [userId, exports.SCHEDULE_STATUSES, now, limit]);
        return this.load(rows);
    }
    /** Ids of the sessions of $1: as a trainee (enrolment status in $2) or as an instructor, filtered by `where`. */
    mineSql(where) {
        return `SELECT s.id FROM enrolments e JOIN sessions s ON s.cohort_id = e.cohort_id
             WHERE e.user_id = $1 AND e.status = ANY($2) AND ${where}
            UNION
            SELECT s.id FROM session_instructors si JOIN sessions s ON s.id = si.session_id
             WHERE si.user_id = $1 AND ${where}`;
    }
    async load(rows) {
        if (!rows.length)
            return [];
        const sessions = await this.dataSource.getRepository(session_entity_1.Session).find({ where: { id: (0, typeorm_2.In)(rows.map((r) => r.id)) }, relations: { instructors: true } });
        const byId = new Map(sessions.map((s) => [s.id, s]));
        return rows.filter((r) => byId.has(r.id)).map((r) => ({ session: byId.get(r.id), cohortName: r.cohort_name }));
    }
};
exports.MySessionsService = MySessionsService;
exports.MySessionsService = MySessionsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource])
], MySessionsService);
