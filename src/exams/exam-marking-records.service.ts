import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReportReads } from '../database/report-reads';
import type { Language } from '../i18n/languages';
import type { MarkState } from './exam-attempt-item.entity';
import type { QuestionResponse } from './marking';
import type { QuestionBody } from './question-body';

/**
 * SQL: the essay answers in handed-in attempts (`e` exam, `c` cohort, `a` attempt, `i` item, `v` question version)
 * of the cohorts that $1 teaches, or of every cohort when $1 is null.
 */
const ESSAY_ANSWERS = `FROM exams e
         JOIN cohorts c ON c.id = e.cohort_id
         JOIN exam_attempts a ON a.exam_id = e.id AND a.status = 'submitted'
         JOIN exam_attempt_items i ON i.attempt_id = a.id
         JOIN question_versions v ON v.id = i.question_version_id
        WHERE v.body->>'kind' = 'essay'
          AND ($1::uuid IS NULL OR e.cohort_id IN (SELECT cohort_id FROM cohort_teachers WHERE user_id = $1::uuid))`;

/** The essay answers of one exam still to mark, and since when. */
export interface EssaysWaiting {
  examId: string;
  examTitle: string;
  cohortId: string;
  cohortName: string;
  toMark: number;
  /** When the attempt longest waiting among them was handed in. */
  oldest: Date;
}

/** An essay question of an exam with answers to mark: a line of the exam part of the grading queue. */
export interface EssayGroup {
  examId: string;
  examTitle: string;
  cohortName: string;
  questionId: string;
  questionName: string;
  toMark: number;
  total: number;
}

/** One answer of a question in the walk across the attempts, in hand-in order. */
export interface WalkStep {
  itemId: string;
  markState: MarkState;
  traineeName: string;
}

/** Everything the marking page and the API show of one answer. */
export interface ItemForMarking {
  itemId: string;
  version: number;
  markState: MarkState;
  points: string;
  awarded: string | null;
  feedback: string;
  markedAt: Date | null;
  markedByName: string | null;
  response: QuestionResponse | null;
  attemptId: string;
  attemptStatus: string;
  submittedAt: Date | null;
  userId: string;
  traineeName: string;
  examId: string;
  examTitle: string;
  cohortId: string;
  questionId: string;
  questionVersionId: string;
  questionName: string;
  questionText: string;
  body: QuestionBody;
}

/** One item of a closed attempt, for statistics. */
export interface StatisticsRow {
  attemptId: string;
  score: string;
  maxPoints: string;
  questionId: string;
  questionName: string;
  points: string;
  fraction: string | null;
}

/** A trainee an exam notice goes to. */
export interface NoticeRecipient {
  examId: string;
  userId: string;
  email: string;
  name: string;
  language: Language;
}

/** An answer of a trainee's attempt as their result page shows it. */
export interface ResultItem {
  position: number;
  points: string;
  awarded: string | null;
  markState: MarkState;
  feedback: string;
  response: QuestionResponse | null;
  questionName: string;
  questionText: string;
  generalFeedback: string;
  body: QuestionBody;
}

/** The staff's list of an exam's results, with every member of the cohort. */
export interface ResultRow {
  userId: string;
  name: string;
  resultId: string | null;
  status: string | null;
  score: string | null;
  version: number | null;
  overriddenReason: string | null;
  attempts: number;
  needsMarking: boolean;
}

export interface RemarkRow {
  id: string;
  createdAt: Date;
  traineeName: string;
  questionName: string;
  oldAwarded: string | null;
  newAwarded: string;
  fromVersion: number;
  toVersion: number;
  byName: string | null;
  reason: string;
}

/** The hand-written SQL of exam marking, re-marking, results, statistics and notices. */
@Injectable()
export class ExamMarkingRecords {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportReads,
  ) {}

  /** Essay questions with answers in submitted attempts, of the cohorts taught by `teacherId` (every cohort when null). */
  async essayGroups(teacherId: string | null, examId: string | null): Promise<EssayGroup[]> {
    const rows: {
      exam_id: string;
      exam_title: string;
      cohort_name: string;
      question_id: string;
      question_name: string;
      to_mark: number;
      total: number;
    }[] = await this.dataSource.query(
      `SELECT e.id AS exam_id, e.title AS exam_title, c.name AS cohort_name, v.question_id,
              (array_agg(v.name ORDER BY v.version DESC))[1] AS question_name,
              count(*) FILTER (WHERE i.mark_state = 'manual')::int AS to_mark, count(*)::int AS total
         ${ESSAY_ANSWERS}
          AND ($2::uuid IS NULL OR e.id = $2::uuid)
        GROUP BY e.id, e.title, c.name, v.question_id
        ORDER BY (count(*) FILTER (WHERE i.mark_state = 'manual') = 0), e.created_at, e.id, question_name, v.question_id`,
      [teacherId, examId],
    );
    return rows.map((r) => ({
      examId: r.exam_id,
      examTitle: r.exam_title,
      cohortName: r.cohort_name,
      questionId: r.question_id,
      questionName: r.question_name,
      toMark: r.to_mark,
      total: r.total,
    }));
  }

  /**
   * Per exam, the essay answers still to mark of the cohorts taught by `teacherId` (every cohort when null), in
   * attempts handed in before `before` when given; the longest waiting first.
   */
  async essaysWaiting(teacherId: string | null, before: Date | null): Promise<EssaysWaiting[]> {
    const rows: { exam_id: string; exam_title: string; cohort_id: string; cohort_name: string; to_mark: number; oldest: Date }[] =
      await this.dataSource.query(
        `SELECT e.id AS exam_id, e.title AS exam_title, e.cohort_id, c.name AS cohort_name, count(*)::int AS to_mark,
                min(a.submitted_at) AS oldest
           ${ESSAY_ANSWERS}
            AND i.mark_state = 'manual' AND ($2::timestamptz IS NULL OR a.submitted_at < $2::timestamptz)
          GROUP BY e.id, e.title, e.cohort_id, c.name
          ORDER BY min(a.submitted_at), e.id`,
        [teacherId, before],
      );
    return rows.map((r) => ({
      examId: r.exam_id,
      examTitle: r.exam_title,
      cohortId: r.cohort_id,
      cohortName: r.cohort_name,
      toMark: r.to_mark,
      oldest: new Date(r.oldest),
    }));
  }

  /** The answers to one question of an exam in submitted attempts, in hand-in order. */
  async walk(examId: string, questionId: string): Promise<WalkStep[]> {
    const rows: { item_id: string; mark_state: MarkState; trainee_name: string }[] = await this.dataSource.query(
      `SELECT i.id AS item_id, i.mark_state, u.name AS trainee_name
         FROM exam_attempts a
         JOIN exam_attempt_items i ON i.attempt_id = a.id
         JOIN question_versions v ON v.id = i.question_version_id
         JOIN users u ON u.id = a.user_id
        WHERE a.exam_id = $1 AND a.status = 'submitted' AND v.question_id = $2
        ORDER BY a.submitted_at, a.id`,
      [examId, questionId],
    );
    return rows.map((r) => ({ itemId: r.item_id, markState: r.mark_state, traineeName: r.trainee_name }));
  }

  async item(itemId: string, manager: EntityManager = this.dataSource.manager): Promise<ItemForMarking | null> {
    const [row]: Record<string, unknown>[] = await manager.query(
      `SELECT i.id AS "itemId", i.version, i.mark_state AS "markState", i.points::text AS points, i.awarded::text AS awarded,
              i.feedback, i.marked_at AS "markedAt", (SELECT name FROM users WHERE id = i.marked_by_id) AS "markedByName",
              i.response, a.id AS "attemptId", a.status AS "attemptStatus", a.submitted_at AS "submittedAt",
              a.user_id AS "userId", u.name AS "traineeName", e.id AS "examId", e.title AS "examTitle", e.cohort_id AS "cohortId",
              v.question_id AS "questionId", v.id AS "questionVersionId", v.name AS "questionName", v.text AS "questionText", v.body
         FROM exam_attempt_items i
         JOIN exam_attempts a ON a.id = i.attempt_id
         JOIN exams e ON e.id = a.exam_id
         JOIN users u ON u.id = a.user_id
         JOIN question_versions v ON v.id = i.question_version_id
        WHERE i.id = $1`,
      [itemId],
    );
    return (row as unknown as ItemForMarking) ?? null;
  }

  /** The scores of an exam's results that have one (an exam sat in person has no attempts to count); on the reports' standby when there is one. */
  async resultScores(examId: string): Promise<number[]> {
    const rows: { score: string }[] = await this.reports.query(
      'SELECT score::text AS score FROM exam_results WHERE exam_id = $1 AND score IS NOT NULL ORDER BY score',
      [examId],
    );
    return rows.map((row) => Number(row.score));
  }

  /** Closed questions' marks of every marked attempt of the exam. */
  /** Statistics' read: on the reports' standby when there is one. */
  statisticsRows(examId: string): Promise<StatisticsRow[]> {
    return this.reports.query(
      `SELECT a.id AS "attemptId", a.score::text AS score, a.max_points::text AS "maxPoints", v.question_id AS "questionId",
              v.name AS "questionName", i.points::text AS points, i.fraction::text AS fraction
         FROM exam_attempts a
         JOIN exam_attempt_items i ON i.attempt_id = a.id
         JOIN question_versions v ON v.id = i.question_version_id
        WHERE a.exam_id = $1 AND a.status = 'submitted' AND a.score IS NOT NULL
        ORDER BY a.id, i.position`,
      [examId],
    );
  }

  /** The items of an attempt with their question versions, in the order the trainee saw them. */
  resultItems(attemptId: string): Promise<ResultItem[]> {
    return this.dataSource.query(
      `SELECT i.position, i.points::text AS points, i.awarded::text AS awarded, i.mark_state AS "markState", i.feedback, i.response,
              v.name AS "questionName", v.text AS "questionText", v.general_feedback AS "generalFeedback", v.body
         FROM exam_attempt_items i JOIN question_versions v ON v.id = i.question_version_id
        WHERE i.attempt_id = $1 ORDER BY i.position`,
      [attemptId],
    );
  }

  /** Every member of the cohort with their result, and everyone else with a result (a retake's). */
  results(examId: string, cohortId: string): Promise<ResultRow[]> {
    return this.dataSource.query(
      `WITH people AS (SELECT user_id FROM cohort_members WHERE cohort_id = $2 UNION SELECT user_id FROM exam_results WHERE exam_id = $1)
       SELECT u.id AS "userId", u.name, r.id AS "resultId", r.status, r.score::text AS score, r.version,
              r.overridden_reason AS "overriddenReason",
              (SELECT count(*)::int FROM exam_attempts a WHERE a.exam_id = $1 AND a.user_id = u.id) AS attempts,
              EXISTS (SELECT 1 FROM exam_attempts a WHERE a.exam_id = $1 AND a.user_id = u.id AND a.needs_marking) AS "needsMarking"
         FROM people p JOIN users u ON u.id = p.user_id
         LEFT JOIN exam_results r ON r.exam_id = $1 AND r.user_id = u.id
        ORDER BY u.name, u.id`,
      [examId, cohortId],
    );
  }

  remarks(examId: string): Promise<RemarkRow[]> {
    return this.dataSource.query(
      `SELECT r.id, r.created_at AS "createdAt", u.name AS "traineeName", tv.name AS "questionName",
              r.old_awarded::text AS "oldAwarded", r.new_awarded::text AS "newAwarded", fv.version AS "fromVersion",
              tv.version AS "toVersion", (SELECT name FROM users WHERE id = r.by_id) AS "byName", r.reason
         FROM exam_remarks r
         JOIN exam_attempt_items i ON i.id = r.attempt_item_id
         JOIN exam_attempts a ON a.id = i.attempt_id
         JOIN users u ON u.id = a.user_id
         JOIN question_versions fv ON fv.id = r.from_version_id
         JOIN question_versions tv ON tv.id = r.to_version_id
        WHERE r.exam_id = $1
        ORDER BY r.created_at DESC, u.name, r.id`,
      [examId],
    );
  }

  /** The questions drawn in the exam's attempts, with their versions: what a key fix can choose from. */
  async drawnQuestions(
    examId: string,
  ): Promise<{ questionId: string; name: string; kind: string; versions: { id: string; version: number }[] }[]> {
    return this.dataSource.query(
      `WITH drawn AS (SELECT DISTINCT v.question_id FROM exam_attempts a JOIN exam_attempt_items i ON i.attempt_id = a.id
                        JOIN question_versions v ON v.id = i.question_version_id WHERE a.exam_id = $1)
       SELECT d.question_id AS "questionId", (array_agg(v.name ORDER BY v.version DESC))[1] AS name,
              (array_agg(v.body->>'kind' ORDER BY v.version DESC))[1] AS kind,
              json_agg(json_build_object('id', v.id, 'version', v.version) ORDER BY v.version DESC) AS versions
         FROM drawn d JOIN question_versions v ON v.question_id = d.question_id
        GROUP BY d.question_id ORDER BY name, d.question_id`,
      [examId],
    );
  }

  /** Trainees with a result of the exam, active accounts, to be told it is released. */
  releaseRecipients(examId: string, manager: EntityManager): Promise<NoticeRecipient[]> {
    return manager.query(
      `SELECT r.exam_id AS "examId", u.id AS "userId", u.email, u.name, u.language
         FROM exam_results r JOIN users u ON u.id = r.user_id
        WHERE r.exam_id = $1 AND u.disabled_at IS NULL
        ORDER BY u.id`,
      [examId],
    );
  }

  /**
   * Members of a cohort with an online exam opening within `hours` (and after the next smaller offset, so a late
   * scan sends only the nearer notice) who have not started it, each by their own window where they have one. A
   * retake's are those it was set for.
   */
  openingRecipients(
    manager: EntityManager,
    now: Date,
    hours: number,
    nextHours: number,
  ): Promise<(NoticeRecipient & { at: Date; title: string })[]> {
    return manager.query(
      `SELECT e.id AS "examId", e.title, w.opens_at AS at, u.id AS "userId", u.email, u.name, u.language
         FROM exams e
         JOIN cohort_members m ON m.cohort_id = e.cohort_id AND m.active
         JOIN users u ON u.id = m.user_id
         LEFT JOIN exam_accommodations acc ON acc.exam_id = e.id AND acc.user_id = u.id
        CROSS JOIN LATERAL (SELECT COALESCE(acc.opens_at, e.opens_at) AS opens_at) w
        WHERE e.mode = 'online' AND w.opens_at > $1::timestamptz
          AND w.opens_at - make_interval(hours => $2) <= $1::timestamptz
          AND w.opens_at - make_interval(hours => $3) > $1::timestamptz
          AND u.disabled_at IS NULL AND u.notify_reminders
          AND NOT EXISTS (SELECT 1 FROM exam_attempts a WHERE a.exam_id = e.id AND a.user_id = u.id)
          AND (e.retake_of_id IS NULL OR EXISTS (SELECT 1 FROM exam_results r WHERE r.exam_id = e.id AND r.user_id = u.id))
        ORDER BY e.id, u.id`,
      [now, hours, nextHours],
    );
  }

  /** Members with an attempt not handed in, or none started, of an online exam closing (by their own window) within `minutes`. */
  closingRecipients(manager: EntityManager, now: Date, minutes: number): Promise<(NoticeRecipient & { at: Date; title: string })[]> {
    return manager.query(
      `SELECT e.id AS "examId", e.title, w.closes_at AS at, u.id AS "userId", u.email, u.name, u.language
         FROM exams e
         JOIN cohort_members m ON m.cohort_id = e.cohort_id AND m.active
         JOIN users u ON u.id = m.user_id
         LEFT JOIN exam_accommodations acc ON acc.exam_id = e.id AND acc.user_id = u.id
        CROSS JOIN LATERAL (SELECT COALESCE(acc.closes_at, e.closes_at) AS closes_at) w
        WHERE e.mode = 'online' AND w.closes_at > $1::timestamptz
          AND w.closes_at - make_interval(mins => $2) <= $1::timestamptz
          AND u.disabled_at IS NULL AND u.notify_reminders
          AND NOT EXISTS (SELECT 1 FROM exam_attempts a WHERE a.exam_id = e.id AND a.user_id = u.id AND a.status = 'submitted')
          AND (e.retake_of_id IS NULL OR EXISTS (SELECT 1 FROM exam_results r WHERE r.exam_id = e.id AND r.user_id = u.id))
        ORDER BY e.id, u.id`,
      [now, minutes],
    );
  }
}
