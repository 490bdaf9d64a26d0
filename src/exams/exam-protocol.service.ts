import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/actor';
import { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import { renderProtocol } from './exam-protocol';
import { formatScore } from './exam-sheet-rules';
import { ExamSheetRecords } from './exam-sheet-records.service';
import { ExamSheetService } from './exam-sheet.service';

/** The exam protocol as a PDF, for the cohort's staff: the heading, each trainee's result, lines to sign. */
@Injectable()
export class ExamProtocolService {
  constructor(
    private readonly sheets: ExamSheetService,
    private readonly records: ExamSheetRecords,
    private readonly i18n: I18nService,
  ) {}

  async pdf(actor: Actor, examId: string, lang: Language): Promise<{ fileName: string; pdf: Buffer }> {
    const { exam, rows } = await this.sheets.sheet(actor, examId);
    const [header, examiners] = await Promise.all([this.records.header(exam), this.records.examiners(exam.cohortId)]);
    const t = (key: string, params: Record<string, string | number> = {}) => this.i18n.t(lang, `examSheet.protocol.${key}`, params);
    const mark = formatScore(exam.passMark, lang);
    const pdf = await renderProtocol({
      lang,
      examTitle: exam.title,
      header,
      maxPoints: exam.maxPoints,
      passMarkText: exam.passMarkUnit === 'percent' ? `${mark} %` : t('points', { points: mark }),
      examiners,
      rows,
      t,
    });
    return { fileName: `${t('fileName')} - ${exam.title}.pdf`, pdf };
  }
}
