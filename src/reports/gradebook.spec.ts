import { filterAndSort, pointsDistribution, type GradebookQuery, type GradebookRow } from './gradebook';
import type { ExamResultRecord, WorkRecord } from './report-records.service';
import { completionShown, examCellFor, examOutcome, workCell, workTotals } from './report-rules';

const DUE = new Date('2012-11-30T21:59:00Z');

function work(overrides: Partial<WorkRecord> = {}): WorkRecord {
  return {
    id: 'a1',
    title: 'Pieteikums',
    due_at: DUE,
    grading_type: 'points',
    max_points: '10.00',
    pass_mark: '5.00',
    required_for_completion: true,
    cohort_id: 'c',
    user_id: 'u',
    submitted_version: 1,
    submitted_at: new Date(DUE.getTime() - 1000),
    returned_at: null,
    revision_due_at: null,
    extension_due_at: null,
    grade_status: null,
    grade_version: null,
    score: null,
    passed: null,
    ...overrides,
  };
}

function result(overrides: Partial<ExamResultRecord> = {}): ExamResultRecord {
  return {
    exam_id: 'e1',
    cohort_id: 'c',
    title: 'Eksāmens',
    mode: 'in_person',
    max_points: '10.00',
    retake_of_id: null,
    results_shown: 'on_release',
    released_at: null,
    sat_at: null,
    user_id: 'u',
    status: 'passed',
    score: '8.00',
    submitted: 0,
    open: false,
    ...overrides,
  };
}

describe('a report’s cells', () => {
  it('shows staff a draft grade marked as not released, and a trainee nothing of it', () => {
    const draft = work({ grade_status: 'draft', grade_version: 1, score: '4.00', passed: false });
    expect(workCell(draft, 'staff')).toEqual({
      assignmentId: 'a1',
      state: 'submitted',
      grade: { score: 4, passed: false, released: false },
    });
    expect(workCell(draft, 'trainee')).toEqual({ assignmentId: 'a1', state: 'submitted', grade: null });
    const released = work({ grade_status: 'released', grade_version: 1, score: '9.00', passed: true });
    expect(workCell(released, 'trainee')).toEqual({
      assignmentId: 'a1',
      state: 'graded',
      grade: { score: 9, passed: true, released: true },
    });
  });

  it('reads lateness against the trainee’s extension, and nothing handed in as not submitted', () => {
    const late = new Date(DUE.getTime() + 3_600_000);
    expect(workCell(work({ submitted_at: late }), 'staff').state).toBe('late');
    expect(workCell(work({ submitted_at: late, extension_due_at: new Date(DUE.getTime() + 86_400_000) }), 'staff').state).toBe('submitted');
    expect(workCell(work({ submitted_version: null, submitted_at: null }), 'staff').state).toBe('not_submitted');
  });

  it('shows a trainee an exam result once released, or at once when so set and nothing is open', () => {
    expect(examCellFor(result(), 'trainee')).toEqual({ examId: 'e1', status: null, score: null, released: false });
    expect(examCellFor(result(), 'staff')).toEqual({ examId: 'e1', status: 'passed', score: 8, released: false });
    expect(examCellFor(result({ released_at: new Date() }), 'trainee')).toMatchObject({ status: 'passed', released: true });
    expect(examCellFor(result({ results_shown: 'at_once', submitted: 1 }), 'trainee')).toMatchObject({ status: 'passed', released: true });
    expect(examCellFor(result({ results_shown: 'at_once', submitted: 1, open: true }), 'trainee')).toMatchObject({ status: null });
  });

  it('takes the last sitting with a result as the exam’s outcome', () => {
    const first = { examId: 'e1', status: 'failed' as const, score: 3, released: true };
    const retake = { examId: 'e2', status: 'passed' as const, score: 7, released: true };
    expect(examOutcome([first, retake])).toBe(retake);
    expect(examOutcome([first, { ...retake, status: null, score: null }])).toBe(first);
    expect(examOutcome([])).toBeNull();
  });

  it('adds up released grades only, and counts required work passed', () => {
    const assignments = [
      work(),
      work({ id: 'a2', grading_type: 'pass_fail', max_points: null, required_for_completion: false }),
      work({ id: 'a3', max_points: '20.00' }),
    ];
    const cells = [
      { assignmentId: 'a1', state: 'graded' as const, grade: { score: 8.5, passed: true, released: true } },
      { assignmentId: 'a2', state: 'graded' as const, grade: { score: null, passed: true, released: true } },
      { assignmentId: 'a3', state: 'submitted' as const, grade: { score: 20, passed: true, released: false } },
    ];
    expect(workTotals(assignments, cells)).toEqual({ points: 8.5, maxPoints: 30, requiredPassed: 1, required: 2 });
  });

  it('reads completion from completed_enrolments first, then a hand-set refusal, then the rule', () => {
    expect(completionShown({ completed_at: new Date(), manual_state: null, completion_state: 'in_progress' })).toBe('completed');
    expect(completionShown({ completed_at: null, manual_state: 'not_completed', completion_state: 'completed' })).toBe('not_completed');
    expect(completionShown({ completed_at: null, manual_state: null, completion_state: 'not_possible' })).toBe('not_possible');
    expect(completionShown({ completed_at: null, manual_state: null, completion_state: null })).toBe('in_progress');
  });
});

function row(name: string, points: number, examScore: number | null, overrides: Partial<GradebookRow> = {}): GradebookRow {
  return {
    userId: name,
    name,
    email: `${name.toLowerCase()}@kursors.test`,
    department: null,
    enrolmentStatus: 'enrolled',
    work: [],
    exams: [],
    totals: { points, maxPoints: 20, requiredPassed: points >= 10 ? 1 : 0, required: 1 },
    exam: examScore === null ? null : { examId: 'e', status: 'passed', score: examScore, released: true },
    completion: points >= 10 ? 'completed' : 'in_progress',
    ...overrides,
  };
}

describe('the gradebook’s filter and sort', () => {
  const rows = [row('Žanis', 15, 6), row('Ārija', 4, null), row('Edgars', 4, 9)];
  const query = (q: Partial<GradebookQuery>): GradebookQuery => ({ show: 'all', sort: 'name', dir: 'asc', ...q });
  const names = (q: Partial<GradebookQuery>) => filterAndSort(rows, query(q)).map((r) => r.name);

  it('sorts names in Latvian order and ties by name whichever the direction', () => {
    expect(names({})).toEqual(['Ārija', 'Edgars', 'Žanis']);
    expect(names({ dir: 'desc' })).toEqual(['Žanis', 'Edgars', 'Ārija']);
    expect(names({ sort: 'points', dir: 'desc' })).toEqual(['Žanis', 'Ārija', 'Edgars']);
    expect(names({ sort: 'points' })).toEqual(['Ārija', 'Edgars', 'Žanis']);
  });

  it('puts a trainee without a result last both ways', () => {
    expect(names({ sort: 'exam' })).toEqual(['Žanis', 'Edgars', 'Ārija']);
    expect(names({ sort: 'exam', dir: 'desc' })).toEqual(['Edgars', 'Žanis', 'Ārija']);
  });

  it('searches names and emails without diacritics, and filters', () => {
    expect(names({ q: 'ZANIS' })).toEqual(['Žanis']);
    expect(names({ q: 'arija@' })).toEqual(['Ārija']);
    expect(names({ show: 'missingWork' })).toEqual(['Ārija', 'Edgars']);
    expect(names({ show: 'notCompleted' })).toEqual(['Ārija', 'Edgars']);
    expect(names({ show: 'toGrade' })).toEqual([]);
  });

  it('counts trainees per fifth of the points available, the whole points in the top band', () => {
    expect(
      pointsDistribution([row('A', 20, null), row('B', 3.9, null), row('C', 4, null), row('D', 0, null)])?.map((b) => b.count),
    ).toEqual([2, 1, 0, 0, 1]);
    expect(pointsDistribution([])).toBeNull();
    expect(pointsDistribution([row('A', 0, null, { totals: { points: 0, maxPoints: 0, requiredPassed: 0, required: 0 } })])).toBeNull();
  });
});
