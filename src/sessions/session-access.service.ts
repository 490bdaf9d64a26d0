import { Injectable } from '@nestjs/common';
import { CohortAccessService } from '../cohorts/cohort-access.service';
import { ForbiddenError } from '../common/errors';
import { type AccessSubject, subjectHasRole, subjectId } from '../common/actor';
import { SessionRecords } from './session-records.service';
import { CohortNotFoundError, SessionNotFoundError } from './sessions.errors';

export interface SessionRef {
  id: string;
  cohortId: string;
}

/**
 * Who may see or act on a session. The cohort decides (CohortAccessService): admins, the cohort's
 * instructors, its trainees. An instructor named on the session itself (a guest lecturer) may also see it
 * and take its attendance. Managing the schedule (create, edit, move, cancel) is for admins and the cohort's
 * instructors. Anyone else gets a 404, so a guessed id reveals nothing.
 */
@Injectable()
export class SessionAccess {
  constructor(
    private readonly cohorts: CohortAccessService,
    private readonly records: SessionRecords,
  ) {}

  teachesSession(userId: string, sessionId: string): Promise<boolean> {
    return this.records.teachesSession(userId, sessionId);
  }

  /** An instructor named on the session itself. */
  private async namedOnSession(user: AccessSubject, sessionId: string): Promise<boolean> {
    const id = subjectId(user);
    return id !== null && subjectHasRole(user, 'instructor') && this.teachesSession(id, sessionId);
  }

  async canView(user: AccessSubject, session: SessionRef): Promise<boolean> {
    if (await this.cohorts.canView(user, session.cohortId)) return true;
    return this.namedOnSession(user, session.id);
  }

  async canTakeAttendance(user: AccessSubject, session: SessionRef): Promise<boolean> {
    if (await this.cohorts.canTeach(user, session.cohortId)) return true;
    return this.namedOnSession(user, session.id);
  }

  async canManage(user: AccessSubject, cohortId: string): Promise<boolean> {
    return this.cohorts.canTeach(user, cohortId);
  }

  async assertCanView(user: AccessSubject, session: SessionRef): Promise<void> {
    if (!(await this.canView(user, session))) throw new SessionNotFoundError();
  }

  /** A trainee of the cohort gets 403; anyone who cannot see the session, 404. */
  async assertCanTakeAttendance(user: AccessSubject, session: SessionRef): Promise<void> {
    if (await this.canTakeAttendance(user, session)) return;
    if (await this.canView(user, session)) throw new ForbiddenError();
    throw new SessionNotFoundError();
  }

  async assertCanManageSession(user: AccessSubject, session: SessionRef): Promise<void> {
    if (await this.canManage(user, session.cohortId)) return;
    if (await this.canView(user, session)) throw new ForbiddenError();
    throw new SessionNotFoundError();
  }

  async assertCanManageCohort(user: AccessSubject, cohortId: string): Promise<void> {
    if (await this.canManage(user, cohortId)) return;
    if (await this.cohorts.canView(user, cohortId)) throw new ForbiddenError();
    throw new CohortNotFoundError();
  }

  async assertCanViewCohort(user: AccessSubject, cohortId: string): Promise<void> {
    if (!(await this.cohorts.canView(user, cohortId))) throw new CohortNotFoundError();
  }
}
