import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../notifications/outbox.service';
import { localized } from '../i18n/localized';
import type { User } from '../users/user.entity';
import type { Cohort } from './cohort.entity';
import type { Enrolment } from './enrolment.entity';

/** enrolled: a place at once; waitlisted: on the waiting list; promoted: a place freed and is theirs. */
export type EnrolmentEmailKind = 'enrolled' | 'waitlisted' | 'promoted';

/** The emails a trainee gets when their place in a cohort changes; written to the outbox in the caller's transaction. */
@Injectable()
export class EnrolmentEmails {
  constructor(
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Queued once the caller's unit of work commits. The key names the event (the moment of the change), so
   * a trainee enrolled again after withdrawing hears about it again, but one event never sends two emails.
   */
  async enqueue(
    manager: EntityManager,
    kind: EnrolmentEmailKind,
    enrolment: Enrolment,
    user: User,
    cohort: Cohort,
    position?: number,
  ): Promise<void> {
    const part = cohort.part;
    const programme = part.programme;
    const lang = user.language;
    const at = (kind === 'waitlisted' ? enrolment.waitlistedAt : enrolment.enrolledAt) ?? new Date();
    await this.outbox.enqueue(manager, {
      to: { email: user.email, id: user.id, language: lang },
      template: `enrolment-${kind}`,
      category: 'update',
      dedupKey: `enrolment:${enrolment.id}:${kind}:${at.getTime()}`,
      data: {
        name: user.name,
        programmeTitle: localized(lang, programme.titleLv, programme.titleEn),
        partNumber: part.number,
        partTitle: localized(lang, part.titleLv, part.titleEn),
        cohortName: cohort.name,
        startsOn: cohort.startsOn,
        endsOn: cohort.endsOn,
        position: position ?? null,
        link: this.config.publicUrl('/my/programme'),
      },
    });
  }
}
