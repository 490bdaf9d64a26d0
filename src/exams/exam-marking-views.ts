import { renderMarkdown } from '../common/markdown';
import type { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import { barChart } from '../common/charts';
import type { EssayGroup, ExamMarkingRecords, ItemForMarking, RemarkRow, ResultItem, ResultRow } from './exam-marking-records.service';
import { MAX_EXAM_FEEDBACK_LENGTH, MAX_REASON_LENGTH, OVERRIDE_STATUSES } from './exam-marking.schemas';
import type { MarkingStep } from './exam-marking.service';
import type { OwnResult } from './exam-release.service';
import type { ExamStatistics } from './exam-statistics.service';
import type { Exam } from './exam.entity';
import type { QuestionResponse } from './marking';
import type { QuestionBody } from './question-body';

const num = (value: number, lang: Language) =>
  new Intl.NumberFormat(lang === 'lv' ? 'lv-LV' : 'en-GB', { maximumFractionDigits: 2 }).format(value);

/** Points as the pages show them: "7,5" in Latvian, "7.5" in English; empty for none. */
export function pointsText(value: string | number | null | undefined, lang: Language): string {
  return value === null || value === undefined || value === '' ? '' : num(Number(value), lang);
}

/** The trainee's answer as plain text (choices by their text). */
export function answerText(body: QuestionBody, response: QuestionResponse | null, i18n: I18nService, lang: Language): string {
  if (!response) return '';
  switch (response.kind) {
    case 'single': {
      const choices = 'choices' in body ? body.choices : [];
      return choices.find((c) => c.id === response.choice)?.text ?? '';
    }
    case 'multiple': {
      const choices = 'choices' in body ? body.choices : [];
      return choices
        .filter((c) => response.choices.includes(c.id))
        .map((c) => c.text)
        .join('; ');
    }
    case 'truefalse':
      return response.value === null ? '' : i18n.t(lang, response.value ? 'examMarking.true' : 'examMarking.false');
    default:
      return response.text;
  }
}

/** The right answer by the key: for the trainee only after release, for staff always. Essays have none. */
export function rightAnswerText(body: QuestionBody, i18n: I18nService, lang: Language): string {
  switch (body.kind) {
    case 'single':
      return body.choices
        .filter((c) => c.fraction >= 1 - 1e-6)
        .map((c) => c.text)
        .join('; ');
    case 'multiple':
      return body.choices
        .filter((c) => c.fraction > 0)
        .map((c) => c.text)
        .join('; ');
    case 'truefalse':
      return i18n.t(lang, body.correct ? 'examMarking.true' : 'examMarking.false');
    case 'short':
      return body.answers
        .filter((a) => a.fraction >= 1 - 1e-6)
        .map((a) => a.text)
        .join('; ');
    case 'numeric':
      return body.answers
        .filter((a) => a.fraction >= 1 - 1e-6)
        .map((a) => (a.tolerance ? `${num(a.value, lang)} ± ${num(a.tolerance, lang)}` : num(a.value, lang)))
        .join('; ');
    case 'essay':
      return '';
  }
}

/** The marking page's view of one answer. */
export function markingItemView(item: ItemForMarking, i18n: I18nService, lang: Language) {
  return {
    id: item.itemId,
    version: item.version,
    examId: item.examId,
    examTitle: item.examTitle,
    traineeName: item.traineeName,
    questionName: item.questionName,
    questionHtml: renderMarkdown(item.questionText),
    guidance: item.body.kind === 'essay' ? item.body.guidance : '',
    rightAnswer: rightAnswerText(item.body, i18n, lang),
    answer: answerText(item.body, item.response, i18n, lang),
    points: pointsText(item.points, lang),
    awarded: pointsText(item.awarded, lang),
    marked: item.markState === 'marked',
    markedByName: item.markedByName,
    markedAt: item.markedAt,
    feedback: item.feedback,
  };
}

export function markingItemJson(item: ItemForMarking) {
  return {
    id: item.itemId,
    version: item.version,
    examId: item.examId,
    attemptId: item.attemptId,
    userId: item.userId,
    traineeName: item.traineeName,
    questionId: item.questionId,
    questionVersionId: item.questionVersionId,
    questionName: item.questionName,
    questionText: item.questionText,
    kind: item.body.kind,
    response: item.response,
    points: Number(item.points),
    markState: item.markState,
    awarded: item.awarded === null ? null : Number(item.awarded),
    feedback: item.feedback,
    markedByName: item.markedByName,
    markedAt: item.markedAt ? new Date(item.markedAt).toISOString() : null,
  };
}

function resultItemView(item: ResultItem, i18n: I18nService, lang: Language) {
  return {
    position: item.position,
    questionName: item.questionName,
    questionHtml: renderMarkdown(item.questionText),
    answer: answerText(item.body, item.response, i18n, lang),
    rightAnswer: rightAnswerText(item.body, i18n, lang),
    awarded: pointsText(item.awarded ?? 0, lang),
    points: pointsText(item.points, lang),
    feedback: item.feedback,
    generalFeedback: item.generalFeedback,
  };
}

/** The trainee's result page: the score and each answer only when results are out. */
export function ownResultView(own: OwnResult, i18n: I18nService, lang: Language) {
  return {
    exam: { id: own.exam.id, title: own.exam.title },
    state: own.state,
    shown: own.state === 'shown',
    awaiting: own.state === 'awaiting',
    status: own.result?.status ?? null,
    statusText: own.result ? i18n.t(lang, `examMarking.status.${own.result.status}`) : '',
    score: pointsText(own.result?.score ?? own.attempt?.score ?? null, lang),
    maxPoints: pointsText(own.attempt?.maxPoints ?? own.exam.maxPoints, lang),
    items: own.state === 'shown' ? own.items.map((item) => resultItemView(item, i18n, lang)) : [],
  };
}

/** The API's body of the trainee's own result: no answers and no key before release. */
export function ownResultJson(own: OwnResult, i18n: I18nService, lang: Language) {
  const shown = own.state === 'shown';
  return {
    examId: own.exam.id,
    state: own.state,
    status: shown ? (own.result?.status ?? null) : null,
    score: shown && own.result?.score != null ? Number(own.result.score) : null,
    maxPoints: Number(own.attempt?.maxPoints ?? own.exam.maxPoints),
    items: shown
      ? own.items.map((item) => ({
          position: item.position,
          questionName: item.questionName,
          response: item.response,
          rightAnswer: rightAnswerText(item.body, i18n, lang),
          points: Number(item.points),
          awarded: item.awarded === null ? null : Number(item.awarded),
          feedback: item.feedback,
        }))
      : [],
  };
}

const fixed = (value: number | null, digits = 2) => (value === null ? '' : value.toFixed(digits));

type DrawnQuestion = Awaited<ReturnType<ExamMarkingRecords['drawnQuestions']>>[number];

/** The essays to mark, filtered to one exam when `examId` is given; `all` names every exam for the filter. */
export function essayQueuePage(all: EssayGroup[], groups: EssayGroup[], examId: string | undefined) {
  const exams = new Map(all.map((g) => [g.examId, `${g.examTitle} (${g.cohortName})`]));
  return {
    titleKey: 'examMarking.queue.title',
    groups,
    examOptions: [...exams].map(([value, text]) => ({ value, text })),
    examId: examId ?? '',
  };
}

/** One answer to mark, where it stands among the answers of its question, and the form's values. */
export function markingItemPage(step: MarkingStep, i18n: I18nService, lang: Language) {
  const item = markingItemView(step.item, i18n, lang);
  return {
    titleKey: 'examMarking.item.title',
    item,
    position: { index: step.index + 1, count: step.steps.length, left: step.steps.filter((s) => s.markState === 'manual').length },
    previous: step.previous,
    next: step.next,
    values: { awarded: step.item.awarded === null ? '' : item.awarded, feedback: step.item.feedback, version: String(step.item.version) },
    feedbackMaxLength: MAX_EXAM_FEEDBACK_LENGTH,
  };
}

/** The marking page again after someone else marked the answer meanwhile: their mark shown, what was typed kept. */
export function markConflictPage(page: ReturnType<typeof markingItemPage>, formError: string, unsaved: Record<string, string>) {
  return { ...page, formError, values: { ...page.values, awarded: unsaved.awarded, feedback: unsaved.feedback } };
}

const statusText = (status: string | null, i18n: I18nService, lang: Language) =>
  status ? i18n.t(lang, `examMarking.status.${status}`) : i18n.t(lang, 'examMarking.status.none');

/** An exam's results, the questions whose key may be fixed and the answers marked again. */
export function markingResultsPage(
  { exam, rows }: { exam: Exam; rows: ResultRow[] },
  questions: DrawnQuestion[],
  remarks: RemarkRow[],
  i18n: I18nService,
  lang: Language,
) {
  return {
    titleKey: 'examMarking.results.title',
    exam: {
      id: exam.id,
      title: exam.title,
      releasedAt: exam.releasedAt,
      maxPoints: pointsText(exam.maxPoints, lang),
      inPerson: exam.mode === 'in_person',
    },
    rows: rows.map((r) => ({ ...r, statusText: statusText(r.status, i18n, lang), score: pointsText(r.score, lang) })),
    questions: questions.filter((q) => q.kind !== 'essay'),
    remarks: remarks.map((r) => ({
      ...r,
      oldAwarded: pointsText(r.oldAwarded, lang),
      newAwarded: pointsText(r.newAwarded, lang),
    })),
  };
}

/** The form that sets a trainee's result by hand. */
export function overridePage({ exam, row }: { exam: Exam; row: ResultRow }, i18n: I18nService, lang: Language) {
  return {
    titleKey: 'examMarking.override.title',
    exam: { id: exam.id, title: exam.title, maxPoints: pointsText(exam.maxPoints, lang) },
    trainee: { id: row.userId, name: row.name },
    current: {
      statusText: row.status ? i18n.t(lang, `examMarking.status.${row.status}`) : '',
      score: pointsText(row.score, lang),
    },
    statusOptions: OVERRIDE_STATUSES.map((value) => ({ value, label: `examMarking.status.${value}` })),
    values: {
      status: row.status && row.status !== 'pending' ? row.status : '',
      score: pointsText(row.score, lang),
      reason: '',
      version: String(row.version ?? 0),
    },
    reasonMaxLength: MAX_REASON_LENGTH,
  };
}

/** The form that marks every answer to a question again with one of its versions' key. */
export function remarkPage(exam: Exam, question: DrawnQuestion, i18n: I18nService, lang: Language) {
  return {
    titleKey: 'examMarking.remark.title',
    exam: { id: exam.id, title: exam.title },
    question,
    versionOptions: question.versions.map((v) => ({
      value: v.id,
      text: i18n.t(lang, 'examMarking.remark.versionOption', { version: v.version }),
    })),
    values: { versionId: question.versions[0]?.id ?? '', reason: '' },
    reasonMaxLength: MAX_REASON_LENGTH,
  };
}

/** The release page: how many have a result and how many still wait for marking. */
export function releasePage({ exam, rows }: { exam: Exam; rows: ResultRow[] }) {
  return {
    titleKey: 'examMarking.release.title',
    exam: { id: exam.id, title: exam.title, releasedAt: exam.releasedAt },
    withResult: rows.filter((r) => r.status !== null).length,
    waiting: rows.filter((r) => r.needsMarking).length,
  };
}

/** The score distribution as a chart and each question's facility and discrimination with its flags. */
export function statisticsPage(s: ExamStatistics, i18n: I18nService, lang: Language) {
  return {
    titleKey: 'examMarking.statistics.title',
    exam: { id: s.exam.id, title: s.exam.title },
    inPerson: s.counted === 'results',
    attempts: s.attempts,
    mean: s.mean === null ? '' : pointsText(Math.round(s.mean * 100) / 100, lang),
    maxPoints: pointsText(s.maxPoints, lang),
    chart: barChart(s.bands.map((b) => ({ label: `${pointsText(b.from, lang)}–${pointsText(b.to, lang)}`, value: b.count }))),
    questions: s.questions.map((q) => ({
      ...q,
      facilityText: fixed(q.facility),
      discriminationText: q.discrimination === null ? '—' : fixed(q.discrimination),
      flagTexts: q.flags.map((f) => i18n.t(lang, `examMarking.statistics.flags.${f}`)),
    })),
  };
}

/** The trainee's own result page. */
export function ownResultPage(own: OwnResult, i18n: I18nService, lang: Language) {
  return { titleKey: 'examMarking.own.title', ...ownResultView(own, i18n, lang) };
}

/** A trainee's result as staff read it in the API. */
export function resultJson(row: ResultRow) {
  return {
    userId: row.userId,
    name: row.name,
    status: row.status,
    score: row.score === null ? null : Number(row.score),
    version: row.version ?? 0,
    overriddenReason: row.overriddenReason,
    attempts: row.attempts,
    needsMarking: row.needsMarking,
  };
}

/** An answer marked again after a key was fixed. */
export function remarkJson(r: RemarkRow) {
  return {
    ...r,
    createdAt: new Date(r.createdAt).toISOString(),
    oldAwarded: r.oldAwarded === null ? null : Number(r.oldAwarded),
    newAwarded: Number(r.newAwarded),
  };
}

/** What releasing the results did. */
export function releaseJson({ exam, emailed }: { exam: Exam; emailed: number }) {
  return { examId: exam.id, releasedAt: exam.releasedAt!.toISOString(), emailed };
}

/** The exam's statistics as the API gives them. */
export function statisticsJson(s: ExamStatistics) {
  return {
    examId: s.exam.id,
    counted: s.counted,
    attempts: s.attempts,
    maxPoints: s.maxPoints,
    mean: s.mean,
    distribution: s.bands,
    questions: s.questions.map((q) => ({
      questionId: q.questionId,
      name: q.name,
      points: q.points,
      attempts: q.attempts,
      facility: q.facility,
      discrimination: q.discrimination,
      flags: q.flags,
    })),
  };
}
