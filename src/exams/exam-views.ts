import { renderMarkdown } from '../common/markdown';
import { rigaDateTimeInputs } from '../i18n/dates';
import type { ExamAccommodation } from './exam-accommodation.entity';
import type { ExamAttemptEvent } from './exam-attempt-event.entity';
import type { ExamAttempt } from './exam-attempt.entity';
import type { ExamResult } from './exam-result.entity';
import type { Exam } from './exam.entity';
import type { ExamStanding, LoadedAttempt, LoadedItem } from './exam-attempts.service';
import type { QuestionResponse } from './marking';

/**
 * Models of what pages and the API show. The attempt's models are built field by field from what a trainee
 * may see: a question's text, its choices' ids and texts in the attempt's order, the points, the saved answer.
 * Never the key (fractions, accepted answers, tolerances, marking guidance, feedback), whatever the status.
 */

export function examView(exam: Exam) {
  return {
    id: exam.id,
    cohortId: exam.cohortId,
    sessionId: exam.sessionId,
    title: exam.title,
    mode: exam.mode,
    passMark: Number(exam.passMark),
    passMarkUnit: exam.passMarkUnit,
    maxPoints: Number(exam.maxPoints),
    opensAt: exam.opensAt?.toISOString() ?? null,
    closesAt: exam.closesAt?.toISOString() ?? null,
    timeLimitMinutes: exam.timeLimitMinutes,
    attemptsAllowed: exam.attemptsAllowed,
    shuffleQuestions: exam.shuffleQuestions,
    shuffleChoices: exam.shuffleChoices,
    resultsShown: exam.resultsShown,
    retakeOfId: exam.retakeOfId,
    releasedAt: exam.releasedAt?.toISOString() ?? null,
    version: exam.version,
  };
}

/** Staff see which questions an exam asks; trainees do not. */
export function examStaffView(exam: Exam) {
  return { ...examView(exam), selection: exam.selection };
}

export function accommodationView(row: ExamAccommodation & { name?: string; cut?: boolean }) {
  return {
    userId: row.userId,
    name: row.name ?? null,
    timeFactor: Number(row.timeFactor),
    extraMinutes: row.extraMinutes,
    extraAttempts: row.extraAttempts,
    opensAt: row.opensAt?.toISOString() ?? null,
    closesAt: row.closesAt?.toISOString() ?? null,
    note: row.note,
    cutByClosing: row.cut ?? false,
  };
}

/** The accommodation form filled with one trainee's accommodation, to change it. */
export function accommodationFormValues(row: ExamAccommodation) {
  const [opensDate, opensTime] = row.opensAt ? rigaDateTimeInputs(row.opensAt) : ['', ''];
  const [closesDate, closesTime] = row.closesAt ? rigaDateTimeInputs(row.closesAt) : ['', ''];
  return {
    userId: row.userId,
    timeFactor: String(Number(row.timeFactor)),
    extraMinutes: String(row.extraMinutes),
    extraAttempts: String(row.extraAttempts),
    opensDate,
    opensTime,
    closesDate,
    closesTime,
    note: row.note,
  };
}

export function resultView(result: ExamResult | null, visible: boolean) {
  if (!result || !visible) return null;
  return { status: result.status, score: result.score === null ? null : Number(result.score) };
}

export function attemptSummaryView(attempt: ExamAttempt, visible: boolean) {
  return {
    id: attempt.id,
    number: attempt.number,
    status: attempt.status,
    startedAt: attempt.startedAt.toISOString(),
    deadlineAt: attempt.deadlineAt.toISOString(),
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    submittedBy: attempt.submittedBy,
    score: visible && attempt.score !== null ? Number(attempt.score) : null,
    maxPoints: Number(attempt.maxPoints),
  };
}

export function standingView(standing: ExamStanding) {
  return {
    exam: examView(standing.exam),
    opensAt: standing.opensAt?.toISOString() ?? null,
    closesAt: standing.closesAt?.toISOString() ?? null,
    allowedMinutes: standing.allowedSeconds === null ? null : Math.ceil(standing.allowedSeconds / 60),
    attemptsAllowed: standing.attemptsAllowed,
    attemptsUsed: standing.attempts.length,
    attemptsLeft: Math.max(0, standing.attemptsAllowed - standing.attempts.length),
    inProgressAttemptId: standing.inProgress?.id ?? null,
    canStart: standing.canStart,
    reason: standing.reason,
    attempts: standing.attempts.map((a) => attemptSummaryView(a, standing.resultVisible)),
    result: resultView(standing.result, standing.resultVisible),
  };
}

/** One question as the trainee sees it. */
export function itemView(item: LoadedItem, { withMarks }: { withMarks: boolean }) {
  const version = item.questionVersion;
  const body = version.body;
  const choiceTexts = body.kind === 'single' || body.kind === 'multiple' ? new Map(body.choices.map((c) => [c.id, c.text])) : null;
  const order = item.choiceOrder ?? (choiceTexts ? [...choiceTexts.keys()] : null);
  return {
    position: item.position,
    kind: body.kind,
    name: version.name,
    textHtml: renderMarkdown(version.text),
    points: Number(item.points),
    choices: order && choiceTexts ? order.map((id) => ({ id, text: choiceTexts.get(id) ?? '' })) : null,
    response: item.response as QuestionResponse | null,
    responseSeq: item.responseSeq,
    savedAt: item.savedAt?.toISOString() ?? null,
    flagged: item.flagged,
    answered: isAnswered(item.response),
    awarded: withMarks && item.awarded !== null ? Number(item.awarded) : null,
    awaitingMarking: withMarks && item.markState === 'manual',
  };
}

export function isAnswered(response: QuestionResponse | null): boolean {
  if (!response) return false;
  switch (response.kind) {
    case 'single':
      return response.choice !== null;
    case 'multiple':
      return response.choices.length > 0;
    case 'truefalse':
      return response.value !== null;
    default:
      return response.text.trim().length > 0;
  }
}

export function attemptView(loaded: LoadedAttempt, now: Date, graceSeconds: number) {
  const { attempt, exam } = loaded;
  const closed = attempt.status === 'submitted';
  const withMarks = closed && (loaded.resultVisible || loaded.asStaff);
  return {
    ...attemptSummaryView(attempt, withMarks),
    examId: exam.id,
    examTitle: exam.title,
    secondsLeft: closed ? 0 : Math.max(0, Math.floor((attempt.deadlineAt.getTime() - now.getTime()) / 1000)),
    graceSeconds,
    needsMarking: withMarks ? attempt.needsMarking : null,
    items: loaded.items.map((item) => itemView(item, { withMarks })),
  };
}

export function eventView(event: ExamAttemptEvent) {
  return { kind: event.kind, at: event.at.toISOString(), detail: event.detail, ip: event.ip };
}

/** An exam as its form shows it: Riga dates and times, questions ticked, counts per category. */
export function examFormValues(exam: Exam) {
  const [opensDate, opensTime] = exam.opensAt ? rigaDateTimeInputs(exam.opensAt) : ['', ''];
  const [closesDate, closesTime] = exam.closesAt ? rigaDateTimeInputs(exam.closesAt) : ['', ''];
  const selection = exam.selection;
  return {
    title: exam.title,
    mode: exam.mode,
    sessionId: exam.sessionId ?? '',
    retakeOfId: exam.retakeOfId ?? '',
    passMark: String(Number(exam.passMark)),
    passMarkUnit: exam.passMarkUnit,
    maxPoints: exam.mode === 'in_person' ? String(Number(exam.maxPoints)) : '',
    opensDate,
    opensTime,
    closesDate,
    closesTime,
    timeLimitMinutes: exam.timeLimitMinutes ?? '',
    attemptsAllowed: exam.attemptsAllowed,
    selectionKind: selection?.kind ?? 'fixed',
    questionIds: selection?.kind === 'fixed' ? selection.questionIds : [],
    counts: Object.fromEntries(selection?.kind === 'random' ? selection.categories.map((c) => [c.categoryId, c.count]) : []),
    shuffleQuestions: exam.shuffleQuestions,
    shuffleChoices: exam.shuffleChoices,
    resultsShown: exam.resultsShown,
    version: exam.version,
  };
}
