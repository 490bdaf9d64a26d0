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
exports.AttendanceService = exports.OPENS_MINUTES_BEFORE = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const outbox_service_1 = require("../notifications/outbox.service");
const session_access_service_1 = require("../sessions/session-access.service");
const sessions_service_1 = require("../sessions/sessions.service");
const attendance_stats_service_1 = require("./attendance-stats.service");
const attendance_warnings_1 = require("./attendance-warnings");
const attendance_errors_1 = require("./attendance.errors");
/** Attendance can be taken from this long before the start, as people arrive. */
exports.OPENS_MINUTES_BEFORE = 30;
/** Taking attendance for a session: its sheet of the cohort's trainees, and marking them. */
let AttendanceService = class AttendanceService {
    dataSource;
    sessions;
    access;
    warnings;
    outbox;
    audit;
    constructor(dataSource, sessions, access, warnings, outbox, audit) {
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.access = access;
        this.warnings = warnings;
        this.outbox = outbox;
        this.audit = audit;
    }
    /** The session and each trainee of its cohort with their mark, for those who may take attendance. */
    async sheet(user, sessionId) {
        const session = await this.sessions.get(sessionId);
        await this.access.assertCanTakeAttendance(user, session);
        const rows = await this.dataSource.query(`SELECT u.id AS user_id, u.name, u.department, a.status
         FROM enrolments e
         JOIN users u ON u.id = e.user_id
         LEFT JOIN attendances a ON a.session_id = $2 AND a.user_id = e.user_id
        WHERE e.cohort_id = $1 AND e.status = ANY($3)
        ORDER BY u.name, u.id`, [session.cohortId, session.id, attendance_stats_service_1.COUNTED_STATUSES]);
        return {
            session,
            rows: rows.map((r) => ({ userId: r.user_id, name: r.name, department: r.department, status: r.status })),
            opensAt: new Date(session.startsAt.getTime() - exports.OPENS_MINUTES_BEFORE * 60_000),
        };
    }
    /**
     * Sets the marks given (and, with `othersPresent`, present for everyone still unmarked), records what
     * changed in the audit log, then warns trainees who fell below the part's minimum. Returns how many changed.
     */
    async mark(user, sessionId, input, req, now = new Date()) {
        const session = await this.sessions.get(sessionId);
        await this.access.assertCanTakeAttendance(user, session);
        const { changed, outboxIds } = await this.dataSource.transaction(async (manager) => {
            const [current] = await manager.query('SELECT status, starts_at FROM sessions WHERE id = $1 FOR SHARE', [sessionId]);
            if (current.status === 'cancelled')
                throw new attendance_errors_1.SessionCancelledForAttendanceError();
            if (new Date(current.starts_at).getTime() - exports.OPENS_MINUTES_BEFORE * 60_000 > now.getTime())
                throw new attendance_errors_1.SessionNotStartedError(exports.OPENS_MINUTES_BEFORE);
            const members = await manager.query('SELECT user_id FROM enrolments WHERE cohort_id = $1 AND status = ANY($2)', [session.cohortId, attendance_stats_service_1.COUNTED_STATUSES]);
            const existing = await manager.query('SELECT user_id, status FROM attendances WHERE session_id = $1 FOR UPDATE', [sessionId]);
            const before = new Map(existing.map((row) => [row.user_id, row.status]));
            const memberIds = new Set(members.map((m) => m.user_id));
            const wanted = new Map();
            for (const mark of input.marks) {
                if (!memberIds.has(mark.userId))
                    throw new attendance_errors_1.NotInCohortError(mark.userId);
                wanted.set(mark.userId, mark.status);
            }
            if (input.othersPresent)
                for (const id of memberIds)
                    if (!wanted.has(id) && !before.has(id))
                        wanted.set(id, 'present');
            const changes = [...wanted].filter(([id, status]) => before.get(id) !== status);
            if (!changes.length)
                return { changed: 0, outboxIds: [] };
            await manager.query(`INSERT INTO attendances (session_id, user_id, status, marked_by_id)
         SELECT $1, t.user_id, t.status, $4 FROM unnest($2::uuid[], $3::varchar[]) AS t(user_id, status)
         ON CONFLICT (session_id, user_id) DO UPDATE SET status = EXCLUDED.status, marked_by_id = EXCLUDED.marked_by_id, marked_at = now()`, [sessionId, changes.map(([id]) => id), changes.map(([, status]) => status), user.id]);
            await this.audit.record({
                actorId: user.id,
                action: 'attendance.marked',
                entityType: 'session',
                entityId: sessionId,
                before: Object.fromEntries(changes.map(([id]) => [id, before.get(id) ?? null])),
                after: Object.fromEntries(changes),
                req,
            }, manager);
            const outboxIds = await this.warnings.check(manager, session.cohortId, changes.map(([id]) => id), now);
            return { changed: changes.length, outboxIds };
        });
        await this.outbox.dispatch(outboxIds);
        return { changed };
    }
};
exports.AttendanceService = AttendanceService;
exports.AttendanceService = AttendanceService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        sessions_service_1.SessionsService,
        session_access_service_1.SessionAccess,
        attendance_warnings_1.AttendanceWarnings,
        outbox_service_1.OutboxService,
        audit_service_1.AuditService])
], AttendanceService);
