import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '../common/errors';
import type { User } from '../users/user.entity';
import { CohortRecords } from './cohort-records.service';

/**
 * Who may see or act on a cohort. Admins see every cohort; instructors the cohorts they teach;
 * trainees the cohorts they are (or were) members of (enrolment-status.ts). Anything else is refused as not
 * found, so an id guessed from outside reveals nothing.
 */
@Injectable()
export class CohortAccessService {
  constructor(private readonly records: CohortRecords) {}

  isInstructorOf(userId: string, cohortId: string): Promise<boolean> {
    return this.records.teaches(userId, cohortId);
  }

  isMemberOf(userId: string, cohortId: string): Promise<boolean> {
    return this.records.isMember(userId, cohortId);
  }
  /** May the user see the cohort's schedule and materials? */
  async canView(user: User, cohortId: string): Promise<boolean> {
    if (user.hasRole('admin')) return true;
    if (user.hasRole('instructor') && (await this.isInstructorOf(user.id, cohortId))) return true;
    return user.hasRole('trainee') && this.isMemberOf(user.id, cohortId);
  }

  /** May the user teach in the cohort: take attendance, upload materials, grade? */
  async canTeach(user: User, cohortId: string): Promise<boolean> {
    if (user.hasRole('admin')) return true;
    return user.hasRole('instructor') && this.isInstructorOf(user.id, cohortId);
  }

  async assertCanView(user: User, cohortId: string): Promise<void> {
    if (!(await this.canView(user, cohortId))) throw new NotFoundError();
  }

  /** Someone who can see the cohort but not teach it gets 403; anyone else a 404. */
  async assertCanTeach(user: User, cohortId: string): Promise<void> {
    if (await this.canTeach(user, cohortId)) return;
    if (await this.canView(user, cohortId)) throw new ForbiddenError();
    throw new NotFoundError();
  }

  /** Cohorts of a part the user can view (a part's materials are for every cohort of it). */
  async canViewPart(user: User, partId: string): Promise<boolean> {
    return user.hasRole('admin') || this.records.takesPartInPart(user.id, partId);
  }

  /** A programme is seen by admins and by whoever can see one of its cohorts. */
  async canViewProgramme(user: User, programmeId: string): Promise<boolean> {
    return user.hasRole('admin') || this.records.takesPartInProgramme(user.id, programmeId);
  }

  async canTeachPart(user: User, partId: string): Promise<boolean> {
    if (user.hasRole('admin')) return true;
    if (!user.hasRole('instructor')) return false;
    return this.records.teachesPart(user.id, partId);
  }
}
