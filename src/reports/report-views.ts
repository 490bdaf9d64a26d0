import { iso } from '../common/json-values';
import type { AttendanceStatus } from '../attendance/attendance.entity';
import { barChart, lineChart } from '../common/charts';
import { pageHref } from '../common/paging';
import { formatDate, rigaParts } from '../i18n/dates';
import type { Language } from '../i18n/languages';
import { localized } from '../i18n/localized';
import type { AttendanceReport } from './attendance-report.service';
import { GRADEBOOK_SHOWS, GRADEBOOK_SORTS, pointsDistribution, type GradebookQuery } from './gradebook';
import type { Gradebook } from './gradebook.service';
import type { ReportExport } from './report-export.entity';
import type { ExportRequest } from './report-exports.service';
import type { CohortHeaderRecord } from './report-records.service';
import type { CellTexts } from './report-tables';
import type { ExamCell, WorkCell } from './report-rules';
import type { TraineeRecordReport } from './trainee-record.service';

/** "10.09." — a session's day as a column heading or a chart label. */
function shortDay(date: Date): string {
  const p = rigaParts(date);
  return `${String(p.day).padStart(2, '0')}.${String(p.month).padStart(2, '0')}.`;
}

/** A mark's one-letter sign in the matrix (its word is beside it for screen readers, and in the legend). */
const MARK_SIGNS: Record<Language, Record<AttendanceStatus | 'unmarked', string>> = {
  lv: { present: 'K', late: 'N', absent: 'P', excused: 'A', unmarked: '–' },
  en: { present: 'P', late: 'L', absent: 'A', excused: 'E', unmarked: '–' },
};

/** What heads every cohort report. */
export function cohortHeaderView(c: CohortHeaderRecord, lang: Language) {
  return {
    id: c.id,
    name: c.name,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    partTitle: `${c.part_number}. ${localized(lang, c.part_title_lv, c.part_title_en)}`,
    programmeTitle: localized(lang, c.programme_title_lv, c.programme_title_en),
    minPercent: c.min_attendance_percent,
    instructors: c.instructors.join(', '),
  };
}

/** The attendance report's page: the matrix with a sign and a word per cell, totals, and attendance over time. */
export function attendancePageView(report: AttendanceReport, texts: CellTexts) {
  const { lang, t } = texts;
  const signs = MARK_SIGNS[lang];
  const { matrix } = report;
  const recorded = matrix.sessions.filter((s) => s.recorded);
  return {
    cohort: cohortHeaderView(report.cohort, lang),
    generatedAt: report.generatedAt,
    cohortPercent: matrix.cohort.percent,
    legend: (['present', 'late', 'absent', 'excused', 'unmarked'] as const).map((status) => ({
      sign: signs[status],
      text: texts.mark(status === 'unmarked' ? null : status),
    })),
    sessions: matrix.sessions.map((s) => ({ ...s, day: shortDay(s.startsAt), dateText: formatDate(s.startsAt, lang) })),
    trainees: matrix.trainees.map((tr) => ({
      name: tr.name,
      percent: tr.percent,
      belowMinimum: tr.belowMinimum,
      counts: `${tr.present + tr.late} / ${tr.recorded}`,
      cells: tr.marks.map((m, i) => {
        const counted = matrix.sessions[i].recorded;
        return {
          sign: counted || m ? signs[m ?? 'unmarked'] : '',
          text: counted || m ? texts.mark(m) : t('reports.attendance.notTaken'),
          status: m ?? 'unmarked',
        };
      }),
    })),
    chart: recorded.length
      ? lineChart(
          recorded.map((s) => ({ label: shortDay(s.startsAt), value: s.percent ?? 0, valueText: `${s.percent} %` })),
          { max: 100, unit: ' %' },
        )
      : null,
  };
}

export function attendanceJson(report: AttendanceReport) {
  const { matrix } = report;
  return {
    cohortId: report.cohort.id,
    cohortName: report.cohort.name,
    minPercent: report.cohort.min_attendance_percent,
    generatedAt: report.generatedAt.toISOString(),
    percent: matrix.cohort.percent,
    sessions: matrix.sessions.map((s) => ({
      id: s.id,
      title: s.title,
      kind: s.kind,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      recorded: s.recorded,
      attended: s.attended,
      percent: s.percent,
    })),
    trainees: matrix.trainees.map((tr) => ({
      userId: tr.userId,
      enrolmentId: tr.enrolmentId,
      name: tr.name,
      marks: tr.marks,
      held: tr.held,
      recorded: tr.recorded,
      present: tr.present,
      late: tr.late,
      excused: tr.excused,
      absent: tr.absent,
      unmarked: tr.unmarked,
      percent: tr.percent,
      belowMinimum: tr.belowMinimum,
    })),
  };
}

/** The options of the gradebook's filter form, with the current values chosen. */
export function gradebookFilterLocals(query: GradebookQuery) {
  return {
    filters: { q: query.q ?? '', show: query.show, sort: query.sort, dir: query.dir },
    showOptions: GRADEBOOK_SHOWS.map((value) => ({ value, label: `reports.gradebook.show.${value}` })),
    sortOptions: GRADEBOOK_SORTS.map((value) => ({ value, label: `reports.gradebook.sort.${value}` })),
    dirOptions: ['asc', 'desc'].map((value) => ({ value, label: `reports.gradebook.dir.${value}` })),
  };
}

/** The gradebook's query as a link's query string (empty values and defaults left out). */
export function gradebookQueryString(query: GradebookQuery): string {
  const href = pageHref(
    '',
    {
      q: query.q,
      show: query.show === 'all' ? '' : query.show,
      sort: query.sort === 'name' ? '' : query.sort,
      dir: query.dir === 'asc' ? '' : query.dir,
    },
    1,
  );
  return href.startsWith('?') ? href.slice(1) : '';
}

function workTone(cell: WorkCell): string {
  if (cell.grade) return cell.grade.released ? (cell.grade.passed ? 'ok' : 'danger') : 'warning';
  return cell.state === 'submitted' || cell.state === 'late' ? 'warning' : '';
}

function examTone(cell: ExamCell | null): string {
  if (!cell?.status) return '';
  if (!cell.released) return 'warning';
  return cell.status === 'passed' ? 'ok' : cell.status === 'failed' ? 'danger' : '';
}

/** The gradebook's page: a row per trainee shown, a cell per assignment and exam sitting, the totals and a chart. */
export function gradebookPageView(book: Gradebook, texts: CellTexts) {
  const { lang, t } = texts;
  const distribution = pointsDistribution(book.rows);
  return {
    cohort: cohortHeaderView(book.cohort, lang),
    generatedAt: book.generatedAt,
    members: book.members,
    shown: book.rows.length,
    assignments: book.assignments.map((a) => ({
      id: a.id,
      title: a.title,
      maxText:
        a.grading_type === 'points'
          ? t('reports.gradebook.maxOf', { max: texts.number(Number(a.max_points)) })
          : t('reports.gradebook.passFail'),
      required: a.required_for_completion,
    })),
    exams: book.exams.map((e) => ({ id: e.id, title: e.title, retake: Boolean(e.retake_of_id) })),
    rows: book.rows.map((row) => ({
      userId: row.userId,
      name: row.name,
      department: row.department,
      cells: row.work.map((cell, i) => ({
        text: texts.work(cell, book.assignments[i].grading_type),
        tone: workTone(cell),
        unreleased: cell.grade ? !cell.grade.released : false,
      })),
      examCells: row.exams.map((cell) => ({
        text: texts.exam(cell),
        tone: examTone(cell),
        unreleased: Boolean(cell.status) && !cell.released,
      })),
      pointsText: t('reports.gradebook.pointsTotal', { points: texts.number(row.totals.points), max: texts.number(row.totals.maxPoints) }),
      requiredText: `${row.totals.requiredPassed} / ${row.totals.required}`,
      examText: texts.exam(row.exam),
      examTone: examTone(row.exam),
      completionText: t(`reports.completion.${row.completion}`),
      completionTone: row.completion === 'completed' ? 'ok' : row.completion === 'in_progress' ? '' : 'danger',
    })),
    chart: distribution ? barChart(distribution.map((b) => ({ label: `${b.from}–${b.to} %`, value: b.count }))) : null,
  };
}

export function gradebookJson(book: Gradebook) {
  return {
    cohortId: book.cohort.id,
    cohortName: book.cohort.name,
    generatedAt: book.generatedAt.toISOString(),
    members: book.members,
    assignments: book.assignments.map((a) => ({
      id: a.id,
      title: a.title,
      dueAt: iso(a.due_at)!,
      gradingType: a.grading_type,
      maxPoints: a.max_points === null ? null : Number(a.max_points),
      requiredForCompletion: a.required_for_completion,
    })),
    exams: book.exams.map((e) => ({ id: e.id, title: e.title, maxPoints: Number(e.max_points), retakeOfId: e.retake_of_id })),
    rows: book.rows.map((row) => ({
      userId: row.userId,
      name: row.name,
      email: row.email,
      enrolmentStatus: row.enrolmentStatus,
      work: row.work,
      exams: row.exams,
      totals: row.totals,
      exam: row.exam,
      completion: row.completion,
    })),
  };
}

/** A trainee's record as its page shows it. */
export function recordPageView(record: TraineeRecordReport, texts: CellTexts) {
  const { lang, t } = texts;
  const cohortName = (cohortId: string) => record.enrolments.find((e) => e.cohort_id === cohortId)?.cohort_name ?? '';
  return {
    person: record.person,
    staff: record.audience === 'staff',
    generatedAt: record.generatedAt,
    enrolments: record.enrolments.map((e) => ({
      cohortName: e.cohort_name,
      partTitle: `${e.part_number}. ${localized(lang, e.part_title_lv, e.part_title_en)}`,
      programmeTitle: localized(lang, e.programme_title_lv, e.programme_title_en),
      statusText: t(`reports.enrolmentStatus.${e.status}`),
      completionText: t(`reports.completion.${e.completion}`),
      completedAt: e.completed_at,
      enrolledAt: e.enrolled_at,
    })),
    attendance: record.attendance.map((a) => ({
      cohortName: a.cohortName,
      counts: `${a.present + a.late} / ${a.recorded}`,
      percent: a.percent,
      minPercent: a.minPercent,
      belowMinimum: a.belowMinimum,
    })),
    sessions: record.sessions.map((s) => ({ ...s, markText: texts.mark(s.status as AttendanceStatus | null) })),
    work: record.work.map((w) => ({
      title: w.title,
      cohortName: cohortName(w.cohort_id),
      dueAt: w.due_at,
      text: texts.work(w.cell, w.grading_type),
      tone: workTone(w.cell),
    })),
    exams: record.exams.map((e) => ({
      title: e.title,
      cohortName: cohortName(e.cohort_id),
      satAt: e.sat_at,
      text: texts.exam(e.cell),
      tone: examTone(e.cell),
    })),
    emails: record.emails.map((m) => ({ ...m, statusText: t(`outbox.status.${m.status}`) })),
    certificatesAvailable: record.certificates !== null,
    certificates: (record.certificates ?? []).map((c) => ({
      serial: c.serial,
      issuedAt: c.issued_at,
      title: c.part_title_lv
        ? localized(lang, c.part_title_lv, c.part_title_en)
        : localized(lang, c.programme_title_lv, c.programme_title_en),
      statusText: t(`reports.certificateStatus.${c.status}`),
    })),
  };
}

export function recordJson(record: TraineeRecordReport) {
  return {
    audience: record.audience,
    generatedAt: record.generatedAt.toISOString(),
    person: { id: record.person.id, name: record.person.name, email: record.person.email, department: record.person.department },
    enrolments: record.enrolments.map((e) => ({
      enrolmentId: e.enrolment_id,
      cohortId: e.cohort_id,
      cohortName: e.cohort_name,
      partTitleLv: e.part_title_lv,
      partTitleEn: e.part_title_en,
      status: e.status,
      enrolledAt: iso(e.enrolled_at),
      withdrawnAt: iso(e.withdrawn_at),
      completion: e.completion,
      completedAt: iso(e.completed_at),
    })),
    attendance: record.attendance.map((a) => ({
      cohortId: a.cohortId,
      cohortName: a.cohortName,
      held: a.held,
      recorded: a.recorded,
      present: a.present,
      late: a.late,
      excused: a.excused,
      absent: a.absent,
      unmarked: a.unmarked,
      percent: a.percent,
      minPercent: a.minPercent,
      belowMinimum: a.belowMinimum,
    })),
    sessions: record.sessions.map((s) => ({
      sessionId: s.sessionId,
      title: s.title,
      startsAt: s.startsAt.toISOString(),
      cohortName: s.cohortName,
      status: s.status,
    })),
    work: record.work.map((w) => ({
      assignmentId: w.id,
      cohortId: w.cohort_id,
      title: w.title,
      dueAt: iso(w.due_at)!,
      gradingType: w.grading_type,
      state: w.cell.state,
      grade: w.cell.grade,
    })),
    exams: record.exams.map((e) => ({
      examId: e.exam_id,
      cohortId: e.cohort_id,
      title: e.title,
      satAt: iso(e.sat_at),
      status: e.cell.status,
      score: e.cell.score,
      released: e.cell.released,
    })),
    emails: record.emails.map((m) => ({
      id: m.id,
      subject: m.subject,
      category: m.category,
      status: m.status,
      createdAt: iso(m.created_at)!,
      sentAt: iso(m.sent_at),
    })),
    certificates:
      record.certificates === null
        ? null
        : record.certificates.map((c) => ({ serial: c.serial, status: c.status, issuedAt: iso(c.issued_at)! })),
  };
}

/** An export as its page and the API show it. */
export function exportJson(row: ReportExport, now: Date) {
  const expired = Boolean(row.expiresAt && row.expiresAt <= now);
  return {
    id: row.id,
    report: row.report,
    subjectId: row.subjectId,
    format: row.format,
    status: row.status,
    rowsDone: row.rowsDone,
    rowsTotal: row.rowsTotal,
    percent: row.status === 'done' ? 100 : row.rowsTotal ? Math.floor((row.rowsDone * 100) / row.rowsTotal) : 0,
    fileName: row.fileName,
    error: row.status === 'failed' ? row.error : null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: iso(row.finishedAt),
    expiresAt: iso(row.expiresAt),
    expired,
    downloadUrl: row.status === 'done' && !expired ? `/api/v1/report-exports/${row.id}/download` : null,
  };
}

export function exportPageView(row: ReportExport, now: Date) {
  const json = exportJson(row, now);
  return {
    ...json,
    running: row.status === 'queued' || row.status === 'running',
    done: row.status === 'done' && !json.expired,
    failed: row.status === 'failed',
    reportKey: `reports.exports.kinds.${row.report}`,
    formatKey: `reports.formats.${row.format}`,
    statusKey: json.expired ? 'reports.exports.status.expired' : `reports.exports.status.${row.status}`,
    downloadHref: json.downloadUrl ? `/reports/exports/${row.id}/download` : null,
    expiresAtDate: row.expiresAt,
  };
}

/** Shows the print button (the page prints well without it too). */
export const REPORT_SCRIPTS = ['/assets/js/reports.js'];

/** The most cells a file made in the request may have, as the reader writes numbers. */
export const inlineMaxText = (cells: number, lang: Language) => cells.toLocaleString(lang);

/** What a cohort report page shows besides the report: its download and how large a download may be. */
function reportSurroundings(exportPath: string, inlineMaxCells: number, lang: Language) {
  return { exportPath, inlineMax: inlineMaxText(inlineMaxCells, lang) };
}

/** A cohort's attendance report page. */
export function attendancePage(report: AttendanceReport, texts: CellTexts, cohortId: string, inlineMaxCells: number, lang: Language) {
  return {
    titleKey: 'reports.attendance.title',
    scripts: REPORT_SCRIPTS,
    ...attendancePageView(report, texts),
    ...reportSurroundings(`/cohorts/${cohortId}/reports/attendance/export`, inlineMaxCells, lang),
  };
}

/** A cohort's gradebook page, with its filters; links to each trainee's record for administrators. */
export function gradebookPage(
  book: Gradebook,
  texts: CellTexts,
  query: GradebookQuery,
  cohortId: string,
  { inlineMaxCells, lang, recordLinks }: { inlineMaxCells: number; lang: Language; recordLinks: boolean },
) {
  return {
    titleKey: 'reports.gradebook.title',
    scripts: REPORT_SCRIPTS,
    ...gradebookPageView(book, texts),
    ...gradebookFilterLocals(query),
    queryString: gradebookQueryString(query),
    ...reportSurroundings(`/cohorts/${cohortId}/reports/gradebook/export`, inlineMaxCells, lang),
    recordLinks,
  };
}

/** A trainee's record page, the person's own or read by an administrator at `path`. */
export function recordPage(
  record: TraineeRecordReport,
  texts: CellTexts,
  {
    own,
    path,
    inlineMaxCells,
    lang,
    emailsLimit,
  }: { own: boolean; path: string; inlineMaxCells: number; lang: Language; emailsLimit: number },
) {
  return {
    titleKey: own ? 'reports.record.ownTitle' : 'reports.record.title',
    scripts: REPORT_SCRIPTS,
    own,
    ...recordPageView(record, texts),
    ...reportSurroundings(`${path}/export`, inlineMaxCells, lang),
    emailsLimit,
  };
}

/** The page that offers to make in the background a file too large for the request. */
export function exportTooLargePage(cells: unknown, max: unknown, request: ExportRequest) {
  return { titleKey: 'reports.exports.tooLargeTitle', cells, max, request: { ...request, ...request.query } };
}

/** The reader's own background exports. */
export function exportsPage(rows: ReportExport[], now: Date) {
  return { titleKey: 'reports.exports.title', exports: rows.map((row) => exportPageView(row, now)) };
}

/** One background export; while it runs, its script follows its progress. */
export function exportPage(row: ReportExport, now: Date) {
  const view = exportPageView(row, now);
  return { titleKey: 'reports.exports.one', export: view, scripts: view.running ? ['/assets/js/reports.js'] : [] };
}
