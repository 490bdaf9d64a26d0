import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { User } from '../users/user.entity';
import type { GradingType } from './assignment.entity';
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
  grade_status: GradeStatus | null;
  score: string | null;
  passed: boolean | null;
}

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
 * list of ids), and for an assignment of a whole part, only the trainees enrolled in those cohorts. `null`: all.
 */
interface Scope {
  own: string[];
  ofPart: string[];
  /** The cohorts whose trainees' work on a part's assignment is in view. */
  partCohorts: string[];
}

function scopeOf(rows: ScopeRow[], admin: boolean, query: Omit<QueueQuery, 'page' | 'pageSize'>): Scope | null {
  if (admin && !query.cohort && !query.assignment) return null;
  const inView = rows.filter((row) => !query.cohort || row.cohort_id === query.cohort);
  const own = new Set(inView.filter((row) => row.own).map((row) => row.assignment_id));
  const ofPart = new Set(inView.filter((row) => !row.own).map((row) => row.assignment_id));
  const partCohorts = new Set(inView.filter((row) => !row.own).map((row) => row.cohort_id));
  if (query.assignment) {
    for (const set of [own, ofPart]) for (const id of [...set]) if (id !== query.assignment) set.delete(id);
  }
  return { own: [...own], ofPart: [...ofPart], partCohorts: [...partCohorts] };
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

/**
 * The instructor's grading queue: handed-in work of the cohorts they teach (everything for admins), what is
 * still to grade first, then by the time it was handed in. A small query for the cohorts and assignments in view
 * (the filters' options too), then one for the page, walking the covering expression index in order, and one
 * for the count (see the GradingQueue migrations).
 */
@Injectable()
export class GradingQueueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(user: User, query: QueueQuery): Promise<{ items: QueueItem[]; total: number; options: QueueFilterOptions }> {
    const rows = await this.scopeRows(user);
    const options = filterOptions(rows);
    const scope = scopeOf(rows, user.hasRole('admin'), query);
    if (scope && !scope.own.length && !scope.ofPart.length) return { items: [], total: 0, options };
    const { where, params } = queueConditions(scope, query);
    const n = params.length;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `WITH page AS (
              SELECT s.id FROM submissions s WHERE ${where}
               ORDER BY (s.graded_version >= s.submitted_version), s.submitted_at, s.id
               LIMIT $${n + 1} OFFSET $${n + 2})
         SELECT s.id, s.user_id, u.name AS trainee_name, s.submitted_at, s.submitted_version, s.late_seconds, s.returned_at,
                (s.graded_version >= s.submitted_version) AS graded,
                a.id AS assignment_id, a.title AS assignment_title, a.grading_type, a.max_points,
                g.status AS grade_status, g.score, g.passed, c.id AS cohort_id, c.name AS cohort_name
           FROM page p
           JOIN submissions s ON s.id = p.id
           JOIN assignments a ON a.id = s.assignment_id
           JOIN users u ON u.id = s.user_id
           LEFT JOIN grades g ON g.submission_id = s.id
           LEFT JOIN LATERAL (
                SELECT e.cohort_id FROM enrolments e JOIN cohorts ec ON ec.id = e.cohort_id
                 WHERE a.part_id IS NOT NULL AND ec.part_id = a.part_id AND e.user_id = s.user_id
                 ORDER BY (e.status = 'enrolled') DESC, e.created_at DESC LIMIT 1) pc ON true
           LEFT JOIN cohorts c ON c.id = coalesce(a.cohort_id, pc.cohort_id)
          ORDER BY (s.graded_version >= s.submitted_version), s.submitted_at, s.id`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      ) as Promise<QueueRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM submissions s WHERE ${where}`, params) as Promise<{ total: number }[]>,
    ]);
    return { items: items.map(toItem), total, options };
  }

  /** The cohorts in view (taught, or all for admins) with their assignments, their parts' included. */
  private scopeRows(user: User): Promise<ScopeRow[]> {
    return this.dataSource.query(
      `SELECT c.id AS cohort_id, c.name AS cohort_name, a.id AS assignment_id, a.title, (a.cohort_id IS NOT NULL) AS own
         FROM cohorts c
         JOIN assignments a ON a.cohort_id = c.id OR a.part_id = c.part_id
        WHERE $1::uuid IS NULL OR c.id IN (SELECT cohort_id FROM cohort_instructors WHERE user_id = $1::uuid)
        ORDER BY c.starts_on DESC, c.name, a.due_at, a.title`,
      [user.hasRole('admin') ? null : user.id],
    );
  }
}

/** The filters' choices: the cohorts in view that have assignments, and those assignments. */
function filterOptions(rows: ScopeRow[]): QueueFilterOptions {
  const cohorts = new Map<string, string>();
  const assignments = new Map<string, QueueFilterOptions['assignments'][number]>();
  for (const row of rows) {
    cohorts.set(row.cohort_id, row.cohort_name);
    if (!assignments.has(row.assignment_id)) assignments.set(row.assignment_id, { id: row.assignment_id, title: row.title, cohortName: row.own ? row.cohort_name : null });
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
    gradeStatus: row.grade_status,
    score: row.score,
    passed: row.passed,
  };
}
