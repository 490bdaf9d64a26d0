"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sheetView = sheetView;
exports.summaryView = summaryView;
const session_views_1 = require("../sessions/session-views");
const attendance_entity_1 = require("./attendance.entity");
/** The attendance page's sheet: a radio group per trainee with its current mark checked. */
function sheetView(session, rows, opensAt, now = new Date()) {
    return {
        session: (0, session_views_1.sessionPageView)(session),
        open: session.status === 'scheduled' && opensAt <= now,
        opensAt,
        unmarked: rows.filter((r) => !r.status).length,
        rows: rows.map((row) => ({
            ...row,
            options: attendance_entity_1.ATTENDANCE_STATUSES.map((status) => ({ value: status, checked: row.status === status, labelKey: `attendance.status.${status}` })),
        })),
    };
}
/** A summary as the API gives it (without contact details). */
function summaryView(s) {
    return {
        enrolmentId: s.enrolmentId,
        enrolmentStatus: s.enrolmentStatus,
        cohortId: s.cohortId,
        cohortName: s.cohortName,
        partTitleLv: s.partTitleLv,
        partTitleEn: s.partTitleEn,
        userId: s.userId,
        name: s.name,
        minPercent: s.minPercent,
        held: s.held,
        recorded: s.recorded,
        present: s.present,
        late: s.late,
        excused: s.excused,
        absent: s.absent,
        unmarked: s.unmarked,
        percent: s.percent,
        belowMinimum: s.belowMinimum,
    };
}
