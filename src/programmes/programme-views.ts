import type { ConfirmQuestion } from '../common/confirm';
import { ruleChangeJson } from '../completion/completion-views';
import type { RuleChangePreview } from '../completion/completion.service';
import type { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import { localized } from '../i18n/localized';
import { acceptAttribute, allowedLabel } from '../storage/file-policy';
import { describeCompletionRule } from './completion-rule';
import type { IndicatorStatus } from './indicator-rules';
import type { IndicatorValue } from './indicator-values.service';
import { INDICATOR_METRICS, type Indicator } from './indicator.entity';
import type { Part } from './part.entity';
import { programmeFooter } from './programme-footer';
import { LOGO_POLICY } from './programme-logo.service';
import { PROGRAMME_STATUSES, type Programme } from './programme.entity';
import type { IndicatorBody, PartBody, ProgrammeBody } from './programme.responses';
import type { ProgrammeSummary } from './programmes.service';

/** The badge of each status: met green, at risk red, on track plain. */
export const INDICATOR_TONES: Record<IndicatorStatus, string> = { met: 'badge-ok', on_track: '', at_risk: 'badge-danger' };

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

/** Every programme with how many parts and cohorts it has. */
export function programmeListJson(rows: ProgrammeSummary[]) {
  return { items: rows.map(({ programme, partCount, cohortCount }) => ({ ...programmeJson(programme), partCount, cohortCount })) };
}

/** A programme with its parts in order. */
export function programmeWithPartsJson(programme: Programme, lang: Language, i18n: I18nService) {
  return { ...programmeJson(programme), parts: programme.parts.map((part) => partJson(part, lang, i18n)) };
}

export function partListJson(parts: Part[], lang: Language, i18n: I18nService) {
  return { items: parts.map((part) => partJson(part, lang, i18n)) };
}

/** A part saved (or only tried, `applied: false`) with what its rule did to completion. */
export function partUpdateJson(
  { part, completion }: { part: Part; completion: RuleChangePreview | null },
  applied: boolean,
  lang: Language,
  i18n: I18nService,
) {
  return { ...partJson(part, lang, i18n), applied, completionChange: completion && ruleChangeJson(completion) };
}

export function indicatorListJson(values: IndicatorValue[]) {
  return { items: values.map(indicatorJson) };
}

/** The administrators' list of programmes. */
export function programmesListPage(rows: ProgrammeSummary[], lang: Language) {
  return {
    titleKey: 'programmes.list.title',
    programmes: rows.map(({ programme, partCount, cohortCount }) => ({
      id: programme.id,
      title: localized(lang, programme.titleLv, programme.titleEn),
      status: programme.status,
      statusKey: `programmes.status.${programme.status}`,
      agreementNumber: programme.agreementNumber,
      partCount,
      cohortCount,
    })),
  };
}

/** What a programme form shows besides the values: the choices and the footer of the programme. */
export function programmeFormPage(programme?: Programme, lang: Language = 'lv') {
  return {
    titleKey: programme ? 'programmes.edit.title' : 'programmes.new.title',
    programme: programme ? { id: programme.id, title: localized(lang, programme.titleLv, programme.titleEn) } : null,
    statusOptions: PROGRAMME_STATUSES.map((value) => ({ value, label: `programmes.status.${value}` })),
    ...(programme ? programmeFooter(programme) : {}),
  };
}

/** The values a programme form starts with: a new programme's defaults, or the programme's own as the form writes them. */
export function programmeFormValues(p?: Programme) {
  if (!p) return { status: 'draft', cofinancingPercent: '100', reminderOffsetsHours: '24', studyVisitOffsetsHours: '72, 24' };
  return {
    ...p,
    cofinancingPercent: String(Number(p.cofinancingPercent)),
    partners: p.partners.join('\n'),
    reminderOffsetsHours: p.reminderOffsetsHours.join(', '),
    studyVisitOffsetsHours: p.studyVisitOffsetsHours.join(', '),
  };
}

/** A programme's page: its project, logo, parts with their rules in words, and indicators with their values. */
export function programmePage(programme: Programme, indicators: IndicatorValue[], lang: Language, i18n: I18nService) {
  return {
    title: localized(lang, programme.titleLv, programme.titleEn),
    ...programmeFooter(programme),
    programme: {
      ...programme,
      title: localized(lang, programme.titleLv, programme.titleEn),
      description: localized(lang, programme.descriptionLv, programme.descriptionEn),
      cofinancingPercent: Number(programme.cofinancingPercent),
      statusKey: `programmes.status.${programme.status}`,
      logoUrl: programme.logoKey ? `/programmes/${programme.id}/logo` : null,
    },
    logoAccept: acceptAttribute(LOGO_POLICY.allowed),
    logoTypes: allowedLabel(LOGO_POLICY.allowed),
    parts: programme.parts.map((part, index, all) => ({
      ...part,
      title: localized(lang, part.titleLv, part.titleEn),
      rule: describeCompletionRule(part, lang, i18n),
      first: index === 0,
      last: index === all.length - 1,
    })),
    indicators: indicators.map(({ indicator, value, percent, status }) => ({
      ...indicator,
      name: localized(lang, indicator.nameLv, indicator.nameEn),
      metricKey: `programmes.metric.${indicator.metric}`,
      value,
      percent,
      statusKey: `programmes.indicatorStatus.${status}`,
      tone: INDICATOR_TONES[status],
    })),
  };
}

/** The surroundings of a part form: the programme it belongs to and its footer. */
export function partFormPage(programme: Programme, lang: Language, partId?: string) {
  return {
    titleKey: partId ? 'programmes.parts.editTitle' : 'programmes.parts.newTitle',
    programme: { id: programme.id, title: localized(lang, programme.titleLv, programme.titleEn) },
    partId: partId ?? null,
    ...programmeFooter(programme),
  };
}

/** A new part's form starts with no hours and no minimum attendance. */
export const NEW_PART_VALUES = { academicHours: '0', minAttendancePercent: '0' };

/** The part form shown again with what saving the changed rule would do, to be confirmed for exactly that rule. */
export function partDryRunPage(
  programme: Programme,
  lang: Language,
  partId: string,
  values: Record<string, unknown>,
  preview: RuleChangePreview,
  fingerprint: string,
) {
  return { ...partFormPage(programme, lang, partId), values, dryRun: { ...ruleChangeJson(preview), fingerprint } };
}

/** The flash after a part is saved: and, when its rule changed, whom that completed or un-completed. */
export function partSavedFlash(completion: RuleChangePreview | null) {
  return [
    { kind: 'success' as const, key: 'programmes.flash.partSaved' },
    ...(completion
      ? [
          {
            kind: 'success' as const,
            key: 'completion.flash.ruleApplied',
            params: { uncompleted: completion.uncompleted.length, completed: completion.completed.length },
          },
        ]
      : []),
  ];
}

/** The surroundings of an indicator form: the programme, the metrics to choose from and the footer. */
export function indicatorFormPage(programme: Programme, lang: Language, indicatorId?: string) {
  return {
    titleKey: indicatorId ? 'programmes.indicators.editTitle' : 'programmes.indicators.newTitle',
    programme: { id: programme.id, title: localized(lang, programme.titleLv, programme.titleEn) },
    indicatorId: indicatorId ?? null,
    metricOptions: INDICATOR_METRICS.map((value) => ({ value, label: `programmes.metric.${value}` })),
    ...programmeFooter(programme),
  };
}

/** The question before a programme's logo is removed. */
export function removeLogoQuestion(programme: Programme, lang: Language): ConfirmQuestion {
  return {
    question: 'confirm.deleteLogo',
    params: { name: localized(lang, programme.titleLv, programme.titleEn) },
    button: 'confirm.remove',
    back: `/admin/programmes/${programme.id}#logo`,
  };
}

/** The question before an indicator is deleted, which cannot be undone. */
export function deleteIndicatorQuestion(indicator: Indicator, lang: Language): ConfirmQuestion {
  return {
    question: 'confirm.deleteIndicator',
    params: { name: localized(lang, indicator.nameLv, indicator.nameEn) },
    consequence: 'confirm.cannotUndo',
    button: 'confirm.delete',
    back: `/admin/programmes/${indicator.programmeId}#indicators`,
  };
}
