"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionClashCheck = void 0;
exports.normalise = normalise;
const common_1 = require("@nestjs/common");
const session_views_1 = require("./session-views");
const sessions_schemas_1 = require("./sessions.schemas");
const sessions_errors_1 = require("./sessions.errors");
/** Rooms are compared without regard to case or spacing: "Zāle 2" at "Krišjāņa Valdemāra iela 1". */
function normalise(value) {
    const text = value?.trim().replace(/\s+/g, ' ').toLowerCase();
    return text ? text : null;
}
const NORMALISED = (column) => `lower(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`;
/**
 * Refuses a slot whose instructor or room is already booked at an overlapping time by another scheduled
 * session. Runs inside the caller's transaction after taking an advisory lock on each instructor and the room,
 * so two requests booking the same person or room at once are serialised and the second one sees the first.
 */
let SessionClashCheck = class SessionClashCheck {
    async lockAndCheck(manager, slot) {
        const address = normalise(slot.address);
        const room = address ? normalise(slot.room) : null;
        const keys = [...new Set(slot.instructorIds)].map((id) => `session-instructor:${id}`);
        if (room)
            keys.push(`session-room:${address}|${room}`);
        // The same order everywhere, so two transactions never wait for each other's locks in a cycle.
        for (const key of keys.sort())
            await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
        if (!keys.length)
            return;
        const rows = await manager.query(`SELECT s.title, s.starts_at, s.ends_at, c.name AS cohort_name, u.name AS instructor_name, s.address, s.room
         FROM sessions s
         JOIN cohorts c ON c.id = s.cohort_id
         LEFT JOIN session_instructors si ON si.session_id = s.id AND si.user_id = ANY($4::uuid[])
         LEFT JOIN users u ON u.id = si.user_id
        WHERE s.status = 'scheduled'
          AND s.starts_at < $2 AND s.ends_at > $1
          AND s.starts_at > $1::timestamptz - make_interval(days => $7)
          AND ($3::uuid IS NULL OR s.id <> $3::uuid)
          AND (si.user_id IS NOT NULL
               OR ($5::text IS NOT NULL AND ${NORMALISED('s.address')} = $5 AND ${NORMALISED('s.room')} = $6))
        ORDER BY (si.user_id IS NULL), s.starts_at
        LIMIT 1`, [slot.startsAt, slot.endsAt, slot.sessionId ?? null, [...new Set(slot.instructorIds)], room ? address : null, room, sessions_schemas_1.MAX_SESSION_DAYS]);
        const clash = rows[0];
        if (!clash)
            return;
        const details = { title: clash.title, cohort: clash.cohort_name, when: (0, session_views_1.formatRange)(new Date(clash.starts_at), new Date(clash.ends_at)) };
        if (clash.instructor_name)
            throw new sessions_errors_1.InstructorClashError({ ...details, name: clash.instructor_name });
        throw new sessions_errors_1.RoomClashError({ ...details, room: clash.room ?? '', address: clash.address ?? '' });
    }
};
exports.SessionClashCheck = SessionClashCheck;
exports.SessionClashCheck = SessionClashCheck = __decorate([
    (0, common_1.Injectable)()
], SessionClashCheck);
