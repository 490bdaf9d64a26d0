import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { readCsv } from '../common/csv';
import { ValidationFailedError } from '../common/errors';
import type { Language } from '../i18n/languages';
import { inspectZip, UnsafeZipError } from '../storage/zip-inspector';
import { formatScore, outcomeOf } from './exam-sheet-rules';
import type { SheetRow } from './exam-sheet-records.service';
import type { UploadLine } from './exam-sheet.service';

/**
 * The results template (CSV or XLSX) and the reading of a filled-in one. Columns: the trainee's email (which line
 * is whose), name (for people), score, status (empty, or absent / excused, in Latvian or English) and the
 * version of the result when the template was made, so that a line changed since is refused on upload.
 */
export const SHEET_COLUMNS = ['email', 'name', 'score', 'status', 'version'] as const;

const MAX_LINES = 1000;
const STATUS_WORD: Record<Language, Record<'absent' | 'excused', string>> = {
  lv: { absent: 'neieradās', excused: 'attaisnots' },
  en: { absent: 'absent', excused: 'excused' },
};

function templateLines(rows: SheetRow[], lang: Language): string[][] {
  return rows.map((row) => {
    const outcome = outcomeOf(row.status, row.score);
    const status = outcome === 'absent' || outcome === 'excused' ? STATUS_WORD[lang][outcome] : '';
    return [row.email, row.name, formatScore(row.score, lang), status, String(row.version)];
  });
}

/** Semicolons and a byte-order mark, so a spreadsheet program set to Latvian opens it in columns, letters intact. */
export function templateCsv(rows: SheetRow[], lang: Language): string {
  return stringify([[...SHEET_COLUMNS], ...templateLines(rows, lang)], { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

export async function templateXlsx(rows: SheetRow[], lang: Language, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kursors';
  workbook.title = title;
  const sheet = workbook.addWorksheet(lang === 'lv' ? 'Rezultāti' : 'Results');
  sheet.columns = SHEET_COLUMNS.map((key) => ({ header: key, key, width: key === 'email' || key === 'name' ? 32 : 12 }));
  for (const row of rows) {
    const [email, name, , status, version] = templateLines([row], lang)[0];
    sheet.addRow({ email, name, score: row.score === null ? null : Number(row.score), status, version: Number(version) });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An uploaded CSV or XLSX file (told apart by its first bytes: an XLSX is a ZIP), as lines to check. */
export async function readSheetUpload(file: Buffer): Promise<UploadLine[]> {
  const rows = file.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) ? await xlsxAsCsv(file) : file;
  return readCsv(rows, { required: ['email'], optional: ['name', 'score', 'status', 'version'], maxRows: MAX_LINES }).map(
    ({ line, values }) => ({ line, email: values.email, score: values.score, status: values.status, version: values.version }),
  );
}

/** The first worksheet as CSV text, so one reader checks the columns and lines of both formats. */
async function xlsxAsCsv(file: Buffer): Promise<string> {
  // An XLSX is a ZIP: a small upload may unpack to gigabytes, so its declared sizes are checked before it is read.
  try {
    await inspectZip(file, {
      maxEntries: 200,
      maxUncompressedBytes: 32 * 1024 * 1024,
      maxCompressionRatio: 250,
      maxDepth: 0,
      maxNestedArchiveBytes: 0,
    });
  } catch (error) {
    const tooLarge = error instanceof UnsafeZipError && error.problem !== 'corrupt';
    throw ValidationFailedError.field('file', tooLarge ? 'examSheet.xlsxTooLarge' : 'examSheet.unreadableXlsx');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw ValidationFailedError.field('file', 'examSheet.unreadableXlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount > MAX_LINES + 1)
    throw ValidationFailedError.field('file', sheet ? 'csv.tooManyRows' : 'csv.empty', { max: MAX_LINES });
  const lines: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= SHEET_COLUMNS.length + 5; column += 1) cells.push(cellText(row.getCell(column).value));
    lines.push(cells);
  });
  while (lines.length && lines[0].every((c) => c === '')) lines.shift();
  return stringify(
    lines.map((cells) => trimEnd(cells)),
    { delimiter: ',' },
  );
}

function trimEnd(cells: string[]): string[] {
  const out = [...cells];
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  return '';
}
