import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACTIVE_STATUS } from '../cohorts/enrolment-status';
import { type Actor, actorHasRole } from '../common/actor';
import type { GradingType } from '../assignments/assignment.entity';
import type { GradeStatus } from './grade.entity';
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

interface QueueRow {
  id: string;
  user_id: string;
  trainee_name: string;
  grade: { status: GradeStatus; score: string | null; passed: boolean } | null;
  assignment_id: string;
  assignment_title: string;
  grading_type: GradingType;
  max_points: string | null;
  cohort_id: string | null;
  cohort_name: string | null;
  submitted_at: Date;
  submitted_version: number;
  late_seconds: number;
  returned_at: Date | null;
  graded: boolean;
}

const EXACT_UP_TO = 1000;
const COUNT_TTL_MS = 15_000;
const MAX_CACHED_COUNTS = 10_000;

interface ScopeRow {
  cohort_id: string;
  cohort_name: string;
  assignment_id: string;
  title: string;
  /** The assignment is the cohort's own (not its part's). */
  own: boolean;
}

/**
 * Which submissions a query may list, as the indexes want it: the assignments of the cohorts in view (a short
 * list of ids, sent as constants so the planner can hash them), and for an assignment of a whole part, only the
 * trainees enrolled in those cohorts. `null`: everything (an admin without filters).
 */
interface Scope {
  own: string[];
  ofPart: string[];
  /** The cohorts whose trainees' work on a part's assignment is in view. */
  partCohorts: string[];
}

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

/** The WHERE clause on `s` alone (so the walk stays inside the covering indexes) and its parameters. */
function queueConditions(scope: Scope | null, query: Omit<QueueQuery, 'page' | 'pageSize'>): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = ['s.submitted_at IS NOT NULL'];
  if (scope) {
    const part = scope.ofPart.length
      ? ` OR (s.assignment_id = ANY(${param(scope.ofPart)}::uuid[]) AND EXISTS (
            SELECT 1 FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
             WHERE e.user_id = s.user_id AND e.cohort_id = ANY(${param(scope.partCohorts)}::uuid[])
               AND c.part_id = (SELECT pa.part_id FROM assignments pa WHERE pa.id = s.assignment_id)))`
      : '';
    where.push(`(s.assignment_id = ANY(${param(scope.own)}::uuid[])${part})`);
  }
  if (query.late === 'late') where.push('s.late_seconds > 0');
  if (query.late === 'onTime') where.push('s.late_seconds = 0');
  return { where: where.join(' AND '), params };
}

/** SQL: the cohort the work was done in: the assignment's own, or for a part's assignment the trainee's in that part. */
const COHORT_OF_WORK = `coalesce(a.cohort_id, (
    SELECT e.cohort_id FROM enrolments e JOIN cohorts ec ON ec.id = e.cohort_id
     WHERE ec.part_id = a.part_id AND e.user_id = s.user_id ORDER BY (e.status = '${ACTIVE_STATUS}') DESC, e.created_at DESC LIMIT 1))`;

/**
 * The page's statement: the page and its count, in full or bounded at EXACT_UP_TO + 1 (see `total`); a row with no
 * item still carries the count. The details are scalar subqueries by primary key rather than joins: the same work,
 * planned in a fraction of the time.
 */
function pageStatement(where: string, n: number, full: boolean): string {
  const counted = full ? `submissions s WHERE ${where}` : `(SELECT 1 FROM submissions s WHERE ${where} LIMIT ${EXACT_UP_TO + 1}) AS first`;
  return `WITH page AS (
            SELECT s.id FROM submissions s WHERE ${where}
             ORDER BY (s.graded_version >= s.submitted_version), s.submitted_at, s.id
             LIMIT $${n + 1} OFFSET $${n + 2}),
          counted AS (SELECT count(*)::int AS total FROM ${counted})
       SELECT b.total AS counted, s.id, s.user_id, s.submitted_at, s.submitted_version, s.late_seconds, s.returned_at,
              (s.graded_version >= s.submitted_version) AS graded,
              a.id AS assignment_id, a.title AS assignment_title, a.grading_type, a.max_points,
              (SELECT u.name FROM users u WHERE u.id = s.user_id) AS trainee_name,
              (SELECT json_build_object('status', g.status, 'score', g.score::text, 'passed', g.passed) FROM grades g WHERE g.submission_id = s.id) AS grade,
              ${COHORT_OF_WORK} AS cohort_id,
              (SELECT c.name FROM cohorts c WHERE c.id = ${COHORT_OF_WORK}) AS cohort_name
         FROM counted b
         LEFT JOIN (page p JOIN submissions s ON s.id = p.id JOIN assignments a ON a.id = s.assignment_id) ON true
        ORDER BY (s.graded_version >= s.submitted_version), s.submitted_at, s.id`;
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

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  private async list(actor: Actor, query: QueueQuery, scope: Scope | null): Promise<{ items: QueueItem[]; total: number }> {
    if (scope && !scope.own.length && !scope.ofPart.length) return { items: [], total: 0 };
    const { where, params } = queueConditions(scope, query);
    const key = `${actor.userId}|${query.cohort ?? ''}|${query.assignment ?? ''}|${query.late ?? ''}`;
    const cached = this.counts.get(key);
    const full = !cached || cached.until <= Date.now();
    const rows: (QueueRow & { counted: number })[] = await this.dataSource.query(pageStatement(where, params.length, full), [
      ...params,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    ]);
    const items = rows.filter((row) => row.id !== null).map(toItem);
    return { items, total: this.total(key, rows[0]?.counted ?? 0, full ? null : cached!) };
  }

  /**
   * A queue longer than EXACT_UP_TO is counted in full at most every COUNT_TTL_MS per process and filter (in the
   * page's own statement, when `cached` is null): its total may lag a few seconds behind new hand-ins, which a pager
   * can bear, while the page itself is always current. A shorter queue is counted exactly every time.
   */
  private total(key: string, counted: number, cached: { total: number } | null): number {
    if (cached) return counted <= EXACT_UP_TO ? counted : cached.total;
    if (counted > EXACT_UP_TO) {
      if (this.counts.size >= MAX_CACHED_COUNTS) this.counts.delete(this.counts.keys().next().value!);
      this.counts.set(key, { total: counted, until: Date.now() + COUNT_TTL_MS });
    }
    return counted;
  }

  /** The scope `scopeOf` makes from the rows, reduced to three arrays in SQL (one short row to read). */
  private async scopeIds(actor: Actor, query: QueueQuery): Promise<Scope> {
    const [row]: { own: string[] | null; of_part: string[] | null; part_cohorts: string[] | null }[] = await this.dataSource.query(
      `WITH seen AS (SELECT c.id, c.part_id FROM cohorts c
                      WHERE ($1::uuid IS NULL OR c.id IN (SELECT cohort_id FROM cohort_teachers WHERE user_id = $1::uuid))
                        AND ($2::uuid IS NULL OR c.id = $2::uuid))
       SELECT (SELECT array_agg(a.id) FROM seen c JOIN assignments a ON a.cohort_id = c.id WHERE $3::uuid IS NULL OR a.id = $3::uuid) AS own,
              (SELECT array_agg(DISTINCT a.id) FROM seen c JOIN assignments a ON a.part_id = c.part_id WHERE $3::uuid IS NULL OR a.id = $3::uuid) AS of_part,
              (SELECT array_agg(DISTINCT c.id) FROM seen c JOIN assignments a ON a.part_id = c.part_id WHERE $3::uuid IS NULL OR a.id = $3::uuid) AS part_cohorts`,
      [actorHasRole(actor, 'admin') ? null : actor.userId, query.cohort ?? null, query.assignment ?? null],
    );
    return { own: row.own ?? [], ofPart: row.of_part ?? [], partCohorts: row.part_cohorts ?? [] };
  }

  /** The cohorts in view (taught, or all for admins) with their assignments, their parts' included. */
  private scopeRows(actor: Actor): Promise<ScopeRow[]> {
    return this.dataSource.query(
      `WITH seen AS (SELECT c.id, c.name, c.part_id, c.starts_on FROM cohorts c
                      WHERE $1::uuid IS NULL OR c.id IN (SELECT cohort_id FROM cohort_teachers WHERE user_id = $1::uuid))
       SELECT cohort_id, cohort_name, assignment_id, title, own FROM (
              SELECT c.id AS cohort_id, c.name AS cohort_name, a.id AS assignment_id, a.title, true AS own, c.starts_on, a.due_at
                FROM seen c JOIN assignments a ON a.cohort_id = c.id
              UNION ALL
              SELECT c.id, c.name, a.id, a.title, false, c.starts_on, a.due_at
                FROM seen c JOIN assignments a ON a.part_id = c.part_id) AS rows
        ORDER BY starts_on DESC, cohort_name, due_at, title`,
      [actorHasRole(actor, 'admin') ? null : actor.userId],
    );
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
