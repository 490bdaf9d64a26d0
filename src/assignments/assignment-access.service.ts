import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACTIVE_STATUS, isMember } from '../cohorts/enrolment-status';
import { ForbiddenError } from '../common/errors';
import { actorHasRole, type Actor } from '../common/actor';
import type { Assignment } from './assignment.entity';
import { AssignmentNotFoundError, NotEnrolledError } from './assignments.errors';
import { SubmissionNotFoundError } from '../submissions/submissions.errors';
import type { Submission } from '../submissions/submission.entity';

export type AssignmentScope = Pick<Assignment, 'cohortId' | 'partId'>;

/** Cohorts an assignment belongs to: its own, or every cohort of its part. */
const IN_SCOPE = '(c.id = $1::uuid OR c.part_id = $2::uuid)';

/**
 * Who may see or act on an assignment and its submissions. An assignment is seen by admins, the
 * instructors and the trainees of its cohort (or of any cohort of its part); it is managed by admins and
 * those instructors. A submission is seen by its owner, the instructors of the owner's cohort and admins.
 * Everyone else gets a 404, so a valid id reveals nothing.
 */
@Injectable()
export class AssignmentAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async exists(sql: string, params: unknown[]): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 WHERE EXISTS (${sql})`, params);
    return rows.length > 0;
  }

  private teaches(userId: string | null, scope: AssignmentScope): Promise<boolean> {
    return this.exists(`SELECT 1 FROM cohort_teachers c WHERE (c.cohort_id = $1::uuid OR c.part_id = $2::uuid) AND c.user_id = $3`, [
      scope.cohortId,
      scope.partId,
      userId,
    ]);
  }

  /** The trainee's cohort for the assignment and their enrolment there (of any status); an active one is preferred. */
  async traineeCohort(userId: string | null, scope: AssignmentScope): Promise<{ cohortId: string; status: string } | null> {
    const rows: { cohort_id: string; status: string }[] = await this.dataSource.query(
      `SELECT e.cohort_id, e.status FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
        WHERE ${IN_SCOPE} AND e.user_id = $3 ORDER BY (e.status = $4) DESC, e.created_at DESC LIMIT 1`,
      [scope.cohortId, scope.partId, userId, ACTIVE_STATUS],
    );
    return rows[0] ? { cohortId: rows[0].cohort_id, status: rows[0].status } : null;
  }

  async canView(actor: Actor, scope: AssignmentScope): Promise<boolean> {
    if (actorHasRole(actor, 'admin')) return true;
    if (actorHasRole(actor, 'instructor') && (await this.teaches(actor.userId, scope))) return true;
    if (!actorHasRole(actor, 'trainee')) return false;
    const membership = await this.traineeCohort(actor.userId, scope);
    return Boolean(membership && isMember(membership.status));
  }

  /** Create, edit, grant extensions: admins and the instructors of the cohort (any cohort of the part). */
  async canManage(actor: Actor, scope: AssignmentScope): Promise<boolean> {
    if (actorHasRole(actor, 'admin')) return true;
    return actorHasRole(actor, 'instructor') && this.teaches(actor.userId, scope);
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
    return this.exists(
      `SELECT 1 FROM cohort_teachers c JOIN enrolments e ON e.cohort_id = c.cohort_id
        WHERE (c.cohort_id = $1::uuid OR c.part_id = $2::uuid) AND c.user_id = $3 AND e.user_id = $4`,
      [scope.cohortId, scope.partId, actor.userId, traineeId],
    );
  }

  async canViewSubmission(actor: Actor, scope: AssignmentScope, submission: Pick<Submission, 'userId'>): Promise<boolean> {
    if (submission.userId === actor.userId) return true;
    return this.teachesTrainee(actor, scope, submission.userId);
  }

  async assertCanViewSubmission(actor: Actor, scope: AssignmentScope, submission: Pick<Submission, 'userId'>): Promise<void> {
    if (!(await this.canViewSubmission(actor, scope, submission))) throw new SubmissionNotFoundError();
  }

  /** Cohorts of the assignment the user may manage (all of them for admins). */
  async managedCohortIds(actor: Actor, scope: AssignmentScope): Promise<string[]> {
    const rows: { id: string }[] = actorHasRole(actor, 'admin')
      ? await this.dataSource.query(`SELECT c.id FROM cohorts c WHERE ${IN_SCOPE} ORDER BY c.starts_on, c.name`, [
          scope.cohortId,
          scope.partId,
        ])
      : await this.dataSource.query(
          `SELECT c.id FROM cohorts c JOIN cohort_teachers t ON t.cohort_id = c.id WHERE ${IN_SCOPE} AND t.user_id = $3 ORDER BY c.starts_on, c.name`,
          [scope.cohortId, scope.partId, actor.userId],
        );
    return rows.map((row) => row.id);
  }
}
