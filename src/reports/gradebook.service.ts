import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { AttendanceReportService } from './attendance-report.service';
import { filterAndSort, gradebookRows, type GradebookExam, type GradebookQuery, type GradebookRow } from './gradebook';
import { ReportRecords, type AssignmentRecord, type CohortHeaderRecord } from './report-records.service';

export interface Gradebook {
  cohort: CohortHeaderRecord;
  assignments: AssignmentRecord[];
  exams: GradebookExam[];
  /** The rows the query asks for, in its order. */
  rows: GradebookRow[];
  /** Members before the filter. */
  members: number;
  generatedAt: Date;
}

/**
 * A cohort's gradebook for its staff: each member × the cohort's assignments (its own and its part's) and exam
 * sittings, with totals and completion; drafts and unreleased results shown, marked as such.
 */
@Injectable()
export class GradebookService {
  constructor(
    private readonly cohorts: AttendanceReportService,
    private readonly records: ReportRecords,
    private readonly clock: Clock,
  ) {}

  async gradebook(actor: Actor, cohortId: string, query: GradebookQuery): Promise<Gradebook> {
    const cohort = await this.cohorts.cohort(actor, cohortId);
    const [members, assignments, exams, work, results] = await Promise.all([
      this.records.members(cohortId),
      this.records.cohortAssignments(cohortId),
      this.records.cohortExams(cohortId),
      this.records.cohortWork(cohortId),
      this.records.cohortExamResults(cohortId),
    ]);
    const rows = gradebookRows(members, assignments, exams, work, results, 'staff');
    return { cohort, assignments, exams, rows: filterAndSort(rows, query), members: members.length, generatedAt: this.clock.now() };
  }
}
