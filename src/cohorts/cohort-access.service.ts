import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '../common/errors';
import { type AccessSubject, subjectHasRole, subjectId } from '../common/actor';
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
  async canView(user: AccessSubject, cohortId: string): Promise<boolean> {
    if (subjectHasRole(user, 'admin')) return true;
    const id = subjectId(user);
    if (!id) return false;
    if (subjectHasRole(user, 'instructor') && (await this.isInstructorOf(id, cohortId))) return true;
    return subjectHasRole(user, 'trainee') && this.isMemberOf(id, cohortId);
  }

  /** May the user teach in the cohort: take attendance, upload materials, grade? */
  async canTeach(user: AccessSubject, cohortId: string): Promise<boolean> {
    if (subjectHasRole(user, 'admin')) return true;
    const id = subjectId(user);
    if (!id) return false;
    return subjectHasRole(user, 'instructor') && this.isInstructorOf(id, cohortId);
  }

  async assertCanView(user: AccessSubject, cohortId: string): Promise<void> {
    if (!(await this.canView(user, cohortId))) throw new NotFoundError();
  }

  /** Someone who can see the cohort but not teach it gets 403; anyone else a 404. */
  async assertCanTeach(user: AccessSubject, cohortId: string): Promise<void> {
    if (await this.canTeach(user, cohortId)) return;
    if (await this.canView(user, cohortId)) throw new ForbiddenError();
    throw new NotFoundError();
  }

  /** Cohorts of a part the user can view (a part's materials are for every cohort of it). */
  async canViewPart(user: AccessSubject, partId: string): Promise<boolean> {
    if (subjectHasRole(user, 'admin')) return true;
    const id = subjectId(user);
    return id !== null && this.records.takesPartInPart(id, partId);
  }

  /** A programme is seen by admins and by whoever can see one of its cohorts. */
  async canViewProgramme(user: AccessSubject, programmeId: string): Promise<boolean> {
    if (subjectHasRole(user, 'admin')) return true;
    const id = subjectId(user);
    return id !== null && this.records.takesPartInProgramme(id, programmeId);
  }

  async canTeachPart(user: AccessSubject, partId: string): Promise<boolean> {
    if (subjectHasRole(user, 'admin')) return true;
    const id = subjectId(user);
    if (!id || !subjectHasRole(user, 'instructor')) return false;
    return this.records.teachesPart(id, partId);
  }
}
