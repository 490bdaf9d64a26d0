import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { StorageService } from '../storage/storage.service';
import { ReportExportRecords } from './report-export-records.service';
import { ReportExportsService } from './report-exports.service';

export interface CleanupOutcome {
  removed: number;
  requeued: number;
}

/** An export nothing has moved for this long is queued again (its job may have been lost with Redis). */
const STALLED_MS = 10 * 60_000;
const DAY_MS = 24 * 3_600_000;

/**
 * The exports' clean-up: an export whose link has expired loses its file and its row (the file once the row is
 * gone, so a crash between the two leaves an orphan for the storage clean-up, never a row without its file); a
 * failed one is kept a day for its page; a stalled one is queued again.
 */
@Injectable()
export class ReportExportCleanup {
  constructor(
    private readonly records: ReportExportRecords,
    private readonly exports: ReportExportsService,
    private readonly storage: StorageService,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<CleanupOutcome> {
    const now = this.clock.now();
    let removed = 0;
    for (;;) {
      const expired = await this.records.expired(now, 200);
      if (!expired.length) break;
      await this.records.remove(expired.map((e) => e.id));
      await this.storage.discardAll(expired.filter((e) => e.file_key).map((e) => ({ key: e.file_key! })));
      removed += expired.length;
    }
    removed += await this.records.removeFailedBefore(new Date(now.getTime() - DAY_MS));
    const stalled = await this.records.stalled(new Date(now.getTime() - STALLED_MS));
    if (stalled.length) await this.exports.queueJobs(stalled);
    return { removed, requeued: stalled.length };
  }
}
