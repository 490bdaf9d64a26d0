import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ACTIVE_STATUS } from '../cohorts/enrolment-status';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../notifications/outbox.service';
import { localized } from '../programmes/localized';
import type { Language } from '../users/role';
import { AttendanceStatsService } from './attendance-stats.service';

interface Person {
  id: string;
  email: string;
  name: string;
  language: Language;
}

/**
 * After marking: a trainee (still enrolled) whose attendance is now below the part's minimum, and every admin,
 * get one warning email per enrolment, ever; the deduplication key makes later checks add nothing.
 */
@Injectable()
export class AttendanceWarnings {
  constructor(
    private readonly stats: AttendanceStatsService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  /** Checks the trainees whose marks changed; returns the outbox ids to dispatch after commit. */
  async check(manager: EntityManager, cohortId: string, userIds: string[], now: Date): Promise<string[]> {
    if (!userIds.length) return [];
    const changed = new Set(userIds);
    const below = (await this.stats.forCohort(cohortId, now, manager)).filter((s) => s.enrolmentStatus === ACTIVE_STATUS && s.belowMinimum && changed.has(s.userId));
    if (!below.length) return [];
    const admins: Person[] = await manager.query(`SELECT id, email, name, language FROM users WHERE 'admin' = ANY(roles) AND disabled_at IS NULL ORDER BY id`);
    const requests = below.flatMap((summary) => {
      const trainee: Person = { id: summary.userId, email: summary.email, name: summary.name, language: summary.language };
      return [trainee, ...admins.filter((a) => a.id !== trainee.id)].map((person) => ({
        to: { email: person.email, id: person.id, language: person.language },
        template: 'attendance-warning',
        category: 'update' as const,
        dedupKey: `attendance-warning:${summary.enrolmentId}:${person.id}`,
        data: {
          name: person.name,
          forTrainee: person.id === trainee.id,
          traineeName: trainee.name,
          cohortName: summary.cohortName,
          partTitle: localized(person.language, summary.partTitleLv, summary.partTitleEn),
          percent: summary.percent,
          minPercent: summary.minPercent,
          attended: summary.present + summary.late,
          held: summary.recorded,
          link: this.config.publicUrl(person.id === trainee.id ? '/my/attendance' : `/cohorts/${cohortId}/attendance`),
        },
      }));
    });
    return this.outbox.enqueueMany(manager, requests);
  }
}
