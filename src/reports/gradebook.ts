import type { AssignmentRecord, ExamResultRecord, MemberRecord, WorkRecord } from './report-records.service';
import {
  completionShown,
  examCellFor,
  examOutcome,
  workCell,
  workTotals,
  type Audience,
  type CompletionShown,
  type ExamCell,
  type WorkCell,
  type WorkTotals,
} from './report-rules';

export const GRADEBOOK_SORTS = ['name', 'points', 'required', 'exam', 'completion'] as const;
export type GradebookSort = (typeof GRADEBOOK_SORTS)[number];

/** Which trainees to show: all, those with required work not yet passed, those with work to grade, those not completed. */
export const GRADEBOOK_SHOWS = ['all', 'missingWork', 'toGrade', 'notCompleted'] as const;
export type GradebookShow = (typeof GRADEBOOK_SHOWS)[number];

export interface GradebookQuery {
  q?: string;
  show: GradebookShow;
  sort: GradebookSort;
  dir: 'asc' | 'desc';
}

/** The gradebook as it first shows, and the query every other report's export carries (it reads none). */
export const UNFILTERED: GradebookQuery = { show: 'all', sort: 'name', dir: 'asc' };

export interface GradebookRow {
  userId: string;
  name: string;
  email: string;
  department: string | null;
  enrolmentStatus: string;
  /** One per assignment, in the assignments' order. */
  work: WorkCell[];
  /** One per exam sitting, in the exams' order. */
  exams: ExamCell[];
  totals: WorkTotals;
  /** The last sitting with a result (a retake after the first). */
  exam: ExamCell | null;
  completion: CompletionShown;
}

export interface GradebookExam {
  id: string;
  title: string;
  max_points: string;
  retake_of_id: string | null;
}

/** Each member's row: their work on each assignment, their result of each exam sitting, the totals and completion. */
export function gradebookRows(
  members: readonly MemberRecord[],
  assignments: readonly AssignmentRecord[],
  exams: readonly GradebookExam[],
  work: readonly WorkRecord[],
  results: readonly ExamResultRecord[],
  audience: Audience,
): GradebookRow[] {
  const workOf = new Map(work.map((w) => [`${w.user_id}:${w.id}`, w]));
  const resultOf = new Map(results.map((r) => [`${r.user_id}:${r.exam_id}`, r]));
  return members.map((m) => {
    const cells = assignments.map((a) => {
      const record = workOf.get(`${m.user_id}:${a.id}`);
      return record ? workCell(record, audience) : { assignmentId: a.id, state: 'not_submitted' as const, grade: null };
    });
    const examCells = exams.map((e) => {
      const record = resultOf.get(`${m.user_id}:${e.id}`);
      return record ? examCellFor(record, audience) : { examId: e.id, status: null, score: null, released: false };
    });
    return {
      userId: m.user_id,
      name: m.name,
      email: m.email,
      department: m.department,
      enrolmentStatus: m.status,
      work: cells,
      exams: examCells,
      totals: workTotals(assignments, cells),
      exam: examOutcome(examCells),
      completion: completionShown(m),
    };
  });
}

const COMPLETION_ORDER: Record<CompletionShown, number> = { completed: 0, in_progress: 1, not_possible: 2, not_completed: 3 };

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('lv');
}

function matches(row: GradebookRow, query: GradebookQuery): boolean {
  if (query.q) {
    const wanted = fold(query.q);
    if (!fold(row.name).includes(wanted) && !fold(row.email).includes(wanted)) return false;
  }
  switch (query.show) {
    case 'missingWork':
      return row.totals.requiredPassed < row.totals.required;
    case 'toGrade':
      return row.work.some((c) => c.state === 'submitted' || c.state === 'late');
    case 'notCompleted':
      return row.completion !== 'completed';
    default:
      return true;
  }
}

/** The sort key of a row; null sorts last whichever the direction. */
function key(row: GradebookRow, sort: GradebookSort): number | null {
  switch (sort) {
    case 'points':
      return row.totals.points;
    case 'required':
      return row.totals.requiredPassed;
    case 'exam':
      return row.exam?.score ?? null;
    case 'completion':
      return COMPLETION_ORDER[row.completion];
    default:
      return null;
  }
}

const byName = new Intl.Collator('lv');

/**
 * The rows the query asks for, in its order: a name or e-mail search (letters with or without diacritics), one of
 * the `show` filters, and a sort; ties, and the name sort itself, go by name in Latvian order.
 */
export function filterAndSort(rows: readonly GradebookRow[], query: GradebookQuery): GradebookRow[] {
  const sign = query.dir === 'desc' ? -1 : 1;
  return rows
    .filter((row) => matches(row, query))
    .sort((a, b) => {
      const [ka, kb] = [key(a, query.sort), key(b, query.sort)];
      if (ka !== kb) {
        if (ka === null) return 1;
        if (kb === null) return -1;
        return sign * (ka - kb);
      }
      return (query.sort === 'name' ? sign : 1) * (byName.compare(a.name, b.name) || a.userId.localeCompare(b.userId));
    });
}

/** How many trainees scored in each fifth of the points available (released grades only). */
export function pointsDistribution(rows: readonly GradebookRow[]): { from: number; to: number; count: number }[] | null {
  const max = rows[0]?.totals.maxPoints ?? 0;
  if (!rows.length || max <= 0) return null;
  const bands = [0, 20, 40, 60, 80].map((from) => ({ from, to: from + 20, count: 0 }));
  for (const row of rows) {
    const percent = (row.totals.points * 100) / max;
    bands[Math.min(4, Math.floor(percent / 20))].count += 1;
  }
  return bands;
}
