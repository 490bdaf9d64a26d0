import { ConflictError, NotFoundError, ValidationFailedError } from '../common/errors';

export class SessionNotFoundError extends NotFoundError {
  constructor() {
    super('sessions.errors.notFound');
  }
}

export class CohortNotFoundError extends NotFoundError {
  constructor() {
    super('sessions.errors.cohortNotFound');
  }
}

export class SessionCancelledError extends ConflictError {
  constructor() {
    super('SESSION_CANCELLED', 'sessions.errors.cancelled');
  }
}

/** Only a cancelled session can be restored. */
export class SessionNotCancelledError extends ConflictError {
  constructor() {
    super('SESSION_NOT_CANCELLED', 'sessions.errors.notCancelled');
  }
}

export class SessionUnchangedTimeError extends ValidationFailedError {
  constructor() {
    super([{ field: 'startTime', code: 'session.sameTime' }]);
  }
}

export class NotAnInstructorError extends ValidationFailedError {
  constructor() {
    super([{ field: 'instructorIds', code: 'session.notInstructor' }]);
  }
}

export interface ClashDetails {
  title: string;
  cohort: string;
  when: string;
}

/** Someone who teaches the session already teaches another one at an overlapping time. */
export class InstructorClashError extends ConflictError {
  constructor(details: ClashDetails & { name: string }) {
    super('SESSION_INSTRUCTOR_CLASH', 'sessions.errors.instructorClash', { ...details }, [
      { field: 'instructorIds', code: 'session.instructorClash', params: { ...details } },
    ]);
  }
}

/** The same room at the same address is booked for another session at an overlapping time. */
export class RoomClashError extends ConflictError {
  constructor(details: ClashDetails & { room: string; address: string }) {
    super('SESSION_ROOM_CLASH', 'sessions.errors.roomClash', { ...details }, [
      { field: 'room', code: 'session.roomClash', params: { ...details } },
    ]);
  }
}
