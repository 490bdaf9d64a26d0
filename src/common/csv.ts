import { parse } from 'csv-parse/sync';
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
