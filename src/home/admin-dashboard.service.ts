import { Injectable } from '@nestjs/common';
import { AttendanceStatsService, type AttendanceSummary } from '../attendance/attendance-stats.service';
import { CertificateReads } from '../certificates/certificate-reads.service';
import { CohortsService } from '../cohorts/cohorts.service';
import type { Cohort } from '../cohorts/cohort.entity';
import type { Actor } from '../common/actor';
import { AppConfig } from '../config/app-config';
import type { EssaysWaiting } from '../exams/exam-marking-records.service';
import { ExamMarkingService } from '../exams/exam-marking.service';
import { GradingQueueService, type WaitingWork } from '../grading/grading-queue.service';
import { rigaDateTimeInputs } from '../i18n/dates';
import { OutboxAdminService } from '../notifications/outbox-admin.service';
import { IndicatorsAtRisk, type IndicatorAtRisk } from '../programmes/indicators-at-risk.service';
import { SHOWN, sum } from './panel-lists';

const DAY_MS = 86_400_000;

export interface AdminDashboard {
  cohorts: { total: number; items: (Cohort & { taken: number; waiting: number })[] };
  /** Enrolled trainees of running cohorts below their part's attendance minimum, the lowest first. */
  belowMinimum: { total: number; items: AttendanceSummary[] };
  /** Work and essay answers handed in more than `days` days ago and still not marked. */
  markingOverdue: { days: number; before: Date; work: WaitingWork[]; workTotal: number; essays: EssaysWaiting[]; essaysTotal: number };
  emails: Awaited<ReturnType<OutboxAdminService['failing']>>;
  /** Completed members never issued a certificate of their part, per cohort. */
  certificates: { total: number; byCohort: Awaited<ReturnType<CertificateReads['readyToIssue']>> };
  indicators: IndicatorAtRisk[];
}

/** An administrator's panels, each read through its feature's own rule. */
@Injectable()
export class AdminDashboardService {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly attendance: AttendanceStatsService,
    private readonly grading: GradingQueueService,
    private readonly marking: ExamMarkingService,
    private readonly outbox: OutboxAdminService,
    private readonly certificates: CertificateReads,
    private readonly indicators: IndicatorsAtRisk,
    private readonly config: AppConfig,
  ) {}

  async build(actor: Actor, now: Date): Promise<AdminDashboard> {
    const today = rigaDateTimeInputs(now)[0];
    const days = this.config.env.MARKING_DUE_DAYS;
    const before = new Date(now.getTime() - days * DAY_MS);
    const [cohorts, below, work, essays, emails, ready, indicators] = await Promise.all([
      this.cohorts.running(today, SHOWN),
      this.attendance.belowMinimumInRunningCohorts(today, now),
      this.grading.waiting(actor, before),
      this.marking.waiting(actor, before),
      this.outbox.failing(),
      this.certificates.readyToIssue(),
      this.indicators.list(),
    ]);
    const lowest = [...below].sort((a, b) => (a.percent ?? 0) - (b.percent ?? 0) || a.name.localeCompare(b.name, 'lv'));
    return {
      cohorts,
      belowMinimum: { total: below.length, items: lowest.slice(0, SHOWN) },
      markingOverdue: {
        days,
        before,
        work,
        workTotal: sum(work, (w) => w.waiting),
        essays,
        essaysTotal: sum(essays, (e) => e.toMark),
      },
      emails,
      certificates: { total: sum(ready, (r) => r.ready), byCohort: ready },
      indicators,
    };
  }
}
