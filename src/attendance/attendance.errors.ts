import { ConflictError, ValidationFailedError } from '../common/errors';

/** Attendance is taken from shortly before the session starts, never for a session still far ahead. */
export class SessionNotStartedError extends ConflictError {
  constructor(minutes: number) {
    super('ATTENDANCE_TOO_EARLY', 'attendance.errors.tooEarly', { minutes });
  }
}

export class SessionCancelledForAttendanceError extends ConflictError {
  constructor() {
    super('ATTENDANCE_SESSION_CANCELLED', 'attendance.errors.cancelled');
  }
}

export class NotInCohortError extends ValidationFailedError {
  constructor(userId: string) {
    super([{ field: `status.${userId}`, code: 'attendance.notInCohort' }]);
  }
}
