import { Injectable } from '@nestjs/common';
import type { AttendanceStatus } from '../attendance/attendance.entity';
import { CertificateRegister, registerSubjectName, type RegisterSubject } from '../certificates/certificate-register.service';
import type { RegisterRow } from '../certificates/certificate-records.service';
import type { Actor } from '../common/actor';
import type { ExportColumn, ExportTable, ExportValue } from '../common/table-export';
import { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import { localized } from '../i18n/localized';
import { rigaDateTimeInputs, rigaDayStart } from '../i18n/dates';
import { AttendanceReportService, type AttendanceReport } from './attendance-report.service';
import type { GradebookQuery } from './gradebook';
import { GradebookService, type Gradebook } from './gradebook.service';
import type { ExamCell, WorkCell } from './report-rules';
import { TraineeRecordService, type TraineeRecordReport } from './trainee-record.service';
import { FUNNEL_STAGES } from './funnel';
import { FunnelService, type Funnel } from './funnel.service';
import type { FunnelScope } from './funnel-records.service';
import { IndicatorReportsService, type EvidenceReport, type IndicatorsReport } from './indicator-reports.service';
import { evidenceColumns, funnelColumns, type ListColumn } from './programme-report-views';

/**
 * `register`: a programme's certificate register; `cohort_register`: a cohort's; `indicators`: a programme's
 * indicators; `indicator`: one indicator's records; `*_funnel`: the completion funnel of a programme, part or cohort.
 */
export const REPORT_KINDS = [
  'attendance',
  'gradebook',
  'record',
  'register',
  'cohort_register',
  'indicators',
  'indicator',
  'programme_funnel',
  'part_funnel',
  'cohort_funnel',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** A report's view as its file keeps it: the gradebook's search, filter and sort; a programme's range of days. */
export type ReportQuery = GradebookQuery & { from?: string; to?: string };

/** A report as one table to write to a file, with its size in cells (what decides whether it is made in the background). */
export interface ReportTable {
  table: ExportTable;
  rows: number;
  cells: number;
  /** The file's name without extension. */
  baseName: string;
}

type T = (key: string, params?: Record<string, string | number>) => string;

/** The texts of a report's cells: marks, states and results in the reader's language. */
export class CellTexts {
  constructor(
    private readonly i18n: I18nService,
    readonly lang: Language,
  ) {}

  t: T = (key, params) => this.i18n.t(this.lang, key, params);

  mark(status: AttendanceStatus | null): string {
    return this.t(`attendance.status.${status ?? 'unmarked'}`);
  }

  /** "7,5", "Ieskaitīts", or the state when there is no grade; a draft is marked as not released. */
  work(cell: WorkCell, gradingType: 'points' | 'pass_fail'): string {
    if (!cell.grade) return this.t(`assignments.states.${cell.state}`);
    const value =
      gradingType === 'points' && cell.grade.score !== null
        ? this.number(cell.grade.score)
        : this.t(cell.grade.passed ? 'reports.grade.passed' : 'reports.grade.failed');
    return cell.grade.released ? value : this.t('reports.grade.unreleased', { value });
  }

  exam(cell: ExamCell | null): string {
    if (!cell || cell.status === null) return this.t('reports.exam.none');
    const status = this.t(`examMarking.status.${cell.status}`);
    const value = cell.score === null ? status : `${status} (${this.number(cell.score)})`;
    return cell.released ? value : this.t('reports.grade.unreleased', { value });
  }

  number(value: number): string {
    const text = (Math.round(value * 100) / 100).toString();
    return this.lang === 'lv' ? text.replace('.', ',') : text;
  }
}

/** A session's heading in a column: its Riga date and title. */
function sessionHeader(startsAt: Date, title: string): string {
  return `${rigaDateTimeInputs(startsAt)[0]} ${title}`;
}

/** A list as a table: its columns' headers and types, and each row's values. */
function listTable<R>(
  columns: readonly ListColumn<R>[],
  rows: readonly R[],
  title: string,
): Omit<ExportTable, 'rows'> & { rows: ExportValue[][] } {
  return {
    title,
    columns: columns.map(({ header, type, width }) => ({ header, type, width })),
    rows: rows.map((row) => columns.map((c) => c.value(row))),
  };
}

function sized(table: Omit<ExportTable, 'rows'> & { rows: ExportValue[][] }, baseName: string): ReportTable {
  return { table, rows: table.rows.length, cells: table.rows.length * table.columns.length, baseName };
}

/**
 * Each report as a table for CSV and XLSX: the cohort's attendance matrix, the gradebook as filtered and sorted,
 * and a trainee's record as one list. Numbers and dates stay typed; marks and states are words.
 */
@Injectable()
export class ReportTables {
  constructor(
    private readonly i18n: I18nService,
    private readonly attendance: AttendanceReportService,
    private readonly gradebooks: GradebookService,
    private readonly records: TraineeRecordService,
    private readonly registers: CertificateRegister,
    private readonly indicators: IndicatorReportsService,
    private readonly funnels: FunnelService,
  ) {}

  texts(lang: Language): CellTexts {
    return new CellTexts(this.i18n, lang);
  }

  /** The report the reader asks for, checked as its page is, as a table. */
  async build(actor: Actor, kind: ReportKind, subjectId: string, query: ReportQuery): Promise<ReportTable> {
    const texts = this.texts(actor.language);
    const range = { from: query.from ?? null, to: query.to ?? null };
    const funnel = (scope: FunnelScope) => this.funnels.funnel(actor, scope, range).then((f) => this.funnelTable(f, texts));
    switch (kind) {
      case 'indicators':
        return this.indicatorsTable(await this.indicators.indicators(actor, subjectId, range), texts);
      case 'indicator':
        return this.evidenceTable(await this.indicators.evidence(actor, subjectId, range), texts);
      case 'programme_funnel':
        return funnel({ programmeId: subjectId });
      case 'part_funnel':
        return funnel({ partId: subjectId });
      case 'cohort_funnel':
        return funnel({ cohortId: subjectId });
      case 'attendance':
        return this.attendanceTable(await this.attendance.report(actor, subjectId), texts);
      case 'gradebook':
        return this.gradebookTable(await this.gradebooks.gradebook(actor, subjectId, query), texts);
      case 'record':
        return this.recordTable(await this.records.record(actor, subjectId), texts);
      case 'register':
        return this.registerTable(await this.registers.all(actor, { programmeId: subjectId }), texts);
      case 'cohort_register':
        return this.registerTable(await this.registers.all(actor, { cohortId: subjectId }), texts);
    }
  }

  attendanceTable(report: AttendanceReport, texts: CellTexts): ReportTable {
    const { t } = texts;
    const { matrix } = report;
    const counts: ExportColumn[] = [
      { header: t('attendance.summary.held'), type: 'integer' },
      { header: t('attendance.summary.recorded'), type: 'integer' },
      { header: t('attendance.status.present'), type: 'integer' },
      { header: t('attendance.status.late'), type: 'integer' },
      { header: t('attendance.status.excused'), type: 'integer' },
      { header: t('attendance.status.absent'), type: 'integer' },
      { header: t('attendance.summary.unmarked'), type: 'integer' },
      { header: t('reports.attendance.percentColumn'), type: 'percent' },
      { header: t('attendance.summary.belowMinimum'), type: 'text' },
    ];
    const columns: ExportColumn[] = [
      { header: t('attendance.summary.trainee'), type: 'text', width: 28 },
      ...matrix.sessions.map((s) => ({ header: sessionHeader(s.startsAt, s.title), type: 'text' as const, width: 16 })),
      ...counts,
    ];
    const rows: ExportValue[][] = matrix.trainees.map((tr) => [
      tr.name,
      ...tr.marks.map((m, i) => (matrix.sessions[i].recorded || m ? texts.mark(m) : '')),
      tr.held,
      tr.recorded,
      tr.present,
      tr.late,
      tr.excused,
      tr.absent,
      tr.unmarked,
      tr.percent,
      tr.belowMinimum ? t('reports.yes') : t('reports.no'),
    ]);
    rows.push([
      t('reports.attendance.cohortRow'),
      ...matrix.sessions.map((s) => (s.percent === null ? '' : `${s.percent} %`)),
      matrix.sessions.length,
      matrix.sessions.filter((s) => s.recorded).length,
      ...counts.slice(2, 7).map(() => null),
      matrix.cohort.percent,
      '',
    ]);
    return sized(
      { title: `${t('reports.attendance.sheetName')} ${report.cohort.name}`, columns, rows },
      `${t('reports.attendance.fileName')} - ${report.cohort.name}`,
    );
  }

  gradebookTable(book: Gradebook, texts: CellTexts): ReportTable {
    const { t } = texts;
    const columns: ExportColumn[] = [
      { header: t('reports.gradebook.trainee'), type: 'text', width: 28 },
      { header: t('reports.gradebook.email'), type: 'text', width: 28 },
      { header: t('reports.gradebook.department'), type: 'text' },
    ];
    for (const a of book.assignments) {
      if (a.grading_type === 'points') columns.push({ header: t('reports.gradebook.pointsOf', { title: a.title }), type: 'decimal' });
      columns.push({ header: a.title, type: 'text' });
    }
    for (const e of book.exams) {
      columns.push({ header: t('reports.gradebook.pointsOf', { title: e.title }), type: 'decimal' });
      columns.push({ header: e.title, type: 'text' });
    }
    columns.push(
      { header: t('reports.gradebook.points'), type: 'decimal' },
      { header: t('reports.gradebook.maxPoints'), type: 'decimal' },
      { header: t('reports.gradebook.requiredPassed'), type: 'integer' },
      { header: t('reports.gradebook.required'), type: 'integer' },
      { header: t('reports.gradebook.exam'), type: 'text' },
      { header: t('reports.gradebook.completion'), type: 'text' },
    );
    const rows = book.rows.map((row) => {
      const values: ExportValue[] = [row.name, row.email, row.department];
      book.assignments.forEach((a, i) => {
        const cell = row.work[i];
        if (a.grading_type === 'points') values.push(cell.grade?.score ?? null);
        values.push(texts.work(cell, a.grading_type));
      });
      row.exams.forEach((cell) => values.push(cell.score, texts.exam(cell)));
      values.push(
        row.totals.points,
        row.totals.maxPoints,
        row.totals.requiredPassed,
        row.totals.required,
        texts.exam(row.exam),
        t(`reports.completion.${row.completion}`),
      );
      return values;
    });
    return sized(
      { title: `${t('reports.gradebook.sheetName')} ${book.cohort.name}`, columns, rows },
      `${t('reports.gradebook.fileName')} - ${book.cohort.name}`,
    );
  }

  /** A programme's indicators in a range: target, value, to come, not counted, share and status of each. */
  indicatorsTable(report: IndicatorsReport, texts: CellTexts): ReportTable {
    const { t, lang } = texts;
    const columns: ExportColumn[] = [
      { header: t('reports.indicators.columns.indicator'), type: 'text', width: 36 },
      { header: t('reports.indicators.columns.metric'), type: 'text', width: 36 },
      { header: t('reports.indicators.columns.target'), type: 'integer' },
      { header: t('reports.indicators.columns.value'), type: 'integer' },
      { header: t('reports.indicators.columns.toCome'), type: 'integer' },
      { header: t('reports.indicators.columns.notCounted'), type: 'integer' },
      { header: t('reports.indicators.columns.percent'), type: 'percent' },
      { header: t('reports.indicators.columns.status'), type: 'text' },
      { header: t('reports.range.from'), type: 'date' },
      { header: t('reports.range.to'), type: 'date' },
    ];
    const day = (value: string | null | undefined) => (value ? rigaDayStart(value) : null);
    const rows = report.values.map((v) => [
      localized(lang, v.indicator.nameLv, v.indicator.nameEn),
      t(`programmes.metric.${v.indicator.metric}`),
      v.indicator.target,
      v.value,
      v.toCome,
      v.notCounted,
      v.percent,
      t(`programmes.indicatorStatus.${v.status}`),
      day(report.range.from),
      day(report.range.to),
    ]);
    const title = localized(lang, report.programme.titleLv, report.programme.titleEn);
    return sized(
      { title: `${t('reports.indicators.sheetName')} ${title}`, columns, rows },
      `${t('reports.indicators.fileName')} - ${title}`,
    );
  }

  /** One indicator's records: counted, to come and not counted, each with why. */
  evidenceTable(report: EvidenceReport, texts: CellTexts): ReportTable {
    const { t, lang } = texts;
    const name = localized(lang, report.evidence.indicator.nameLv, report.evidence.indicator.nameEn);
    return sized(
      listTable(evidenceColumns(report.evidence.kind, texts), report.evidence.records, `${t('reports.evidence.sheetName')} ${name}`),
      `${t('reports.evidence.fileName')} - ${name}`,
    );
  }

  /** Who is where in a funnel: a row per trainee and part, with a yes or no for each stage reached. */
  funnelTable(funnel: Funnel, texts: CellTexts): ReportTable {
    const { t, lang } = texts;
    const stages: ListColumn<Funnel['units'][number]>[] = FUNNEL_STAGES.map((stage, i) => ({
      header: t(`reports.funnel.stages.${stage}`),
      type: 'text',
      value: (u) => (u.furthest >= i ? t('reports.yes') : t('reports.no')),
    }));
    const { subject } = funnel;
    const name =
      subject.cohort?.name ??
      (subject.part
        ? `${subject.part.number}. ${localized(lang, subject.part.titleLv, subject.part.titleEn)}`
        : localized(lang, subject.programme.titleLv, subject.programme.titleEn));
    return sized(
      listTable([...funnelColumns(texts), ...stages], funnel.units, `${t('reports.funnel.sheetName')} ${name}`),
      `${t('reports.funnel.fileName')} - ${name}`,
    );
  }

  recordTable(record: TraineeRecordReport, texts: CellTexts): ReportTable {
    const { t, lang } = texts;
    const columns: ExportColumn[] = [
      { header: t('reports.record.section'), type: 'text', width: 16 },
      { header: t('reports.record.date'), type: 'datetime', width: 18 },
      { header: t('reports.record.item'), type: 'text', width: 40 },
      { header: t('reports.record.cohort'), type: 'text', width: 20 },
      { header: t('reports.record.status'), type: 'text', width: 24 },
      { header: t('reports.record.score'), type: 'decimal' },
    ];
    const rows: ExportValue[][] = [];
    const section = (key: string) => t(`reports.record.sections.${key}`);
    for (const e of record.enrolments) {
      const part = `${e.part_number}. ${localized(lang, e.part_title_lv, e.part_title_en)}`;
      rows.push([section('enrolments'), e.enrolled_at, part, e.cohort_name, t(`reports.enrolmentStatus.${e.status}`), null]);
      rows.push([section('completion'), e.completed_at, part, e.cohort_name, t(`reports.completion.${e.completion}`), null]);
    }
    for (const a of record.attendance)
      rows.push([
        section('attendance'),
        null,
        t('reports.record.attendanceSummary'),
        a.cohortName,
        a.percent === null ? '' : `${a.percent} %`,
        null,
      ]);
    for (const s of record.sessions)
      rows.push([section('sessions'), s.startsAt, s.title, s.cohortName, texts.mark(s.status as AttendanceStatus | null), null]);
    for (const w of record.work) {
      const cohort = record.enrolments.find((e) => e.cohort_id === w.cohort_id)?.cohort_name ?? '';
      rows.push([section('work'), w.due_at, w.title, cohort, texts.work(w.cell, w.grading_type), w.cell.grade?.score ?? null]);
    }
    for (const e of record.exams) {
      const cohort = record.enrolments.find((x) => x.cohort_id === e.cohort_id)?.cohort_name ?? '';
      rows.push([section('exams'), e.sat_at, e.title, cohort, texts.exam(e.cell), e.cell.score]);
    }
    for (const m of record.emails) rows.push([section('emails'), m.created_at, m.subject, '', t(`outbox.status.${m.status}`), null]);
    for (const c of record.certificates ?? [])
      rows.push([
        section('certificates'),
        c.issued_at,
        `${c.serial} ${localized(lang, c.programme_title_lv, c.programme_title_en)}`,
        '',
        t(`reports.certificateStatus.${c.status}`),
        null,
      ]);
    return sized(
      { title: `${t('reports.record.sheetName')} ${record.person.name}`, columns, rows },
      `${t('reports.record.fileName')} - ${record.person.name}`,
    );
  }

  /**
   * The certificate register: a line per certificate in serial order, with its hours as a number and its dates as
   * dates; a programme certificate's part reads "whole programme", its cohort stays empty.
   */
  registerTable({ subject, rows }: { subject: RegisterSubject; rows: RegisterRow[] }, texts: CellTexts): ReportTable {
    const { t, lang } = texts;
    const header = (key: string) => t(`reports.register.columns.${key}`);
    const columns: ExportColumn[] = [
      { header: header('serial'), type: 'text', width: 18 },
      { header: header('holder'), type: 'text', width: 28 },
      { header: header('programme'), type: 'text', width: 40 },
      { header: header('part'), type: 'text', width: 40 },
      { header: header('cohort'), type: 'text', width: 28 },
      { header: header('hours'), type: 'integer' },
      { header: header('issuedOn'), type: 'date' },
      { header: header('status'), type: 'text', width: 14 },
      { header: header('revokedOn'), type: 'date' },
      { header: header('reason'), type: 'text', width: 28 },
      { header: header('replacedBy'), type: 'text', width: 18 },
      { header: header('sha256'), type: 'text', width: 66 },
    ];
    const values = rows.map((row): ExportValue[] => [
      row.serial,
      row.holder_name,
      row.programme_title,
      row.part_title ?? t('reports.register.wholeProgramme'),
      row.cohort_name,
      row.academic_hours,
      row.issued_at,
      t(`certificates.status.${row.status}`),
      row.revoked_at,
      row.revocation_reason ? t(`certificates.reasons.${row.revocation_reason}`) : null,
      row.replaced_by_serial,
      row.sha256,
    ]);
    const name = registerSubjectName(subject, lang);
    return sized(
      { title: `${t('reports.register.sheetName')} ${name}`, columns, rows: values },
      `${t('reports.register.fileName')} - ${name}`,
    );
  }
}
