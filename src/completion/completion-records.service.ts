import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CompletionRule } from '../programmes/completion-rule';
import type { CompletionFacts } from './completion-evaluation';
import type { CompletionState, CriterionResult, ManualCompletionState } from './enrolment-completion.entity';

/**
 * Which enrolments a re-evaluation covers: a cohort's, a part's (every cohort of it), or named ones; optionally
 * only some trainees'. Only members of cohorts still open count (`cohort_members`, `closed_at IS NULL`): a closed
 * cohort keeps what closing fixed until it is reopened.
 */
export type CompletionScope =
  { cohortId: string; userIds?: readonly string[] } | { partId: string; userIds?: readonly string[] } | { enrolmentIds: readonly string[] };

/** The enrolments an assignment (of a cohort, or of a part and so of each of its cohorts) counts for. */
export function assignmentScope(
  assignment: { cohortId: string | null; partId: string | null },
  userIds?: readonly string[],
): CompletionScope {
  return assignment.cohortId ? { cohortId: assignment.cohortId, userIds } : { partId: assignment.partId!, userIds };
}

/** One enrolment's facts, its part's rule and what is stored for it now. */
export interface FactsRecord extends CompletionFacts {
  enrolmentId: string;
  cohortId: string;
  userId: string;
  rule: CompletionRule;
  stored: StoredCompletion | null;
}

export interface StoredCompletion {
  state: CompletionState;
  criteria: CriterionResult[];
  completedAt: Date | null;
  manualState: ManualCompletionState | null;
}

/** A result to store. */
export interface CompletionWrite {
  enrolmentId: string;
  state: CompletionState;
  criteria: CriterionResult[];
  completedAt: Date | null;
}

/** One member of a cohort with their stored completion, for the staff's table and the trainee's page. */
export interface MemberCompletionRecord {
  enrolment_id: string;
  enrolment_status: string;
  cohort_id: string;
  cohort_name: string;
  cohort_closed_at: Date | null;
  part_id: string;
  title_lv: string;
  title_en: string | null;
  user_id: string;
  name: string;
  email: string;
  department: string | null;
  state: CompletionState | null;
  criteria: CriterionResult[] | null;
  /** When it counts as completed from (`completed_enrolments`): set by hand, or the rule first met; null when it does not. */
  completed_at: Date | null;
  manual_state: ManualCompletionState | null;
  manual_reason: string | null;
  manual_at: Date | null;
  manual_by_name: string | null;
  evaluated_at: Date | null;
  /** From `completed_enrolments`: whether it counts as completed, by hand or by the rule. */
  completed: boolean;
  min_attendance_percent: number;
  requires_independent_work: boolean;
  requires_final_exam: boolean;
  closes_with_seminar: boolean;
}

/** A cohort with its part's rule and whether (and by whom) it was closed. */
export interface CohortCompletionInfo {
  id: string;
  name: string;
  part_id: string;
  title_lv: string;
  title_en: string | null;
  starts_on: string;
  ends_on: string;
  closed_at: Date | null;
  closed_by_name: string | null;
  min_attendance_percent: number;
  requires_independent_work: boolean;
  requires_final_exam: boolean;
  closes_with_seminar: boolean;
}

/** SQL of a scope, over `cohort_members m JOIN cohorts c`, with its parameters from $1. */
function scopeSql(scope: CompletionScope): { where: string; params: unknown[] } {
  const users = (n: number, ids?: readonly string[]) =>
    ids ? { sql: ` AND m.user_id = ANY($${n}::uuid[])`, param: [ids] } : { sql: '', param: [] };
  if ('enrolmentIds' in scope) return { where: 'm.enrolment_id = ANY($1::uuid[])', params: [scope.enrolmentIds] };
  const [column, id] = 'cohortId' in scope ? ['m.cohort_id', scope.cohortId] : ['c.part_id', scope.partId];
  const extra = users(2, scope.userIds);
  return { where: `${column} = $1${extra.sql}`, params: [id, ...extra.param] };
}

interface FactsRow {
  enrolment_id: string;
  cohort_id: string;
  user_id: string;
  min_attendance_percent: number;
  requires_independent_work: boolean;
  requires_final_exam: boolean;
  closes_with_seminar: boolean;
  sessions: number;
  attended: number;
  missed: number;
  seminars: number;
  seminars_attended: number;
  seminars_missed: number;
  required_work: number;
  passed_work: number;
  exams: number;
  exam_passed: boolean;
  exam_failed_finally: boolean;
  exam_awaiting: boolean;
  state: CompletionState | null;
  criteria: CriterionResult[] | null;
  completed_at: Date | null;
  manual_state: ManualCompletionState | null;
}

/**
 * Completion's hand-written SQL: the facts of every enrolment of a scope in one statement, the lock that makes
 * concurrent re-evaluations take turns, the write of what changed, the pages' reads, and closing a cohort.
 */
@Injectable()
export class CompletionRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Gives every member of the scope a completion row and locks them all, in the order of their ids, until the
   * transaction ends. A second re-evaluation of the same enrolments waits here, then reads the facts the first
   * one committed: two changes at once (a grade released while attendance is marked) cannot leave the older
   * result. (`DO UPDATE … WHERE false` locks the rows it finds without writing them.)
   */
  async lockScope(manager: EntityManager, scope: CompletionScope): Promise<void> {
    const { where, params } = scopeSql(scope);
    await manager.query(
      `INSERT INTO enrolment_completions (enrolment_id)
       SELECT m.enrolment_id FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id
        WHERE c.closed_at IS NULL AND ${where}
        ORDER BY m.enrolment_id
       ON CONFLICT (enrolment_id) DO UPDATE SET state = enrolment_completions.state WHERE false`,
      params,
    );
  }

  /**
   * The facts of every enrolment in the scope, each with its part's rule and its stored completion: one
   * statement, whatever the number of enrolments. The meaning of each count is in completion-evaluation.ts.
   */
  async facts(manager: EntityManager, scope: CompletionScope): Promise<FactsRecord[]> {
    const { where, params } = scopeSql(scope);
    const rows: FactsRow[] = await manager.query(
      `SELECT m.enrolment_id, m.cohort_id, m.user_id,
              p.min_attendance_percent, p.requires_independent_work, p.requires_final_exam, p.closes_with_seminar,
              att.sessions, att.attended, att.missed, att.seminars, att.seminars_attended, att.seminars_missed,
              work.required_work, work.passed_work,
              exam.exams, exam.exam_passed, exam.exam_failed_finally, exam.exam_awaiting,
              ec.state, ec.criteria, ec.completed_at, ec.manual_state
         FROM cohort_members m
         JOIN cohorts c ON c.id = m.cohort_id
         JOIN parts p ON p.id = c.part_id
         LEFT JOIN enrolment_completions ec ON ec.enrolment_id = m.enrolment_id
        CROSS JOIN LATERAL (
              SELECT count(*)::int AS sessions,
                     count(*) FILTER (WHERE a.status IN ('present', 'late'))::int AS attended,
                     count(*) FILTER (WHERE a.status IN ('absent', 'excused'))::int AS missed,
                     count(*) FILTER (WHERE s.kind = 'seminar')::int AS seminars,
                     count(*) FILTER (WHERE s.kind = 'seminar' AND a.status IN ('present', 'late'))::int AS seminars_attended,
                     count(*) FILTER (WHERE s.kind = 'seminar' AND a.status IN ('absent', 'excused'))::int AS seminars_missed
                FROM sessions s
                LEFT JOIN attendances a ON a.session_id = s.id AND a.user_id = m.user_id
               WHERE s.cohort_id = m.cohort_id AND s.status = 'scheduled' AND s.kind <> 'exam_sitting') att
        CROSS JOIN LATERAL (
              SELECT count(*)::int AS required_work,
                     count(*) FILTER (WHERE EXISTS (
                       SELECT 1 FROM submissions sb JOIN grades g ON g.submission_id = sb.id
                        WHERE sb.assignment_id = w.id AND sb.user_id = m.user_id AND g.status = 'released' AND g.passed))::int AS passed_work
                FROM assignments w
               WHERE (w.cohort_id = m.cohort_id OR w.part_id = c.part_id) AND w.required_for_completion) work
        CROSS JOIN LATERAL (
              SELECT count(*)::int AS exams,
                     COALESCE(bool_or(r.shown AND r.status = 'passed'), false) AS exam_passed,
                     COALESCE(bool_or(r.shown AND r.status IN ('failed', 'absent')
                       AND NOT EXISTS (SELECT 1 FROM exams rt WHERE rt.retake_of_id = r.exam_id)), false) AS exam_failed_finally,
                     COALESCE(bool_or(r.status IS NOT NULL AND NOT r.shown), false) AS exam_awaiting
                FROM (SELECT e.id AS exam_id, x.status,
                             (e.released_at IS NOT NULL OR (e.results_shown = 'at_once' AND x.status IN ('passed', 'failed'))) AS shown
                        FROM exams e
                        LEFT JOIN exam_results x ON x.exam_id = e.id AND x.user_id = m.user_id
                       WHERE e.cohort_id = m.cohort_id) r) exam
        WHERE c.closed_at IS NULL AND ${where}
        ORDER BY m.enrolment_id`,
      params,
    );
    return rows.map((r) => ({
      enrolmentId: r.enrolment_id,
      cohortId: r.cohort_id,
      userId: r.user_id,
      rule: {
        minAttendancePercent: r.min_attendance_percent,
        requiresIndependentWork: r.requires_independent_work,
        requiresFinalExam: r.requires_final_exam,
        closesWithSeminar: r.closes_with_seminar,
      },
      sessions: r.sessions,
      attended: r.attended,
      missed: r.missed,
      seminars: r.seminars,
      seminarsAttended: r.seminars_attended,
      seminarsMissed: r.seminars_missed,
      requiredWork: r.required_work,
      passedWork: r.passed_work,
      exams: r.exams,
      examPassed: r.exam_passed,
      examFailedFinally: r.exam_failed_finally,
      examAwaiting: r.exam_awaiting,
      stored: r.state ? { state: r.state, criteria: r.criteria ?? [], completedAt: r.completed_at, manualState: r.manual_state } : null,
    }));
  }

  /** Open cohorts with a member whose completion has never been stored (enrolled before completion was kept). */
  async cohortsWithUnrecordedMembers(): Promise<string[]> {
    const rows: { cohort_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT m.cohort_id FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id
        WHERE c.closed_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM enrolment_completions ec WHERE ec.enrolment_id = m.enrolment_id)`,
    );
    return rows.map((r) => r.cohort_id);
  }

  /** Stores the results given, in one statement. */
  async write(manager: EntityManager, rows: CompletionWrite[]): Promise<void> {
    if (!rows.length) return;
    await manager.query(
      `INSERT INTO enrolment_completions (enrolment_id, state, criteria, completed_at, evaluated_at)
       SELECT t.enrolment_id, t.state, t.criteria, t.completed_at, now()
         FROM jsonb_to_recordset($1::jsonb) AS t(enrolment_id uuid, state varchar, criteria jsonb, completed_at timestamptz)
       ON CONFLICT (enrolment_id) DO UPDATE
          SET state = EXCLUDED.state, criteria = EXCLUDED.criteria, completed_at = EXCLUDED.completed_at, evaluated_at = now()`,
      [JSON.stringify(rows.map((r) => ({ ...r, completed_at: r.completedAt?.toISOString() ?? null, enrolment_id: r.enrolmentId })))],
    );
  }

  /** Names of the trainees and their cohorts, for a rule change's dry run. */
  async people(
    enrolmentIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, { name: string; cohortName: string }>> {
    if (!enrolmentIds.length) return new Map();
    const rows: { id: string; name: string; cohort_name: string }[] = await manager.query(
      `SELECT e.id, u.name, c.name AS cohort_name FROM enrolments e JOIN users u ON u.id = e.user_id JOIN cohorts c ON c.id = e.cohort_id
        WHERE e.id = ANY($1::uuid[])`,
      [enrolmentIds],
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, cohortName: r.cohort_name }]));
  }

  /** How many members the part's open (or closed) cohorts hold: a rule change leaves closed ones as closing fixed them. */
  async membersOfPart(partId: string, closed: boolean, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row]: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id
        WHERE c.part_id = $1 AND (c.closed_at IS NOT NULL) = $2`,
      [partId, closed],
    );
    return row.n;
  }

  private readonly memberColumns = `
      m.enrolment_id, m.status AS enrolment_status, m.cohort_id, c.name AS cohort_name, c.closed_at AS cohort_closed_at,
      c.part_id, p.title_lv, p.title_en, u.id AS user_id, u.name, u.email, u.department,
      ec.state, ec.criteria, done.completed_at, ec.manual_state, ec.manual_reason, ec.manual_at, mb.name AS manual_by_name,
      ec.evaluated_at, (done.enrolment_id IS NOT NULL) AS completed,
      p.min_attendance_percent, p.requires_independent_work, p.requires_final_exam, p.closes_with_seminar
    FROM cohort_members m
    JOIN cohorts c ON c.id = m.cohort_id
    JOIN parts p ON p.id = c.part_id
    JOIN users u ON u.id = m.user_id
    LEFT JOIN enrolment_completions ec ON ec.enrolment_id = m.enrolment_id
    LEFT JOIN users mb ON mb.id = ec.manual_by_id
    LEFT JOIN completed_enrolments done ON done.enrolment_id = m.enrolment_id`;

  async cohort(cohortId: string, manager: EntityManager = this.dataSource.manager): Promise<CohortCompletionInfo | undefined> {
    const [row]: CohortCompletionInfo[] = await manager.query(
      `SELECT c.id, c.name, c.part_id, p.title_lv, p.title_en, to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on,
              to_char(c.ends_on, 'YYYY-MM-DD') AS ends_on, c.closed_at, u.name AS closed_by_name,
              p.min_attendance_percent, p.requires_independent_work, p.requires_final_exam, p.closes_with_seminar
         FROM cohorts c JOIN parts p ON p.id = c.part_id LEFT JOIN users u ON u.id = c.closed_by_id
        WHERE c.id = $1`,
      [cohortId],
    );
    return row;
  }

  /** Marks the cohort closed (or, with null, open again). */
  async setClosed(manager: EntityManager, cohortId: string, closed: { at: Date; byId: string | null } | null): Promise<void> {
    await manager.query('UPDATE cohorts SET closed_at = $2, closed_by_id = $3, updated_at = now() WHERE id = $1', [
      cohortId,
      closed?.at ?? null,
      closed?.byId ?? null,
    ]);
  }

  /** Every member of the cohort with their completion, by name. */
  ofCohort(cohortId: string, manager: EntityManager = this.dataSource.manager): Promise<MemberCompletionRecord[]> {
    return manager.query(`SELECT ${this.memberColumns} WHERE m.cohort_id = $1 ORDER BY u.name, m.enrolment_id`, [cohortId]);
  }

  /** One enrolment of a member with its completion; undefined when there is none (or it is not a member's). */
  async ofEnrolment(enrolmentId: string, manager: EntityManager = this.dataSource.manager): Promise<MemberCompletionRecord | undefined> {
    const [row]: MemberCompletionRecord[] = await manager.query(`SELECT ${this.memberColumns} WHERE m.enrolment_id = $1`, [enrolmentId]);
    return row;
  }

  /** Every enrolment of the trainee as a member, newest cohort first. */
  ofTrainee(userId: string): Promise<MemberCompletionRecord[]> {
    return this.dataSource.query(`SELECT ${this.memberColumns} WHERE m.user_id = $1 ORDER BY c.starts_on DESC, c.name, m.enrolment_id`, [
      userId,
    ]);
  }

  /** Sets (or, with null, clears) the administrator's completion of the enrolment. */
  async setManual(
    manager: EntityManager,
    enrolmentId: string,
    manual: { state: ManualCompletionState; reason: string; byId: string | null; at: Date } | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE enrolment_completions SET manual_state = $2, manual_reason = $3, manual_by_id = $4, manual_at = $5 WHERE enrolment_id = $1`,
      [enrolmentId, manual?.state ?? null, manual?.reason ?? null, manual?.byId ?? null, manual?.at ?? null],
    );
  }

  /**
   * Fixes each member enrolment of the cohort as completed or not completed, from `completed_enrolments`.
   * Returns the enrolments of each kind.
   */
  async fixStatuses(manager: EntityManager, cohortId: string): Promise<{ completed: string[]; notCompleted: string[] }> {
    const [rows]: [{ id: string; status: string }[], number] = await manager.query(
      `UPDATE enrolments e
          SET status = CASE WHEN EXISTS (SELECT 1 FROM completed_enrolments d WHERE d.enrolment_id = e.id) THEN 'completed' ELSE 'not_completed' END,
              updated_at = now()
        WHERE e.cohort_id = $1 AND e.id IN (SELECT enrolment_id FROM cohort_members WHERE cohort_id = $1)
        RETURNING e.id, e.status`,
      [cohortId],
    );
    return {
      completed: rows
        .filter((r) => r.status === 'completed')
        .map((r) => r.id)
        .sort(),
      notCompleted: rows
        .filter((r) => r.status === 'not_completed')
        .map((r) => r.id)
        .sort(),
    };
  }

  /** Puts the members of a reopened cohort back to taking part. Returns how many. */
  async unfixStatuses(manager: EntityManager, cohortId: string): Promise<number> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE enrolments SET status = 'enrolled', updated_at = now() WHERE cohort_id = $1 AND status IN ('completed', 'not_completed')`,
      [cohortId],
    );
    return count;
  }
}
