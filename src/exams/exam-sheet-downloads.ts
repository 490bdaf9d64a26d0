import type { Actor } from '../common/actor';
import type { Download } from '../common/download';
import { contentDisposition } from '../storage/file-names';
import { templateCsv, templateXlsx } from './exam-sheet-files';
import type { ExamSheetService } from './exam-sheet.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NOT_KEPT = { 'Cache-Control': 'private, no-store' };

/** The results template of the exam, for pages and the API alike. */
export async function templateDownload(
  sheets: ExamSheetService,
  actor: Actor,
  examId: string,
  format: 'csv' | 'xlsx',
): Promise<Download & { content: Buffer }> {
  const { exam, rows } = await sheets.sheet(actor, examId);
  const base = `${actor.language === 'lv' ? 'rezultati' : 'results'} - ${exam.title}`;
  const content = format === 'csv' ? Buffer.from(templateCsv(rows, actor.language)) : await templateXlsx(rows, actor.language, exam.title);
  return {
    content,
    type: format === 'csv' ? 'text/csv; charset=utf-8' : XLSX,
    disposition: contentDisposition(`${base}.${format}`),
    headers: NOT_KEPT,
  };
}

/** The printed protocol, shown in the browser. */
export function protocolDownload(protocol: { fileName: string; pdf: Buffer }): Download & { content: Buffer } {
  return {
    content: protocol.pdf,
    type: 'application/pdf',
    disposition: contentDisposition(protocol.fileName, 'inline'),
    headers: NOT_KEPT,
  };
}
