import type { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import type { CategorySummary, QuestionSummary } from './question-bank-records.service';
import type { QuestionDetail } from './question-bank.service';
import type { QuestionBody } from './question-body';
import type { QuestionCategory } from './question-category.entity';
import type { ImportReport } from './question-import.service';
import type { ImportProblem } from './question-import';
import type { QuestionVersion } from './question-version.entity';

export const categoryJson = (c: CategorySummary | QuestionCategory, partId: string) => ({
  id: c.id,
  partId,
  name: c.name,
  questions: 'active' in c ? c.active : 0,
  archived: 'archived' in c ? c.archived : 0,
});

export const questionSummaryJson = (q: QuestionSummary) => ({
  id: q.id,
  categoryId: q.categoryId,
  categoryName: q.categoryName,
  name: q.name,
  kind: q.kind,
  points: Number(q.points),
  currentVersion: q.currentVersion,
  archived: q.archivedAt !== null,
  updatedAt: q.updatedAt.toISOString(),
});

export const versionJson = (v: QuestionVersion) => ({
  version: v.version,
  name: v.name,
  text: v.text,
  points: Number(v.points),
  kind: v.body.kind,
  body: v.body,
  generalFeedback: v.generalFeedback,
  createdById: v.createdById,
  createdAt: v.createdAt.toISOString(),
});

export const questionJson = ({ question, version, category }: QuestionDetail) => ({
  id: question.id,
  partId: question.partId,
  categoryId: question.categoryId,
  categoryName: category.name,
  currentVersion: question.currentVersion,
  archivedAt: question.archivedAt?.toISOString() ?? null,
  createdAt: question.createdAt.toISOString(),
  updatedAt: question.updatedAt.toISOString(),
  current: versionJson(version),
});

const ANSWER: Record<QuestionBody['kind'], 'choice' | 'choices' | 'truefalse' | 'text' | 'number' | 'essay'> = {
  single: 'choice',
  multiple: 'choices',
  truefalse: 'truefalse',
  short: 'text',
  numeric: 'number',
  essay: 'essay',
};

/** A question as a trainee sees it: what is asked and how to answer, nothing of the key or the feedback. */
export const traineePreview = (v: QuestionVersion) => ({
  name: v.name,
  text: v.text,
  points: Number(v.points),
  kind: v.body.kind,
  choices: 'choices' in v.body ? v.body.choices.map((c) => ({ id: c.id, text: c.text })) : [],
  answer: ANSWER[v.body.kind],
});

export const problemText = (i18n: I18nService, lang: Language, problem: ImportProblem, detail?: string) =>
  i18n.t(lang, `validation.question.${problem}`, { detail: detail ?? '' });

export const importReportJson = (report: ImportReport, i18n: I18nService, lang: Language) => ({
  fileName: report.fileName,
  format: report.format,
  imported: report.imported,
  refused: report.refused,
  items: report.items.map((item) =>
    item.outcome === 'imported'
      ? { position: item.position, name: item.name, outcome: item.outcome, questionId: item.questionId, category: item.category }
      : {
          position: item.position,
          name: item.name,
          outcome: item.outcome,
          problems: item.problems,
          reasons: item.problems.map((p) => problemText(i18n, lang, p, item.detail)),
        },
  ),
});
