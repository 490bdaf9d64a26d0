import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify as stringifyStream } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';
import { ValidationFailedError } from './errors';

export interface CsvRow {
  /** The line of the file the row ends on (the header is line 1), for per-row reports. */
  line: number;
  /** Cell values by lower-cased column name; a missing optional column reads as ''. */
  values: Record<string, string>;
}

export interface CsvOptions {
  required: string[];
  optional?: string[];
  maxRows: number;
  /** The form field the file came in, named in the errors. */
  field?: string;
}

/** Spreadsheet programs set to Latvian write `;` between cells; others write `,`. */
function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return header.split(';').length > header.split(',').length ? ';' : ',';
}

function decode(input: Buffer | string, field: string): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    throw ValidationFailedError.field(field, 'csv.encoding');
  }
}

/**
 * Reads a CSV file with a header row: UTF-8 (with or without BOM), comma- or semicolon-separated.
 * Whole-file problems (unreadable, missing or unknown columns, too many rows) are field errors on `field`;
 * checking each row is the caller's work.
 */
export function readCsv(input: Buffer | string, options: CsvOptions): CsvRow[] {
  const field = options.field ?? 'file';
  const text = decode(input, field);
  if (!text.trim()) throw ValidationFailedError.field(field, 'csv.empty');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records;
  } catch {
    throw ValidationFailedError.field(field, 'csv.unreadable');
  }
  const [header, ...body] = records;
  const columns = header.record.map((name) => name.toLowerCase());
  const known = [...options.required, ...(options.optional ?? [])];
  const missing = options.required.filter((name) => !columns.includes(name));
  if (missing.length) throw ValidationFailedError.field(field, 'csv.missingColumns', { columns: missing.join(', ') });
  const unknown = columns.filter((name) => !known.includes(name));
  if (unknown.length)
    throw ValidationFailedError.field(field, 'csv.unknownColumns', { columns: unknown.join(', '), allowed: known.join(', ') });
  const rows = body.filter(({ record }) => record.some((cell) => cell !== ''));
  if (!rows.length) throw ValidationFailedError.field(field, 'csv.empty');
  if (rows.length > options.maxRows)
    throw ValidationFailedError.field(field, 'csv.tooManyRows', { max: options.maxRows, count: options.maxRows });
  return rows.map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(known.map((name) => [name, record[columns.indexOf(name)] ?? ''])),
  }));
}

/** What a spreadsheet program would start a formula with: a cell beginning with one of these is read as one. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A text cell as a spreadsheet program should show it: one that would be read as a formula (=, +, -, @, a tab or
 * carriage return, or their full-width forms) gets a leading apostrophe, which Excel and LibreOffice show as text.
 */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A cell of an exported file: text is neutralised, a number is written as it is. */
export type CsvCell = string | number | null;

function csvRecord(cells: readonly CsvCell[]): string[] {
  return cells.map((cell) => (cell === null ? '' : typeof cell === 'number' ? String(cell) : neutralizeFormula(cell)));
}

/**
 * CSV for spreadsheet programs: a byte-order mark (so Excel reads UTF-8 and keeps ā, č, ē …), semicolons (what a
 * spreadsheet program set to Latvian expects), Windows line ends and every text cell neutralised.
 */
export function writeCsv(rows: Iterable<readonly CsvCell[]>): string {
  return stringify([...rows].map(csvRecord), { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

/** The same as `writeCsv`, streamed: for files too large to hold in memory. */
export function csvStream(rows: Iterable<readonly CsvCell[]> | AsyncIterable<readonly CsvCell[]>): Readable {
  const out = stringifyStream({ delimiter: ';', bom: true, record_delimiter: 'windows' });
  void (async () => {
    try {
      for await (const row of rows) {
        if (!out.write(csvRecord(row))) await once(out, 'drain');
      }
      out.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
