import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { actorHasRole, type Actor } from '../common/actor';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import { CohortRecords } from '../cohorts/cohort-records.service';
import { ExamNotFoundError } from './exams.errors';

/**
 * Who may do what with a cohort's exams. Administrators and the cohort's instructors (`cohort_teachers`) set
 * them up and see every attempt; the cohort's members (`cohort_members`) take them and see their own attempts.
 * Anyone else is told the exam does not exist, so a guessed id reveals nothing.
 */
@Injectable()
export class ExamAccess {
  constructor(private readonly cohorts: CohortRecords) {}

  private userId(actor: Actor): string {
    if (actor.kind === 'system') return '';
    if (!actor.userId) throw new UnauthenticatedError();
    return actor.userId;
  }

  async canManage(actor: Actor, cohortId: string): Promise<boolean> {
    if (actor.kind === 'system' || actorHasRole(actor, 'admin')) return true;
    return actorHasRole(actor, 'instructor') && this.cohorts.teaches(this.userId(actor), cohortId);
  }

  async isTrainee(actor: Actor, cohortId: string): Promise<boolean> {
    if (actor.kind === 'system' || !actorHasRole(actor, 'trainee')) return false;
    return this.cohorts.isMember(this.userId(actor), cohortId);
  }

  async canView(actor: Actor, cohortId: string): Promise<boolean> {
    return (await this.canManage(actor, cohortId)) || this.isTrainee(actor, cohortId);
  }

  /** Staff of the cohort; a member of it gets 403, anyone else 404. */
  async assertCanManage(actor: Actor, cohortId: string): Promise<void> {
    if (await this.canManage(actor, cohortId)) return;
    if (await this.isTrainee(actor, cohortId)) throw new ForbiddenError();
    throw new ExamNotFoundError();
  }

  async assertCanView(actor: Actor, cohortId: string): Promise<void> {
    if (!(await this.canView(actor, cohortId))) throw new ExamNotFoundError();
  }

  /** In the caller's transaction when given its manager. */
  async isMember(userId: string, cohortId: string, manager?: EntityManager): Promise<boolean> {
    return this.cohorts.isMember(userId, cohortId, manager);
  }
}
