import { Injectable } from '@nestjs/common';
import { AttendanceStatsService, type AttendanceMatrix } from '../attendance/attendance-stats.service';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { ReportAccess } from './report-access.service';
import { ReportRecords, type CohortHeaderRecord } from './report-records.service';
import { ReportCohortNotFoundError } from './reports.errors';

export interface AttendanceReport {
  cohort: CohortHeaderRecord;
  matrix: AttendanceMatrix;
  generatedAt: Date;
}

/**
 * A cohort's attendance report: the matrix of its members × held sessions with each member's and the cohort's
 * percentage, counted by the attendance feature's one rule (AttendanceStatsService).
 */
@Injectable()
export class AttendanceReportService {
  constructor(
    private readonly access: ReportAccess,
    private readonly stats: AttendanceStatsService,
    private readonly records: ReportRecords,
    private readonly clock: Clock,
  ) {}

  /** The cohort's heading, for a reader who may report on it. */
  async cohort(actor: Actor, cohortId: string): Promise<CohortHeaderRecord> {
    await this.access.assertCanReportOnCohort(actor, cohortId);
    const cohort = await this.records.cohortHeader(cohortId);
    if (!cohort) throw new ReportCohortNotFoundError();
    return cohort;
  }

  async report(actor: Actor, cohortId: string): Promise<AttendanceReport> {
    const cohort = await this.cohort(actor, cohortId);
    const generatedAt = this.clock.now();
    return { cohort, matrix: await this.stats.matrix(cohortId, generatedAt), generatedAt };
  }
}
