import type { Response } from 'express';
import type { Actor } from '../common/actor';
import { contentDisposition } from '../storage/file-names';
import { templateCsv, templateXlsx } from './exam-sheet-files';
import type { ExamSheetService } from './exam-sheet.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends the results template of the exam, for pages and the API alike. */
export async function sendTemplate(
  res: Response,
  sheets: ExamSheetService,
  actor: Actor,
  examId: string,
  format: 'csv' | 'xlsx',
): Promise<void> {
  const { exam, rows } = await sheets.sheet(actor, examId);
  const base = `${actor.language === 'lv' ? 'rezultati' : 'results'} - ${exam.title}`;
  const body = format === 'csv' ? Buffer.from(templateCsv(rows, actor.language)) : await templateXlsx(rows, actor.language, exam.title);
  res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX);
  res.setHeader('Content-Disposition', contentDisposition(`${base}.${format}`));
  res.setHeader('Cache-Control', 'private, no-store');
  res.send(body);
}

export function sendProtocol(res: Response, protocol: { fileName: string; pdf: Buffer }): void {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', contentDisposition(protocol.fileName, 'inline'));
  res.setHeader('Cache-Control', 'private, no-store');
  res.send(protocol.pdf);
}
