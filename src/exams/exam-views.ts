import { renderMarkdown } from '../common/markdown';
import { rigaDateTimeInputs } from '../i18n/dates';
import type { ExamAccommodation } from './exam-accommodation.entity';
import { ATTEMPT_EVENT_KINDS, type ExamAttemptEvent } from './exam-attempt-event.entity';
import type { ExamAttempt } from './exam-attempt.entity';
import { RESULT_STATUSES, type ExamResult } from './exam-result.entity';
import type { Exam } from './exam.entity';
import type { ExamStanding, LoadedAttempt, LoadedItem, SaveOutcome } from './exam-attempts.service';
import type { BankCategory, BankQuestion, TraineeRow } from './exam-records.service';
import type { AccommodationWarning } from './exams.service';
import type { ExamLateAnswer } from './exam-late-answer.entity';

type AttemptEvents = { loaded: LoadedAttempt; events: ExamAttemptEvent[]; late: ExamLateAnswer[] };
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

type CohortName = { id: string; name: string; partId: string };

/** A cohort's exams, with whether the reader may set them up. */
export function examListPage(cohort: CohortName | null, exams: Exam[], canManage: boolean) {
  return {
    titleKey: 'exams.list.title',
    cohort,
    exams: exams.map((e) => ({ ...e, modeKey: `exams.modes.${e.mode}` })),
    canManage,
  };
}

/** The exam as a trainee sees it: their time, attempts and result. */
export function examTakePage(exam: Exam, examStanding: ExamStanding) {
  const standing = standingView(examStanding);
  return {
    title: exam.title,
    exam,
    standing,
    reasonKey: standing.reason,
    resultKey: standing.result ? `exams.resultStatus.${standing.result.status}` : null,
  };
}

/** What staff read and change on an exam's page. */
export interface ExamStaffReads {
  accommodations: (ExamAccommodation & { name: string; cut: boolean })[];
  warnings: AccommodationWarning[];
  attempts: (ExamAttempt & { name: string })[];
  trainees: TraineeRow[];
  cohort: CohortName | null;
}

/** The staff page; `editing` names a trainee whose accommodation fills the form, to be changed. */
export function examStaffPage(exam: Exam, reads: ExamStaffReads, editing?: string) {
  const edited = editing ? reads.accommodations.find((a) => a.userId === editing) : undefined;
  return {
    title: exam.title,
    exam,
    cohort: reads.cohort,
    accommodations: reads.accommodations.map(accommodationView),
    warnings: reads.warnings,
    attempts: reads.attempts,
    trainees: reads.trainees,
    online: exam.mode === 'online',
    editing: Boolean(edited),
    values: edited ? accommodationFormValues(edited) : { timeFactor: '1', extraMinutes: '0', extraAttempts: '0' },
  };
}

/** What the set-up form offers: the part's bank, the cohort's exam sittings, the exams a retake may follow. */
export interface ExamFormReads {
  cohort: CohortName;
  bank: { categories: BankCategory[]; questions: BankQuestion[] };
  sittings: { id: string; title: string; starts_at: Date }[];
  otherExams: Exam[];
}

/** The set-up form's surroundings, for a new exam or for `exam`. */
export function examFormPage(reads: ExamFormReads, exam?: Exam) {
  const others = reads.otherExams.filter((e) => e.id !== exam?.id);
  return {
    titleKey: exam ? 'exams.form.editTitle' : 'exams.form.newTitle',
    cohort: reads.cohort,
    examId: exam?.id ?? null,
    bank: reads.bank,
    sittings: reads.sittings.map((s) => ({ value: s.id, text: s.title, startsAt: s.starts_at })),
    otherExams: others,
    retakeOptions: others.map((e) => ({ value: e.id, text: e.title })),
    modes: [
      { value: 'online', label: 'exams.modes.online' },
      { value: 'in_person', label: 'exams.modes.in_person' },
    ],
    units: [
      { value: 'percent', label: 'exams.units.percent' },
      { value: 'points', label: 'exams.units.points' },
    ],
    shownOptions: [
      { value: 'at_once', label: 'exams.resultsShown.at_once' },
      { value: 'on_release', label: 'exams.resultsShown.on_release' },
    ],
  };
}

/** A new exam's form: empty, or a retake of `original` with its settings and without its window. */
export function newExamFormValues(original?: Exam) {
  return original
    ? { ...examFormValues(original), title: `${original.title} (atkārtoti)`, retakeOfId: original.id, opensDate: '', closesDate: '' }
    : { mode: 'online', passMarkUnit: 'percent', attemptsAllowed: 1, selectionKind: 'fixed', resultsShown: 'on_release' };
}

/** An exam as staff read it in the API: with its selection and the accommodations its closing time cuts. */
export function examStaffJson(exam: Exam, warnings: AccommodationWarning[]) {
  return { ...examStaffView(exam), warnings };
}

/** One attempt in the staff's list of an exam's attempts. */
export function attemptListItemJson(attempt: ExamAttempt & { name: string }) {
  return { ...attemptSummaryView(attempt, true), userId: attempt.userId, name: attempt.name };
}

/** What saving an answer did. */
export function saveOutcomeJson(outcome: SaveOutcome) {
  return { saved: outcome.saved, seq: outcome.seq, savedAt: outcome.savedAt?.toISOString() ?? null };
}

/** What happened during an attempt, as the API gives it to staff. */
export function attemptEventsJson({ loaded, events, late }: AttemptEvents) {
  return {
    attempt: attemptSummaryView(loaded.attempt, true),
    userId: loaded.attempt.userId,
    events: events.map(eventView),
    lateAnswers: late.map((l) => ({ position: l.position, seq: l.seq, receivedAt: l.receivedAt.toISOString(), response: l.response })),
  };
}

type AttemptModel = ReturnType<typeof attemptView>;
const ATTEMPT_SCRIPT = '/assets/js/exam-attempt.js';

/** One question of an attempt as its page shows it, with the way to the others; null when there is no such question. */
export function attemptQuestionPage(attempt: AttemptModel, position: number, saved: boolean) {
  const item = attempt.items.find((i) => i.position === position);
  if (!item) return null;
  return {
    title: attempt.examTitle,
    attempt,
    item,
    kindKey: `exams.kinds.${item.kind}`,
    nextSeq: item.responseSeq + 1,
    saved,
    previous: position > 1 ? position - 1 : null,
    next: position < attempt.items.length ? position + 1 : null,
    navItems: attempt.items.map((i) => ({
      position: i.position,
      answered: i.answered,
      flagged: i.flagged,
      current: i.position === position,
    })),
    scripts: [ATTEMPT_SCRIPT],
  };
}

/** The questions left unanswered and flagged, before handing in. */
export function attemptSummaryPage(attempt: AttemptModel) {
  return {
    titleKey: 'exams.summary.title',
    attempt,
    unanswered: attempt.items.filter((i) => !i.answered),
    flagged: attempt.items.filter((i) => i.flagged),
    scripts: [ATTEMPT_SCRIPT],
  };
}

/** The confirmation before handing in. */
export function attemptSubmitPage(attempt: AttemptModel) {
  return {
    titleKey: 'exams.submit.title',
    attempt,
    unansweredCount: attempt.items.filter((i) => !i.answered).length,
    scripts: [ATTEMPT_SCRIPT],
  };
}

/** A handed-in attempt; the result only when it may be seen. */
export function attemptResultPage(attempt: AttemptModel, visible: boolean, result: ExamResult | null) {
  return {
    titleKey: 'exams.result.title',
    attempt,
    visible,
    result,
    answeredCount: attempt.items.filter((i) => i.answered).length,
    statusKeys: Object.fromEntries(RESULT_STATUSES.map((s) => [s, `exams.resultStatus.${s}`])),
  };
}

/** What happened during an attempt, for staff. */
export function attemptEventsPage(attempt: AttemptModel, { loaded, events, late }: AttemptEvents, names: TraineeRow[]) {
  return {
    titleKey: 'exams.events.title',
    attempt,
    trainee: names.find((n) => n.id === loaded.attempt.userId) ?? null,
    events: events.map((e) => ({ ...eventView(e), detailText: detailText(e.detail) })),
    kindKeys: Object.fromEntries(ATTEMPT_EVENT_KINDS.map((k) => [k, `exams.eventKinds.${k}`])),
    late: late.map((l) => ({ position: l.position, seq: l.seq, receivedAt: l.receivedAt, response: JSON.stringify(l.response) })),
  };
}

function detailText(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}
