import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PreparedRead } from '../database/prepared-read';
import type { AttemptEventKind } from './exam-attempt-event.entity';
import type { AttemptStatus } from './exam-attempt.entity';
import type { ResultStatus } from './exam-result.entity';
import type { ExamMode, ResultsShown } from './exam.entity';
import type { QuestionResponse } from './marking';
import type { QuestionBody } from './question-body';

/** A question version as an attempt draws it. */
export interface DrawableVersion {
  questionId: string;
  versionId: string;
  categoryId: string;
  points: number;
  body: QuestionBody;
}

export interface BankCategory {
  id: string;
  name: string;
  count: number;
}

export interface BankQuestion {
  id: string;
  name: string;
  kind: string;
  points: number;
  category: string;
}

/** How one item of an attempt is marked at submission: `manual` leaves the mark to an instructor. */
export interface ItemMark {
  id: string;
  markState: 'marked' | 'manual';
  fraction: string | null;
  awarded: string | null;
}

/** What a change to an attempt's answers needs to know of the attempt, read with its row locked. */
export interface LockedAttempt {
  userId: string;
  status: AttemptStatus;
  deadlineAt: Date;
}

/**
 * An attempt as a save finds it, with the item at the saved position (null when there is none): the answer kept,
 * its number, and the body of the question version drawn.
 */
export interface AnswerSlot extends LockedAttempt {
  item: { id: string; responseSeq: number; savedAt: Date | null; body: QuestionBody } | null;
}

/** A newer answer to keep, if the attempt is still open at `at` (its deadline not before `openUntil`). */
export interface NewAnswer {
  attemptId: string;
  itemId: string;
  position: number;
  response: QuestionResponse;
  seq: number;
  at: Date;
  /** The earliest deadline (the grace taken off `at`) of an attempt that still takes answers. */
  deadlineNotBefore: Date;
  ip: string | null;
}

/** What a save's write found: the attempt still open (then whether the answer was newer and kept), or not. */
export interface AnswerWrite {
  open: boolean;
  saved: boolean;
}

/**
 * The statements of an answer save, the hot path of an exam (a thousand trainees saving as they go): the attempt
 * with the item and its question's body, read without a lock; then one statement that locks the attempt, writes
 * the answer and logs the save only if the attempt is still in progress, its deadline not passed and the save's
 * number above the one kept, and says which it found; the answer kept, read again only when a save was not kept.
 * Exported for the exams benchmark's same-SQL reference, which must send the same.
 */
export const ANSWER_SAVE_SQL = {
  slot: `SELECT a.user_id, a.status, a.deadline_at, i.id AS item_id, i.response_seq, i.saved_at, v.body
           FROM exam_attempts a
           LEFT JOIN exam_attempt_items i ON i.attempt_id = a.id AND i.position = $2
           LEFT JOIN question_versions v ON v.id = i.question_version_id
          WHERE a.id = $1`,
  save: `WITH open AS MATERIALIZED (
           SELECT id FROM exam_attempts WHERE id = $1 AND status = 'in_progress' AND deadline_at >= $6 FOR UPDATE),
         written AS (
           UPDATE exam_attempt_items i SET response = $3::jsonb, response_seq = $4, saved_at = $5, version = i.version + 1
             FROM open WHERE i.id = $2 AND i.attempt_id = open.id AND i.response_seq < $4
           RETURNING i.id),
         logged AS (
           INSERT INTO exam_attempt_events (attempt_id, kind, detail, ip) SELECT open.id, 'save', $7::jsonb, $8::varchar FROM open, written)
         SELECT EXISTS (SELECT 1 FROM open) AS open, EXISTS (SELECT 1 FROM written) AS saved`,
  kept: 'SELECT response_seq, saved_at FROM exam_attempt_items WHERE id = $1',
} as const;

const LOCK_ATTEMPT_SQL = 'SELECT user_id, status, deadline_at FROM exam_attempts WHERE id = $1 FOR UPDATE';
const LOG_EVENT_SQL = 'INSERT INTO exam_attempt_events (attempt_id, kind, detail, ip) VALUES ($1, $2, $3, $4)';

/** An address as the events keep it. */
const eventIp = (ip: string | null) => ip?.slice(0, 45) ?? null;

/** An exam of a trainee's open cohort with their window, attempts and result, as their start page reads it. */
export interface TraineeExamRow {
  id: string;
  title: string;
  mode: ExamMode;
  cohort_id: string;
  cohort_name: string;
  retake_of_id: string | null;
  results_shown: ResultsShown;
  released_at: Date | null;
  max_points: string;
  opens_at: Date | null;
  closes_at: Date | null;
  attempts_allowed: number;
  acc_opens_at: Date | null;
  acc_closes_at: Date | null;
  acc_extra_attempts: number | null;
  session_id: string | null;
  sitting_starts_at: Date | null;
  sitting_ends_at: Date | null;
  sitting_address: string | null;
  sitting_room: string | null;
  sitting_online_url: string | null;
  sitting_status: string | null;
  result_status: ResultStatus | null;
  result_score: string | null;
  attempts_used: number;
  attempts_submitted: number;
  needs_marking: boolean;
  in_progress_id: string | null;
  in_progress_deadline: Date | null;
}

export interface TraineeRow {
  id: string;
  name: string;
  email: string;
}

/**
 * The exams feature's hand-written SQL: the question bank as exams read it (current versions of the questions
 * of a part, not archived), the cohort's trainees, the attempts due for submission, and an answer save's
 * statements (see ANSWER_SAVE_SQL), named prepared statements read without TypeORM's query building and hydration.
 */
@Injectable()
export class ExamRecords {
  private readonly lockRead: PreparedRead<{ user_id: string; status: AttemptStatus; deadline_at: Date }>;
  private readonly slotRead: PreparedRead<{
    user_id: string;
    status: AttemptStatus;
    deadline_at: Date;
    item_id: string | null;
    response_seq: number | null;
    saved_at: Date | null;
    body: QuestionBody | null;
  }>;
  private readonly saveWrite: PreparedRead<{ open: boolean; saved: boolean }>;
  private readonly keptRead: PreparedRead<{ response_seq: number; saved_at: Date | null }>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.lockRead = PreparedRead.on(dataSource, 'exam_attempt_lock', LOCK_ATTEMPT_SQL);
    this.slotRead = PreparedRead.on(dataSource, 'exam_answer_slot', ANSWER_SAVE_SQL.slot);
    this.saveWrite = PreparedRead.on(dataSource, 'exam_answer_save', ANSWER_SAVE_SQL.save);
    this.keptRead = PreparedRead.on(dataSource, 'exam_answer_kept', ANSWER_SAVE_SQL.kept);
  }

  /**
   * The attempt, its row locked until `manager`'s transaction ends (so a change and the submission never cross),
   * or null when there is none.
   */
  async lockAttempt(manager: EntityManager, attemptId: string): Promise<LockedAttempt | null> {
    const [row] = await this.lockRead.rows([attemptId], manager);
    return row ? { userId: row.user_id, status: row.status, deadlineAt: row.deadline_at } : null;
  }

  /** The attempt with the item at `position` and the body of its question version, or null when there is no attempt. */
  async answerSlot(attemptId: string, position: number): Promise<AnswerSlot | null> {
    const [row] = await this.slotRead.rows([attemptId, position]);
    if (!row) return null;
    const item = row.item_id ? { id: row.item_id, responseSeq: row.response_seq!, savedAt: row.saved_at, body: row.body! } : null;
    return { userId: row.user_id, status: row.status, deadlineAt: row.deadline_at, item };
  }

  /**
   * Keeps a newer answer of an item and logs the save, in one statement that commits by itself: the attempt's row
   * is locked first, so the answer lands before a submission marks the attempt or finds it submitted. The item's
   * version goes up by one, as an entity update does.
   */
  async writeAnswer(answer: NewAnswer): Promise<AnswerWrite> {
    const [row] = await this.saveWrite.rows([
      answer.attemptId,
      answer.itemId,
      JSON.stringify(answer.response),
      answer.seq,
      answer.at,
      answer.deadlineNotBefore,
      JSON.stringify({ position: answer.position, seq: answer.seq }),
      eventIp(answer.ip),
    ]);
    return { open: row.open, saved: row.saved };
  }

  /** The number and time of the answer an item keeps now. */
  async keptAnswer(itemId: string): Promise<{ seq: number; savedAt: Date | null }> {
    const [row] = await this.keptRead.rows([itemId]);
    return { seq: row.response_seq, savedAt: row.saved_at };
  }

  /** What happened during an attempt, for staff to read (see ExamAttemptEvent). */
  async logEvent(
    manager: EntityManager,
    attemptId: string,
    kind: AttemptEventKind,
    detail: Record<string, unknown>,
    ip: string | null,
  ): Promise<void> {
    await manager.query(LOG_EVENT_SQL, [attemptId, kind, JSON.stringify(detail), eventIp(ip)]);
  }

  /** The current versions of the part's questions that are not archived, in the given ids or categories. */
  async currentVersions(
    partId: string,
    filter: { questionIds?: string[]; categoryIds?: string[] },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DrawableVersion[]> {
    const rows: { question_id: string; version_id: string; category_id: string; points: string; body: QuestionBody }[] =
      await manager.query(
        `SELECT q.id AS question_id, v.id AS version_id, q.category_id, v.points, v.body
           FROM questions q
           JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
          WHERE q.part_id = $1 AND q.archived_at IS NULL
            AND ($2::uuid[] IS NULL OR q.id = ANY($2::uuid[]))
            AND ($3::uuid[] IS NULL OR q.category_id = ANY($3::uuid[]))
          ORDER BY q.id`,
        [partId, filter.questionIds ?? null, filter.categoryIds ?? null],
      );
    return rows.map((r) => ({
      questionId: r.question_id,
      versionId: r.version_id,
      categoryId: r.category_id,
      points: Number(r.points),
      body: r.body,
    }));
  }

  /** The part's bank as the exam form offers it: categories with their question counts, and the questions. */
  async bankOverview(partId: string): Promise<{ categories: BankCategory[]; questions: BankQuestion[] }> {
    const categories: BankCategory[] = await this.dataSource.query(
      `SELECT c.id, c.name, count(q.id)::int AS count
         FROM question_categories c
         LEFT JOIN questions q ON q.category_id = c.id AND q.archived_at IS NULL
        WHERE c.part_id = $1 GROUP BY c.id ORDER BY c.name, c.id`,
      [partId],
    );
    const questions: BankQuestion[] = await this.dataSource.query(
      `SELECT q.id, v.name, v.body->>'kind' AS kind, v.points::float AS points, c.name AS category
         FROM questions q
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         JOIN question_categories c ON c.id = q.category_id
        WHERE q.part_id = $1 AND q.archived_at IS NULL
        ORDER BY c.name, v.name, q.id LIMIT 1000`,
      [partId],
    );
    return { categories, questions };
  }

  /** The cohort's exam sittings in the schedule. */
  async examSittings(cohortId: string): Promise<{ id: string; title: string; starts_at: Date }[]> {
    return this.dataSource.query(
      `SELECT id, title, starts_at FROM sessions WHERE cohort_id = $1 AND kind = 'exam_sitting' ORDER BY starts_at, id`,
      [cohortId],
    );
  }

  async cohortName(cohortId: string): Promise<{ id: string; name: string; partId: string } | null> {
    const [row]: { id: string; name: string; part_id: string }[] = await this.dataSource.query(
      'SELECT id, name, part_id FROM cohorts WHERE id = $1',
      [cohortId],
    );
    return row ? { id: row.id, name: row.name, partId: row.part_id } : null;
  }

  /** The cohort's members (trainees) by name. */
  async trainees(cohortId: string, manager: EntityManager = this.dataSource.manager): Promise<TraineeRow[]> {
    return manager.query(
      `SELECT u.id, u.name, u.email FROM cohort_members m JOIN users u ON u.id = m.user_id
        WHERE m.cohort_id = $1 ORDER BY u.name, u.id`,
      [cohortId],
    );
  }

  /** Members of the cohort who failed the exam, were absent, or have no result: who a retake is for. */
  async retakeCandidates(examId: string, cohortId: string, manager: EntityManager): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT m.user_id FROM cohort_members m
         LEFT JOIN exam_results r ON r.exam_id = $1 AND r.user_id = m.user_id
        WHERE m.cohort_id = $2 AND (r.id IS NULL OR r.status IN ('failed', 'absent'))
        ORDER BY m.user_id`,
      [examId, cohortId],
    );
    return rows.map((r) => r.user_id);
  }

  /** In-progress attempts whose deadline has passed, oldest first. */
  async dueAttemptIds(before: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM exam_attempts WHERE status = 'in_progress' AND deadline_at <= $1 ORDER BY deadline_at, id LIMIT $2`,
      [before, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Writes the marks of an attempt's items in one statement (one per item would be a round trip each, ten or
   * more per submission, with a thousand deadlines falling due together). Marked items get `markedAt`; items
   * left to an instructor keep theirs. Each row's version goes up by one, as an entity update does.
   */
  async markItems(manager: EntityManager, marks: ItemMark[], markedAt: Date): Promise<void> {
    if (!marks.length) return;
    await manager.query(
      `UPDATE exam_attempt_items i
          SET mark_state = m.mark_state, fraction = m.fraction, awarded = m.awarded,
              marked_at = CASE WHEN m.mark_state = 'manual' THEN i.marked_at ELSE $5::timestamptz END, version = i.version + 1
         FROM unnest($1::uuid[], $2::text[], $3::numeric[], $4::numeric[]) AS m(id, mark_state, fraction, awarded)
        WHERE i.id = m.id`,
      [marks.map((m) => m.id), marks.map((m) => m.markState), marks.map((m) => m.fraction), marks.map((m) => m.awarded), markedAt],
    );
  }

  /** The cohort's part. */
  async partOfCohort(cohortId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row]: { part_id: string }[] = await manager.query('SELECT part_id FROM cohorts WHERE id = $1', [cohortId]);
    return row?.part_id ?? null;
  }

  async userNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await this.dataSource.query('SELECT id, name FROM users WHERE id = ANY($1::uuid[])', [
      ids,
    ]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * The exams of the cohorts the trainee is a member of and that are still open, a retake only when it was set for
   * them (a result row, as `ExamsService.mayTake` reads it), each with their accommodation, its sitting, their
   * attempts and their result: one statement, soonest first.
   */
  traineeExams(userId: string, limit: number): Promise<TraineeExamRow[]> {
    return this.dataSource.query(
      `SELECT e.id, e.title, e.mode, e.cohort_id, c.name AS cohort_name, e.retake_of_id, e.results_shown, e.released_at, e.max_points,
              e.opens_at, e.closes_at, e.attempts_allowed,
              x.opens_at AS acc_opens_at, x.closes_at AS acc_closes_at, x.extra_attempts AS acc_extra_attempts,
              e.session_id, ss.starts_at AS sitting_starts_at, ss.ends_at AS sitting_ends_at, ss.address AS sitting_address,
              ss.room AS sitting_room, ss.online_url AS sitting_online_url, ss.status AS sitting_status,
              r.status AS result_status, r.score AS result_score,
              t.used AS attempts_used, t.submitted AS attempts_submitted, t.needs_marking, t.in_progress_id, t.in_progress_deadline
         FROM cohort_members m
         JOIN cohorts c ON c.id = m.cohort_id AND c.closed_at IS NULL
         JOIN exams e ON e.cohort_id = m.cohort_id
         LEFT JOIN sessions ss ON ss.id = e.session_id
         LEFT JOIN exam_accommodations x ON x.exam_id = e.id AND x.user_id = m.user_id
         LEFT JOIN exam_results r ON r.exam_id = e.id AND r.user_id = m.user_id
        CROSS JOIN LATERAL (
              SELECT count(*)::int AS used, count(*) FILTER (WHERE a.status = 'submitted')::int AS submitted,
                     COALESCE(bool_or(a.needs_marking), false) AS needs_marking,
                     (array_agg(a.id) FILTER (WHERE a.status = 'in_progress'))[1] AS in_progress_id,
                     max(a.deadline_at) FILTER (WHERE a.status = 'in_progress') AS in_progress_deadline
                FROM exam_attempts a WHERE a.exam_id = e.id AND a.user_id = m.user_id) t
        WHERE m.user_id = $1 AND (e.retake_of_id IS NULL OR r.id IS NOT NULL)
        ORDER BY COALESCE(ss.starts_at, e.opens_at, e.created_at), e.id
        LIMIT $2`,
      [userId, limit],
    );
  }
}
