import { barChart, funnelChart } from '../common/charts';
import { pager } from '../common/paging';
import type { ColumnType, ExportValue } from '../common/table-export';
import { formatCalendarDate, formatCalendarPeriod, formatDate, type DayRange } from '../i18n/dates';
import type { Language } from '../i18n/languages';
import { localized } from '../i18n/localized';
import type { EvidenceRecord } from '../programmes/indicator-records.service';
import type { EvidenceKind } from '../programmes/indicator-rules';
import type { IndicatorValue } from '../programmes/indicator-values.service';
import { INDICATOR_TONES } from '../programmes/programme-views';
import { FUNNEL_STAGES, stageCounts, type FunnelStage } from './funnel';
import type { Funnel, FunnelSummary, FunnelUnit } from './funnel.service';
import type { EvidenceReport, IndicatorsReport } from './indicator-reports.service';
import { cohortHeaderView, inlineMaxText, REPORT_SCRIPTS } from './report-views';
import type { CellTexts } from './report-tables';

/** Rows of a long list shown on a page at once (the file has them all). */
export const LIST_PAGE_SIZE = 100;

const iso = (date: Date | string | null | undefined) => (date ? new Date(date).toISOString() : null);

/** One column of a list, as the page shows it and the file writes it. */
export interface ListColumn<R> {
  header: string;
  type: ColumnType;
  width?: number;
  value: (row: R) => ExportValue;
}

/** A value as a page cell shows it: dates as Riga days, decimals with the reader's separator. */
function cellText(value: ExportValue, lang: Language): string {
  if (value === null) return '';
  if (value instanceof Date) return formatDate(value, lang);
  return String(value);
}

function listRows<R>(columns: readonly ListColumn<R>[], rows: readonly R[], lang: Language) {
  return rows.map((row) => columns.map((c) => cellText(c.value(row), lang)));
}

/** The range as a link's query string ("from=…&to=…"), empty when open at both ends. */
export function rangeQueryString(range: DayRange): string {
  const params = new URLSearchParams();
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  return params.toString();
}

/** The date filter form's values and the range in words. */
export function rangeLocals(range: DayRange, texts: CellTexts) {
  const { t, lang } = texts;
  const rangeText =
    range.from && range.to
      ? formatCalendarPeriod(range.from, range.to, lang)
      : range.from
        ? t('reports.range.since', { from: formatCalendarDate(range.from, lang) })
        : range.to
          ? t('reports.range.until', { to: formatCalendarDate(range.to, lang) })
          : t('reports.range.all');
  return { filters: { from: range.from ?? '', to: range.to ?? '' }, rangeText, rangeQuery: rangeQueryString(range) };
}

const partTitle = (lang: Language, number: number | null, lv: string | null, en: string | null) =>
  number === null ? '' : `${number}. ${localized(lang, lv ?? '', en)}`;

/** The programme's project as a report heads it. */
export function programmeFactsView(programme: IndicatorsReport['programme'], lang: Language) {
  return {
    id: programme.id,
    title: localized(lang, programme.titleLv, programme.titleEn),
    projectTitle: programme.projectTitle,
    agreementNumber: programme.agreementNumber,
    funder: programme.funder,
  };
}

/** Each indicator with its value, what is to come, its status and the link to its records; a chart against the targets. */
export function indicatorsView(values: readonly IndicatorValue[], texts: CellTexts, rangeQuery: string) {
  const { t, lang } = texts;
  const rows = values.map((v) => ({
    id: v.indicator.id,
    name: localized(lang, v.indicator.nameLv, v.indicator.nameEn),
    metricText: t(`programmes.metric.${v.indicator.metric}`),
    target: v.indicator.target,
    value: v.value,
    toCome: v.toCome,
    notCounted: v.notCounted,
    percent: v.percent,
    statusText: t(`programmes.indicatorStatus.${v.status}`),
    tone: INDICATOR_TONES[v.status],
    href: `/admin/programmes/${v.indicator.programmeId}/reports/indicators/${v.indicator.id}${rangeQuery ? `?${rangeQuery}` : ''}`,
  }));
  return {
    indicators: rows,
    indicatorsChart: rows.length
      ? barChart(
          rows.map((r) => ({
            label: r.name,
            value: r.percent,
            valueText: t('reports.indicators.ofTarget', { value: r.value, target: r.target }),
          })),
          { max: 100 },
        )
      : null,
  };
}

export function indicatorsPageView(report: IndicatorsReport, texts: CellTexts) {
  const range = rangeLocals(report.range, texts);
  return {
    programme: programmeFactsView(report.programme, texts.lang),
    generatedAt: report.generatedAt,
    ...range,
    ...indicatorsView(report.values, texts, range.rangeQuery),
  };
}

export function indicatorValueJson(v: IndicatorValue) {
  return {
    id: v.indicator.id,
    nameLv: v.indicator.nameLv,
    nameEn: v.indicator.nameEn,
    metric: v.indicator.metric,
    target: v.indicator.target,
    value: v.value,
    toCome: v.toCome,
    notCounted: v.notCounted,
    percent: v.percent,
    status: v.status,
  };
}

export function indicatorsJson(report: IndicatorsReport) {
  return {
    programmeId: report.programme.id,
    from: report.range.from ?? null,
    to: report.range.to ?? null,
    generatedAt: report.generatedAt.toISOString(),
    items: report.values.map(indicatorValueJson),
  };
}

/** The note beside a record: when a trainee withdrew, a certificate was revoked (and why) or by which it was replaced; free places. */
function evidenceNote(r: EvidenceRecord, texts: CellTexts): string {
  const { t, lang } = texts;
  if (r.reason === 'free_places') return t('reports.evidence.places', { count: r.amount });
  if (r.reason === 'replaced' && r.replaced_by_serial) return t('reports.evidence.replacedBy', { serial: r.replaced_by_serial });
  if (r.reason === 'revoked' && r.note_at)
    return t('reports.evidence.revokedOn', {
      date: formatDate(r.note_at, lang),
      reason: r.revocation_reason ? t(`certificates.reasons.${r.revocation_reason}`) : '',
    });
  if (r.reason === 'withdrawn' && r.note_at) return t('reports.evidence.withdrewOn', { date: formatDate(r.note_at, lang) });
  return '';
}

/** The columns of an indicator's list, by what it lists: the same on the page and in the file. */
export function evidenceColumns(kind: EvidenceKind, texts: CellTexts): ListColumn<EvidenceRecord>[] {
  const { t, lang } = texts;
  const head: ListColumn<EvidenceRecord>[] = [
    { header: t('reports.evidence.columns.state'), type: 'text', width: 14, value: (r) => t(`reports.evidence.states.${r.state}`) },
    {
      header: t('reports.evidence.columns.reason'),
      type: 'text',
      width: 30,
      value: (r) => (r.reason ? t(`reports.evidence.reasons.${r.reason}`) : null),
    },
    { header: t('reports.evidence.columns.date'), type: 'date', width: 12, value: (r) => r.at },
  ];
  const part: ListColumn<EvidenceRecord> = {
    header: t('reports.evidence.columns.part'),
    type: 'text',
    width: 30,
    value: (r) => partTitle(lang, r.part_number, r.part_title_lv, r.part_title_en),
  };
  const cohort: ListColumn<EvidenceRecord> = { header: t('reports.evidence.columns.cohort'), type: 'text', value: (r) => r.cohort_name };
  const note: ListColumn<EvidenceRecord> = {
    header: t('reports.evidence.columns.note'),
    type: 'text',
    width: 30,
    value: (r) => evidenceNote(r, texts),
  };
  const person: ListColumn<EvidenceRecord>[] = [
    { header: t('reports.evidence.columns.trainee'), type: 'text', width: 28, value: (r) => r.user_name },
    { header: t('reports.evidence.columns.email'), type: 'text', width: 28, value: (r) => r.email },
  ];
  switch (kind) {
    case 'participant':
      return [
        ...head,
        ...person,
        { header: t('reports.evidence.columns.department'), type: 'text', value: (r) => r.department },
        part,
        cohort,
        {
          header: t('reports.evidence.columns.enrolment'),
          type: 'text',
          value: (r) => (r.enrolment_status ? t(`reports.enrolmentStatus.${r.enrolment_status}`) : ''),
        },
        note,
      ];
    case 'session':
      return [
        ...head,
        { header: t('reports.evidence.columns.session'), type: 'text', width: 30, value: (r) => r.session_title },
        {
          header: t('reports.evidence.columns.kind'),
          type: 'text',
          value: (r) => (r.session_kind ? t(`sessions.kinds.${r.session_kind}`) : ''),
        },
        part,
        cohort,
      ];
    case 'certificate':
      return [
        ...head,
        { header: t('reports.evidence.columns.serial'), type: 'text', width: 18, value: (r) => r.serial },
        ...person,
        {
          ...part,
          value: (r) => (r.part_number === null ? (r.certificate_id ? t('reports.evidence.wholeProgramme') : '') : part.value(r)),
        },
        cohort,
        note,
      ];
    case 'material':
      return [
        ...head,
        { header: t('reports.evidence.columns.material'), type: 'text', width: 30, value: (r) => r.material_title },
        part,
        cohort,
      ];
  }
}

export function evidencePageView(report: EvidenceReport, texts: CellTexts, page: number) {
  const { t, lang } = texts;
  const { evidence } = report;
  const range = rangeLocals(report.range, texts);
  const columns = evidenceColumns(evidence.kind, texts);
  const path = `/admin/programmes/${report.programme.id}/reports/indicators/${evidence.indicator.id}`;
  const paging = pager(path, { ...range.filters, page, pageSize: LIST_PAGE_SIZE }, evidence.records.length);
  const shown = evidence.records.slice((paging.page - 1) * LIST_PAGE_SIZE, paging.page * LIST_PAGE_SIZE);
  return {
    programme: programmeFactsView(report.programme, lang),
    generatedAt: report.generatedAt,
    ...range,
    indicator: {
      id: evidence.indicator.id,
      name: localized(lang, evidence.indicator.nameLv, evidence.indicator.nameEn),
      metricText: t(`programmes.metric.${evidence.indicator.metric}`),
      ruleText: t(`reports.evidence.rules.${evidence.indicator.metric}`),
      target: evidence.indicator.target,
      value: evidence.value,
      toCome: evidence.toCome,
      notCounted: evidence.notCounted,
      percent: evidence.percent,
      statusText: t(`programmes.indicatorStatus.${evidence.status}`),
      tone: INDICATOR_TONES[evidence.status],
    },
    path,
    headers: columns.map((c) => c.header),
    rows: listRows(columns, shown, lang).map((cells, i) => ({ cells, state: shown[i].state })),
    total: evidence.records.length,
    pager: paging,
  };
}

export function evidenceJson(report: EvidenceReport) {
  const { evidence } = report;
  return {
    ...indicatorValueJson(evidence),
    programmeId: report.programme.id,
    from: report.range.from ?? null,
    to: report.range.to ?? null,
    generatedAt: report.generatedAt.toISOString(),
    kind: evidence.kind,
    records: evidence.records.map((r) => ({
      state: r.state,
      reason: r.reason,
      at: iso(r.at),
      amount: r.amount,
      userId: r.user_id,
      name: r.user_name,
      email: r.email,
      enrolmentId: r.enrolment_id,
      enrolmentStatus: r.enrolment_status,
      cohortId: r.cohort_id,
      cohortName: r.cohort_name,
      partNumber: r.part_number,
      sessionId: r.session_id,
      sessionTitle: r.session_title,
      sessionKind: r.session_kind,
      certificateId: r.certificate_id,
      serial: r.serial,
      replacedBySerial: r.replaced_by_serial,
      revocationReason: r.revocation_reason,
      materialId: r.material_id,
      materialTitle: r.material_title,
      noteAt: iso(r.note_at),
    })),
  };
}

/** The columns of a funnel's people: the same on the page and in the file (which adds a yes/no per stage). */
export function funnelColumns(texts: CellTexts): ListColumn<FunnelUnit>[] {
  const { t, lang } = texts;
  return [
    { header: t('reports.funnel.columns.trainee'), type: 'text', width: 28, value: (u) => u.name },
    { header: t('reports.funnel.columns.email'), type: 'text', width: 28, value: (u) => u.email },
    {
      header: t('reports.funnel.columns.part'),
      type: 'text',
      width: 30,
      value: (u) => partTitle(lang, u.partNumber, u.partTitleLv, u.partTitleEn),
    },
    { header: t('reports.funnel.columns.cohort'), type: 'text', value: (u) => u.cohortName },
    { header: t('reports.funnel.columns.furthest'), type: 'text', width: 28, value: (u) => t(`reports.funnel.stages.${u.stage}`) },
    { header: t('reports.funnel.columns.completedAt'), type: 'date', width: 12, value: (u) => u.completedAt },
    { header: t('reports.funnel.columns.setByHand'), type: 'text', value: (u) => (u.setByHand ? t('reports.yes') : '') },
    { header: t('reports.funnel.columns.certificate'), type: 'text', width: 18, value: (u) => u.serial },
    { header: t('reports.funnel.columns.enrolments'), type: 'integer', value: (u) => u.enrolments },
  ];
}

function funnelTitle(funnel: Funnel, lang: Language): string {
  const { subject } = funnel;
  if (subject.cohort) return subject.cohort.name;
  if (subject.part) return partTitle(lang, subject.part.number, subject.part.titleLv, subject.part.titleEn);
  return localized(lang, subject.programme.titleLv, subject.programme.titleEn);
}

/** Where a funnel's page is, by what it is of. */
export function funnelPath(funnel: Pick<Funnel, 'subject'>): string {
  const { subject } = funnel;
  if (subject.cohort) return `/cohorts/${subject.cohort.id}/reports/funnel`;
  if (subject.part) return `/admin/parts/${subject.part.id}/reports/funnel`;
  return `/admin/programmes/${subject.programme.id}/reports/funnel`;
}

/** The funnel's stages as a chart and a table, each stage linking to its people. */
export function funnelView(funnel: FunnelSummary, texts: CellTexts, rangeQuery: string) {
  const { t } = texts;
  const path = funnelPath(funnel);
  const stages = funnel.stages.map((s) => ({
    ...s,
    label: t(`reports.funnel.stages.${s.stage}`),
    href: `${path}?${rangeQuery ? `${rangeQuery}&` : ''}stage=${s.stage}#people`,
  }));
  return {
    funnelPath: path,
    stages,
    funnelChart: funnel.stages[0].reached
      ? funnelChart(
          stages.map((s) => ({
            label: s.label,
            value: s.reached,
            valueText: t('reports.funnel.valueText', { count: s.reached, percent: s.percent }),
          })),
        )
      : null,
    withdrawn: funnel.outside.filter((o) => o.status === 'withdrawn').length,
    waitlisted: funnel.outside.filter((o) => o.status === 'waitlisted').length,
  };
}

/** Each part (a programme's funnel) or cohort (a part's) with how many of its trainees reached each stage. */
function breakdown(funnel: Funnel, texts: CellTexts, rangeQuery: string) {
  const { lang } = texts;
  const suffix = rangeQuery ? `?${rangeQuery}` : '';
  const counts = (key: (u: FunnelUnit) => boolean) => stageCounts(funnel.units.filter(key)).map((s) => s.reached);
  if (funnel.subject.level === 'programme')
    return funnel.parts.map((p) => ({
      name: partTitle(lang, p.number, p.title_lv, p.title_en),
      href: `/admin/parts/${p.id}/reports/funnel${suffix}`,
      counts: counts((u) => u.partId === p.id),
    }));
  if (funnel.subject.level === 'part')
    return funnel.cohorts.map((c) => ({
      name: c.name,
      dates: formatCalendarPeriod(c.starts_on, c.ends_on, lang),
      href: `/cohorts/${c.id}/reports/funnel`,
      counts: counts((u) => u.cohortId === c.id),
    }));
  return [];
}

export function funnelPageView(funnel: Funnel, texts: CellTexts, query: { stage?: FunnelStage; page: number }) {
  const { t, lang } = texts;
  const range = rangeLocals(funnel.range, texts);
  const view = funnelView(funnel, texts, range.rangeQuery);
  const stageIndex = query.stage ? FUNNEL_STAGES.indexOf(query.stage) : -1;
  const reached = stageIndex < 0 ? [] : funnel.units.filter((u) => u.furthest >= stageIndex);
  const paging = pager(
    view.funnelPath,
    { ...range.filters, stage: query.stage, page: query.page, pageSize: LIST_PAGE_SIZE },
    reached.length,
  );
  const shown = reached.slice((paging.page - 1) * LIST_PAGE_SIZE, paging.page * LIST_PAGE_SIZE);
  const columns = funnelColumns(texts);
  const { subject } = funnel;
  return {
    level: subject.level,
    exportKind: `${subject.level}_funnel`,
    subjectId: subject.cohort?.id ?? subject.part?.id ?? subject.programme.id,
    title: funnelTitle(funnel, lang),
    programme: { id: subject.programme.id, title: localized(lang, subject.programme.titleLv, subject.programme.titleEn) },
    part: subject.part
      ? { id: subject.part.id, title: partTitle(lang, subject.part.number, subject.part.titleLv, subject.part.titleEn) }
      : null,
    cohort: subject.cohort ? cohortHeaderView(subject.cohort, lang) : null,
    generatedAt: funnel.generatedAt,
    ...range,
    ...view,
    breakdown: breakdown(funnel, texts, range.rangeQuery),
    stageLabels: FUNNEL_STAGES.map((s) => t(`reports.funnel.stages.${s}`)),
    people:
      stageIndex < 0
        ? null
        : {
            stage: query.stage,
            label: t(`reports.funnel.stages.${query.stage}`),
            headers: columns.map((c) => c.header),
            rows: listRows(columns, shown, lang).map((cells, i) => ({ cells, here: shown[i].furthest === stageIndex })),
            pager: paging,
          },
    outside: funnel.outside.map((o) => ({
      name: o.name,
      statusText: t(`reports.enrolmentStatus.${o.status}`),
      part: partTitle(lang, o.part_number, o.part_title_lv, o.part_title_en),
      cohortName: o.cohort_name,
      at: o.at,
    })),
  };
}

/** The funnel as the API gives it: the people who reached `stage` when one is asked (the funnel then has them). */
export function funnelJson(funnel: Funnel | FunnelSummary, stage?: FunnelStage) {
  const { subject } = funnel;
  const units = 'units' in funnel ? funnel.units : [];
  const stageIndex = stage ? FUNNEL_STAGES.indexOf(stage) : -1;
  return {
    level: subject.level,
    programmeId: subject.programme.id,
    partId: subject.part?.id ?? null,
    cohortId: subject.cohort?.id ?? null,
    from: funnel.range.from ?? null,
    to: funnel.range.to ?? null,
    generatedAt: funnel.generatedAt.toISOString(),
    stages: funnel.stages.map((s) => ({
      stage: s.stage,
      required: s.required,
      reached: s.reached,
      here: s.here,
      percent: s.percent,
      percentOfPrevious: s.percentOfPrevious,
    })),
    outside: funnel.outside.map((o) => ({
      enrolmentId: o.enrolment_id,
      userId: o.user_id,
      name: o.name,
      status: o.status as 'withdrawn' | 'waitlisted',
      cohortId: o.cohort_id,
      cohortName: o.cohort_name,
      at: iso(o.at),
    })),
    people:
      stageIndex < 0
        ? null
        : units
            .filter((u) => u.furthest >= stageIndex)
            .map((u) => ({
              enrolmentId: u.enrolmentId,
              userId: u.userId,
              name: u.name,
              email: u.email,
              partId: u.partId,
              cohortId: u.cohortId,
              cohortName: u.cohortName,
              stage: u.stage,
              here: u.furthest === stageIndex,
              completedAt: iso(u.completedAt),
              setByHand: u.setByHand,
              serial: u.serial,
              enrolments: u.enrolments,
            })),
  };
}

/** What every programme report page has: its title, the print script and how large a download may be. */
export function reportPageBase(titleKey: string, inlineMaxCells: number, lang: Language) {
  return { titleKey, scripts: REPORT_SCRIPTS, inlineMax: inlineMaxText(inlineMaxCells, lang) };
}

type ReportPageBase = ReturnType<typeof reportPageBase>;

/** What a date filter form shows again when its query is refused: the days as typed. */
export function typedFilters(query: unknown) {
  const raw = (query ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return { filters: { from: text(raw.from), to: text(raw.to) }, refused: true };
}

/** A programme's report page: its indicators in the range and the funnel of the programme, with a link to each part's. */
export function programmeReportPage(
  base: ReportPageBase & { filterAction: string },
  report: IndicatorsReport,
  funnel: FunnelSummary,
  texts: CellTexts,
  programmeId: string,
  lang: Language,
) {
  const page = indicatorsPageView(report, texts);
  return {
    ...base,
    ...page,
    ...funnelView(funnel, texts, page.rangeQuery),
    parts: funnel.parts.map((p) => ({ id: p.id, title: `${p.number}. ${localized(lang, p.title_lv, p.title_en)}` })),
    exportPath: `/admin/programmes/${programmeId}/reports/indicators/export`,
  };
}

/** A report page's form shown again with a refused range, with the programme it is of and none of the report. */
export function refusedRangePage(
  base: ReportPageBase,
  query: unknown,
  programme: IndicatorsReport['programme'],
  lang: Language,
  more: Record<string, unknown> = {},
) {
  return { ...base, ...typedFilters(query), programme: programmeFactsView(programme, lang), ...more };
}

/** One indicator's records in the range. */
export function indicatorReportPage(base: ReportPageBase, report: EvidenceReport, texts: CellTexts, page: number, exportPath: string) {
  return { ...base, ...evidencePageView(report, texts, page), exportPath };
}

/** A funnel's page, with its download. */
export function funnelReportPage(base: ReportPageBase, model: ReturnType<typeof funnelPageView>) {
  return { ...base, ...model, exportPath: `${model.funnelPath}/export` };
}

/** A funnel's page shown again with a refused query: the funnel over the whole time, the days as typed. */
export function refusedFunnelPage(base: ReportPageBase, funnel: Funnel, texts: CellTexts, query: unknown) {
  return { ...base, ...funnelPageView(funnel, texts, { page: 1 }), ...typedFilters(query) };
}
