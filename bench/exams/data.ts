import { Client } from 'pg';
import { fromDist } from '../lib/built-app';
import type * as ApiTokens from '../../src/auth/api-tokens.service';

/** How much exam data a benchmark database holds. */
export interface ExamsSize {
  /** Trainees, each with one attempt in progress at each of their cohort's two exams. */
  trainees: number;
  /** Trainees per cohort; `trainees` is a multiple of it. */
  perCohort: number;
  /** Questions drawn into each attempt. */
  itemsPerAttempt: number;
  /** Questions in the part's bank (single choice, four choices each). */
  bankQuestions: number;
}

export const FULL_SIZE: ExamsSize = { trainees: 1000, perCohort: 25, itemsPerAttempt: 10, bankQuestions: 40 };

/**
 * Each cohort has two online exams: in the first ("saves") every attempt runs for hours, so answers saved to it
 * are counted; in the second ("deadlines") every attempt's deadline is set to one and the same second by
 * `setDeadlines` just before it is timed.
 */
export type ExamKind = 'saves' | 'deadlines';

export interface LoadedExams {
  size: ExamsSize;
  /** The i-th trainee's (0-based) API token and their attempt at the "saves" exam. */
  tokens: string[];
  saveAttempts: string[];
  seconds: number;
  counts: Record<string, number>;
}

const TOKEN = (i: number) => `kst_examBench${String(i).padStart(34, '0')}`;

/** The token of trainee i, as the SQL below makes it (the same text as TOKEN). */
const TOKEN_SQL = `'kst_examBench' || lpad(i::text, 34, '0')`;

/** A version 4 UUID made of md5 of a name, as the API's id checks expect of ids in a path. */
const v4 = (name: string) => `overlay(overlay(md5(${name}) placing '4' from 13) placing '8' from 17)::uuid`;

/**
 * Ids are md5 of a name and a number (`md5('cohort-7')::uuid`), so each statement points at rows another made
 * without looking them up. Question q (1-based) is in category (q - 1) % 4 + 1 and its right choice is 'a'.
 */
const STATEMENTS = {
  trainees: `
    INSERT INTO users (id, email, name, roles, department, language, password_hash)
    SELECT md5('trainee-' || i)::uuid, 'kursants' || i || '@bench.kursors.test', 'Kursants ' || i, '{trainee}'::varchar[],
           'Nodaļa ' || (i % 40 + 1), CASE WHEN i % 10 = 0 THEN 'en' ELSE 'lv' END, NULL
      FROM generate_series(1, $1::int) AS i`,
  // last_used_at is now, so the token's once-a-minute write does not fall in the first minute of the run.
  tokens: `
    INSERT INTO api_tokens (user_id, name, prefix, token_hash, last_used_at)
    SELECT md5('trainee-' || i)::uuid, 'Benchmark', left(${TOKEN_SQL}, 10), encode(sha256(convert_to(${TOKEN_SQL}, 'UTF8')), 'hex'), now()
      FROM generate_series(1, $1::int) AS i`,
  programme: `
    INSERT INTO programmes (id, title_lv, status, project_title, agreement_number, funder, funding_statement)
    VALUES (md5('programme-1')::uuid, 'Pašvaldību pārvaldība', 'active', 'Projekts 1', '9.2.1/1', 'ESF',
            'Finansēts ar Eiropas Sociālā fonda atbalstu.')`,
  part: `
    INSERT INTO parts (id, programme_id, number, title_lv, academic_hours, min_attendance_percent)
    VALUES (md5('part-1')::uuid, md5('programme-1')::uuid, 1, 'Publiskā pārvalde', 40, 80)`,
  cohorts: `
    INSERT INTO cohorts (id, part_id, name, starts_on, ends_on, capacity)
    SELECT md5('cohort-' || c)::uuid, md5('part-1')::uuid, 'Grupa ' || c, current_date - 30, current_date + 54, $2::int
      FROM generate_series(1, $1::int) AS c`,
  enrolments: `
    INSERT INTO enrolments (cohort_id, user_id, status, enrolled_at)
    SELECT md5('cohort-' || ((i - 1) / $2::int + 1))::uuid, md5('trainee-' || i)::uuid, 'enrolled', now() - interval '30 days'
      FROM generate_series(1, $1::int) AS i`,
  categories: `
    INSERT INTO question_categories (id, part_id, name)
    SELECT md5('category-' || k)::uuid, md5('part-1')::uuid, 'Tēma ' || k FROM generate_series(1, 4) AS k`,
  questions: `
    INSERT INTO questions (id, part_id, category_id, current_version)
    SELECT md5('question-' || q)::uuid, md5('part-1')::uuid, md5('category-' || ((q - 1) % 4 + 1))::uuid, 1
      FROM generate_series(1, $1::int) AS q`,
  versions: `
    INSERT INTO question_versions (id, question_id, version, name, text, points, body)
    SELECT md5('version-' || q)::uuid, md5('question-' || q)::uuid, 1, 'Jautājums ' || q,
           'Kurš no apgalvojumiem par pašvaldības budžetu ir pareizs? (' || q || ')', 1,
           jsonb_build_object('kind', 'single', 'choices', jsonb_build_array(
             jsonb_build_object('id', 'a', 'text', 'Pareizā atbilde', 'fraction', 1),
             jsonb_build_object('id', 'b', 'text', 'Nepareiza atbilde', 'fraction', 0),
             jsonb_build_object('id', 'c', 'text', 'Vēl viena nepareiza', 'fraction', 0),
             jsonb_build_object('id', 'd', 'text', 'Un vēl viena', 'fraction', 0)))
      FROM generate_series(1, $1::int) AS q`,
  // Exam e of cohort c: 'saves' (e = 1) or 'deadlines' (e = 2); ten fixed questions of the bank, 60 minutes.
  exams: `
    INSERT INTO exams (id, cohort_id, title, mode, pass_mark, pass_mark_unit, max_points, opens_at, closes_at,
                       time_limit_minutes, attempts_allowed, selection, results_shown, version)
    SELECT ${v4(`'exam-' || e || '-' || c`)}, md5('cohort-' || c)::uuid,
           CASE e WHEN 1 THEN 'Starpposma pārbaudījums' ELSE 'Noslēguma pārbaudījums' END, 'online', 50, 'percent', $2::int,
           now() - interval '1 hour', now() + interval '1 day', 60, 1,
           jsonb_build_object('kind', 'fixed', 'questionIds',
             (SELECT jsonb_agg(md5('question-' || ((c + p) % $3::int + 1))::uuid ORDER BY p) FROM generate_series(1, $2::int) AS p)),
           'at_once', 1
      FROM generate_series(1, $1::int) AS c, generate_series(1, 2) AS e`,
  // Attempts of the 'saves' exam end in three hours; those of the 'deadlines' exam are set by setDeadlines.
  attempts: `
    INSERT INTO exam_attempts (id, exam_id, user_id, number, status, started_at, deadline_at, seed, max_points)
    SELECT ${v4(`'attempt-' || e || '-' || i`)}, ${v4(`'exam-' || e || '-' || ((i - 1) / $2::int + 1)`)},
           md5('trainee-' || i)::uuid, 1, 'in_progress', now() - interval '10 minutes', now() + interval '3 hours',
           md5('seed-' || e || '-' || i), $3::int
      FROM generate_series(1, $1::int) AS i, generate_series(1, 2) AS e`,
  // The 'deadlines' attempts have answers in most items (right, wrong or none), so marking has work to do.
  items: `
    INSERT INTO exam_attempt_items (attempt_id, position, question_version_id, points, choice_order, response, response_seq, saved_at, version)
    SELECT ${v4(`'attempt-' || e || '-' || i`)}, p, md5('version-' || ((c + p) % $3::int + 1))::uuid, 1, '["a","b","c","d"]'::jsonb,
           CASE WHEN e = 2 AND (i + p) % 5 <> 0 THEN jsonb_build_object('kind', 'single', 'choice', CASE WHEN (i + p) % 3 = 0 THEN 'b' ELSE 'a' END) END,
           CASE WHEN e = 2 AND (i + p) % 5 <> 0 THEN 1 ELSE 0 END,
           CASE WHEN e = 2 AND (i + p) % 5 <> 0 THEN now() END, 1
      FROM generate_series(1, $1::int) AS i, generate_series(1, 2) AS e, generate_series(1, $4::int) AS p
     CROSS JOIN LATERAL (SELECT (i - 1) / $2::int + 1 AS c) AS x`,
};

/** Fills a migrated, empty database with set-based SQL. */
export async function loadExams(databaseUrl: string, size: ExamsSize = FULL_SIZE): Promise<LoadedExams> {
  // The token format the platform accepts: the loader's tokens must pass it.
  const { API_TOKEN_PREFIX } = fromDist<typeof ApiTokens>('auth/api-tokens.service');
  if (!TOKEN(1).startsWith(API_TOKEN_PREFIX)) throw new Error('benchmark tokens do not carry the platform token prefix');
  if (size.trainees % size.perCohort !== 0) throw new Error('trainees must be a multiple of perCohort');
  const cohorts = size.trainees / size.perCohort;
  const started = Date.now();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(STATEMENTS.trainees, [size.trainees]);
    await client.query(STATEMENTS.tokens, [size.trainees]);
    await client.query(STATEMENTS.programme);
    await client.query(STATEMENTS.part);
    await client.query(STATEMENTS.cohorts, [cohorts, size.perCohort]);
    await client.query(STATEMENTS.enrolments, [size.trainees, size.perCohort]);
    await client.query(STATEMENTS.categories);
    await client.query(STATEMENTS.questions, [size.bankQuestions]);
    await client.query(STATEMENTS.versions, [size.bankQuestions]);
    await client.query(STATEMENTS.exams, [cohorts, size.itemsPerAttempt, size.bankQuestions]);
    await client.query(STATEMENTS.attempts, [size.trainees, size.perCohort, size.itemsPerAttempt]);
    await client.query(STATEMENTS.items, [size.trainees, size.perCohort, size.bankQuestions, size.itemsPerAttempt]);
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE');
    const { rows } = await client.query<{ id: string; i: number }>(
      `SELECT ${v4(`'attempt-1-' || i`)} AS id, i FROM generate_series(1, $1::int) AS i ORDER BY i`,
      [size.trainees],
    );
    const counted = await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM cohorts) AS cohorts,
              (SELECT count(*) FROM question_versions) AS question_versions, (SELECT count(*) FROM exams) AS exams,
              (SELECT count(*) FROM exam_attempts) AS attempts, (SELECT count(*) FROM exam_attempt_items) AS items`,
    );
    return {
      size,
      tokens: rows.map((r) => TOKEN(r.i)),
      saveAttempts: rows.map((r) => r.id),
      seconds: (Date.now() - started) / 1000,
      counts: Object.fromEntries(Object.entries(counted.rows[0]).map(([k, v]) => [k, Number(v)])),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Moves the deadline of every attempt of the 'deadlines' exams (one per trainee) to `deadline`; returns their ids. */
export async function setDeadlines(databaseUrl: string, trainees: number, deadline: Date): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `UPDATE exam_attempts SET deadline_at = $1
        WHERE id IN (SELECT ${v4(`'attempt-2-' || i`)} FROM generate_series(1, $2::int) AS i) AND status = 'in_progress'
       RETURNING id`,
      [deadline, trainees],
    );
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}
