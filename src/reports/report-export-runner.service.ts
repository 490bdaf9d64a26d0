import { Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { personActor, type Actor } from '../common/actor';
import { Clock } from '../common/clock';
import type { Role } from '../common/roles';
import type { ExportFormat } from '../common/table-export';
import type { Language } from '../i18n/languages';
import { StorageService } from '../storage/storage.service';
import { ReportExportRecords } from './report-export-records.service';
import { EXPORT_LINK_HOURS, FUNDER_REPORT } from './report-exports.constants';
import type { ReportExport } from './report-export.entity';
import { FunderReportService } from './funder-report.service';
import { ReportExportsService } from './report-exports.service';
import { ReportTables, type ReportKind, type ReportQuery } from './report-tables';

/** Progress is written at most this often, so a large export does not write a row per line. */
const PROGRESS_EVERY_MS = 500;

export type ExportOutcome = 'done' | 'skipped' | 'superseded';

/**
 * Makes one background export: reads the report as the person who asked (their access checked again now), writes
 * the file to storage as it streams (a table) or once drawn (the funder's PDF), keeping the row's progress, and records the file with a link valid for a day.
 * Run again for an export already done (a retry, the sweeper) it does nothing; two runs at once keep one file.
 */
@Injectable()
export class ReportExportRunner {
  private readonly logger = new Logger(ReportExportRunner.name);

  constructor(
    private readonly records: ReportExportRecords,
    private readonly tables: ReportTables,
    private readonly exports: ReportExportsService,
    private readonly funder: FunderReportService,
    private readonly storage: StorageService,
    private readonly clock: Clock,
  ) {}

  async run(exportId: string): Promise<ExportOutcome> {
    const row = await this.records.claim(exportId);
    if (!row) return 'skipped';
    const person = await this.records.requester(row.requestedById);
    if (!person || person.disabled) {
      await this.records.fail(exportId, 'The account that asked for the export is disabled');
      return 'skipped';
    }
    const actor = personActor({ id: person.id, roles: person.roles as Role[], language: row.language as Language });
    const file = row.report === FUNDER_REPORT ? await this.funderFile(row, actor) : await this.tableFile(row, actor);
    const stored = await this.storage.write(file.content, 'export');
    const expiresAt = new Date(this.clock.now().getTime() + EXPORT_LINK_HOURS * 3_600_000);
    if (await this.records.finish(exportId, { key: stored.key, name: file.fileName, size: stored.size }, expiresAt)) return 'done';
    await this.storage.discard(stored.key);
    return 'superseded';
  }

  /** A report's table as CSV or XLSX, streamed as it is written. */
  private async tableFile(row: ReportExport, actor: Actor): Promise<{ fileName: string; content: Readable }> {
    const report = await this.tables.build(actor, row.report as ReportKind, row.subjectId, row.params as unknown as ReportQuery);
    await this.records.progress(row.id, 0, report.rows);
    return this.exports.file(
      report,
      row.format as ExportFormat,
      actor,
      this.saveProgress(row.id, () => report.rows),
    );
  }

  /** The funder's report: read, then drawn table by table; its rows are the tables' rows. */
  private async funderFile(row: ReportExport, actor: Actor): Promise<{ fileName: string; content: Readable }> {
    const range = { from: (row.params.from as string | undefined) ?? null, to: (row.params.to as string | undefined) ?? null };
    let total = 0;
    const save = this.saveProgress(row.id, () => total);
    const report = await this.funder.make(actor, row.subjectId, range, (done, all) => {
      total = all;
      save(done);
    });
    return { fileName: report.fileName, content: Readable.from([report.pdf]) };
  }

  /** Saves progress at most every PROGRESS_EVERY_MS; a failure to save is only logged. */
  private saveProgress(exportId: string, total: () => number): (written: number) => void {
    let last = 0;
    return (written) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      this.records
        .progress(exportId, written, total())
        .catch((error: unknown) => this.logger.warn({ err: error }, 'Could not save progress'));
    };
  }

  /** After the last attempt failed: the export is marked failed, its page says so. */
  async failed(exportId: string, error: unknown): Promise<void> {
    await this.records.fail(exportId, error instanceof Error ? error.message : String(error));
  }
}
