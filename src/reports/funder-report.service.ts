import { Injectable } from '@nestjs/common';
import { buffer } from 'node:stream/consumers';
import { CertificateRegister } from '../certificates/certificate-register.service';
import type { RegisterRow } from '../certificates/certificate-records.service';
import type { Actor } from '../common/actor';
import { PDF_IMAGE_TYPES } from '../common/pdf-images';
import { formatCalendarPeriod, formatDateTime, rigaDateTimeInputs, rigaDayBounds, type DayRange } from '../i18n/dates';
import { I18nService } from '../i18n/i18n.service';
import { localized } from '../i18n/localized';
import type { Programme } from '../programmes/programme.entity';
import { StorageService } from '../storage/storage.service';
import { FUNNEL_STAGES, stageCounts } from './funnel';
import { FunnelService } from './funnel.service';
import { funderReportRows, renderFunderReport, type FunderSection } from './funder-report-pdf';
import { FunderReportRecords, type FunderCohortRecord } from './funder-report-records.service';
import { IndicatorReportsService, type IndicatorsReport } from './indicator-reports.service';
import { funnelView, indicatorsView, rangeLocals } from './programme-report-views';
import { CellTexts } from './report-tables';

export interface FunderReportFile {
  fileName: string;
  pdf: Buffer;
}

/** What the report is made of once read, before it is drawn. */
interface FunderFacts {
  indicators: IndicatorsReport;
  funnel: Awaited<ReturnType<FunnelService['placedOnly']>>;
  cohorts: FunderCohortRecord[];
  register: RegisterRow[];
  logos: Buffer[];
  author: string;
}

/**
 * The funder's report of a programme, optionally for a range of days, as one PDF in the reader's language: the
 * programme's logo and publicity statement, its key facts, the expected-result indicators, the completion funnel
 * (drawn and in numbers) with each part's counts, the cohorts and the certificate register. It adds no rule: the
 * indicators are IndicatorValues', the funnel FunnelService's, the register CertificateRegister's. Administrators only.
 */
@Injectable()
export class FunderReportService {
  constructor(
    private readonly indicators: IndicatorReportsService,
    private readonly funnels: FunnelService,
    private readonly registers: CertificateRegister,
    private readonly records: FunderReportRecords,
    private readonly storage: StorageService,
    private readonly i18n: I18nService,
  ) {}

  /** Refuses a reader who may not make the report, or a programme that does not exist. */
  async assertCanMake(actor: Actor, programmeId: string): Promise<void> {
    await this.indicators.programme(actor, programmeId);
  }

  /**
   * The report as a PDF. `onProgress` hears how many of its table rows are drawn, out of how many: once everything is
   * read (none yet), then after each table.
   */
  async make(
    actor: Actor,
    programmeId: string,
    range: DayRange,
    onProgress?: (done: number, total: number) => void,
  ): Promise<FunderReportFile> {
    const facts = await this.read(actor, programmeId, range);
    const texts = new CellTexts(this.i18n, actor.language);
    const { t, lang } = texts;
    const programme = facts.indicators.programme;
    const title = localized(lang, programme.titleLv, programme.titleEn);
    const rangeText = rangeLocals(range, texts).rangeText;
    const sections = this.sections(facts, texts);
    const total = funderReportRows(sections);
    onProgress?.(0, total);
    const project = programme.agreementNumber ? `${programme.projectTitle} (${programme.agreementNumber})` : programme.projectTitle;
    const pdf = await renderFunderReport({
      lang,
      title: t('funderReport.title'),
      subtitle: [title, project, `${t('funderReport.facts.period')}: ${rangeText}`],
      author: facts.author,
      subject: title,
      logos: facts.logos,
      fundingStatement: programme.fundingStatement,
      facts: this.keyFacts(facts, texts, rangeText),
      sections,
      pageLabel: (page, pages) => t('funderReport.page', { page, pages }),
      onRows: (drawn) => onProgress?.(drawn, total),
    });
    return { fileName: `${t('funderReport.fileName')} - ${title}.pdf`, pdf };
  }

  private async read(actor: Actor, programmeId: string, range: DayRange): Promise<FunderFacts> {
    const indicators = await this.indicators.indicators(actor, programmeId, range);
    const [funnel, cohorts, register, logos, issuer] = await Promise.all([
      this.funnels.placedOnly(actor, { programmeId }, range),
      this.records.cohorts(programmeId, range),
      this.registers.all(actor, { programmeId }),
      this.logos(indicators.programme),
      this.records.issuer(programmeId),
    ]);
    const { from, until } = rigaDayBounds(range);
    const issuedInRange = register.rows.filter((row) => (!from || row.issued_at >= from) && (!until || row.issued_at < until));
    const author = issuer
      ? actor.language === 'en'
        ? issuer.issuer_en
        : issuer.issuer_lv
      : this.i18n.t(actor.language, 'funderReport.author');
    return { indicators, funnel, cohorts, register: issuedInRange, logos, author };
  }

  /** The programme's logo as the PDF can show it (a WebP one is left out), or none. */
  private async logos(programme: Programme): Promise<Buffer[]> {
    if (!programme.logoKey || !PDF_IMAGE_TYPES.has(programme.logoMimeType ?? '')) return [];
    if (!(await this.storage.exists(programme.logoKey))) return [];
    return [await buffer(this.storage.openRead(programme.logoKey))];
  }

  private keyFacts({ indicators, funnel, cohorts }: FunderFacts, texts: CellTexts, rangeText: string): [string, string][] {
    const { t, lang } = texts;
    const programme = indicators.programme;
    const facts: [string, string][] = [
      [t('funderReport.facts.programme'), localized(lang, programme.titleLv, programme.titleEn)],
      [t('programmes.fields.projectTitle'), programme.projectTitle],
      [t('programmes.fields.agreementNumber'), programme.agreementNumber],
      [t('programmes.fields.funder'), programme.funder],
      [t('funderReport.facts.cofinancing'), `${texts.number(Number(programme.cofinancingPercent))} %`],
    ];
    if (programme.partners.length) facts.push([t('programmes.fields.partners'), programme.partners.join(', ')]);
    facts.push([
      t('funderReport.facts.parts'),
      funnel.parts.map((p) => `${p.number}. ${localized(lang, p.title_lv, p.title_en)}`).join('; ') || '—',
    ]);
    facts.push([t('funderReport.facts.cohorts'), String(cohorts.length)]);
    if (cohorts.length) {
      const first = cohorts.reduce((a, c) => (c.starts_on < a ? c.starts_on : a), cohorts[0].starts_on);
      const last = cohorts.reduce((a, c) => (c.ends_on > a ? c.ends_on : a), cohorts[0].ends_on);
      facts.push([t('funderReport.facts.cohortsPeriod'), formatCalendarPeriod(first, last, lang)]);
    }
    facts.push([t('funderReport.facts.period'), rangeText]);
    facts.push([t('funderReport.facts.generatedAt'), formatDateTime(indicators.generatedAt, lang)]);
    return facts;
  }

  private sections(facts: FunderFacts, texts: CellTexts): FunderSection[] {
    return [
      this.indicatorsSection(facts, texts),
      this.funnelSection(facts, texts),
      this.partsSection(facts, texts),
      this.cohortsSection(facts, texts),
      this.registerSection(facts, texts),
    ];
  }

  private indicatorsSection({ indicators }: FunderFacts, texts: CellTexts): FunderSection {
    const { t } = texts;
    const view = indicatorsView(indicators.values, texts, '');
    const column = (key: string) => t(`reports.indicators.columns.${key}`);
    return {
      heading: t('funderReport.indicators'),
      intro: t('reports.indicators.rule'),
      table: {
        widths: [185, 50, 50, 55, 55, 120],
        header: [column('indicator'), column('target'), column('value'), column('percent'), column('toCome'), column('status')],
        rows: view.indicators.map((r) => [
          `${r.name}\n${r.metricText}`,
          String(r.target),
          String(r.value),
          `${r.percent} %`,
          String(r.toCome),
          r.statusText,
        ]),
      },
      chart: view.indicatorsChart,
      empty: t('reports.indicators.none'),
    };
  }

  private funnelSection({ funnel }: FunderFacts, texts: CellTexts): FunderSection {
    const { t } = texts;
    const view = funnelView(funnel, texts, '');
    const column = (key: string) => t(`reports.funnel.columns.${key}`);
    return {
      heading: t('funderReport.funnel'),
      intro: `${t('reports.funnel.rule')} ${t('reports.funnel.outsideCounts', { withdrawn: view.withdrawn, waitlisted: view.waitlisted })}`,
      chart: view.funnelChart,
      table: view.funnelChart
        ? {
            widths: [175, 80, 85, 95, 80],
            header: [column('stage'), column('reached'), column('percent'), column('ofPrevious'), column('here')],
            rows: view.stages.map((s) => [
              s.required ? s.label : `${s.label} ${t('reports.funnel.notRequired')}`,
              String(s.reached),
              `${s.percent} %`,
              `${s.percentOfPrevious} %`,
              String(s.here),
            ]),
          }
        : undefined,
      empty: t('reports.funnel.empty'),
    };
  }

  /** A column per part and one for the whole programme: each stage reached, the cohorts, those outside the funnel. */
  private partsSection({ funnel, cohorts }: FunderFacts, texts: CellTexts): FunderSection {
    const { t } = texts;
    const parts = funnel.parts;
    const columns = [
      ...parts.map((p) => ({
        reached: stageCounts(funnel.units.filter((u) => u.partId === p.id)).map((s) => s.reached),
        cohorts: cohorts.filter((c) => c.part_number === p.number).length,
        outside: funnel.outside.filter((o) => o.part_number === p.number),
      })),
      { reached: funnel.stages.map((s) => s.reached), cohorts: cohorts.length, outside: funnel.outside },
    ];
    const count = (status: string) => columns.map((c) => String(c.outside.filter((o) => o.status === status).length));
    const width = Math.min(80, Math.floor(335 / columns.length));
    return {
      heading: t('funderReport.perPart'),
      intro: t('funderReport.perPartIntro'),
      table: parts.length
        ? {
            widths: [180, ...columns.map(() => width)],
            header: ['', ...parts.map((p) => t('funderReport.partColumn', { number: p.number })), t('funderReport.total')],
            rows: [
              ...FUNNEL_STAGES.map((stage, i) => [t(`reports.funnel.stages.${stage}`), ...columns.map((c) => String(c.reached[i]))]),
              [t('funderReport.rows.cohorts'), ...columns.map((c) => String(c.cohorts))],
              [t('funderReport.rows.withdrawn'), ...count('withdrawn')],
              [t('funderReport.rows.waitlisted'), ...count('waitlisted')],
            ],
          }
        : undefined,
      empty: t('funderReport.noCohorts'),
    };
  }

  private cohortsSection({ cohorts }: FunderFacts, texts: CellTexts): FunderSection {
    const { t, lang } = texts;
    const column = (key: string) => t(`funderReport.cohortColumns.${key}`);
    return {
      heading: t('funderReport.cohorts'),
      table: {
        widths: [160, 105, 190, 60],
        header: [column('part'), column('cohort'), column('dates'), column('members')],
        rows: cohorts.map((c) => [
          `${c.part_number}. ${localized(lang, c.part_title_lv, c.part_title_en)}`,
          c.name,
          formatCalendarPeriod(c.starts_on, c.ends_on, lang),
          String(c.members),
        ]),
      },
      empty: t('funderReport.noCohorts'),
    };
  }

  private registerSection({ register }: FunderFacts, texts: CellTexts): FunderSection {
    const { t } = texts;
    const column = (key: string) => t(`reports.register.columns.${key}`);
    return {
      heading: t('funderReport.register'),
      intro: t('funderReport.registerIntro'),
      table: {
        widths: [120, 100, 115, 60, 120],
        header: [column('serial'), column('holder'), column('part'), column('issuedOn'), column('status')],
        rows: register.map((row) => [
          row.serial,
          row.holder_name,
          row.part_title ?? t('reports.register.wholeProgramme'),
          rigaDateTimeInputs(row.issued_at)[0],
          row.replaced_by_serial
            ? `${t('reports.register.columns.replacedBy')} ${row.replaced_by_serial}`
            : t(`certificates.status.${row.status}`),
        ]),
      },
      empty: t('funderReport.noCertificates'),
    };
  }
}
