"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readCsv = readCsv;
const sync_1 = require("csv-parse/sync");
const errors_1 = require("./errors");
/** Spreadsheet programs set to Latvian write `;` between cells; others write `,`. */
function delimiterOf(text) {
    const header = text.split(/\r?\n/, 1)[0] ?? '';
    return header.split(';').length > header.split(',').length ? ';' : ',';
}
function decode(input, field) {
    if (typeof input === 'string')
        return input.replace(/^\uFEFF/, '');
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
    }
    catch {
        throw errors_1.ValidationFailedError.field(field, 'csv.encoding');
    }
}
/**
 * Reads a CSV file with a header row: UTF-8 (with or without BOM), comma- or semicolon-separated.
 * Whole-file problems (unreadable, missing or unknown columns, too many rows) are field errors on `field`;
 * checking each row is the caller's work.
 */
function readCsv(input, options) {
    const field = options.field ?? 'file';
    const text = decode(input, field);
    if (!text.trim())
        throw errors_1.ValidationFailedError.field(field, 'csv.empty');
    let records;
    try {
        records = (0, sync_1.parse)(text, { delimiter: delimiterOf(text), info: true, skip_empty_lines: true, relax_column_count: true, trim: true });
    }
    catch {
        throw errors_1.ValidationFailedError.field(field, 'csv.unreadable');
    }
    const [header, ...body] = records;
    const columns = header.record.map((name) => name.toLowerCase());
    const known = [...options.required, ...(options.optional ?? [])];
    const missing = options.required.filter((name) => !columns.includes(name));
    if (missing.length)
        throw errors_1.ValidationFailedError.field(field, 'csv.missingColumns', { columns: missing.join(', ') });
    const unknown = columns.filter((name) => !known.includes(name));
    if (unknown.length)
        throw errors_1.ValidationFailedError.field(field, 'csv.unknownColumns', { columns: unknown.join(', '), allowed: known.join(', ') });
    const rows = body.filter(({ record }) => record.some((cell) => cell !== ''));
    if (!rows.length)
        throw errors_1.ValidationFailedError.field(field, 'csv.empty');
    if (rows.length > options.maxRows)
        throw errors_1.ValidationFailedError.field(field, 'csv.tooManyRows', { max: options.maxRows, count: options.maxRows });
    return rows.map(({ record, info }) => ({
        line: info.lines,
        values: Object.fromEntries(known.map((name) => [name, record[columns.indexOf(name)] ?? ''])),
    }));
}
