import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { inUnitOfWork, unitOfWork } from '../database/unit-of-work';
import type { CompletionRule } from '../programmes/completion-rule';
import { effectivelyCompleted, evaluateCompletion, type Evaluation } from './completion-evaluation';
import { CompletionRecords, type CompletionScope, type CompletionWrite, type FactsRecord } from './completion-records.service';
import type { CompletionState } from './enrolment-completion.entity';

/** How one enrolment's completion moves: the rule's state, and whether it counts as completed (the hand first). */
export interface CompletionChange {
  enrolmentId: string;
  cohortId: string;
  userId: string;
  before: { state: CompletionState; completed: boolean };
  after: { state: CompletionState; completed: boolean };
  /** Set by hand: the rule's state moves, what counts does not. */
  setByHand: boolean;
}

export interface NamedChange extends CompletionChange {
  name: string;
  cohortName: string;
}

/** What a rule change would do to the part's open cohorts, before it is made. */
export interface RuleChangePreview {
  /** Would no longer count as completed. */
  uncompleted: NamedChange[];
  /** Would count as completed. */
  completed: NamedChange[];
  /** Whose rule state would move without changing whether they count as completed (not possible ↔ in progress, or set by hand). */
  otherChanges: number;
  /** Members of the part's open cohorts looked at. */
  evaluated: number;
  /** Members of closed cohorts, left as closing fixed them. */
  closedUntouched: number;
}

/** JSON with every object's keys sorted: jsonb gives keys back in an order of its own. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

interface Planned {
  write: CompletionWrite | null;
  change: CompletionChange | null;
}

/**
 * Keeps each enrolment's completion up to date. Every change that affects it — attendance, a grade released or
 * returned, an exam result, a session cancelled or restored, an assignment added or removed, the part's rule —
 * calls `reevaluate(manager, scope)` inside its own unit of work, so the result commits with the change or not
 * at all. It locks the scope's completion rows, reads the facts of the whole scope in one statement, works out
 * each enrolment with the pure rule (completion-evaluation.ts) and writes only the rows that changed.
 */
@Injectable()
export class CompletionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: CompletionRecords,
    private readonly clock: Clock,
  ) {}

  /** Re-evaluates the scope in the caller's unit of work; returns the enrolments whose state or completion moved. */
  async reevaluate(manager: EntityManager, scope: CompletionScope): Promise<CompletionChange[]> {
    if (!inUnitOfWork(manager)) throw new Error('Completion is re-evaluated inside the unit of work of the change that affects it');
    await this.records.lockScope(manager, scope);
    const planned = this.plan(await this.records.facts(manager, scope));
    await this.records.write(
      manager,
      planned.flatMap((p) => (p.write ? [p.write] : [])),
    );
    return planned.flatMap((p) => (p.change ? [p.change] : []));
  }

  /**
   * Stores the result of every member of an open cohort who has none yet — enrolments made before completion was
   * kept — so that what counts `completed_enrolments` (reports, indicators, certificates ready to issue) sees them.
   * One unit of work per cohort, locked like any change; returns how many cohorts were brought up to date.
   */
  async recordMissing(): Promise<number> {
    const cohortIds = await this.records.cohortsWithUnrecordedMembers();
    for (const cohortId of cohortIds) await unitOfWork(this.dataSource, (manager) => this.reevaluate(manager, { cohortId }));
    return cohortIds.length;
  }

  /**
   * The rule worked out now for the scope, without writing anything: for enrolments that have no stored result
   * yet (made before completion was kept), and for what closing a cohort would fix. Whether each counts as
   * completed takes the administrator's hand into account.
   */
  async live(scope: CompletionScope): Promise<Map<string, Evaluation & { completed: boolean }>> {
    const facts = await this.records.facts(this.dataSource.manager, scope);
    return new Map(
      facts.map((f) => {
        const evaluation = evaluateCompletion(f.rule, f);
        return [
          f.enrolmentId,
          { ...evaluation, completed: effectivelyCompleted({ ...evaluation, manualState: f.stored?.manualState ?? null }) },
        ];
      }),
    );
  }

  /**
   * What changing the part's rule to `rule` would do, without doing it: the same facts and the same rule as
   * applying it (PartsService.update re-evaluates the part with them), so applying it right after does the same.
   */
  async previewRule(partId: string, rule: CompletionRule, manager: EntityManager = this.dataSource.manager): Promise<RuleChangePreview> {
    const facts = await this.records.facts(manager, { partId });
    const changes = this.plan(facts.map((f) => ({ ...f, rule }))).flatMap((p) => (p.change ? [p.change] : []));
    return this.describe(partId, changes, facts.length, manager);
  }

  /** Applies the part's rule as it now stands to its open cohorts (in the unit of work that changed it), told as a preview is. */
  async applyRule(manager: EntityManager, partId: string): Promise<RuleChangePreview> {
    const changes = await this.reevaluate(manager, { partId });
    return this.describe(partId, changes, await this.records.membersOfPart(partId, false, manager), manager);
  }

  private async describe(
    partId: string,
    changes: CompletionChange[],
    evaluated: number,
    manager: EntityManager,
  ): Promise<RuleChangePreview> {
    const people = await this.records.people(
      changes.map((c) => c.enrolmentId),
      manager,
    );
    const named = (c: CompletionChange): NamedChange => ({ ...c, ...(people.get(c.enrolmentId) ?? { name: '', cohortName: '' }) });
    const byName = (a: NamedChange, b: NamedChange) => a.cohortName.localeCompare(b.cohortName, 'lv') || a.name.localeCompare(b.name, 'lv');
    return {
      uncompleted: changes
        .filter((c) => c.before.completed && !c.after.completed)
        .map(named)
        .sort(byName),
      completed: changes
        .filter((c) => !c.before.completed && c.after.completed)
        .map(named)
        .sort(byName),
      otherChanges: changes.filter((c) => c.before.completed === c.after.completed).length,
      evaluated,
      closedUntouched: await this.records.membersOfPart(partId, true, manager),
    };
  }

  private plan(facts: FactsRecord[]): Planned[] {
    const now = this.clock.now();
    return facts.map((f) => {
      const { state, criteria } = evaluateCompletion(f.rule, f);
      const stored = f.stored;
      const completedAt = state !== 'completed' ? null : stored?.state === 'completed' && stored.completedAt ? stored.completedAt : now;
      const unchanged =
        stored &&
        stored.state === state &&
        canonical(stored.criteria) === canonical(criteria) &&
        (stored.completedAt?.getTime() ?? null) === (completedAt?.getTime() ?? null);
      const manualState = stored?.manualState ?? null;
      const beforeState = stored?.state ?? 'in_progress';
      const before = { state: beforeState, completed: effectivelyCompleted({ state: beforeState, manualState }) };
      const after = { state, completed: effectivelyCompleted({ state, manualState }) };
      const moved = before.state !== after.state || before.completed !== after.completed;
      return {
        write: unchanged ? null : { enrolmentId: f.enrolmentId, state, criteria, completedAt },
        change: moved
          ? { enrolmentId: f.enrolmentId, cohortId: f.cohortId, userId: f.userId, before, after, setByHand: manualState !== null }
          : null,
      };
    });
  }
}
