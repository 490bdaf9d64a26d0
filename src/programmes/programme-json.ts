import type { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import { describeCompletionRule } from './completion-rule';
import type { IndicatorValue } from './indicator-values.service';
import type { Part } from './part.entity';
import type { Programme } from './programme.entity';
import type { IndicatorBody, PartBody, ProgrammeBody } from './programme.responses';

/** The API's view of the records: plain JSON, dates as ISO strings. */
export function programmeJson(p: Programme): ProgrammeBody {
  return {
    id: p.id,
    titleLv: p.titleLv,
    titleEn: p.titleEn,
    descriptionLv: p.descriptionLv,
    descriptionEn: p.descriptionEn,
    status: p.status,
    project: {
      title: p.projectTitle,
      agreementNumber: p.agreementNumber,
      funder: p.funder,
      cofinancingPercent: Number(p.cofinancingPercent),
      partners: p.partners,
      fundingStatement: p.fundingStatement,
      logoUrl: p.logoKey ? `/programmes/${p.id}/logo` : null,
    },
    reminderOffsetsHours: p.reminderOffsetsHours,
    studyVisitOffsetsHours: p.studyVisitOffsetsHours,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function partJson(part: Part, lang: Language, i18n: I18nService): PartBody {
  return {
    id: part.id,
    programmeId: part.programmeId,
    number: part.number,
    titleLv: part.titleLv,
    titleEn: part.titleEn,
    descriptionLv: part.descriptionLv,
    descriptionEn: part.descriptionEn,
    academicHours: part.academicHours,
    completionRule: {
      minAttendancePercent: part.minAttendancePercent,
      requiresIndependentWork: part.requiresIndependentWork,
      requiresFinalExam: part.requiresFinalExam,
      closesWithSeminar: part.closesWithSeminar,
      /** The rule in words, in the caller's language. */
      description: describeCompletionRule(part, lang, i18n),
    },
  };
}

export function indicatorJson({ indicator, value, toCome, notCounted, percent, status, reached }: IndicatorValue): IndicatorBody {
  return {
    id: indicator.id,
    programmeId: indicator.programmeId,
    nameLv: indicator.nameLv,
    nameEn: indicator.nameEn,
    metric: indicator.metric,
    target: indicator.target,
    position: indicator.position,
    value,
    toCome,
    notCounted,
    percent,
    status,
    reached,
  };
}
