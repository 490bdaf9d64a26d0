import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ACTIVE_STATUS } from '../cohorts/enrolment-status';
import type { Language } from '../i18n/languages';

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

interface Row {
  enrolment_id: string;
  enrolment_status: string;
  cohort_id: string;
  cohort_name: string;
  title_lv: string;
  title_en: string | null;
  user_id: string;
  name: string;
  email: string;
  language: Language;
  min_attendance_percent: number;
  held: number;
  recorded: number;
  present: number;
  late: number;
  excused: number;
  absent: number;
}

@Injectable()
export class AttendanceStatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every member of the cohort (cohort_members: not waitlisted or withdrawn), by name. */
  forCohort(cohortId: string, now = new Date(), manager?: EntityManager): Promise<AttendanceSummary[]> {
    return this.summaries('e.cohort_id = $2', cohortId, now, manager);
  }

  /** Enrolled trainees below their part's minimum, in cohorts that have not ended by the given Riga date. */
  async belowMinimumInRunningCohorts(rigaDate: string, now = new Date()): Promise<AttendanceSummary[]> {
    const all = await this.summaries('e.cohort_id IN (SELECT id FROM cohorts WHERE ends_on >= $2::date)', rigaDate, now);
    return all.filter((s) => s.enrolmentStatus === ACTIVE_STATUS && s.belowMinimum);
  }

  /** The trainee's own memberships. */
  forTrainee(userId: string, now = new Date()): Promise<AttendanceSummary[]> {
    return this.summaries('e.user_id = $2', userId, now);
  }

  /** One query for all the enrolments: held sessions per cohort, and marks per status on them. */
  private async summaries(
    where: string,
    param: string,
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AttendanceSummary[]> {
    const rows: Row[] = await manager.query(
      `WITH chosen AS (SELECT e.enrolment_id AS id, e.cohort_id, e.user_id, e.status FROM cohort_members e WHERE ${where}),
            held AS (
              SELECT s.id, s.cohort_id, EXISTS (SELECT 1 FROM attendances x WHERE x.session_id = s.id) AS recorded FROM sessions s
               WHERE s.cohort_id IN (SELECT cohort_id FROM chosen) AND s.status = 'scheduled' AND s.starts_at <= $1)
       SELECT e.id AS enrolment_id, e.status AS enrolment_status, e.cohort_id, c.name AS cohort_name, p.title_lv, p.title_en,
              u.id AS user_id, u.name, u.email, u.language, p.min_attendance_percent,
              (SELECT count(*) FROM held h WHERE h.cohort_id = e.cohort_id)::int AS held,
              (SELECT count(*) FROM held h WHERE h.cohort_id = e.cohort_id AND h.recorded)::int AS recorded,
              count(a.id) FILTER (WHERE a.status = 'present')::int AS present,
              count(a.id) FILTER (WHERE a.status = 'late')::int AS late,
              count(a.id) FILTER (WHERE a.status = 'excused')::int AS excused,
              count(a.id) FILTER (WHERE a.status = 'absent')::int AS absent
         FROM chosen e
         JOIN users u ON u.id = e.user_id
         JOIN cohorts c ON c.id = e.cohort_id
         JOIN parts p ON p.id = c.part_id
         LEFT JOIN held h ON h.cohort_id = e.cohort_id
         LEFT JOIN attendances a ON a.session_id = h.id AND a.user_id = e.user_id
        GROUP BY e.id, e.status, e.cohort_id, c.name, p.title_lv, p.title_en, u.id, u.name, u.email, u.language, p.min_attendance_percent
        ORDER BY c.name, u.name, e.id`,
      [now, param],
    );
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
    const rows: { session_id: string; title: string; starts_at: Date; ends_at: Date; cohort_name: string; status: string | null }[] =
      await this.dataSource.query(
        `SELECT s.id AS session_id, s.title, s.starts_at, s.ends_at, c.name AS cohort_name, a.status
         FROM cohort_members m
         JOIN sessions s ON s.cohort_id = m.cohort_id AND s.status = 'scheduled' AND s.starts_at <= $2
         JOIN cohorts c ON c.id = m.cohort_id
         LEFT JOIN attendances a ON a.session_id = s.id AND a.user_id = m.user_id
        WHERE m.user_id = $1
        ORDER BY s.starts_at DESC, s.id
        LIMIT $3`,
        [userId, now, limit],
      );
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
