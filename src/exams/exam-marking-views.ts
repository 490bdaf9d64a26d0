import { renderMarkdown } from '../common/markdown';
import type { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import type { ItemForMarking, ResultItem } from './exam-marking-records.service';
import type { OwnResult } from './exam-release.service';
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
