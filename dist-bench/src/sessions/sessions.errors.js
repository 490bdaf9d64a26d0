"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RoomClashError = exports.InstructorClashError = exports.NotAnInstructorError = exports.SessionUnchangedTimeError = exports.SessionCancelledError = exports.CohortNotFoundError = exports.SessionNotFoundError = void 0;
const errors_1 = require("../common/errors");
class SessionNotFoundError extends errors_1.NotFoundError {
    constructor() {
        super('sessions.errors.notFound');
    }
}
exports.SessionNotFoundError = SessionNotFoundError;
class CohortNotFoundError extends errors_1.NotFoundError {
    constructor() {
        super('sessions.errors.cohortNotFound');
    }
}
exports.CohortNotFoundError = CohortNotFoundError;
class SessionCancelledError extends errors_1.ConflictError {
    constructor() {
        super('SESSION_CANCELLED', 'sessions.errors.cancelled');
    }
}
exports.SessionCancelledError = SessionCancelledError;
class SessionUnchangedTimeError extends errors_1.ValidationFailedError {
    constructor() {
        super([{ field: 'startTime', code: 'session.sameTime' }]);
    }
}
exports.SessionUnchangedTimeError = SessionUnchangedTimeError;
class NotAnInstructorError extends errors_1.ValidationFailedError {
    constructor() {
        super([{ field: 'instructorIds', code: 'session.notInstructor' }]);
    }
}
exports.NotAnInstructorError = NotAnInstructorError;
/** Someone who teaches the session already teaches another one at an overlapping time. */
class InstructorClashError extends errors_1.ConflictError {
    constructor(details) {
        super('SESSION_INSTRUCTOR_CLASH', 'sessions.errors.instructorClash', { ...details }, [
            { field: 'instructorIds', code: 'session.instructorClash', params: { ...details } },
        ]);
    }
}
exports.InstructorClashError = InstructorClashError;
/** The same room at the same address is booked for another session at an overlapping time. */
class RoomClashError extends errors_1.ConflictError {
    constructor(details) {
        super('SESSION_ROOM_CLASH', 'sessions.errors.roomClash', { ...details }, [{ field: 'room', code: 'session.roomClash', params: { ...details } }]);
    }
}
exports.RoomClashError = RoomClashError;
