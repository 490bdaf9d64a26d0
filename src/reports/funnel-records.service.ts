import { Injectable } from '@nestjs/common';
import type { CriterionResult } from '../completion/enrolment-completion.entity';
import { ReportReads } from '../database/report-reads';
import type { DayRange } from '../i18n/dates';

/** Whose funnel: a programme's (every part), a part's (every cohort) or a cohort's. */
export type FunnelScope = { programmeId: string } | { partId: string } | { cohortId: string };

/** What places a member in the funnel: their completion and whether they hold a valid certificate of the part. */
export interface FunnelStageRecord {
  enrolment_id: string;
  user_id: string;
  cohort_id: string;
  starts_on: string;
  closed_at: Date | null;
  part_id: string;
  /** As completion last worked it out; null when it never did. */
  criteria: CriterionResult[] | null;
  /** In `completed_enrolments`. */
  completed: boolean;
  certified: boolean;
}

/** A member with where completion and certificates have them, and who they are. */
export interface FunnelMemberRecord extends FunnelStageRecord {
  name: string;
  email: string;
  department: string | null;
  cohort_name: string;
  part_number: number;
  part_title_lv: string;
  part_title_en: string | null;
  completed_at: Date | null;
  set_by_hand: boolean;
  /** The valid certificate of the part the trainee holds, if any. */
  serial: string | null;
  issued_at: Date | null;
}

/** An enrolment outside the funnel: withdrawn, or waiting for a place. */
export interface FunnelOutsideRecord {
  enrolment_id: string;
  user_id: string;
  name: string;
  email: string;
  status: string;
  cohort_id: string;
  cohort_name: string;
  part_number: number;
  part_title_lv: string;
  part_title_en: string | null;
  /** When the trainee withdrew, or joined the waiting list. */
  at: Date | null;
}

/** A part in the scope with the stages its rule has. */
export interface FunnelPartRecord {
  id: string;
  number: number;
  title_lv: string;
  title_en: string | null;
  min_attendance_percent: number;
  requires_independent_work: boolean;
  requires_final_exam: boolean;
}

/** A cohort of a part's funnel. */
export interface FunnelCohortRecord {
  id: string;
  name: string;
  starts_on: string;
  ends_on: string;
}

/**
 * The scope as SQL over `cohorts c` and its parts `p`, with the range of the cohorts' first days, parameters
 * from $1: a programme's or a part's cohorts that start in the range; a cohort whatever its dates.
 */
function scopeSql(scope: FunnelScope, range: DayRange): { where: string; params: unknown[] } {
  if ('cohortId' in scope) return { where: 'c.id = $1', params: [scope.cohortId] };
  const [column, id] = 'partId' in scope ? ['c.part_id', scope.partId] : ['p.programme_id', scope.programmeId];
  return {
    where: `${column} = $1 AND ($2::date IS NULL OR c.starts_on >= $2::date) AND ($3::date IS NULL OR c.starts_on <= $3::date)`,
    params: [id, range.from ?? null, range.to ?? null],
  };
}

/** The funnel's hand-written SQL: the members of a scope with their completion and certificate, and those outside. */
@Injectable()
export class FunnelRecords {
  constructor(private readonly reads: ReportReads) {}

  members(scope: FunnelScope, range: DayRange): Promise<FunnelMemberRecord[]> {
    const { where, params } = scopeSql(scope, range);
    return this.reads.query<FunnelMemberRecord>(
      `SELECT m.enrolment_id, m.user_id, u.name, u.email, u.department, m.cohort_id, c.name AS cohort_name,
              to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, c.closed_at, c.part_id, p.number AS part_number,
              p.title_lv AS part_title_lv, p.title_en AS part_title_en, ec.criteria,
              (d.enrolment_id IS NOT NULL) AS completed, d.completed_at, COALESCE(d.set_by_hand, false) AS set_by_hand,
              cert.serial, cert.issued_at, (cert.id IS NOT NULL) AS certified
         FROM cohort_members m
         JOIN cohorts c ON c.id = m.cohort_id
         JOIN parts p ON p.id = c.part_id
         JOIN users u ON u.id = m.user_id
         LEFT JOIN enrolment_completions ec ON ec.enrolment_id = m.enrolment_id
         LEFT JOIN completed_enrolments d ON d.enrolment_id = m.enrolment_id
         LEFT JOIN certificates cert ON cert.user_id = m.user_id AND cert.part_id = c.part_id AND cert.status = 'valid'
        WHERE ${where}
        ORDER BY u.name, p.number, c.starts_on, m.enrolment_id`,
      params,
    );
  }

  /**
   * Only what places each member of the scope in the funnel, in no order: the counts of a programme's 10,000
   * members without reading and sorting who they are.
   */
  stages(scope: FunnelScope, range: DayRange): Promise<FunnelStageRecord[]> {
    const { where, params } = scopeSql(scope, range);
    return this.reads.query<FunnelStageRecord>(
      `SELECT m.enrolment_id, m.user_id, m.cohort_id, to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, c.closed_at, c.part_id,
              ec.criteria, (d.enrolment_id IS NOT NULL) AS completed,
              EXISTS (SELECT 1 FROM certificates cert
                       WHERE cert.user_id = m.user_id AND cert.part_id = c.part_id AND cert.status = 'valid') AS certified
         FROM cohort_members m
         JOIN cohorts c ON c.id = m.cohort_id
         JOIN parts p ON p.id = c.part_id
         LEFT JOIN enrolment_completions ec ON ec.enrolment_id = m.enrolment_id
         LEFT JOIN completed_enrolments d ON d.enrolment_id = m.enrolment_id
        WHERE ${where}`,
      params,
    );
  }

  /** Enrolments of the scope that are not members (`cohort_members`): withdrawn ones and those waiting for a place. */
  outside(scope: FunnelScope, range: DayRange): Promise<FunnelOutsideRecord[]> {
    const { where, params } = scopeSql(scope, range);
    return this.reads.query<FunnelOutsideRecord>(
      `SELECT e.id AS enrolment_id, e.user_id, u.name, u.email, e.status, e.cohort_id, c.name AS cohort_name,
              p.number AS part_number, p.title_lv AS part_title_lv, p.title_en AS part_title_en,
              COALESCE(e.withdrawn_at, e.waitlisted_at) AS at
         FROM enrolments e
         JOIN cohorts c ON c.id = e.cohort_id
         JOIN parts p ON p.id = c.part_id
         JOIN users u ON u.id = e.user_id
        WHERE ${where} AND NOT EXISTS (SELECT 1 FROM cohort_members m WHERE m.enrolment_id = e.id)
        ORDER BY e.status, u.name, p.number, e.id`,
      params,
    );
  }

  /** The cohorts a part's funnel takes: those starting in the range. */
  cohorts(partId: string, range: DayRange): Promise<FunnelCohortRecord[]> {
    const { where, params } = scopeSql({ partId }, range);
    return this.reads.query<FunnelCohortRecord>(
      `SELECT c.id, c.name, to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(c.ends_on, 'YYYY-MM-DD') AS ends_on
         FROM cohorts c JOIN parts p ON p.id = c.part_id WHERE ${where} ORDER BY c.starts_on, c.name`,
      params,
    );
  }

  /** The parts of the scope with their rules (a cohort's part, a part, or every part of a programme). */
  parts(scope: FunnelScope): Promise<FunnelPartRecord[]> {
    const [where, id] =
      'cohortId' in scope
        ? ['p.id = (SELECT part_id FROM cohorts WHERE id = $1)', scope.cohortId]
        : 'partId' in scope
          ? ['p.id = $1', scope.partId]
          : ['p.programme_id = $1', scope.programmeId];
    return this.reads.query<FunnelPartRecord>(
      `SELECT p.id, p.number, p.title_lv, p.title_en, p.min_attendance_percent, p.requires_independent_work, p.requires_final_exam
         FROM parts p WHERE ${where} ORDER BY p.number`,
      [id],
    );
  }
}
