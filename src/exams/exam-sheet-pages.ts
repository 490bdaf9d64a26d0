import type { ValidationFailedError } from '../common/errors';
import type { I18nService } from '../i18n/i18n.service';
import { formatDate, formatTime } from '../i18n/dates';
import type { Language } from '../i18n/languages';
import type { ResultStatus } from './exam-result.entity';
import { formatScore, outcomeOf, SHEET_OUTCOMES, type SheetOutcome } from './exam-sheet-rules';
import type { ProtocolHeader, SheetRow } from './exam-sheet-records.service';
import type { UploadLine, UploadPreview } from './exam-sheet.service';
import type { SheetEntry } from './exam-sheet.schemas';
import { refusalMessage } from './exam-sheet-views';
import type { Exam } from './exam.entity';

/** The sheet form as it came back, when it is shown again with its errors. */
export interface SubmittedSheet {
  outcome?: Record<string, string>;
  score?: Record<string, string>;
  version?: Record<string, string>;
  shown?: Record<string, string>;
}

function valueText(i18n: I18nService, lang: Language, status: ResultStatus | null, score: string | null): string {
  if (!status) return i18n.t(lang, 'examSheet.status.none');
  const word = i18n.t(lang, `examSheet.status.${status}`);
  return score === null ? word : `${formatScore(score, lang)} — ${word}`;
}

function examHeading(exam: Exam, header: ProtocolHeader, i18n: I18nService, lang: Language) {
  const mark = formatScore(exam.passMark, lang);
  return {
    exam: { id: exam.id, title: exam.title },
    cohortName: header.cohortName,
    when: header.sessionStartsAt ? `${formatDate(header.sessionStartsAt, lang)}, ${formatTime(header.sessionStartsAt)}` : null,
    place: [header.address, header.room].filter(Boolean).join(', ') || null,
    passMarkText: i18n.t(lang, exam.passMarkUnit === 'percent' ? 'examSheet.sheet.passPercent' : 'examSheet.sheet.passPoints', {
      mark,
      max: formatScore(exam.maxPoints, lang),
    }),
  };
}

/** The results sheet page: one fieldset per trainee, big choices, a score field with a decimal keyboard. */
export function sheetPage(
  exam: Exam,
  header: ProtocolHeader,
  rows: SheetRow[],
  i18n: I18nService,
  lang: Language,
  state: { body?: SubmittedSheet; error?: ValidationFailedError; uploadError?: ValidationFailedError },
) {
  const errors = new Map((state.error?.fieldErrors ?? []).map((e) => [e.field.replace(/^(score|outcome)\./, ''), e]));
  const errorText = (userId: string) => {
    const error = errors.get(userId);
    return error ? i18n.t(lang, `validation.${error.code}`, error.params) : null;
  };
  const max = formatScore(exam.maxPoints, lang);
  const body = state.body;
  const upload = state.uploadError?.fieldErrors[0];
  return {
    titleKey: 'examSheet.sheet.title',
    ...examHeading(exam, header, i18n, lang),
    inPerson: exam.mode === 'in_person',
    scoreLabel: i18n.t(lang, 'examSheet.sheet.score', { max }),
    rows: rows.map((row) => {
      const readOutcome = outcomeOf(row.status, row.score);
      const readScore = formatScore(row.score, lang);
      const outcome = (body?.outcome?.[row.userId] as SheetOutcome | undefined) ?? readOutcome;
      const error = errorText(row.userId);
      return {
        userId: row.userId,
        name: row.name,
        department: row.department,
        current: valueText(i18n, lang, row.status, row.score),
        score: body?.score?.[row.userId] ?? readScore,
        version: body?.version?.[row.userId] ?? String(row.version),
        shown: body?.shown?.[row.userId] ?? `${readOutcome}|${readScore}`,
        options: SHEET_OUTCOMES.map((value) => ({ value, labelKey: `examSheet.outcome.${value}`, checked: value === outcome })),
        error,
      };
    }),
    formError: state.error ? i18n.t(lang, 'errors.validationForm') : null,
    errorSummary: rows.flatMap((row) => {
      const message = errorText(row.userId);
      return message ? [{ field: `score-${row.userId}`, message }] : [];
    }),
    uploadError: upload ? i18n.t(lang, `validation.${upload.code}`, upload.params) : null,
  };
}

/** The preview of an upload: old → new per trainee, refused lines with the reason, and the changes to apply. */
export function previewPage(exam: Exam, preview: UploadPreview, i18n: I18nService, lang: Language) {
  return {
    titleKey: 'examSheet.preview.title',
    exam: { id: exam.id, title: exam.title },
    changes: preview.changes.map((c) => ({
      userId: c.userId,
      name: c.name,
      email: c.email,
      before: valueText(i18n, lang, c.before.status, c.before.score),
      after: valueText(i18n, lang, c.after.status, c.after.score),
      outcome: outcomeOf(c.after.status, c.after.score),
      score: c.after.score ?? '',
      version: c.version,
    })),
    refused: preview.refused.map((r) => ({ line: r.line, name: r.name, message: refusalMessage(i18n, lang, r) })),
    unchanged: preview.unchanged,
  };
}

/** An applied preview's entries read again as an upload's lines, for a fresh preview when applying was refused. */
export function linesOfEntries(entries: SheetEntry[], rows: SheetRow[]): UploadLine[] {
  const byId = new Map(rows.map((r) => [r.userId, r]));
  return entries.flatMap((e) => {
    const row = byId.get(e.userId);
    const status = e.outcome === 'absent' || e.outcome === 'excused' ? e.outcome : '';
    const score = e.outcome === 'score' ? (e.score ?? '') : '';
    return row ? [{ line: null, email: row.email, score, status, version: String(e.version) }] : [];
  });
}

/** The fresh preview, saying why applying the last one was refused. */
export function refusedPreviewPage(exam: Exam, preview: UploadPreview, formError: string, i18n: I18nService, lang: Language) {
  return { ...previewPage(exam, preview, i18n, lang), formError };
}
