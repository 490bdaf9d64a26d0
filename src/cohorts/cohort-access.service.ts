import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ForbiddenError, NotFoundError } from '../common/errors';
import type { User } from '../users/user.entity';

/** Enrolment statuses that keep a trainee inside the cohort (materials, schedule). */
export const MEMBER_STATUSES: readonly string[] = ['enrolled', 'completed', 'not_completed'];

/**
 * Who may see or act on a cohort. Admins see every cohort; instructors the cohorts they teach;
 * trainees the cohorts they are (or were) enrolled in. Anything else is refused as not found, so an id
 * guessed from outside reveals nothing.
 */
@Injectable()
export class CohortAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isInstructorOf(userId: string, cohortId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM cohort_instructors WHERE cohort_id = $1 AND user_id = $2', [cohortId, userId]);
    return rows.length > 0;
  }

  async isMemberOf(userId: string, cohortId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM enrolments WHERE cohort_id = $1 AND user_id = $2 AND status = ANY($3)',
      [cohortId, userId, MEMBER_STATUSES],
    );
    return rows.length > 0;
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
    return user.hasRole('admin') || this.takesPartIn(user.id, 'c.part_id = $1', partId);
  }

  /** A programme is seen by admins and by whoever can see one of its cohorts. */
  async canViewProgramme(user: User, programmeId: string): Promise<boolean> {
    return user.hasRole('admin') || this.takesPartIn(user.id, 'c.part_id IN (SELECT id FROM parts WHERE programme_id = $1)', programmeId);
  }

  /** Does the user teach, or belong to, some cohort matching the condition on `c` (with the id as $1)? */
  private async takesPartIn(userId: string, cohortCondition: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM cohorts c
        WHERE ${cohortCondition}
          AND (EXISTS (SELECT 1 FROM cohort_instructors ci WHERE ci.cohort_id = c.id AND ci.user_id = $2)
            OR EXISTS (SELECT 1 FROM enrolments e WHERE e.cohort_id = c.id AND e.user_id = $2 AND e.status = ANY($3)))
        LIMIT 1`,
      [id, userId, MEMBER_STATUSES],
    );
    return rows.length > 0;
  }

  async canTeachPart(user: User, partId: string): Promise<boolean> {
    if (user.hasRole('admin')) return true;
    if (!user.hasRole('instructor')) return false;
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM cohorts c JOIN cohort_instructors ci ON ci.cohort_id = c.id WHERE c.part_id = $1 AND ci.user_id = $2 LIMIT 1',
      [partId, user.id],
    );
    return rows.length > 0;
  }
}
