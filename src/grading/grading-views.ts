import { iso } from '../common/json-values';
import { formatDateTime, parseRigaDateTime, rigaDateTimeInputs, sameTimeDaysBefore } from '../i18n/dates';
import { lateByText } from '../i18n/durations';
import type { I18nService } from '../i18n/i18n.service';
import { acceptAttribute, allowedLabel } from '../storage/file-policy';
import type { Language } from '../i18n/languages';
import type { Assignment, GradingType } from '../assignments/assignment.entity';
import { versionRow } from '../submissions/submission-views';
import type { Grade } from './grade.entity';
import { FEEDBACK_KINDS, FEEDBACK_MAX_MB, type GradingWork } from './grades.service';
import { MAX_FEEDBACK_LENGTH, MAX_RETURN_NOTE_LENGTH } from './grades.schemas';
import type { QueueFilterOptions, QueueItem } from './grading-queue.service';

export const feedbackFileUrl = (submissionId: string, api = false) =>
  `${api ? '/api/v1' : ''}/submissions/${submissionId}/grade/feedback-file`;

/** What a download of the feedback file says about it. */
export function feedbackFileMeta(grade: Grade) {
  return {
    fileName: grade.feedbackFileName ?? 'fails',
    mimeType: grade.feedbackFileMimeType ?? 'application/octet-stream',
    size: grade.feedbackFileSize ?? 0,
  };
}

/** A grade as the API gives it; `revision` is what the next save must name. */
export function gradeJson(grade: Grade) {
  return {
    id: grade.id,
    submissionId: grade.submissionId,
    status: grade.status,
    revision: grade.revision,
    versionNumber: grade.versionNumber,
    score: grade.score === null ? null : Number(grade.score),
    passed: grade.passed,
    feedback: grade.feedback,
    feedbackFile: grade.feedbackFileKey
      ? { fileName: grade.feedbackFileName, mimeType: grade.feedbackFileMimeType, downloadUrl: feedbackFileUrl(grade.submissionId, true) }
      : null,
    releasedAt: iso(grade.releasedAt),
    gradedById: grade.gradedById,
    updatedAt: iso(grade.updatedAt),
  };
}

export function queueItemJson(item: QueueItem) {
  return {
    submissionId: item.id,
    traineeId: item.userId,
    traineeName: item.traineeName,
    assignmentId: item.assignmentId,
    assignmentTitle: item.assignmentTitle,
    cohortId: item.cohortId,
    cohortName: item.cohortName,
    submittedAt: iso(item.submittedAt),
    submittedVersion: item.submittedVersion,
    lateSeconds: item.lateSeconds,
    returnedAt: iso(item.returnedAt),
    state: queueState(item),
    gradeStatus: item.gradeStatus,
    score: item.score === null ? null : Number(item.score),
    passed: item.passed,
  };
}

export type QueueState = 'toGrade' | 'newVersion' | 'draft' | 'released' | 'returned';

/** Where a handed-in work stands for its graders. */
export function queueState(item: Pick<QueueItem, 'returnedAt' | 'graded' | 'gradeStatus'>): QueueState {
  if (item.returnedAt) return 'returned';
  if (!item.graded) return item.gradeStatus ? 'newVersion' : 'toGrade';
  return item.gradeStatus === 'released' ? 'released' : 'draft';
}

const POINTS = {
  lv: new Intl.NumberFormat('lv-LV', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

function formatPoints(value: string | number, lang: Language): string {
  return POINTS[lang].format(Number(value));
}

/** "7,5 no 10 punktiem, ieskaitīts" or "Ieskaitīts". */
export function resultText(
  i18n: I18nService,
  lang: Language,
  result: { gradingType: GradingType; maxPoints: string | null; score: string | null; passed: boolean | null },
): string | null {
  if (result.passed === null) return null;
  if (result.gradingType === 'pass_fail' || result.score === null)
    return i18n.t(lang, result.passed ? 'grading.result.passed' : 'grading.result.failed');
  const max = Number(result.maxPoints ?? 0);
  const points = i18n.t(lang, 'grading.result.points', {
    score: formatPoints(result.score, lang),
    max: formatPoints(max, lang),
    count: max,
  });
  return i18n.t(lang, 'grading.result.withVerdict', {
    points,
    verdict: i18n.t(lang, result.passed ? 'grading.result.verdictPassed' : 'grading.result.verdictFailed'),
  });
}

/** The queue table's column headings, once per page: each row repeats them as `data-label` for narrow screens. */
export function queueColumns(i18n: I18nService, lang: Language) {
  const label = (column: string) => i18n.t(lang, `grading.columns.${column}`);
  return {
    trainee: label('trainee'),
    assignment: label('assignment'),
    cohort: label('cohort'),
    submitted: label('submitted'),
    state: label('state'),
    result: label('result'),
  };
}

const STATE_TONES: Partial<Record<QueueState, 'ok' | 'danger'>> = { released: 'ok', returned: 'danger' };

/** The queue table's rows with every text worked out here, so the template only places them (a page shows many). */
export function queuePageRows(items: QueueItem[], i18n: I18nService, lang: Language) {
  const stateTexts = new Map<QueueState, string>();
  const stateText = (state: QueueState) => {
    let text = stateTexts.get(state);
    if (text === undefined) stateTexts.set(state, (text = i18n.t(lang, `grading.states.${state}`)));
    return text;
  };
  return items.map((item) => {
    const state = queueState(item);
    return {
      id: item.id,
      traineeName: item.traineeName,
      assignmentTitle: item.assignmentTitle,
      cohortName: item.cohortName,
      submittedIso: item.submittedAt.toISOString(),
      submittedText: formatDateTime(item.submittedAt, lang),
      versionText: i18n.t(lang, 'grading.queue.version', { number: item.submittedVersion }),
      late: item.lateSeconds > 0 ? lateByText(i18n, lang, item.lateSeconds) : null,
      stateText: stateText(state),
      stateTone: STATE_TONES[state] ?? null,
      result: resultText(i18n, lang, item),
    };
  });
}

export function queueFilterLocals(options: QueueFilterOptions) {
  return {
    cohortOptions: options.cohorts.map((c) => ({ value: c.id, text: c.name })),
    assignmentOptions: options.assignments.map((a) => ({ value: a.id, text: a.cohortName ? `${a.title} (${a.cohortName})` : a.title })),
    lateOptions: [
      { value: 'late', label: 'grading.queue.lateOnly' },
      { value: 'onTime', label: 'grading.queue.onTimeOnly' },
    ],
  };
}

/** The grade form's values: the saved grade's, or empty for a first grade. */
export function gradeFormValues(grade: Grade | null) {
  if (!grade) return { revision: '', score: '', passed: '', feedback: '' };
  return {
    revision: String(grade.revision),
    score: grade.score === null ? '' : String(Number(grade.score)),
    passed: grade.passed ? 'pass' : 'fail',
    feedback: grade.feedback,
  };
}

/**
 * What the return form suggests: a week from now at 23:59 Riga time, or the trainee's current due time when that is
 * later, so returning work never cuts the time left unless the grader chooses to.
 */
export function suggestedRevisionDue(now: Date, currentDue: Date): [string, string] {
  const [date] = rigaDateTimeInputs(sameTimeDaysBefore(now, -7));
  const weekAhead = parseRigaDateTime(date, '23:59')!;
  return rigaDateTimeInputs(currentDue > weekAhead ? currentDue : weekAhead);
}

function assignmentView(a: Assignment, lang: Language) {
  return {
    id: a.id,
    title: a.title,
    points: a.gradingType === 'points',
    maxPoints: a.maxPoints === null ? null : formatPoints(a.maxPoints, lang),
    maxPointsValue: a.maxPoints === null ? null : Number(a.maxPoints),
    passMark: a.passMark === null ? null : formatPoints(a.passMark, lang),
  };
}

/** Everything the grading page of one submission shows. */
export function gradingPage(work: GradingWork, graderName: string | null, i18n: I18nService, lang: Language, now: Date) {
  const { submission, grade, assignment } = work;
  const versions = work.versions
    .filter((v) => v.submittedAt)
    .map((v) => ({ ...versionRow(v, i18n, lang), current: v.number === submission.submittedVersion }));
  const [dueDate, dueTime] = suggestedRevisionDue(now, work.deadlines.dueAt);
  const releasable = Boolean(
    grade && grade.status === 'draft' && grade.versionNumber === submission.submittedVersion && !submission.returnedAt,
  );
  return {
    titleKey: 'grading.submission.title',
    submission: {
      id: submission.id,
      submittedVersion: submission.submittedVersion,
      submittedAt: submission.submittedAt,
      late: submission.lateSeconds > 0 ? lateByText(i18n, lang, submission.lateSeconds) : null,
      returnedAt: submission.returnedAt,
      revisionDueAt: submission.revisionDueAt,
    },
    assignment: assignmentView(assignment, lang),
    trainee: work.trainee,
    cohortName: work.cohortName,
    deadlines: { dueAt: work.deadlines.dueAt, cutoffAt: work.deadlines.cutoffAt, extended: work.deadlines.extended },
    versions,
    submitted: versions.length > 0,
    grade: grade
      ? {
          status: grade.status,
          released: grade.status === 'released',
          releasedAt: grade.releasedAt,
          updatedAt: grade.updatedAt,
          revision: grade.revision,
          result: resultText(i18n, lang, {
            gradingType: assignment.gradingType,
            maxPoints: assignment.maxPoints,
            score: grade.score,
            passed: grade.passed,
          }),
          outdated: grade.versionNumber !== submission.submittedVersion,
          versionNumber: grade.versionNumber,
          feedbackFile: grade.feedbackFileKey ? { name: grade.feedbackFileName, url: feedbackFileUrl(submission.id) } : null,
          gradedByName: graderName,
        }
      : null,
    releasable,
    values: { ...gradeFormValues(grade), versionNumber: String(submission.submittedVersion), dueDate, dueTime, note: '' },
    feedback: {
      maxLength: MAX_FEEDBACK_LENGTH,
      accept: acceptAttribute(FEEDBACK_KINDS),
      allowed: allowedLabel(FEEDBACK_KINDS),
      maxMb: FEEDBACK_MAX_MB,
    },
    noteMaxLength: MAX_RETURN_NOTE_LENGTH,
    passOptions: [
      { value: 'pass', label: 'grading.result.passed' },
      { value: 'fail', label: 'grading.result.failed' },
    ],
  };
}
