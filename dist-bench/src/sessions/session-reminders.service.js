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
var SessionRemindersService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionRemindersService = void 0;
exports.reminderTime = reminderTime;
exports.reminderKey = reminderKey;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const app_config_1 = require("../config/app-config");
const dates_1 = require("../i18n/dates");
const outbox_service_1 = require("../notifications/outbox.service");
const session_notices_1 = require("./session-notices");
const session_views_1 = require("./session-views");
/** The reminder of an offset that is a whole number of days keeps the wall-clock time across a DST change. */
function reminderTime(startsAt, offsetHours) {
    return offsetHours % 24 === 0 ? (0, dates_1.sameTimeDaysBefore)(startsAt, offsetHours / 24) : new Date(startsAt.getTime() - offsetHours * 3_600_000);
}
/** One reminder per person, session, offset and start instant: a moved session is reminded again for its new time. */
function reminderKey(sessionId, userId, offsetHours, startsAt) {
    return `${(0, session_notices_1.reminderKeyPrefix)(sessionId)}${userId}:${offsetHours}h:${Math.floor(startsAt.getTime() / 1000)}`;
}
/** Slack around the SQL window: a whole-day offset over a DST change is an hour longer or shorter. */
const SLACK_HOURS = 2;
const SESSIONS_PER_TRANSACTION = 200;
/**
 * Finds the session reminders whose time has come and writes them to the outbox, set-based: one query for the
 * sessions in the window of the largest offset, one per batch for the people. Safe to run as often and in as many
 * workers as you like: the deduplication key lets each reminder in once.
 *
 * Who: trainees whose enrolment is `enrolled` (not waitlisted, withdrawn or finished) and the session's
 * instructors, with active accounts and reminders switched on. When: the programme's offsets (study visits
 * have their own); only once the time has come and before the session starts. A reminder more than
 * REMINDER_MAX_LATE_MINUTES late (the worker was down) is skipped rather than sent long after its time.
 */
let SessionRemindersService = SessionRemindersService_1 = class SessionRemindersService {
    dataSource;
    outbox;
    config;
    logger = new common_1.Logger(SessionRemindersService_1.name);
    constructor(dataSource, outbox, config) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.config = config;
    }
    async scan(now = new Date()) {
        const maxLateMs = this.config.env.REMINDER_MAX_LATE_MINUTES * 60_000;
        const candidates = await this.candidates(now, maxLateMs);
        const due = [];
        let tooLate = 0;
        for (const candidate of candidates) {
            const remindAt = reminderTime(new Date(candidate.starts_at), candidate.hours);
            if (remindAt > now)
                continue;
            if (now.getTime() - remindAt.getTime() > maxLateMs)
                tooLate += 1;
            else
                due.push({ ...candidate, starts_at: new Date(candidate.starts_at), ends_at: new Date(candidate.ends_at), remindAt });
        }
        let created = 0;
        const sessionIds = [...new Set(due.map((d) => d.id))];
        for (let i = 0; i < sessionIds.length; i += SESSIONS_PER_TRANSACTION) {
            const batch = new Set(sessionIds.slice(i, i + SESSIONS_PER_TRANSACTION));
            const ids = await this.dataSource.transaction((manager) => this.createReminders(manager, due.filter((d) => batch.has(d.id))));
            await this.outbox.dispatch(ids);
            created += ids.length;
        }
        const result = { due: due.length, tooLate, created };
        if (due.length || tooLate)
            this.logger.log({ ...result, now: now.toISOString() }, 'Session reminders scanned');
        return result;
    }
    /** Scheduled sessions not yet started with an offset whose reminder time is near `now`. */
    candidates(now, maxLateMs) {
        return this.dataSource.query(`SELECT DISTINCT s.id, s.starts_at, s.ends_at, s.title, s.kind, s.address, s.room, s.online_url, c.name AS cohort_name, o.hours
         FROM sessions s
         JOIN cohorts c ON c.id = s.cohort_id
         JOIN parts p ON p.id = c.part_id
         JOIN programmes g ON g.id = p.programme_id
        CROSS JOIN LATERAL unnest(CASE WHEN s.kind = 'study_visit' THEN g.study_visit_offsets_hours ELSE g.reminder_offsets_hours END) AS o(hours)
        WHERE s.status = 'scheduled'
          AND s.starts_at > $1::timestamptz
          AND s.starts_at <= $1::timestamptz + make_interval(hours => $3 + (
                SELECT coalesce(max(h), 0) FROM programmes, unnest(reminder_offsets_hours || study_visit_offsets_hours) AS h))
          AND o.hours > 0
          AND s.starts_at - make_interval(hours => o.hours) <= $1::timestamptz + make_interval(hours => $3)
          AND s.starts_at - make_interval(hours => o.hours) >= $1::timestamptz - make_interval(hours => $3, secs => $2)`, [now, maxLateMs / 1000, SLACK_HOURS]);
    }
    /**
     * Writes the reminders of a batch of sessions. The sessions are locked FOR SHARE and must still start when
     * the scan saw them: a move commits either before (this batch skips the session) or after (the move stops
     * the reminders written here).
     */
    async createReminders(manager, due) {
        const locked = await manager.query(`SELECT id, starts_at FROM sessions WHERE id = ANY($1::uuid[]) AND status = 'scheduled' FOR SHARE`, [[...new Set(due.map((d) => d.id))]]);
        const startOf = new Map(locked.map((row) => [row.id, new Date(row.starts_at).getTime()]));
        const still = due.filter((d) => startOf.get(d.id) === d.starts_at.getTime());
        if (!still.length)
            return [];
        const people = await manager.query(`WITH due AS (SELECT * FROM unnest($1::uuid[], $2::int[]) AS d(session_id, hours)),
            people AS (
              SELECT d.session_id, d.hours, e.user_id
                FROM due d JOIN sessions s ON s.id = d.session_id
                JOIN enrolments e ON e.cohort_id = s.cohort_id AND e.status = 'enrolled'
              UNION
              SELECT d.session_id, d.hours, si.user_id
                FROM due d JOIN session_instructors si ON si.session_id = d.session_id)
       SELECT p.session_id, p.hours, u.id AS user_id, u.email, u.name, u.language
         FROM people p
         JOIN users u ON u.id = p.user_id
         JOIN sessions s ON s.id = p.session_id
        WHERE u.disabled_at IS NULL AND u.notify_reminders
          AND NOT EXISTS (
                SELECT 1 FROM outbox_messages m
                 WHERE m.dedup_key = 'session-reminder:' || p.session_id || ':' || u.id || ':' || p.hours || 'h:'
                                     || floor(extract(epoch FROM s.starts_at))::bigint)`, [still.map((d) => d.id), still.map((d) => d.hours)]);
        const byKey = new Map(still.map((d) => [`${d.id}:${d.hours}`, d]));
        const requests = people.map((person) => {
            const session = byKey.get(`${person.session_id}:${person.hours}`);
            return {
                to: { email: person.email, id: person.user_id, language: person.language },
                template: 'session-reminder',
                category: 'reminder',
                dedupKey: reminderKey(session.id, person.user_id, session.hours, session.starts_at),
                data: {
                    name: person.name,
                    title: session.title,
                    kindKey: `sessions.kinds.${session.kind}`,
                    cohortName: session.cohort_name,
                    when: (0, session_views_1.formatRangeIn)(session.starts_at, session.ends_at, person.language),
                    place: (0, session_views_1.placeText)({ address: session.address, room: session.room, onlineUrl: null }),
                    onlineUrl: session.online_url,
                    link: this.config.publicUrl(`/sessions/${session.id}`),
                    startsAt: session.starts_at.toISOString(),
                },
            };
        });
        return this.outbox.enqueueMany(manager, requests);
    }
};
exports.SessionRemindersService = SessionRemindersService;
exports.SessionRemindersService = SessionRemindersService = SessionRemindersService_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        outbox_service_1.OutboxService,
        app_config_1.AppConfig])
], SessionRemindersService);
