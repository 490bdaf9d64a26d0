import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ACTIVE_STATUS } from '../cohorts/enrolment-status';
import type { Language } from '../i18n/languages';
import { AttendanceRecords, type SummaryScope } from './attendance-records.service';
import type { AttendanceStatus } from './attendance.entity';

/**
 * Attendance of one enrolment. Only sessions that have taken place count: started and not cancelled; sessions
 * ahead are left out. Of those, the ones whose attendance has been taken (anyone marked) are the denominator,
 * so a session nobody has marked yet does not count against anyone:
 *
 *   percent = (present + late) / held sessions with attendance taken
 *
 * Excused absences do not count as attendance (the trainee was not there); neither does having no mark at a
 * session whose attendance was taken.
 */
export interface AttendanceSummary {
  enrolmentId: string;
  enrolmentStatus: string;
  cohortId: string;
  cohortName: string;
  partTitleLv: string;
  partTitleEn: string | null;
  userId: string;
  name: string;
  email: string;
  language: Language;
  minPercent: number;
  /** Sessions that have taken place. */
  held: number;
  /** Of those, sessions whose attendance has been taken: the denominator. */
  recorded: number;
  present: number;
  late: number;
  excused: number;
  absent: number;
  unmarked: number;
  /** Whole percent, rounded down, so 79.6 % never shows as meeting an 80 % minimum; null before any session is held. */
  percent: number | null;
  belowMinimum: boolean;
}

/** The percentage of held sessions attended, compared exactly with the minimum. */
export function attendancePercent(attended: number, recorded: number): number | null {
  return recorded === 0 ? null : Math.floor((attended * 100) / recorded);
}

export function isBelowMinimum(attended: number, recorded: number, minPercent: number): boolean {
  return recorded > 0 && minPercent > 0 && attended * 100 < minPercent * recorded;
}

/** A session that has taken place, as the cohort's matrix shows it. */
export interface HeldSession {
  id: string;
  title: string;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  /** Whether its attendance was taken: only then does it count. */
  recorded: boolean;
  /** Members marked present or late. */
  attended: number;
  /** attended / members, rounded down; null while its attendance is not taken. */
  percent: number | null;
}

/** A held session whose attendance is still to take. */
export interface UntakenSession {
  id: string;
  title: string;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  cohortId: string;
  cohortName: string;
}

/**
 * The cohort's attendance as a matrix: its held sessions in order, each member with their mark at each (null: not
 * marked) and their summary, and the cohort's own percentage — every number by the rule of `AttendanceSummary`.
 */
export interface AttendanceMatrix {
  sessions: HeldSession[];
  trainees: (AttendanceSummary & { marks: (AttendanceStatus | null)[] })[];
  cohort: { attended: number; recorded: number; percent: number | null };
}

@Injectable()
export class AttendanceStatsService {
  constructor(private readonly records: AttendanceRecords) {}

  /** Every member of the cohort (cohort_members: not waitlisted or withdrawn), by name. */
  forCohort(cohortId: string, now = new Date(), manager?: EntityManager): Promise<AttendanceSummary[]> {
    return this.summaries({ cohortId }, now, manager);
  }

  /**
   * The cohort's matrix. The cohort's percentage is every member's attended sessions over every member's recorded
   * ones (the same fraction as one trainee's, summed over the members); a session's is its attended members over
   * all members.
   */
  async matrix(cohortId: string, now = new Date()): Promise<AttendanceMatrix> {
    const [summaries, held, marks] = await Promise.all([
      this.forCohort(cohortId, now),
      this.records.heldSessions(cohortId, now),
      this.records.cohortMarks(cohortId, now),
    ]);
    const markOf = new Map(marks.map((m) => [`${m.session_id}:${m.user_id}`, m.status]));
    const trainees = summaries.map((s) => ({ ...s, marks: held.map((h) => markOf.get(`${h.id}:${s.userId}`) ?? null) }));
    const sessions = held.map((h, i) => {
      const attended = trainees.filter((t) => t.marks[i] === 'present' || t.marks[i] === 'late').length;
      return {
        id: h.id,
        title: h.title,
        kind: h.kind,
        startsAt: new Date(h.starts_at),
        endsAt: new Date(h.ends_at),
        recorded: h.recorded,
        attended,
        percent: h.recorded ? attendancePercent(attended, trainees.length) : null,
      };
    });
    const attended = trainees.reduce((sum, t) => sum + t.present + t.late, 0);
    const recorded = trainees.reduce((sum, t) => sum + t.recorded, 0);
    return { sessions, trainees, cohort: { attended, recorded, percent: attendancePercent(attended, recorded) } };
  }

  /** Enrolled trainees below their part's minimum, in cohorts that have not ended by the given Riga date. */
  async belowMinimumInRunningCohorts(rigaDate: string, now = new Date()): Promise<AttendanceSummary[]> {
    const all = await this.summaries({ cohortsRunningOn: rigaDate }, now);
    return all.filter((s) => s.enrolmentStatus === ACTIVE_STATUS && s.belowMinimum);
  }

  /** The sessions an instructor has held without taking attendance, the latest first (at most `limit`), and how many. */
  async untaken(teacherId: string, now: Date, limit: number): Promise<{ total: number; items: UntakenSession[] }> {
    const rows = await this.records.untakenSessions(teacherId, now, limit);
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        kind: r.kind,
        startsAt: new Date(r.starts_at),
        endsAt: new Date(r.ends_at),
        cohortId: r.cohort_id,
        cohortName: r.cohort_name,
      })),
    };
  }

  /** The trainee's own memberships. */
  forTrainee(userId: string, now = new Date()): Promise<AttendanceSummary[]> {
    return this.summaries({ userId }, now);
  }

  /** One query for all the enrolments: held sessions per cohort, and marks per status on them. */
  private async summaries(scope: SummaryScope, now: Date, manager?: EntityManager): Promise<AttendanceSummary[]> {
    const rows = await this.records.summaries(scope, now, manager);
    return rows.map((r) => {
      const attended = r.present + r.late;
      return {
        enrolmentId: r.enrolment_id,
        enrolmentStatus: r.enrolment_status,
        cohortId: r.cohort_id,
        cohortName: r.cohort_name,
        partTitleLv: r.title_lv,
        partTitleEn: r.title_en,
        userId: r.user_id,
        name: r.name,
        email: r.email,
        language: r.language,
        minPercent: r.min_attendance_percent,
        held: r.held,
        recorded: r.recorded,
        present: r.present,
        late: r.late,
        excused: r.excused,
        absent: r.absent,
        unmarked: r.recorded - r.present - r.late - r.excused - r.absent,
        percent: attendancePercent(attended, r.recorded),
        belowMinimum: isBelowMinimum(attended, r.recorded, r.min_attendance_percent),
      };
    });
  }

  /** The held sessions of the trainee's cohorts with their mark, newest first. */
  async sessionsOfTrainee(userId: string, now = new Date(), limit = 500) {
    const rows = await this.records.sessionsOfTrainee(userId, now, limit);
    return rows.map((r) => ({
      sessionId: r.session_id,
      title: r.title,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
      cohortName: r.cohort_name,
      status: r.status,
    }));
  }
}
