import type { Language } from '../i18n/languages';
import { localized } from '../i18n/localized';
import { sessionPageView } from '../sessions/session-views';
import type { Session } from '../sessions/session.entity';
import type { CohortInfo } from '../sessions/sessions.service';
import { ATTENDANCE_STATUSES } from './attendance.entity';
import type { AttendanceStatsService, AttendanceSummary } from './attendance-stats.service';
import type { SheetRow } from './attendance.service';

/** A trainee's held sessions with their marks, newest first. */
type TraineeSessions = Awaited<ReturnType<AttendanceStatsService['sessionsOfTrainee']>>;

/** The attendance page's sheet: a radio group per trainee with its current mark checked. */
export function sheetView(session: Session, rows: SheetRow[], opensAt: Date, now = new Date()) {
  return {
    session: sessionPageView(session),
    open: session.status === 'scheduled' && opensAt <= now,
    opensAt,
    unmarked: rows.filter((r) => !r.status).length,
    rows: rows.map((row) => ({
      ...row,
      options: ATTENDANCE_STATUSES.map((status) => ({
        value: status,
        checked: row.status === status,
        labelKey: `attendance.status.${status}`,
      })),
    })),
  };
}

/** A summary as the API gives it (without contact details). */
export function summaryView(s: AttendanceSummary) {
  return {
    enrolmentId: s.enrolmentId,
    enrolmentStatus: s.enrolmentStatus,
    cohortId: s.cohortId,
    cohortName: s.cohortName,
    partTitleLv: s.partTitleLv,
    partTitleEn: s.partTitleEn,
    userId: s.userId,
    name: s.name,
    minPercent: s.minPercent,
    held: s.held,
    recorded: s.recorded,
    present: s.present,
    late: s.late,
    excused: s.excused,
    absent: s.absent,
    unmarked: s.unmarked,
    percent: s.percent,
    belowMinimum: s.belowMinimum,
  };
}

/** The page where a session's attendance is taken. */
export function attendanceSheetPage(cohort: CohortInfo, { session, rows, opensAt }: { session: Session; rows: SheetRow[]; opensAt: Date }) {
  return { titleKey: 'attendance.take.title', cohort, ...sheetView(session, rows, opensAt) };
}

/** A cohort's attendance, a line per trainee. */
export function cohortAttendancePage(cohort: CohortInfo, summaries: AttendanceSummary[]) {
  return { titleKey: 'attendance.cohort.title', cohort, trainees: summaries.map(summaryView) };
}

/** The trainee's own attendance: each enrolment's figures and the mark of each held session. */
export function myAttendancePage(summaries: AttendanceSummary[], sessions: TraineeSessions, lang: Language) {
  return {
    titleKey: 'attendance.mine.title',
    enrolments: summaries.map((s) => ({ ...summaryView(s), partTitle: localized(lang, s.partTitleLv, s.partTitleEn) })),
    sessions: sessions.map((s) => ({ ...s, statusKey: s.status ? `attendance.status.${s.status}` : 'attendance.status.unmarked' })),
  };
}

/** A session's trainees with their marks, as the API gives them. */
export function sheetJson(sessionId: string, rows: SheetRow[]) {
  return { sessionId, items: rows };
}

/** The sheet after marking, with how many marks changed. */
export function markedJson(sessionId: string, changed: number, rows: SheetRow[]) {
  return { sessionId, changed, items: rows };
}

export function summaryListJson(summaries: AttendanceSummary[]) {
  return { items: summaries.map(summaryView) };
}

export function myAttendanceJson(summaries: AttendanceSummary[], sessions: TraineeSessions) {
  return { enrolments: summaries.map(summaryView), sessions };
}
