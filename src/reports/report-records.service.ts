import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Language } from '../i18n/languages';

/** What heads a cohort's reports. */
export interface CohortHeaderRecord {
  id: string;
  name: string;
  starts_on: string;
  ends_on: string;
  part_id: string;
  part_number: number;
  part_title_lv: string;
  part_title_en: string | null;
  min_attendance_percent: number;
  programme_id: string;
  programme_title_lv: string;
  programme_title_en: string | null;
  project_title: string;
  agreement_number: string;
  funding_statement: string;
  instructors: string[];
}

/** A session as its signed sheet heads it. */
export interface SheetSessionRecord {
  id: string;
  cohort_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  address: string | null;
  room: string | null;
  instructors: string[];
}

/** A member of a cohort with what the gradebook shows beside their marks. */
export interface MemberRecord {
  enrolment_id: string;
  user_id: string;
  name: string;
  email: string;
  department: string | null;
  status: string;
  /** The rule's state (in_progress, completed, not_possible), null before it was first worked out. */
  completion_state: string | null;
  manual_state: string | null;
  completed_at: Date | null;
}

export interface AssignmentRecord {
  id: string;
  title: string;
  due_at: Date;
  grading_type: 'points' | 'pass_fail';
  max_points: string | null;
  pass_mark: string | null;
  required_for_completion: boolean;
}

/** One member's work on one assignment: the submission, its grade and their extension, each null when missing. */
export interface WorkRecord extends AssignmentRecord {
  cohort_id: string;
  user_id: string;
  submitted_version: number | null;
  submitted_at: Date | null;
  returned_at: Date | null;
  revision_due_at: Date | null;
  extension_due_at: Date | null;
  grade_status: 'draft' | 'released' | null;
  grade_version: number | null;
  score: string | null;
  passed: boolean | null;
}

/** One member's result of one exam of their cohort, with what decides whether they may see it. */
export interface ExamResultRecord {
  exam_id: string;
  cohort_id: string;
  title: string;
  mode: string;
  max_points: string;
  retake_of_id: string | null;
  results_shown: 'at_once' | 'on_release';
  released_at: Date | null;
  sat_at: Date | null;
  user_id: string;
  status: string | null;
  score: string | null;
  /** Submitted attempts (online). */
  submitted: number;
  /** An attempt still running or waiting for marking. */
  open: boolean;
}

export interface TraineeRecord {
  id: string;
  name: string;
  email: string;
  department: string | null;
  language: Language;
  roles: string[];
}

export interface EnrolmentRecord {
  enrolment_id: string;
  cohort_id: string;
  cohort_name: string;
  starts_on: string;
  ends_on: string;
  part_number: number;
  part_title_lv: string;
  part_title_en: string | null;
  programme_title_lv: string;
  programme_title_en: string | null;
  status: string;
  enrolled_at: Date | null;
  withdrawn_at: Date | null;
  completion_state: string | null;
  manual_state: string | null;
  completed_at: Date | null;
}

export interface EmailRecord {
  id: string;
  subject: string;
  template: string;
  category: string;
  status: string;
  created_at: Date;
  sent_at: Date | null;
}

export interface CertificateRecord {
  serial: string;
  status: string;
  issued_at: Date;
  part_title_lv: string | null;
  part_title_en: string | null;
  programme_title_lv: string;
  programme_title_en: string | null;
}

/** Completion as `completed_enrolments` decides it, with the rule's state for those not (yet) completed. */
const COMPLETION_COLUMNS = `ec.state AS completion_state, ec.manual_state, ce.completed_at`;
const COMPLETION_JOINS = `LEFT JOIN enrolment_completions ec ON ec.enrolment_id = m.enrolment_id
         LEFT JOIN completed_enrolments ce ON ce.enrolment_id = m.enrolment_id`;

/** The assignments of a cohort: its own and its part's. */
const ASSIGNMENT_COLUMNS = `a.id, a.title, a.due_at, a.grading_type, a.max_points, a.pass_mark, a.required_for_completion`;

/** Each (member, assignment) pair with the member's submission, grade and extension; `m` and `c` are in scope. */
const WORK_SQL = (where: string) => `
  SELECT m.cohort_id, m.user_id, ${ASSIGNMENT_COLUMNS},
         s.submitted_version, s.submitted_at, s.returned_at, s.revision_due_at, x.due_at AS extension_due_at,
         g.status AS grade_status, g.version_number AS grade_version, g.score, g.passed
    FROM cohort_members m
    JOIN cohorts c ON c.id = m.cohort_id
    JOIN assignments a ON a.cohort_id = c.id OR a.part_id = c.part_id
    LEFT JOIN submissions s ON s.assignment_id = a.id AND s.user_id = m.user_id
    LEFT JOIN grades g ON g.submission_id = s.id
    LEFT JOIN extensions x ON x.assignment_id = a.id AND x.user_id = m.user_id
   WHERE ${where}
   ORDER BY a.due_at, a.title, a.id`;

/** Each member's result of each exam of their cohort; `m` is in scope. */
const EXAM_SQL = (where: string) => `
  SELECT e.id AS exam_id, e.cohort_id, e.title, e.mode, e.max_points, e.retake_of_id, e.results_shown, e.released_at,
         COALESCE(ss.starts_at, e.opens_at) AS sat_at, m.user_id, r.status, r.score,
         (SELECT count(*) FROM exam_attempts t WHERE t.exam_id = e.id AND t.user_id = m.user_id AND t.status = 'submitted')::int AS submitted,
         EXISTS (SELECT 1 FROM exam_attempts t WHERE t.exam_id = e.id AND t.user_id = m.user_id
                    AND (t.status = 'in_progress' OR t.needs_marking)) AS open
    FROM cohort_members m
    JOIN exams e ON e.cohort_id = m.cohort_id
    LEFT JOIN sessions ss ON ss.id = e.session_id
    LEFT JOIN exam_results r ON r.exam_id = e.id AND r.user_id = m.user_id
   WHERE ${where}
   ORDER BY COALESCE(ss.starts_at, e.opens_at, e.created_at), e.created_at, e.id`;

/**
 * The reports' hand-written SQL: the heading of a cohort's reports and of its signed sheets, the gradebook's
 * members, assignments, work and exam results, and one trainee's enrolments, work, exams, emails and
 * certificates. Members are read through `cohort_members`, completion through `completed_enrolments`.
 */
@Injectable()
export class ReportRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async cohortHeader(cohortId: string): Promise<CohortHeaderRecord | undefined> {
    const [row]: CohortHeaderRecord[] = await this.dataSource.query(
      `SELECT c.id, c.name, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on, p.id AS part_id, p.number AS part_number,
              p.title_lv AS part_title_lv, p.title_en AS part_title_en, p.min_attendance_percent,
              g.id AS programme_id, g.title_lv AS programme_title_lv, g.title_en AS programme_title_en,
              g.project_title, g.agreement_number, g.funding_statement,
              ARRAY(SELECT u.name FROM cohort_teachers t JOIN users u ON u.id = t.user_id WHERE t.cohort_id = c.id ORDER BY u.name) AS instructors
         FROM cohorts c
         JOIN parts p ON p.id = c.part_id
         JOIN programmes g ON g.id = p.programme_id
        WHERE c.id = $1`,
      [cohortId],
    );
    return row;
  }

  /** The session (not cancelled) with its instructors: those named on it, else the cohort's. */
  async sheetSessions(where: { cohortId: string } | { sessionId: string }): Promise<SheetSessionRecord[]> {
    const [condition, id] = 'cohortId' in where ? ['s.cohort_id = $1', where.cohortId] : ['s.id = $1', where.sessionId];
    return this.dataSource.query(
      `SELECT s.id, s.cohort_id, s.title, s.starts_at, s.ends_at, s.address, s.room,
              COALESCE(NULLIF(ARRAY(SELECT u.name FROM session_instructors si JOIN users u ON u.id = si.user_id
                                      WHERE si.session_id = s.id ORDER BY u.name), '{}'),
                       ARRAY(SELECT u.name FROM cohort_teachers t JOIN users u ON u.id = t.user_id
                              WHERE t.cohort_id = s.cohort_id ORDER BY u.name)) AS instructors
         FROM sessions s
        WHERE ${condition} AND s.status = 'scheduled'
        ORDER BY s.starts_at, s.id`,
      [id],
    );
  }

  /** The cohort's members by name, with their completion. */
  members(cohortId: string): Promise<MemberRecord[]> {
    return this.dataSource.query(
      `SELECT m.enrolment_id, m.user_id, u.name, u.email, u.department, m.status, ${COMPLETION_COLUMNS}
         FROM cohort_members m
         JOIN users u ON u.id = m.user_id
         ${COMPLETION_JOINS}
        WHERE m.cohort_id = $1
        ORDER BY u.name, u.id`,
      [cohortId],
    );
  }

  cohortAssignments(cohortId: string): Promise<AssignmentRecord[]> {
    return this.dataSource.query(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM assignments a JOIN cohorts c ON a.cohort_id = c.id OR a.part_id = c.part_id
        WHERE c.id = $1 ORDER BY a.due_at, a.title, a.id`,
      [cohortId],
    );
  }

  cohortWork(cohortId: string): Promise<WorkRecord[]> {
    return this.dataSource.query(WORK_SQL('m.cohort_id = $1'), [cohortId]);
  }

  /** The cohort's exams, each sitting in order, with every member's result. */
  cohortExamResults(cohortId: string): Promise<ExamResultRecord[]> {
    return this.dataSource.query(EXAM_SQL('m.cohort_id = $1'), [cohortId]);
  }

  /** The cohort's exams in the order they are sat, for the gradebook's columns (also when it has no members). */
  cohortExams(cohortId: string): Promise<{ id: string; title: string; max_points: string; retake_of_id: string | null }[]> {
    return this.dataSource.query(
      `SELECT e.id, e.title, e.max_points, e.retake_of_id FROM exams e LEFT JOIN sessions ss ON ss.id = e.session_id
        WHERE e.cohort_id = $1 ORDER BY COALESCE(ss.starts_at, e.opens_at, e.created_at), e.created_at, e.id`,
      [cohortId],
    );
  }

  async trainee(userId: string): Promise<TraineeRecord | undefined> {
    const [row]: TraineeRecord[] = await this.dataSource.query(
      'SELECT id, name, email, department, language, roles FROM users WHERE id = $1',
      [userId],
    );
    return row;
  }

  /** Every enrolment of the person (waiting and withdrawn too), newest cohort first. */
  enrolments(userId: string): Promise<EnrolmentRecord[]> {
    return this.dataSource.query(
      `SELECT e.id AS enrolment_id, c.id AS cohort_id, c.name AS cohort_name, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on,
              p.number AS part_number, p.title_lv AS part_title_lv, p.title_en AS part_title_en,
              g.title_lv AS programme_title_lv, g.title_en AS programme_title_en,
              e.status, e.enrolled_at, e.withdrawn_at, ${COMPLETION_COLUMNS}
         FROM enrolments e
         JOIN (SELECT id AS enrolment_id FROM enrolments WHERE user_id = $1) m ON m.enrolment_id = e.id
         JOIN cohorts c ON c.id = e.cohort_id
         JOIN parts p ON p.id = c.part_id
         JOIN programmes g ON g.id = p.programme_id
         ${COMPLETION_JOINS}
        ORDER BY c.starts_on DESC, c.name`,
      [userId],
    );
  }

  traineeWork(userId: string): Promise<WorkRecord[]> {
    return this.dataSource.query(WORK_SQL('m.user_id = $1'), [userId]);
  }

  traineeExamResults(userId: string): Promise<ExamResultRecord[]> {
    return this.dataSource.query(EXAM_SQL('m.user_id = $1'), [userId]);
  }

  /** The emails written to the person, newest first. */
  emails(userId: string, limit: number): Promise<EmailRecord[]> {
    return this.dataSource.query(
      `SELECT id, subject, template, category, status, created_at, sent_at FROM outbox_messages
        WHERE recipient_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [userId, limit],
    );
  }

  /**
   * The person's certificates. The certificates feature is being built beside the reports: until its table exists
   * this reads nothing, and the record says there are none.
   */
  async certificates(userId: string): Promise<CertificateRecord[] | null> {
    const [{ present }]: { present: boolean }[] = await this.dataSource.query(`SELECT to_regclass('certificates') IS NOT NULL AS present`);
    if (!present) return null;
    return this.dataSource.query(
      `SELECT x.serial, x.status, x.issued_at, p.title_lv AS part_title_lv, p.title_en AS part_title_en,
              g.title_lv AS programme_title_lv, g.title_en AS programme_title_en
         FROM certificates x
         JOIN programmes g ON g.id = x.programme_id
         LEFT JOIN parts p ON p.id = x.part_id
        WHERE x.user_id = $1
        ORDER BY x.issued_at DESC`,
      [userId],
    );
  }
}
