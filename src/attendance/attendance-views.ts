import { sessionPageView } from '../sessions/session-views';
import type { Session } from '../sessions/session.entity';
import { ATTENDANCE_STATUSES } from './attendance.entity';
import type { AttendanceSummary } from './attendance-stats.service';
import type { SheetRow } from './attendance.service';

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
