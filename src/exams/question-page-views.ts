import { pager } from '../common/paging';
import { renderMarkdown } from '../common/markdown';
import type { Language } from '../i18n/languages';
import { localized } from '../i18n/localized';
import type { Part } from '../programmes/part.entity';
import type { CategorySummary, QuestionSummary } from './question-bank-records.service';
import type { QuestionListQuery } from './question-bank.schemas';
import type { QuestionDetail } from './question-bank.service';
import { QUESTION_KINDS, type QuestionKind } from './question-body';
import { MAX_IMPORT_BYTES } from './question-import';
import type { ImportReport } from './question-import.service';
import { problemText } from './question-views';
import type { I18nService } from '../i18n/i18n.service';
import type { QuestionVersion } from './question-version.entity';

export const partView = (part: Part, lang: Language) => ({
  id: part.id,
  number: part.number,
  title: localized(lang, part.titleLv, part.titleEn),
  programmeTitle: localized(lang, part.programme.titleLv, part.programme.titleEn),
});

export const kindOptions = () => QUESTION_KINDS.map((kind) => ({ value: kind, label: `questions.kinds.${kind}` }));
const categoryOptions = (categories: CategorySummary[]) => categories.map((c) => ({ value: c.id, text: c.name }));

/** The bank page: categories, the filtered list of questions, and the ways to add more. */
export function bankPage(
  part: Part,
  categories: CategorySummary[],
  list: { items: QuestionSummary[]; total: number },
  query: QuestionListQuery,
  lang: Language,
) {
  const path = `/parts/${part.id}/questions`;
  return {
    titleKey: 'questions.title',
    part: partView(part, lang),
    categories: categories.map((c) => ({ ...c, renameField: `name-${c.id}` })),
    categoryOptions: categoryOptions(categories),
    kindOptions: kindOptions(),
    newLinks: QUESTION_KINDS.map((kind) => ({ kind, label: `questions.kinds.${kind}` })),
    filters: { categoryId: query.categoryId ?? '', kind: query.kind ?? '', q: query.q ?? '', archived: query.archived },
    questions: list.items.map((q) => ({ ...q, kindKey: `questions.kinds.${q.kind}`, points: Number(q.points) })),
    pager: pager(path, { ...query, archived: query.archived || undefined }, list.total),
    exportHref: `${path}/export${query.categoryId ? `?categoryId=${query.categoryId}` : ''}`,
  };
}

type Values = Record<string, unknown>;

const rowsOf = (values: Values, field: string): Values[] => {
  const raw = values[field];
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? Object.values(raw) : [];
  return list.filter((r): r is Values => !!r && typeof r === 'object');
};

/** Form rows with their input names (`choices[1][text]`) and the error keys of their cells (`choices.1.text`). */
function rows(values: Values, field: string, cells: string[], minimum: number, spare: number) {
  const given = rowsOf(values, field);
  const count = Math.min(20, Math.max(minimum, given.length + spare));
  return Array.from({ length: count }, (_, index) => ({
    index,
    number: index + 1,
    cells: Object.fromEntries(
      cells.map((cell) => [
        cell,
        {
          name: `${field}[${index}][${cell}]`,
          id: `field-${field}.${index}.${cell}`,
          key: `${field}.${index}.${cell}`,
          value: given[index]?.[cell] ?? '',
        },
      ]),
    ),
  }));
}

/** The question form of one kind, with as many empty rows as an author is likely to need. */
export function questionForm(
  part: Part,
  categories: CategorySummary[],
  kind: QuestionKind,
  values: Values,
  lang: Language,
  questionId?: string,
) {
  return {
    titleKey: questionId ? 'questions.form.editTitle' : 'questions.form.newTitle',
    part: partView(part, lang),
    questionId: questionId ?? null,
    action: questionId ? `/questions/${questionId}` : `/parts/${part.id}/questions`,
    back: questionId ? `/questions/${questionId}` : `/parts/${part.id}/questions`,
    kind,
    kindKey: `questions.kinds.${kind}`,
    is: { [kind]: true, choices: kind === 'single' || kind === 'multiple' },
    categoryOptions: categoryOptions(categories),
    values,
    choiceRows: rows(values, 'choices', ['id', 'text', 'percent', 'feedback'], 4, 2),
    answerRows: rows(values, 'answers', ['text', 'percent'], 3, 1),
    numericRows: rows(values, 'numericAnswers', ['value', 'tolerance', 'percent'], 2, 1),
  };
}

const percentText = (fraction: number) => `${Math.round(fraction * 100000) / 1000} %`;

/** A version as staff see it: the key with every share, and as a trainee sees it: the question alone. */
export function versionView(v: QuestionVersion) {
  const body = v.body;
  return {
    version: v.version,
    name: v.name,
    textHtml: renderMarkdown(v.text),
    points: Number(v.points),
    kindKey: `questions.kinds.${body.kind}`,
    generalFeedback: v.generalFeedback,
    createdAt: v.createdAt,
    choices: 'choices' in body ? body.choices.map((c) => ({ ...c, share: percentText(c.fraction), right: c.fraction > 0 })) : [],
    multiple: body.kind === 'multiple',
    truefalse: body.kind === 'truefalse' ? { correctKey: body.correct ? 'questions.show.true' : 'questions.show.false' } : null,
    short:
      body.kind === 'short'
        ? { answers: body.answers.map((a) => ({ text: a.text, share: percentText(a.fraction) })), ignoreDiacritics: body.ignoreDiacritics }
        : null,
    numeric:
      body.kind === 'numeric'
        ? body.answers.map((a) => ({ value: a.value, tolerance: a.tolerance, share: percentText(a.fraction) }))
        : null,
    essay: body.kind === 'essay' ? { guidance: body.guidance } : null,
    answersWithText: body.kind === 'short' || body.kind === 'numeric',
  };
}

export function questionPage(detail: QuestionDetail, versions: QuestionVersion[], lang: Language) {
  return {
    title: detail.version.name,
    part: partView(detail.part, lang),
    question: {
      id: detail.question.id,
      categoryName: detail.category.name,
      archived: detail.question.archivedAt !== null,
      currentVersion: detail.question.currentVersion,
    },
    current: versionView(detail.version),
    versions: versions.map((v) => ({ version: v.version, name: v.name, points: Number(v.points), createdAt: v.createdAt })),
  };
}

/** The import form: the part's categories to import into and the largest file taken. */
export function importPage(part: Part, categories: CategorySummary[], lang: Language) {
  return {
    titleKey: 'questions.import.title',
    part: partView(part, lang),
    categoryOptions: categoryOptions(categories),
    maxMb: MAX_IMPORT_BYTES / (1024 * 1024),
  };
}

/** The import form again with what the file held: each question imported or refused with its reasons. */
export function importReportPage(
  page: ReturnType<typeof importPage>,
  values: Record<string, unknown>,
  report: ImportReport,
  i18n: I18nService,
  lang: Language,
) {
  return {
    ...page,
    values,
    report: {
      ...report,
      items: report.items.map((item) => ({
        ...item,
        imported: item.outcome === 'imported',
        reasons: item.outcome === 'refused' ? item.problems.map((p) => problemText(i18n, lang, p, item.detail)) : [],
      })),
    },
  };
}
