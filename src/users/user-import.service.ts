import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { readCsv } from '../common/csv';
import { FieldError, ValidationFailedError } from '../common/errors';
import { toFieldErrors } from '../common/zod-validation.pipe';
import { unitOfWork } from '../database/unit-of-work';
import { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import { CreateUserInput, createUserSchema } from './user.schemas';
import { EmailTakenError } from './users.errors';
import { UsersService } from './users.service';

const REQUIRED_COLUMNS = ['name', 'email', 'roles'];
const OPTIONAL_COLUMNS = ['department', 'language'];
export const IMPORT_COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
export const IMPORT_MAX_ROWS = 5000;

/** One data line of the file, as the object createUserSchema checks; `row` is its line number in the file. */
export interface CsvUserRow {
  row: number;
  raw: Record<string, string>;
  input: Record<string, unknown>;
  errors: FieldError[];
}

export type ImportRowStatus = 'created' | 'ready' | 'refused';

export interface ImportReportRow {
  row: number;
  email: string;
  name: string;
  status: ImportRowStatus;
  errors: { field: string; code: string; message: string }[];
}

export interface UserImportReport {
  /** True when every row was valid and every user was created. */
  ok: boolean;
  total: number;
  created: number;
  refused: number;
  rows: ImportReportRow[];
}

export interface ImportSource {
  file?: Buffer;
  csv?: string;
}

/** Roles in one cell, separated by |, ; or spaces (commas too, when the file itself uses semicolons). */
function splitRoles(cell: string): string[] {
  return cell
    .split(/[|;,\s]+/)
    .filter(Boolean)
    .map((role) => role.toLowerCase());
}

/** Reads the file (whole-file problems are thrown); each row's own problems are collected later, not thrown. */
export function userRowsFromCsv(source: Buffer | string, field = 'csv'): CsvUserRow[] {
  const rows = readCsv(source, { required: REQUIRED_COLUMNS, optional: OPTIONAL_COLUMNS, maxRows: IMPORT_MAX_ROWS, field });
  return rows.map(({ line, values }) => ({
    row: line,
    raw: values,
    input: {
      name: values.name,
      email: values.email,
      roles: splitRoles(values.roles),
      department: values.department,
      language: values.language ? values.language.toLowerCase() : undefined,
    },
    errors: [],
  }));
}

function rowsOf(source: ImportSource): CsvUserRow[] {
  if (source.file?.length) return userRowsFromCsv(source.file, 'file');
  if (source.csv?.trim()) return userRowsFromCsv(source.csv, 'csv');
  throw ValidationFailedError.field('file', 'csv.required');
}

class ImportRowConflict extends Error {
  constructor(readonly row: number) {
    super(`row ${row}: email taken`);
  }
}

/**
 * The CSV import of users: every row is checked (its fields, duplicates within the file, emails that
 * already have accounts) and either all users are created in one transaction, or none is.
 */
@Injectable()
export class UserImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly i18n: I18nService,
  ) {}

  /** An uploaded file wins over pasted text; file-level problems are errors of the field it came in. */
  async import(source: ImportSource, actor: Actor, lang: Language): Promise<UserImportReport> {
    const rows = rowsOf(source);
    const valid = await this.check(rows);
    if (rows.some((row) => row.errors.length)) return this.report(rows, 'ready', lang);

    try {
      await unitOfWork(this.dataSource, async (manager) => {
        for (const row of rows) {
          await this.users.createIn(manager, valid.get(row.row)!, actor).catch((error: unknown) => {
            throw error instanceof EmailTakenError ? new ImportRowConflict(row.row) : error;
          });
        }
        await this.audit.record({ actor, action: 'user.imported', entityType: 'user', after: { count: rows.length } }, manager);
      });
      return this.report(rows, 'created', lang);
    } catch (error) {
      // Someone else created one of these emails between the check and the insert: nothing was written.
      if (!(error instanceof ImportRowConflict)) throw error;
      rows.find((row) => row.row === error.row)!.errors.push({ field: 'email', code: 'emailTaken' });
      return this.report(rows, 'ready', lang);
    }
  }

  /** Adds every row's problems to it; returns the parsed input of each row that passed the schema. */
  private async check(rows: CsvUserRow[]): Promise<Map<number, CreateUserInput>> {
    const valid = new Map<number, CreateUserInput>();
    const firstRowOf = new Map<string, number>();
    for (const row of rows) {
      const result = createUserSchema.safeParse(row.input, { reportInput: true });
      if (!result.success) {
        row.errors.push(...toFieldErrors(result.error.issues).map((e) => ({ ...e, field: e.field.split('.')[0] })));
        continue;
      }
      const first = firstRowOf.get(result.data.email);
      if (first !== undefined) row.errors.push({ field: 'email', code: 'duplicateInFile', params: { row: first } });
      else firstRowOf.set(result.data.email, row.row);
      valid.set(row.row, result.data);
    }
    const taken = await this.users.existingEmails([...firstRowOf.keys()]);
    for (const row of rows) {
      const input = valid.get(row.row);
      if (input && taken.has(input.email) && firstRowOf.get(input.email) === row.row)
        row.errors.push({ field: 'email', code: 'emailTaken' });
    }
    return valid;
  }

  private report(rows: CsvUserRow[], validStatus: 'created' | 'ready', lang: Language): UserImportReport {
    const reportRows = rows.map((row): ImportReportRow => ({
      row: row.row,
      email: row.raw.email ?? '',
      name: row.raw.name ?? '',
      status: row.errors.length ? 'refused' : validStatus,
      errors: row.errors.map((e) => ({ field: e.field, code: e.code, message: this.i18n.t(lang, `validation.${e.code}`, e.params) })),
    }));
    const refused = reportRows.filter((row) => row.status === 'refused').length;
    const created = validStatus === 'created' ? reportRows.length : 0;
    return { ok: created > 0, total: reportRows.length, created, refused, rows: reportRows };
  }
}
