import type { Readable } from 'node:stream';
import type { Language } from '../i18n/languages';
import { rigaDateTimeInputs, rigaParts } from '../i18n/dates';
import { csvStream, type CsvCell } from './csv';
import { xlsxStream, type XlsxValue } from './xlsx-stream';

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
function xlsxValue(value: ExportValue, type: ColumnType): XlsxValue {
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
 * The table as an XLSX workbook, written as a stream (`xlsxStream`: each row goes into the file as it comes, so
 * memory stays flat however many there are): the header bold and frozen, each column typed.
 */
export function tableXlsx(table: ExportTable, options: ExportOptions): Readable {
  const { columns } = table;
  // A worksheet's name: at most 31 characters, none of : \ / ? * [ ].
  const name = table.title
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31);
  const dates = columns.map((c) => c.type === 'date' || c.type === 'datetime');
  const typed = (row: ExportValue[]) => row.map((value, i) => (dates[i] ? xlsxValue(value, columns[i].type) : value));
  return xlsxStream({
    sheetName: name || 'Kursors',
    creator: 'Kursors',
    columns: columns.map((c) => ({ width: c.width ?? (c.type === 'text' ? 24 : 14), numFmt: NUMBER_FORMATS[c.type] })),
    header: columns.map((c) => c.header),
    rows: dates.some(Boolean) ? mapRows(table.rows, typed) : table.rows,
    onRow: options.onRow,
  });
}

/** The rows, each changed by `change`, read as they are asked for. */
function mapRows<T, U>(rows: Iterable<T> | AsyncIterable<T>, change: (row: T) => U): Iterable<U> | AsyncIterable<U> {
  if (Symbol.iterator in rows)
    return (function* () {
      for (const row of rows) yield change(row);
    })();
  return (async function* () {
    for await (const row of rows) yield change(row);
  })();
}

export function exportTable(format: ExportFormat, table: ExportTable, options: ExportOptions): Readable {
  return format === 'csv' ? tableCsv(table, options) : tableXlsx(table, options);
}
