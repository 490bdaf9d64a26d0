import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ACTIVE_STATUS } from '../cohorts/enrolment-status';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../notifications/outbox.service';
import { localized } from '../i18n/localized';
import { AttendanceStatsService } from './attendance-stats.service';

/**
 * After marking: a trainee (still enrolled) whose attendance is now below the part's minimum gets one warning
 * email per enrolment, ever; the deduplication key makes later checks add nothing. Administrators hear of it in
 * their daily digest (AttendanceDigest), not one email per trainee.
 */
@Injectable()
export class AttendanceWarnings {
  constructor(
    private readonly stats: AttendanceStatsService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  /** Checks the trainees whose marks changed; their warnings are queued when the caller's unit of work commits. Returns how many were written. */
  async check(manager: EntityManager, cohortId: string, userIds: string[], now: Date): Promise<number> {
    if (!userIds.length) return 0;
    const changed = new Set(userIds);
    const below = (await this.stats.forCohort(cohortId, now, manager)).filter(
      (s) => s.enrolmentStatus === ACTIVE_STATUS && s.belowMinimum && changed.has(s.userId),
    );
    if (!below.length) return 0;
    const requests = below.map((summary) => ({
      to: { email: summary.email, id: summary.userId, language: summary.language },
      template: 'attendance-warning',
      category: 'update' as const,
      dedupKey: `attendance-warning:${summary.enrolmentId}:${summary.userId}`,
      data: {
        name: summary.name,
        traineeName: summary.name,
        cohortName: summary.cohortName,
        partTitle: localized(summary.language, summary.partTitleLv, summary.partTitleEn),
        percent: summary.percent,
        minPercent: summary.minPercent,
        attended: summary.present + summary.late,
        held: summary.recorded,
        link: this.config.publicUrl('/my/attendance'),
      },
    }));
    return (await this.outbox.enqueueMany(manager, requests)).length;
  }
}
