import { Injectable } from '@nestjs/common';
import { type Actor, actorHasRole } from '../common/actor';
import type { GradingType } from '../assignments/assignment.entity';
import type { GradeStatus } from './grade.entity';
import { EXACT_UP_TO, GradingRecords, type QueueRow, type Scope, type ScopeRow } from './grading-records.service';

/** Work waiting for its graders in one cohort (null: a part's assignment of someone no longer in a cohort of it). */
export interface WaitingWork {
  cohortId: string | null;
  cohortName: string | null;
  waiting: number;
  /** When the longest waiting of them was handed in. */
  oldest: Date;
}
import type { QueueQuery } from './grades.schemas';

export interface QueueItem {
  id: string;
  userId: string;
  traineeName: string;
  assignmentId: string;
  assignmentTitle: string;
  gradingType: GradingType;
  maxPoints: string | null;
  cohortId: string | null;
  cohortName: string | null;
  submittedAt: Date;
  submittedVersion: number;
  lateSeconds: number;
  returnedAt: Date | null;
  /** The latest submitted version has a grade (draft or released). */
  graded: boolean;
  gradeStatus: GradeStatus | null;
  score: string | null;
  passed: boolean | null;
}

export interface QueueFilterOptions {
  cohorts: { id: string; name: string }[];
  assignments: { id: string; title: string; cohortName: string | null }[];
}

const COUNT_TTL_MS = 15_000;
const MAX_CACHED_COUNTS = 10_000;

/** The scope from the rows of the cohorts and assignments in view (which a page loads anyway for its filters). */
function scopeOf(rows: ScopeRow[], admin: boolean, query: Omit<QueueQuery, 'page' | 'pageSize'>): Scope | null {
  if (admin && !query.cohort && !query.assignment) return null;
  const inView = rows.filter(
    (row) => (!query.cohort || row.cohort_id === query.cohort) && (!query.assignment || row.assignment_id === query.assignment),
  );
  return {
    own: [...new Set(inView.filter((row) => row.own).map((row) => row.assignment_id))],
    ofPart: [...new Set(inView.filter((row) => !row.own).map((row) => row.assignment_id))],
    partCohorts: [...new Set(inView.filter((row) => !row.own).map((row) => row.cohort_id))],
  };
}

/**
 * The instructor's grading queue: handed-in work of the cohorts they teach (everything for admins), what is
 * still to grade first, then by the time it was handed in. A small query for the cohorts and assignments in view
 * (with the filters' choices, for a page), then one statement for the page, walking the covering expression index
 * in order (see the GradingQueue migrations), with its count.
 *
 * The scope stays a statement of its own on purpose: the walk wants the assignments in view as constants (so the
 * planner hashes them and picks the index), and a scope worked out inside the page's statement (or kept per user
 * and checked there) measured slower for PostgreSQL and no cheaper for this process than the two statements.
 */
@Injectable()
export class GradingQueueService {
  private readonly counts = new Map<string, { total: number; until: number }>();

  constructor(private readonly records: GradingRecords) {}

  /** The page of the queue and its total, with the filters' choices for a page. */
  async page(actor: Actor, query: QueueQuery): Promise<{ items: QueueItem[]; total: number; options: QueueFilterOptions }> {
    const inView = await this.scopeRows(actor);
    return { ...(await this.list(actor, query, scopeOf(inView, actorHasRole(actor, 'admin'), query))), options: filterOptions(inView) };
  }

  /** The page of the queue and its total (the API's: no filter choices, so the scope comes as three arrays). */
  async find(actor: Actor, query: QueueQuery): Promise<{ items: QueueItem[]; total: number }> {
    return this.list(
      actor,
      query,
      actorHasRole(actor, 'admin') && !query.cohort && !query.assignment ? null : await this.scopeIds(actor, query),
    );
  }

  /**
   * Handed-in work waiting to be graded, per cohort, the longest waiting first: in the cohorts the actor teaches
   * (every cohort for admins), and only what was handed in before `before` when it is given (overdue work).
   */
  async waiting(actor: Actor, before: Date | null = null): Promise<WaitingWork[]> {
    const scope = actorHasRole(actor, 'admin') ? null : await this.records.queueScope(actor.userId, null, null);
    if (scope && !scope.own.length && !scope.ofPart.length) return [];
    const rows = await this.records.waitingByCohort(scope, before);
    return rows.map((r) => ({ cohortId: r.cohort_id, cohortName: r.cohort_name, waiting: r.waiting, oldest: new Date(r.oldest) }));
  }

  private async list(actor: Actor, query: QueueQuery, scope: Scope | null): Promise<{ items: QueueItem[]; total: number }> {
    if (scope && !scope.own.length && !scope.ofPart.length) return { items: [], total: 0 };
    const key = `${actor.userId}|${query.cohort ?? ''}|${query.assignment ?? ''}|${query.late ?? ''}`;
    const cached = this.counts.get(key);
    const fresh = cached && cached.until > Date.now() ? cached : null;
    const rows = await this.records.queuePage(scope, query, !fresh);
    const items = rows.filter((row) => row.id !== null).map(toItem);
    return { items, total: fresh ? fresh.total : this.counted(key, rows[0]?.counted ?? 0) };
  }

  /**
   * A queue longer than EXACT_UP_TO is counted in full at most every COUNT_TTL_MS per process and filter (in the
   * page's own statement); in between, the page's statement counts nothing and the total kept is shown, which may
   * lag a few seconds behind hand-ins and grades, as a pager can bear, while the page itself is always current. A
   * shorter queue is counted every time.
   */
  private counted(key: string, total: number): number {
    if (total > EXACT_UP_TO) {
      if (this.counts.size >= MAX_CACHED_COUNTS) this.counts.delete(this.counts.keys().next().value!);
      this.counts.set(key, { total, until: Date.now() + COUNT_TTL_MS });
    }
    return total;
  }

  /** The scope `scopeOf` makes from the rows, reduced to three arrays in SQL (one short row to read). */
  private scopeIds(actor: Actor, query: QueueQuery): Promise<Scope> {
    return this.records.queueScope(actorHasRole(actor, 'admin') ? null : actor.userId, query.cohort ?? null, query.assignment ?? null);
  }

  /** The cohorts in view (taught, or all for admins) with their assignments, their parts' included. */
  private scopeRows(actor: Actor): Promise<ScopeRow[]> {
    return this.records.queueScopeRows(actorHasRole(actor, 'admin') ? null : actor.userId);
  }
}

/** The filters' choices: the cohorts in view that have assignments, and those assignments. */
function filterOptions(rows: ScopeRow[]): QueueFilterOptions {
  const cohorts = new Map<string, string>();
  const assignments = new Map<string, QueueFilterOptions['assignments'][number]>();
  for (const row of rows) {
    cohorts.set(row.cohort_id, row.cohort_name);
    if (!assignments.has(row.assignment_id))
      assignments.set(row.assignment_id, { id: row.assignment_id, title: row.title, cohortName: row.own ? row.cohort_name : null });
  }
  return { cohorts: [...cohorts].map(([id, name]) => ({ id, name })), assignments: [...assignments.values()] };
}

function toItem(row: QueueRow): QueueItem {
  return {
    id: row.id,
    userId: row.user_id,
    traineeName: row.trainee_name,
    assignmentId: row.assignment_id,
    assignmentTitle: row.assignment_title,
    gradingType: row.grading_type,
    maxPoints: row.max_points,
    cohortId: row.cohort_id,
    cohortName: row.cohort_name,
    submittedAt: new Date(row.submitted_at),
    submittedVersion: row.submitted_version,
    lateSeconds: row.late_seconds,
    returnedAt: row.returned_at ? new Date(row.returned_at) : null,
    graded: row.graded,
    gradeStatus: row.grade?.status ?? null,
    score: row.grade?.score ?? null,
    passed: row.grade?.passed ?? null,
  };
}
