import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ACTIVE_STATUS } from '../cohorts/enrolment-status';
import type { GradingType } from '../assignments/assignment.entity';
import type { Language } from '../i18n/languages';
import type { GradeStatus } from './grade.entity';
import type { QueueQuery } from './grades.schemas';
import { PreparedRead } from '../database/prepared-read';

/** One row of the grading queue's page, as the page's statement reads it. */
export interface QueueRow {
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

/** A cohort in view with one of its assignments (its own or its part's). */
export interface ScopeRow {
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
export interface Scope {
  own: string[];
  ofPart: string[];
  /** The cohorts whose trainees' work on a part's assignment is in view. */
  partCohorts: string[];
}

/** A draft grade that a release-all made released. */
export interface ReleasedRow {
  id: string;
  submission_id: string;
  revision: number;
  released_at: Date;
  trainee_id: string;
}

/** Per instructor and assignment: work handed in within the digest's window, and all work waiting. */
export interface DigestRow {
  instructor_id: string;
  email: string;
  name: string;
  language: Language;
  assignment_id: string;
  title: string;
  cohort_name: string;
  fresh: number;
  waiting: number;
}

/** A file (or, with no file, the text alone) of a trainee's latest submitted version, for the ZIP. */
export interface FileRow {
  submission_id: string;
  trainee_name: string;
  trainee_email: string;
  submitted_at: Date;
  text: string;
  storage_key: string | null;
  file_name: string | null;
  size: string | null;
}

/** A queue longer than this is counted at most every few seconds (see `GradingQueueService.total`). */
export const EXACT_UP_TO = 1000;

/**
 * SQL: the submission `s` waits for its graders: handed in, its latest version not graded yet (the queue's "to
 * grade" and "new version"), and not returned for revision (then it waits for the trainee). Written on the queue
 * index's own expression, so the index serves it.
 */
export const WAITING = 's.submitted_at IS NOT NULL AND NOT (s.graded_version >= s.submitted_version) AND s.returned_at IS NULL';

/** Work waiting for its graders in one cohort, and since when. */
export interface WaitingRow {
  cohort_id: string | null;
  cohort_name: string | null;
  waiting: number;
  oldest: Date;
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
 * The page's statement: the page, with the count of the whole queue when `counted` (else the count is 0); a row
 * with no item still carries the count. The details are scalar subqueries by primary key rather than joins: the
 * same work, planned in a fraction of the time.
 */
function pageStatement(where: string, n: number, counted: boolean): string {
  return `WITH page AS (
            SELECT s.id FROM submissions s WHERE ${where}
             ORDER BY (s.graded_version >= s.submitted_version), s.submitted_at, s.id
             LIMIT $${n + 1} OFFSET $${n + 2}),
          counted AS (SELECT ${counted ? `count(*)::int AS total FROM submissions s WHERE ${where}` : '0 AS total'})
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
 * The scope of a queue (teacher $1, null for every cohort; cohort $2 and assignment $3 when filtered) as three
 * arrays: a named prepared statement, as every queue request reads it and its plan does not depend on the values.
 */
const QUEUE_SCOPE_SQL = `WITH seen AS (SELECT c.id, c.part_id FROM cohorts c
                    WHERE ($1::uuid IS NULL OR c.id IN (SELECT cohort_id FROM cohort_teachers WHERE user_id = $1::uuid))
                      AND ($2::uuid IS NULL OR c.id = $2::uuid))
     SELECT (SELECT array_agg(a.id) FROM seen c JOIN assignments a ON a.cohort_id = c.id WHERE $3::uuid IS NULL OR a.id = $3::uuid) AS own,
            (SELECT array_agg(DISTINCT a.id) FROM seen c JOIN assignments a ON a.part_id = c.part_id WHERE $3::uuid IS NULL OR a.id = $3::uuid) AS of_part,
            (SELECT array_agg(DISTINCT c.id) FROM seen c JOIN assignments a ON a.part_id = c.part_id WHERE $3::uuid IS NULL OR a.id = $3::uuid) AS part_cohorts`;

/** The cohorts in view of teacher $1 (null: every cohort) with their assignments and their parts', for a page's filters. */
const QUEUE_SCOPE_ROWS_SQL = `WITH seen AS (SELECT c.id, c.name, c.part_id, c.starts_on FROM cohorts c
                    WHERE $1::uuid IS NULL OR c.id IN (SELECT cohort_id FROM cohort_teachers WHERE user_id = $1::uuid))
     SELECT cohort_id, cohort_name, assignment_id, title, own FROM (
            SELECT c.id AS cohort_id, c.name AS cohort_name, a.id AS assignment_id, a.title, true AS own, c.starts_on, a.due_at
              FROM seen c JOIN assignments a ON a.cohort_id = c.id
            UNION ALL
            SELECT c.id, c.name, a.id, a.title, false, c.starts_on, a.due_at
              FROM seen c JOIN assignments a ON a.part_id = c.part_id) AS rows
      ORDER BY starts_on DESC, cohort_name, due_at, title`;

/** SQL: `s` is a submission of the assignment that the grader (param `grader`, null for all) grades. */
function graderCondition(grader: string, cohort: string, part: string): string {
  return `(${grader}::uuid IS NULL OR EXISTS (
              SELECT 1 FROM enrolments e JOIN cohort_teachers t ON t.cohort_id = e.cohort_id
               WHERE e.user_id = s.user_id AND t.user_id = ${grader}::uuid AND (t.cohort_id = ${cohort}::uuid OR t.part_id = ${part}::uuid)))`;
}

/** The assignment whose work a grader acts on, and the grader (null for admins: every trainee). */
export interface GraderScope {
  assignmentId: string;
  cohortId: string | null;
  partId: string | null;
  graderId: string | null;
}

/**
 * The grading feature's hand-written SQL: the queue's scope and page, the grader named in a conflict, the
 * release of every ready grade, the instructors' digest and the rows of the submissions' ZIP. Who teaches whom is
 * read from `cohort_teachers`. Statements that take a manager run in its transaction.
 */
@Injectable()
export class GradingRecords {
  private readonly scopeRead: PreparedRead<{ own: string[] | null; of_part: string[] | null; part_cohorts: string[] | null }>;
  private readonly scopeRowsRead: PreparedRead<ScopeRow>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.scopeRead = PreparedRead.on(dataSource, 'grading_queue_scope', QUEUE_SCOPE_SQL);
    this.scopeRowsRead = PreparedRead.on(dataSource, 'grading_queue_scope_rows', QUEUE_SCOPE_ROWS_SQL);
  }

  /** A page of the queue, with the count of the whole queue when `counted` (else 0). */
  queuePage(scope: Scope | null, query: QueueQuery, counted: boolean): Promise<(QueueRow & { counted: number })[]> {
    const { where, params } = queueConditions(scope, query);
    return this.dataSource.query(pageStatement(where, params.length, counted), [
      ...params,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    ]);
  }

  /**
   * Work waiting for its graders in the scope (every cohort's when null), handed in before `before` when given, per
   * cohort it was done in, the longest waiting first. A cohort's own assignments and its part's are read apart: the
   * part's need COHORT_OF_WORK's lookup for each row, and left in one read its estimate made the planner compile
   * the whole statement (JIT), a second of a busy machine's time for 60 ms of work.
   */
  waitingByCohort(scope: Scope | null, before: Date | null): Promise<WaitingRow[]> {
    const { where, params } = queueConditions(scope, {});
    const n = params.length + 1;
    const waiting = (own: boolean, cohort: string) => `
              SELECT ${cohort} AS cohort_id, s.submitted_at
                FROM submissions s JOIN assignments a ON a.id = s.assignment_id
               WHERE ${where} AND ${WAITING} AND a.cohort_id IS ${own ? 'NOT NULL' : 'NULL'}
                 AND ($${n}::timestamptz IS NULL OR s.submitted_at < $${n}::timestamptz)`;
    return this.dataSource.query(
      `SELECT w.cohort_id, (SELECT c.name FROM cohorts c WHERE c.id = w.cohort_id) AS cohort_name,
              count(*)::int AS waiting, min(w.submitted_at) AS oldest
         FROM (${waiting(true, 'a.cohort_id')} UNION ALL ${waiting(false, COHORT_OF_WORK)}) w
        GROUP BY w.cohort_id
        ORDER BY min(w.submitted_at), w.cohort_id`,
      [...params, before],
    );
  }

  /** The scope of a query reduced to three arrays in SQL (one short row to read); `teacherId` null: every cohort. */
  async queueScope(teacherId: string | null, cohortId: string | null, assignmentId: string | null): Promise<Scope> {
    const [row] = await this.scopeRead.rows([teacherId, cohortId, assignmentId]);
    return { own: row.own ?? [], ofPart: row.of_part ?? [], partCohorts: row.part_cohorts ?? [] };
  }

  /** The cohorts in view (taught, or all when `teacherId` is null) with their assignments, their parts' included. */
  queueScopeRows(teacherId: string | null): Promise<ScopeRow[]> {
    return this.scopeRowsRead.rows([teacherId]);
  }

  async trainee(userId: string): Promise<{ id: string; name: string; email: string } | undefined> {
    const [row]: { id: string; name: string; email: string }[] = await this.dataSource.query(
      'SELECT id, name, email FROM users WHERE id = $1',
      [userId],
    );
    return row;
  }

  async cohortName(cohortId: string): Promise<string | null> {
    const [row]: { name: string }[] = await this.dataSource.query('SELECT name FROM cohorts WHERE id = $1', [cohortId]);
    return row?.name ?? null;
  }

  /** Who saved the grade now in place, to name in a conflict. */
  async graderName(submissionId: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [row]: { name: string }[] = await manager.query(
      'SELECT u.name FROM grades g JOIN users u ON u.id = g.graded_by_id WHERE g.submission_id = $1',
      [submissionId],
    );
    return row?.name ?? '';
  }

  /** The submission's grade now covers the version it was saved for. */
  async markGraded(manager: EntityManager, submissionId: string, version: number): Promise<void> {
    await manager.query('UPDATE submissions SET graded_version = $2 WHERE id = $1', [submissionId, version]);
  }

  /**
   * Releases every draft grade of the assignment that is ready (saved for the latest version, work not returned)
   * among the trainees the grader grades, in one statement; and counts the drafts left as they are.
   */
  async releaseReady(manager: EntityManager, scope: GraderScope, releasedAt: Date): Promise<{ released: ReleasedRow[]; skipped: number }> {
    const released = await manager
      .query(
        `UPDATE grades g SET status = 'released', released_at = $3, revision = g.revision + 1, updated_at = now()
           FROM submissions s
          WHERE s.id = g.submission_id AND s.assignment_id = $1 AND g.status = 'draft'
            AND g.version_number = s.submitted_version AND s.returned_at IS NULL
            AND ${graderCondition('$2', '$4', '$5')}
         RETURNING g.id, g.submission_id, g.revision, g.released_at, s.user_id AS trainee_id`,
        [scope.assignmentId, scope.graderId, releasedAt, scope.cohortId, scope.partId],
      )
      .then(([rows]: [ReleasedRow[]]) => rows);
    const [{ skipped }]: { skipped: number }[] = await manager.query(
      `SELECT count(*)::int AS skipped FROM grades g JOIN submissions s ON s.id = g.submission_id
          WHERE s.assignment_id = $1 AND g.status = 'draft' AND ${graderCondition('$2', '$3', '$4')}`,
      [scope.assignmentId, scope.graderId, scope.cohortId, scope.partId],
    );
    return { released, skipped };
  }

  /** Per instructor and assignment: work handed in within the window, and all work waiting; only instructors with something new. */
  digestRows(from: Date, to: Date): Promise<DigestRow[]> {
    return this.dataSource.query(
      `WITH waiting AS (
              SELECT t.user_id AS instructor_id, s.assignment_id, c.name AS cohort_name, s.submitted_at
                FROM submissions s JOIN assignments a ON a.id = s.assignment_id
                JOIN cohort_teachers t ON t.cohort_id = a.cohort_id JOIN cohorts c ON c.id = a.cohort_id
               WHERE ${WAITING}
              UNION ALL
              SELECT t.user_id, s.assignment_id, c.name, s.submitted_at
                FROM submissions s JOIN assignments a ON a.id = s.assignment_id AND a.part_id IS NOT NULL
                JOIN enrolments e ON e.user_id = s.user_id JOIN cohorts c ON c.id = e.cohort_id AND c.part_id = a.part_id
                JOIN cohort_teachers t ON t.cohort_id = c.id
               WHERE ${WAITING}),
            counted AS (
              SELECT instructor_id, assignment_id, cohort_name,
                     count(*) FILTER (WHERE submitted_at >= $1 AND submitted_at < $2)::int AS fresh, count(*)::int AS waiting
                FROM waiting GROUP BY instructor_id, assignment_id, cohort_name)
       SELECT k.instructor_id, u.email, u.name, u.language, k.assignment_id, a.title, k.cohort_name, k.fresh, k.waiting
         FROM counted k JOIN users u ON u.id = k.instructor_id JOIN assignments a ON a.id = k.assignment_id
        WHERE u.disabled_at IS NULL AND u.notify_reminders
          AND k.instructor_id IN (SELECT instructor_id FROM counted WHERE fresh > 0)
        ORDER BY k.instructor_id, k.fresh DESC, a.title`,
      [from, to],
    );
  }

  /** The files of every handed-in work of the assignment among the trainees the grader grades, folder by folder. */
  archiveRows(scope: GraderScope): Promise<FileRow[]> {
    return this.dataSource.query(
      `SELECT s.id AS submission_id, u.name AS trainee_name, u.email AS trainee_email, s.submitted_at, v.text,
              f.storage_key, f.file_name, f.size
         FROM submissions s
         JOIN users u ON u.id = s.user_id
         JOIN submission_versions v ON v.submission_id = s.id AND v.number = s.submitted_version
         LEFT JOIN submission_files f ON f.version_id = v.id
        WHERE s.assignment_id = $1 AND s.submitted_at IS NOT NULL
          AND ${graderCondition('$2', '$3', '$4')}
        ORDER BY u.name, u.email, s.id, f.created_at, f.file_name`,
      [scope.assignmentId, scope.graderId, scope.cohortId, scope.partId],
    );
  }
}
