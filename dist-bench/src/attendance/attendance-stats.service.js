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
exports.AttendanceStatsService = exports.COUNTED_STATUSES = void 0;
exports.attendancePercent = attendancePercent;
exports.isBelowMinimum = isBelowMinimum;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
/** Enrolments whose attendance is counted and shown (not waitlisted or withdrawn). */
exports.COUNTED_STATUSES = ['enrolled', 'completed', 'not_completed'];
/** The percentage of held sessions attended, compared exactly with the minimum. */
function attendancePercent(attended, recorded) {
    return recorded === 0 ? null : Math.floor((attended * 100) / recorded);
}
function isBelowMinimum(attended, recorded, minPercent) {
    return recorded > 0 && minPercent > 0 && attended * 100 < minPercent * recorded;
}
let AttendanceStatsService = class AttendanceStatsService {
    dataSource;
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    /** Every counted enrolment of the cohort, by name. */
    forCohort(cohortId, now = new Date(), manager) {
        return this.summaries('e.cohort_id = $2', cohortId, now, manager);
    }
    /** The trainee's own enrolments. */
    forTrainee(userId, now = new Date()) {
        return this.summaries('e.user_id = $2', userId, now);
    }
    /** One query for all the enrolments: held sessions per cohort, and marks per status on them. */
    async summaries(where, param, now, manager = this.dataSource.manager) {
        const rows = await manager.query(`WITH chosen AS (SELECT * FROM enrolments e WHERE ${where} AND e.status = ANY($3)),
            held AS (
              SELECT s.id, s.cohort_id, EXISTS (SELECT 1 FROM attendances x WHERE x.session_id = s.id) AS recorded FROM sessions s
               WHERE s.cohort_id IN (SELECT cohort_id FROM chosen) AND s.status = 'scheduled' AND s.starts_at <= $1)
       SELECT e.id AS enrolment_id, e.status AS enrolment_status, e.cohort_id, c.name AS cohort_name, p.title_lv, p.title_en,
              u.id AS user_id, u.name, u.email, u.language, p.min_attendance_percent,
              (SELECT count(*) FROM held h WHERE h.cohort_id = e.cohort_id)::int AS held,
              (SELECT count(*) FROM held h WHERE h.cohort_id = e.cohort_id AND h.recorded)::int AS recorded,
              count(a.id) FILTER (WHERE a.status = 'present')::int AS present,
              count(a.id) FILTER (WHERE a.status = 'late')::int AS late,
              count(a.id) FILTER (WHERE a.status = 'excused')::int AS excused,
              count(a.id) FILTER (WHERE a.status = 'absent')::int AS absent
         FROM chosen e
         JOIN users u ON u.id = e.user_id
         JOIN cohorts c ON c.id = e.cohort_id
         JOIN parts p ON p.id = c.part_id
         LEFT JOIN held h ON h.cohort_id = e.cohort_id
         LEFT JOIN attendances a ON a.session_id = h.id AND a.user_id = e.user_id
        GROUP BY e.id, e.status, e.cohort_id, c.name, p.title_lv, p.title_en, u.id, u.name, u.email, u.language, p.min_attendance_percent
        ORDER BY c.name, u.name, e.id`, [now, param, exports.COUNTED_STATUSES]);
        return rows.map((r) => {
            const attended = r.present + r.late;
            return {
                enrolmentId: r.enrolment_id,
                enrolmentStatus: r.enrolment_status,
                cohortId: r.cohort_id,
                cohortName: r.cohort_name,
                partTitleLv: r.title_lv,
                partTitleEn: r.title_en,
                userId: r.user_id,
                name: r.name,
                email: r.email,
                language: r.language,
                minPercent: r.min_attendance_percent,
                held: r.held,
                recorded: r.recorded,
                present: r.present,
                late: r.late,
                excused: r.excused,
                absent: r.absent,
                unmarked: r.recorded - r.present - r.late - r.excused - r.absent,
                percent: attendancePercent(attended, r.recorded),
                belowMinimum: isBelowMinimum(attended, r.recorded, r.min_attendance_percent),
            };
        });
    }
    /** The held sessions of the trainee's cohorts with their mark, newest first. */
    async sessionsOfTrainee(userId, now = new Date(), limit = 500) {
        const rows = await this.dataSource.query(`SELECT s.id AS session_id, s.title, s.starts_at, s.ends_at, c.name AS cohort_name, a.status
         FROM enrolments e
         JOIN sessions s ON s.cohort_id = e.cohort_id AND s.status = 'scheduled' AND s.starts_at <= $2
         JOIN cohorts c ON c.id = e.cohort_id
         LEFT JOIN attendances a ON a.session_id = s.id AND a.user_id = e.user_id
        WHERE e.user_id = $1 AND e.status = ANY($3)
        ORDER BY s.starts_at DESC, s.id
        LIMIT $4`, [userId, now, exports.COUNTED_STATUSES, limit]);
        return rows.map((r) => ({ sessionId: r.session_id, title: r.title, startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at), cohortName: r.cohort_name, status: r.status }));
    }
};
exports.AttendanceStatsService = AttendanceStatsService;
exports.AttendanceStatsService = AttendanceStatsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource])
], AttendanceStatsService);
