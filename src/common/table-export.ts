import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Language } from '../i18n/languages';
import { rigaDateTimeInputs, rigaParts } from '../i18n/dates';
import { csvStream, type CsvCell } from './csv';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * What a column holds. Numbers stay numbers and dates stay dates in XLSX (a spreadsheet sums and sorts them);
 * `percent` is a whole percent (85 for 85 %), `date` a Riga calendar day, `datetime` a Riga wall-clock time.
 */
export type ColumnType = 'text' | 'integer' | 'decimal' | 'percent' | 'date' | 'datetime';

export interface ExportColumn {
  header: string;
  type: ColumnType;
  /** Width in characters in XLSX. */
  width?: number;
}

export type ExportValue = string | number | Date | null;

/** One table of a report as a file: its title (the worksheet's name), columns, and rows in column order. */
export interface ExportTable {
  title: string;
  columns: ExportColumn[];
  rows: Iterable<ExportValue[]> | AsyncIterable<ExportValue[]>;
}

export interface ExportOptions {
  lang: Language;
  /** Called after each row is written, with the count so far (a background job shows its progress). */
  onRow?: (written: number) => void;
}

const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = {
  integer: '0',
  decimal: '0.00',
  percent: '0" %"',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

/**
 * Calls `write` for each row, counting them for `onRow`. Rows already in memory are written in a plain loop (a
 * `for await` per row costs more than the row itself), letting the event loop turn every thousand rows so the
 * file streams out and progress is saved meanwhile.
 */
async function eachRow<T>(rows: Iterable<T> | AsyncIterable<T>, onRow: ((written: number) => void) | undefined, write: (row: T) => void) {
  let written = 0;
  const step = (row: T) => {
    write(row);
    written += 1;
    onRow?.(written);
  };
  if (Symbol.iterator in rows) {
    for (const row of rows) {
      step(row);
      if (written % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } else for await (const row of rows) step(row);
}

/** The value as CSV writes it: decimals with the reader's separator, dates as ISO dates in Riga time. */
function csvValue(value: ExportValue, type: ColumnType, lang: Language): CsvCell {
  if (value === null) return null;
  if (value instanceof Date) {
    const [day, time] = rigaDateTimeInputs(value);
    return type === 'datetime' ? `${day} ${time}` : day;
  }
  if (typeof value === 'number' && type === 'decimal') return lang === 'lv' ? value.toFixed(2).replace('.', ',') : value.toFixed(2);
  return value;
}

/**
 * The value as XLSX stores it: a date as the Riga wall-clock reading (a spreadsheet has no time zones, and
 * its reader is in Riga), numbers as numbers, text as text (never a formula).
 */
function xlsxValue(value: ExportValue, type: ColumnType): ExcelJS.CellValue {
  if (value instanceof Date) {
    const p = rigaParts(value);
    return type === 'datetime'
      ? new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute))
      : new Date(Date.UTC(p.year, p.month - 1, p.day));
  }
  return value;
}

/** The table as CSV (see `csvStream`): a header row, then each row. */
export function tableCsv(table: ExportTable, options: ExportOptions): Readable {
  const { columns } = table;
  const line = (row: ExportValue[]) => row.map((value, i) => csvValue(value, columns[i].type, options.lang));
  let written = 0;
  const count = () => options.onRow?.((written += 1));
  function* syncLines(rows: Iterable<ExportValue[]>): Iterable<CsvCell[]> {
    yield columns.map((c) => c.header);
    for (const row of rows) {
      yield line(row);
      count();
    }
  }
  async function* asyncLines(rows: AsyncIterable<ExportValue[]>): AsyncIterable<CsvCell[]> {
    yield columns.map((c) => c.header);
    for await (const row of rows) {
      yield line(row);
      count();
    }
  }
  return csvStream(Symbol.iterator in table.rows ? syncLines(table.rows) : asyncLines(table.rows));
}

/**
 * The table as an XLSX workbook, written as a stream (rows are committed as they come, so memory stays flat
 * however many there are): the header bold and frozen, each column typed.
 */
export function tableXlsx(table: ExportTable, options: ExportOptions): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Kursors';
  void (async () => {
    try {
      // A worksheet's name: at most 31 characters, none of : \ / ? * [ ].
      const name = table.title
        .replace(/[:\\/?*[\]]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 31);
      const sheet = workbook.addWorksheet(name || 'Kursors', {
        views: [{ state: 'frozen', ySplit: 1 }],
      });
      sheet.columns = table.columns.map((c, i) => ({
        key: String(i),
        width: c.width ?? (c.type === 'text' ? 24 : 14),
        style: NUMBER_FORMATS[c.type] ? { numFmt: NUMBER_FORMATS[c.type] } : {},
      }));
      const header = sheet.addRow(table.columns.map((c) => c.header));
      header.font = { bold: true };
      header.commit();
      const dates = table.columns.map((c) => c.type === 'date' || c.type === 'datetime');
      await eachRow(table.rows, options.onRow, (row) => {
        sheet
          .addRow(dates.some(Boolean) ? row.map((value, i) => (dates[i] ? xlsxValue(value, table.columns[i].type) : value)) : row)
          .commit();
      });
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

export function exportTable(format: ExportFormat, table: ExportTable, options: ExportOptions): Readable {
  return format === 'csv' ? tableCsv(table, options) : tableXlsx(table, options);
}
