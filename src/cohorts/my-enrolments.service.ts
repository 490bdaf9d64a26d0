import { Injectable } from '@nestjs/common';
import { I18nService } from '../i18n/i18n.service';
import { describeCompletionRule } from '../programmes/completion-rule';
import { localized } from '../i18n/localized';
import { programmeFooter } from '../programmes/programme-footer';
import type { Language } from '../i18n/languages';
import type { User } from '../users/user.entity';
import { cohortView, enrolmentView } from './cohort-views';
import { CohortsService } from './cohorts.service';
import { EnrolmentsService } from './enrolments.service';

/** The signed-in person's own enrolments and cohorts, shaped once for both the pages and the API. */
@Injectable()
export class MyEnrolmentsService {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly enrolments: EnrolmentsService,
    private readonly i18n: I18nService,
  ) {}

  /** A trainee's enrolments with the programme, the part and its completion rule in words. */
  async enrolmentsOf(user: User, lang: Language) {
    const enrolments = await this.enrolments.forTrainee(user.id);
    return enrolments.map((e) => {
      const part = e.cohort.part;
      const programme = part.programme;
      const { trainee: _t, ...enrolment } = enrolmentView(e);
      return {
        ...enrolment,
        cohort: { id: e.cohort.id, name: e.cohort.name, startsOn: e.cohort.startsOn, endsOn: e.cohort.endsOn },
        part: {
          id: part.id,
          number: part.number,
          title: localized(lang, part.titleLv, part.titleEn),
          academicHours: part.academicHours,
          completionRule: describeCompletionRule(part, lang, this.i18n),
        },
        programme: {
          id: programme.id,
          title: localized(lang, programme.titleLv, programme.titleEn),
          projectTitle: programme.projectTitle,
        },
        footer: { programmeId: programme.id, ...programmeFooter(programme) },
      };
    });
  }

  /** The cohorts an instructor teaches, each with the trainees holding its places. */
  async cohortsOf(user: User, lang: Language) {
    const taught = await this.cohorts.taughtBy(user.id);
    return taught.map(({ cohort, trainees }) => ({
      ...cohortView(cohort, lang),
      trainees: trainees.map(enrolmentView),
    }));
  }
}
