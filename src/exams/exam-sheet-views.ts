import type { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import type { SheetRow } from './exam-sheet-records.service';
import type { RefusedLine } from './exam-sheet.errors';
import type { PlannedChange, SaveReport, UploadPreview } from './exam-sheet.service';
import type { Exam } from './exam.entity';

/** The API's JSON of the results sheet, its saves and its uploads. */
export function sheetJson(exam: Exam, rows: SheetRow[]) {
  return {
    examId: exam.id,
    title: exam.title,
    passMark: exam.passMark,
    passMarkUnit: exam.passMarkUnit,
    maxPoints: exam.maxPoints,
    rows: rows.map((r) => ({ userId: r.userId, name: r.name, email: r.email, status: r.status, score: r.score, version: r.version })),
  };
}

export function changeJson(change: PlannedChange) {
  return {
    userId: change.userId,
    name: change.name,
    email: change.email,
    before: change.before,
    after: change.after,
    version: change.version,
  };
}

export function conflictMessage(i18n: I18nService, lang: Language, name: string): string {
  return i18n.t(lang, 'examSheet.conflict', { name });
}

export function refusalMessage(i18n: I18nService, lang: Language, line: RefusedLine): string {
  return i18n.t(lang, `validation.examSheet.${line.reason}`, { name: line.name });
}

export function savedJson(report: SaveReport, i18n: I18nService, lang: Language) {
  return {
    saved: report.saved.map(changeJson),
    conflicts: report.conflicts.map((c) => ({ ...c, message: conflictMessage(i18n, lang, c.name) })),
  };
}

export function previewJson(preview: UploadPreview, i18n: I18nService, lang: Language) {
  return {
    changes: preview.changes.map(changeJson),
    refused: preview.refused.map((r) => ({ ...r, message: refusalMessage(i18n, lang, r) })),
    unchanged: preview.unchanged,
  };
}
