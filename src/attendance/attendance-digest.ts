import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { rigaDateTimeInputs, rigaParts, rigaTime } from '../i18n/dates';
import { EmailRequest, OutboxService } from '../notifications/outbox.service';
import { unitOfWork } from '../database/unit-of-work';
import { localized } from '../i18n/localized';
import { type AdminRecipient as Admin, AttendanceRecords } from './attendance-records.service';
import { AttendanceStatsService, type AttendanceSummary } from './attendance-stats.service';

/** The digest goes out from this hour (Riga time) on. */
export const ATTENDANCE_DIGEST_HOUR = 8;

const rigaDate = (now: Date) => rigaDateTimeInputs(now)[0];

/** At most one a day: the key names the administrator and the Riga date. */
export function attendanceDigestKey(adminId: string, now: Date): string {
  return `attendance-digest:${adminId}:${rigaDate(now)}`;
}

/**
 * Each administrator's daily email listing the enrolled trainees of running cohorts whose attendance is below
 * their part's minimum (the trainees themselves are warned once, when they fall below). Nobody below, no email.
 * The deduplication key holds the Riga date, so however often the scan runs, an administrator gets one a day.
 */
@Injectable()
export class AttendanceDigest {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: AttendanceRecords,
    private readonly stats: AttendanceStatsService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  /** Writes today's digests, if the digest hour has come; returns how many were new. */
  async send(now: Date): Promise<number> {
    const p = rigaParts(now);
    if (now.getTime() < rigaTime(p.year, p.month, p.day, ATTENDANCE_DIGEST_HOUR).getTime()) return 0;
    const below = await this.stats.belowMinimumInRunningCohorts(rigaDate(now), now);
    if (!below.length) return 0;
    const admins = await this.records.activeAdmins();
    const requests = admins.map((admin) => this.request(admin, below, now));
    const ids = await unitOfWork(this.dataSource, (manager) => this.outbox.enqueueMany(manager, requests));
    return ids.length;
  }

  private request(admin: Admin, below: AttendanceSummary[], now: Date): EmailRequest {
    return {
      to: { email: admin.email, id: admin.id, language: admin.language },
      template: 'attendance-digest',
      category: 'update',
      dedupKey: attendanceDigestKey(admin.id, now),
      data: {
        name: admin.name,
        count: below.length,
        lines: below.map((s) => ({
          traineeName: s.name,
          cohortName: s.cohortName,
          partTitle: localized(admin.language, s.partTitleLv, s.partTitleEn),
          percent: s.percent,
          minPercent: s.minPercent,
          link: this.config.publicUrl(`/cohorts/${s.cohortId}/attendance`),
        })),
      },
    };
  }
}
