import { Injectable } from '@nestjs/common';
import { type Actor, actorHasRole } from '../common/actor';
import { CohortAccessService } from '../cohorts/cohort-access.service';
import { ForbiddenError } from '../common/errors';
import { ReportCohortNotFoundError, TraineeRecordNotFoundError } from './reports.errors';

/**
 * Who may read which report, checked for every record:
 *
 * - a cohort's attendance report, signed sheets and gradebook: administrators and the cohort's instructors (a
 *   trainee of the cohort is refused with 403, anyone else is told it does not exist);
 * - a programme's indicators and the funnels of a programme and of a part: administrators only (they span every
 *   cohort); instructors see the funnel of their own cohorts, trainees none (403);
 * - a trainee's record: administrators, and the trainee themselves. Instructors read no one's whole record —
 *   deny by default: a record spans every cohort, programme and email of the person, while an instructor's
 *   business is their own cohorts, which the cohort reports already show them. Anyone else gets a 404, so a
 *   guessed id reveals nothing.
 */
@Injectable()
export class ReportAccess {
  constructor(private readonly cohorts: CohortAccessService) {}

  async assertCanReportOnCohort(actor: Actor, cohortId: string): Promise<void> {
    if (await this.cohorts.canTeach(actor, cohortId)) return;
    if (await this.cohorts.canView(actor, cohortId)) throw new ForbiddenError();
    throw new ReportCohortNotFoundError();
  }

  assertCanReportOnProgrammes(actor: Actor): void {
    if (!actorHasRole(actor, 'admin')) throw new ForbiddenError();
  }

  canReadRecord(actor: Actor, userId: string): boolean {
    return actorHasRole(actor, 'admin') || actor.userId === userId;
  }

  assertCanReadRecord(actor: Actor, userId: string): void {
    if (!this.canReadRecord(actor, userId)) throw new TraineeRecordNotFoundError();
  }
}
