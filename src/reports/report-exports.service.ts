import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { AppConfig } from '../config/app-config';
import { afterCommit, unitOfWork } from '../database/unit-of-work';
import { exportTable, type ExportFormat } from '../common/table-export';
import type { ReportExport } from './report-export.entity';
import { ReportExportRecords } from './report-export-records.service';
import {
  EXPORT_JOB_OPTIONS,
  FUNDER_REPORT,
  REPORT_EXPORT_QUEUE,
  type BackgroundFormat,
  type ExportKind,
  type ReportExportJob,
} from './report-exports.constants';
import { FunderReportService } from './funder-report.service';
import { ReportTables, type ReportKind, type ReportQuery, type ReportTable } from './report-tables';
import { ExportTooLargeError, ReportExportExpiredError, ReportExportNotFoundError, ReportExportNotReadyError } from './reports.errors';
import type { Readable } from 'node:stream';

export interface ExportRequest {
  report: ReportKind;
  subjectId: string;
  format: ExportFormat;
  query: ReportQuery;
}

/** What a background export makes: a report's table as CSV or XLSX, or the funder's report as PDF. */
export interface BackgroundRequest {
  report: ExportKind;
  subjectId: string;
  format: BackgroundFormat;
  query: ReportQuery;
}

/** A file streamed to the reader now. */
export interface InlineExport {
  fileName: string;
  format: ExportFormat;
  content: Readable;
}

/** How many of their newest exports a person's list shows. */
const LISTED = 50;

/**
 * Reports as files. A small one (up to REPORT_INLINE_EXPORT_MAX_CELLS cells: rows × columns) is streamed in the
 * request; a larger one is refused there and made in the background instead: an export row written in a unit of
 * work, its job queued once that commits (job id = row id, so queueing twice is harmless), progress kept on the
 * row, and the file downloadable by whoever asked for a day.
 */
@Injectable()
export class ReportExportsService {
  private readonly logger = new Logger(ReportExportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(REPORT_EXPORT_QUEUE) private readonly queue: Queue<ReportExportJob>,
    private readonly records: ReportExportRecords,
    private readonly tables: ReportTables,
    private readonly funder: FunderReportService,
    private readonly config: AppConfig,
  ) {}

  get inlineMaxCells(): number {
    return this.config.env.REPORT_INLINE_EXPORT_MAX_CELLS;
  }

  /** The report as a file now, when it is small enough; otherwise ExportTooLargeError (start a background export). */
  async inline(actor: Actor, request: ExportRequest): Promise<InlineExport> {
    const report = await this.tables.build(actor, request.report, request.subjectId, request.query);
    if (report.cells > this.inlineMaxCells) throw new ExportTooLargeError(report.cells, this.inlineMaxCells);
    return this.file(report, request.format, actor);
  }

  file(report: ReportTable, format: ExportFormat, actor: Actor, onRow?: (written: number) => void): InlineExport {
    return {
      fileName: `${report.baseName}.${format}`,
      format,
      content: exportTable(format, report.table, { lang: actor.language, onRow }),
    };
  }

  /** Starts a background export of a report the reader may read now (checked again when the job runs). */
  async start(actor: Actor, request: BackgroundRequest): Promise<ReportExport> {
    if (request.report === FUNDER_REPORT) await this.funder.assertCanMake(actor, request.subjectId);
    else await this.tables.build(actor, request.report, request.subjectId, request.query);
    return unitOfWork(this.dataSource, async (manager) => {
      const row = await this.records.insert(manager, {
        requestedById: actor.userId!,
        report: request.report,
        subjectId: request.subjectId,
        format: request.format,
        params: { ...request.query },
        language: actor.language,
      });
      await afterCommit(manager, () => this.queueJobs([row.id]));
      return row;
    });
  }

  /**
   * Puts exports on the queue (after the commit that wrote them, and the sweeper's requeue of stalled ones). A
   * failure loses nothing: the sweeper queues every export still waiting.
   */
  async queueJobs(ids: string[]): Promise<void> {
    try {
      await this.queue.addBulk(
        ids.map((exportId) => ({ name: 'export', data: { exportId }, opts: { ...EXPORT_JOB_OPTIONS, jobId: exportId } })),
      );
    } catch (error) {
      this.logger.warn({ err: error, count: ids.length }, 'Could not queue exports now; the sweeper will queue them');
    }
  }

  /** One of the reader's own exports; anyone else's is not found. */
  async get(actor: Actor, id: string): Promise<ReportExport> {
    const row = await this.records.find(id);
    if (!row || row.requestedById !== actor.userId) throw new ReportExportNotFoundError();
    return row;
  }

  mine(actor: Actor): Promise<ReportExport[]> {
    return this.records.ofRequester(actor.userId!, LISTED);
  }

  /** The finished file's key and name, while its link is valid. */
  async download(actor: Actor, id: string, now: Date): Promise<{ key: string; fileName: string; size: string; format: BackgroundFormat }> {
    const row = await this.get(actor, id);
    if (row.status !== 'done' || !row.fileKey) throw new ReportExportNotReadyError();
    if (row.expiresAt && row.expiresAt <= now) throw new ReportExportExpiredError();
    return { key: row.fileKey, fileName: row.fileName!, size: row.fileSize ?? '0', format: row.format as BackgroundFormat };
  }
}
