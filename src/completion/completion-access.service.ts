import { Injectable } from '@nestjs/common';
import { CohortAccessService } from '../cohorts/cohort-access.service';
import type { Actor } from '../common/actor';
import { ForbiddenError } from '../common/errors';
import { CompletionNotFoundError } from './completion.errors';
import { CompletionRecords, type CohortCompletionInfo, type MemberCompletionRecord } from './completion-records.service';
import { CompletionService } from './completion.service';
import type { CompletionState, CriterionResult } from './enrolment-completion.entity';

/** A member's completion as pages and the API show it: stored, or worked out now when none is stored yet. */
export interface MemberCompletion extends Omit<MemberCompletionRecord, 'state' | 'criteria'> {
  state: CompletionState;
  criteria: CriterionResult[];
}

/**
 * Who may see which completions, and reading them: a cohort's table for its staff (administrators and its
 * instructors), one enrolment for its trainee and the cohort's staff, and a trainee's own. Anyone else gets
 * "not found", so a guessed id tells nothing.
 */
@Injectable()
export class CompletionAccess {
  constructor(
    private readonly cohorts: CohortAccessService,
    private readonly records: CompletionRecords,
    private readonly completion: CompletionService,
  ) {}

  /** The cohort and each member's completion, for those who teach it; a trainee of it gets 403. */
  async cohort(actor: Actor, cohortId: string): Promise<{ cohort: CohortCompletionInfo; members: MemberCompletion[] }> {
    const cohort = await this.records.cohort(cohortId);
    if (!cohort) throw new CompletionNotFoundError();
    await this.assertStaff(actor, cohortId);
    return { cohort, members: await this.filled(await this.records.ofCohort(cohortId)) };
  }

  /** One enrolment's completion, for its trainee and the cohort's staff. */
  async enrolment(actor: Actor, enrolmentId: string): Promise<MemberCompletion> {
    const row = await this.records.ofEnrolment(enrolmentId);
    if (!row) throw new CompletionNotFoundError();
    if (row.user_id !== actor.userId && !(await this.cohorts.canTeach(actor, row.cohort_id))) throw new CompletionNotFoundError();
    return (await this.filled([row]))[0];
  }

  /** The caller's own enrolments as a member, newest cohort first. */
  async mine(actor: Actor): Promise<MemberCompletion[]> {
    return actor.userId ? this.filled(await this.records.ofTrainee(actor.userId)) : [];
  }

  async assertStaff(actor: Actor, cohortId: string): Promise<void> {
    if (await this.cohorts.canTeach(actor, cohortId)) return;
    if (await this.cohorts.canView(actor, cohortId)) throw new ForbiddenError();
    throw new CompletionNotFoundError();
  }

  /** Rows with nothing stored yet (enrolments made before completion was kept) get the rule worked out now. */
  private async filled(rows: MemberCompletionRecord[]): Promise<MemberCompletion[]> {
    const missing = rows.filter((r) => r.state === null && !r.cohort_closed_at).map((r) => r.enrolment_id);
    const live = missing.length ? await this.completion.live({ enrolmentIds: missing }) : new Map();
    return rows.map((row) => {
      const now = live.get(row.enrolment_id);
      if (row.state !== null || !now) return { ...row, state: row.state ?? 'in_progress', criteria: row.criteria ?? [] };
      return { ...row, state: now.state, criteria: now.criteria, completed: now.completed };
    });
  }
}
