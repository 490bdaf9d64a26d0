"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NotInCohortError = exports.SessionCancelledForAttendanceError = exports.SessionNotStartedError = void 0;
const errors_1 = require("../common/errors");
/** Attendance is taken from shortly before the session starts, never for a session still far ahead. */
class SessionNotStartedError extends errors_1.ConflictError {
    constructor(minutes) {
        super('ATTENDANCE_TOO_EARLY', 'attendance.errors.tooEarly', { minutes });
    }
}
exports.SessionNotStartedError = SessionNotStartedError;
class SessionCancelledForAttendanceError extends errors_1.ConflictError {
    constructor() {
        super('ATTENDANCE_SESSION_CANCELLED', 'attendance.errors.cancelled');
    }
}
exports.SessionCancelledForAttendanceError = SessionCancelledForAttendanceError;
class NotInCohortError extends errors_1.ValidationFailedError {
    constructor(userId) {
        super([{ field: `status.${userId}`, code: 'attendance.notInCohort' }]);
    }
}
exports.NotInCohortError = NotInCohortError;
