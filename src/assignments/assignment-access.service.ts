import { Injectable } from '@nestjs/common';
import { ACTIVE_STATUS, isMember } from '../cohorts/enrolment-status';
import { ForbiddenError } from '../common/errors';
import { actorHasRole, type Actor } from '../common/actor';
import { AssignmentRecords, type AssignmentScope } from './assignment-records.service';
import { AssignmentNotFoundError, NotEnrolledError } from './assignments.errors';
import { SubmissionNotFoundError } from '../submissions/submissions.errors';
import type { Submission } from '../submissions/submission.entity';

export type { AssignmentScope };

/**
 * Who may see or act on an assignment and its submissions. An assignment is seen by admins, the
 * instructors and the trainees of its cohort (or of any cohort of its part); it is managed by admins and
 * those instructors. A submission is seen by its owner, the instructors of the owner's cohort and admins.
 * Everyone else gets a 404, so a valid id reveals nothing.
 */
@Injectable()
export class AssignmentAccess {
  constructor(private readonly records: AssignmentRecords) {}

  /** The trainee's cohort for the assignment and their enrolment there (of any status); an active one is preferred. */
  traineeCohort(userId: string | null, scope: AssignmentScope): Promise<{ cohortId: string; status: string } | null> {
    return this.records.traineeCohort(userId, scope);
  }

  async canView(actor: Actor, scope: AssignmentScope): Promise<boolean> {
    if (actorHasRole(actor, 'admin')) return true;
    if (actorHasRole(actor, 'instructor') && (await this.records.teaches(actor.userId, scope))) return true;
    if (!actorHasRole(actor, 'trainee')) return false;
    const membership = await this.traineeCohort(actor.userId, scope);
    return Boolean(membership && isMember(membership.status));
  }

  /** Create, edit, grant extensions: admins and the instructors of the cohort (any cohort of the part). */
  async canManage(actor: Actor, scope: AssignmentScope): Promise<boolean> {
    if (actorHasRole(actor, 'admin')) return true;
    return actorHasRole(actor, 'instructor') && this.records.teaches(actor.userId, scope);
  }

  async assertCanView(actor: Actor, scope: AssignmentScope): Promise<void> {
    if (!(await this.canView(actor, scope))) throw new AssignmentNotFoundError();
  }

  /** Someone who sees the assignment but may not manage it gets 403; anyone else 404. */
  async assertCanManage(actor: Actor, scope: AssignmentScope): Promise<void> {
    if (await this.canManage(actor, scope)) return;
    if (await this.canView(actor, scope)) throw new ForbiddenError();
    throw new AssignmentNotFoundError();
  }

  /** Only a trainee still taking part in the assignment's cohort (ACTIVE_STATUS) hands in work; returns that cohort. */
  async assertCanSubmit(actor: Actor, scope: AssignmentScope): Promise<string> {
    const membership = actorHasRole(actor, 'trainee') ? await this.traineeCohort(actor.userId, scope) : null;
    if (membership?.status === ACTIVE_STATUS) return membership.cohortId;
    if (await this.canView(actor, scope)) throw new NotEnrolledError();
    throw new AssignmentNotFoundError();
  }

  /** Admins, and instructors of a cohort in the assignment's scope that the trainee is (or was) in. */
  async teachesTrainee(actor: Actor, scope: AssignmentScope, traineeId: string): Promise<boolean> {
    if (actorHasRole(actor, 'admin')) return true;
    if (!actorHasRole(actor, 'instructor')) return false;
    return this.records.teachesTrainee(actor.userId, scope, traineeId);
  }

  async canViewSubmission(actor: Actor, scope: AssignmentScope, submission: Pick<Submission, 'userId'>): Promise<boolean> {
    if (submission.userId === actor.userId) return true;
    return this.teachesTrainee(actor, scope, submission.userId);
  }

  async assertCanViewSubmission(actor: Actor, scope: AssignmentScope, submission: Pick<Submission, 'userId'>): Promise<void> {
    if (!(await this.canViewSubmission(actor, scope, submission))) throw new SubmissionNotFoundError();
  }

  /** Cohorts of the assignment the user may manage (all of them for admins). */
  managedCohortIds(actor: Actor, scope: AssignmentScope): Promise<string[]> {
    return this.records.cohortIds(scope, actorHasRole(actor, 'admin') ? null : actor.userId);
  }
}
