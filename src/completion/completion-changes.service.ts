import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Cohort } from '../cohorts/cohort.entity';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { lockRow } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { CompletionAccess, type MemberCompletion } from './completion-access.service';
import { CompletionRecords } from './completion-records.service';
import type { ManualCompletionInput, ReopenCohortInput } from './completion.schemas';
import { CompletionService } from './completion.service';
import {
  CohortAlreadyClosedError,
  CohortClosedError,
  CohortNotClosedError,
  CompletionNotFoundError,
  NothingSetByHandError,
} from './completion.errors';

export interface ClosedCohort {
  cohortId: string;
  closedAt: Date;
  /** Enrolments fixed as completed, and as not completed. */
  completed: string[];
  notCompleted: string[];
}

/**
 * What administrators change in completion: a completion set by hand with a reason (or cleared, back to the
 * rule), and closing a cohort, which fixes each member's enrolment as completed or not completed, and reopening
 * it. Each is one unit of work with its audit record; none touches certificates.
 */
@Injectable()
export class CompletionChangesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: CompletionRecords,
    private readonly completion: CompletionService,
    private readonly access: CompletionAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Sets the enrolment's completion by hand (completed or not completed), or clears what was set, back to the
   * rule. The reason is kept with it and in the audit log. A closed cohort must be reopened first.
   */
  async setByHand(actor: Actor, enrolmentId: string, input: ManualCompletionInput): Promise<MemberCompletion> {
    const found = await this.records.ofEnrolment(enrolmentId);
    if (!found) throw new CompletionNotFoundError();
    await unitOfWork(this.dataSource, async (manager) => {
      await this.lockOpenCohort(manager, found.cohort_id);
      // The rule's own result is brought up to date too, so what shows beside the hand is current.
      await this.completion.reevaluate(manager, { enrolmentIds: [enrolmentId] });
      const before = await this.records.ofEnrolment(enrolmentId, manager);
      if (!before) throw new CompletionNotFoundError();
      const manual = input.state === 'rule' ? null : { state: input.state, reason: input.reason, byId: actor.userId, at: this.clock.now() };
      if (!manual && !before.manual_state) throw new NothingSetByHandError();
      await this.records.setManual(manager, enrolmentId, manual);
      await this.audit.record(
        {
          actor,
          action: manual ? 'completion.set_by_hand' : 'completion.cleared',
          entityType: 'enrolment',
          entityId: enrolmentId,
          before: { manualState: before.manual_state, manualReason: before.manual_reason, ruleState: before.state },
          after: { manualState: manual?.state ?? null, reason: input.reason, ruleState: before.state },
        },
        manager,
      );
    });
    return this.access.enrolment(actor, enrolmentId);
  }

  /** What closing the cohort would fix now: how many members count as completed, and how many not. */
  async closingCounts(cohortId: string): Promise<{ completed: number; notCompleted: number }> {
    const live = [...(await this.completion.live({ cohortId })).values()];
    const completed = live.filter((e) => e.completed).length;
    return { completed, notCompleted: live.length - completed };
  }

  /**
   * Closes the cohort: its completions brought up to date, then each member's enrolment fixed as completed or
   * not completed from `completed_enrolments`. From then on its completions stay as they are until it is reopened.
   */
  async close(actor: Actor, cohortId: string): Promise<ClosedCohort> {
    return unitOfWork(this.dataSource, async (manager) => {
      const cohort = await this.lockCohort(manager, cohortId);
      if (cohort.closedAt) throw new CohortAlreadyClosedError();
      await this.completion.reevaluate(manager, { cohortId });
      const fixed = await this.records.fixStatuses(manager, cohortId);
      const closedAt = this.clock.now();
      await this.records.setClosed(manager, cohortId, { at: closedAt, byId: actor.userId });
      await this.audit.record(
        {
          actor,
          action: 'cohort.closed',
          entityType: 'cohort',
          entityId: cohortId,
          before: { closedAt: null },
          after: { closedAt: closedAt.toISOString(), completed: fixed.completed, notCompleted: fixed.notCompleted },
        },
        manager,
      );
      return { cohortId, closedAt, ...fixed };
    });
  }

  /** Opens a closed cohort again: its members take part again and their completion follows the rule again. */
  async reopen(actor: Actor, cohortId: string, input: ReopenCohortInput): Promise<{ cohortId: string; reopened: number }> {
    return unitOfWork(this.dataSource, async (manager) => {
      const cohort = await this.lockCohort(manager, cohortId);
      if (!cohort.closedAt) throw new CohortNotClosedError();
      const reopened = await this.records.unfixStatuses(manager, cohortId);
      await this.records.setClosed(manager, cohortId, null);
      await this.audit.record(
        {
          actor,
          action: 'cohort.reopened',
          entityType: 'cohort',
          entityId: cohortId,
          before: { closedAt: cohort.closedAt.toISOString() },
          after: { closedAt: null, reason: input.reason, reopened },
        },
        manager,
      );
      await this.completion.reevaluate(manager, { cohortId });
      return { cohortId, reopened };
    });
  }

  private async lockCohort(manager: EntityManager, cohortId: string): Promise<Cohort> {
    const cohort = await lockRow(manager, Cohort, cohortId);
    if (!cohort) throw new CompletionNotFoundError();
    return cohort;
  }

  /** The cohort's row locked, so closing and setting by hand take turns; a closed one refuses the change. */
  private async lockOpenCohort(manager: EntityManager, cohortId: string): Promise<void> {
    if ((await this.lockCohort(manager, cohortId)).closedAt) throw new CohortClosedError();
  }
}
