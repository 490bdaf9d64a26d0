import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import type { AttendanceStatus } from '../../src/attendance/attendance.entity';

export { bytes } from './http';

function popplerRead(tool: string, args: string[], pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync(tool, [...args, join(dir, 'r.pdf'), ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF as pdftotext reads it (with its layout). */
export function pdfText(pdf: Buffer): string {
  return popplerRead('pdftotext', ['-layout', '-enc', 'UTF-8'], pdf);
}

/** The fonts of a PDF as pdffonts lists them: name, type, encoding, embedded, subset, … */
export function pdfFonts(pdf: Buffer): string {
  return popplerRead('pdffonts', [], pdf);
}

/** A CSV export read back as a spreadsheet program set to Latvian would: BOM, semicolons. */
export function csvRows(file: Buffer): string[][] {
  expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(file.toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
}

/** The first worksheet of an XLSX export, read back with exceljs. */
export async function xlsxSheet(file: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

/** The values of a worksheet's row, from its first cell. */
export function rowValues(sheet: ExcelJS.Worksheet, row: number): ExcelJS.CellValue[] {
  return (sheet.getRow(row).values as ExcelJS.CellValue[]).slice(1);
}

/** Sets trainees' marks at a session straight in the database. */
export async function markAttendance(ds: DataSource, sessionId: string, marks: [string, AttendanceStatus][]): Promise<void> {
  for (const [userId, status] of marks)
    await ds.query('INSERT INTO attendances (session_id, user_id, status) VALUES ($1, $2, $3)', [sessionId, userId, status]);
}
