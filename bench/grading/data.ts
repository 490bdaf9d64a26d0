import { Client } from 'pg';
import type * as Passwords from '../../src/auth/passwords';
import type * as Secrets from '../../src/auth/secrets';
import { fromDist } from '../lib/built-app';

/** How much coursework a grading benchmark database holds. */
export interface GradingSize {
  cohorts: number;
  /** Per cohort; each trainee is in one cohort. */
  traineesPerCohort: number;
  /** Per cohort; every trainee of the cohort hands each one in. */
  assignmentsPerCohort: number;
  instructors: number;
  /** Out of ten cohorts, how many the benchmark's instructor teaches. */
  taughtPerTen: number;
}

/** 200 cohorts × 250 trainees × 2 assignments = 100,000 submissions over 400 assignments. */
export const FULL_SIZE: GradingSize = { cohorts: 200, traineesPerCohort: 250, assignmentsPerCohort: 2, instructors: 20, taughtPerTen: 3 };

export const submissionsOf = (size: GradingSize) => size.cohorts * size.traineesPerCohort * size.assignmentsPerCohort;

export interface BenchInstructor {
  email: string;
  password: string;
  apiToken: string;
}

export interface LoadedGrading {
  instructor: BenchInstructor;
  seconds: number;
  counts: Record<string, number>;
}

const PASSWORD = 'Bench-pasniedzejs-2012';
// A fixed secret in the shape ApiTokensService makes (kst_ + 43 base64url characters); only its SHA-256 is stored.
const API_TOKEN = 'kst_benchGradingTokenAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Ids are md5 of a name and numbers, so each statement can point at rows another made without looking them up. */
const STATEMENTS = {
  people: `
    INSERT INTO users (id, email, name, roles, language)
    SELECT md5('trainee-' || i)::uuid, 'kursants' || i || '@bench.kursors.test', 'Kursants ' || i, '{trainee}'::varchar[], 'lv'
      FROM generate_series(1, $1::int) AS i
    UNION ALL
    SELECT md5('instructor-' || i)::uuid, 'pasniedzejs' || i || '@bench.kursors.test', 'Pasniedzējs ' || i, '{instructor}'::varchar[], 'lv'
      FROM generate_series(1, $2::int) AS i`,
  programme: `
    INSERT INTO programmes (id, title_lv, status, project_title, agreement_number, funder, funding_statement)
    VALUES (md5('programme')::uuid, 'Projektu vadība', 'active', 'Kompetenču paaugstināšana', '1DP/1.5.2.2.3/11/APIA/SIF/110/71', 'ESF',
            'Finansēts ar Eiropas Sociālā fonda atbalstu.')`,
  parts: `
    INSERT INTO parts (id, programme_id, number, title_lv, academic_hours)
    SELECT md5('part-' || n)::uuid, md5('programme')::uuid, n, 'Daļa ' || n, 40 FROM generate_series(1, 5) AS n`,
  cohorts: `
    INSERT INTO cohorts (id, part_id, name, starts_on, ends_on, capacity)
    SELECT md5('cohort-' || c)::uuid, md5('part-' || ((c - 1) % 5 + 1))::uuid, 'Grupa ' || c,
           current_date - 90 + c % 30, current_date + c % 30, $2::int
      FROM generate_series(1, $1::int) AS c`,
  // The benchmark's instructor (number 1) teaches `taughtPerTen` cohorts out of every ten; the others share the rest.
  cohortInstructors: `
    INSERT INTO cohort_instructors (cohort_id, user_id)
    SELECT md5('cohort-' || c)::uuid,
           CASE WHEN c % 10 < $3::int THEN md5('instructor-1')::uuid ELSE md5('instructor-' || (c % ($2::int - 1) + 2))::uuid END
      FROM generate_series(1, $1::int) AS c`,
  enrolments: `
    INSERT INTO enrolments (cohort_id, user_id, status, enrolled_at)
    SELECT md5('cohort-' || ((t - 1) / $2::int + 1))::uuid, md5('trainee-' || t)::uuid, 'enrolled', now() - interval '90 days'
      FROM generate_series(1, $1::int * $2::int) AS t`,
  // Assignment a belongs to cohort (a - 1) % C + 1; due dates spread over the last 61 days, independently of which
  // cohorts the benchmark's instructor teaches (61 is prime, so the day does not follow from the cohort's number).
  assignments: `
    INSERT INTO assignments (id, cohort_id, title, opens_at, due_at, cutoff_at, grading_type, max_points, pass_mark)
    SELECT md5('assignment-' || a)::uuid, md5('cohort-' || ((a - 1) % $1::int + 1))::uuid, 'Patstāvīgais darbs ' || a,
           now() - make_interval(days => 75 + (a * 7) % 61), now() - make_interval(days => (a * 7) % 61),
           now() - make_interval(days => (a * 7) % 61) + interval '3 days', 'points', 10, 5
      FROM generate_series(1, $1::int * $2::int) AS a`,
  // Every trainee of the cohort hands in each assignment; one in ten late, four in ten graded (half of those released).
  submissions: `
    INSERT INTO submissions (id, assignment_id, user_id, submitted_version, graded_version, submitted_at, late_seconds)
    SELECT md5('submission-' || a || '-' || k)::uuid, md5('assignment-' || a)::uuid,
           md5('trainee-' || (((a - 1) % $1::int) * $3::int + k))::uuid,
           1 + (k % 17 = 0)::int,
           CASE WHEN (a + k) % 10 < 4 THEN 1 + (k % 17 = 0)::int ELSE 0 END,
           x.due + make_interval(secs => CASE WHEN (a * 7 + k) % 10 = 0 THEN 3600 + (k * 97) % 86400 ELSE -3600 - (k * 131) % 400000 END),
           CASE WHEN (a * 7 + k) % 10 = 0 THEN 3600 + (k * 97) % 86400 ELSE 0 END
      FROM generate_series(1, $1::int * $2::int) AS a
     CROSS JOIN generate_series(1, $3::int) AS k
     CROSS JOIN LATERAL (SELECT now() - make_interval(days => (a * 7) % 61) AS due) AS x`,
  grades: `
    INSERT INTO grades (submission_id, version_number, score, passed, feedback, status, released_at, graded_by_id, revision)
    SELECT s.id, s.graded_version, (hashtext(s.id::text) & 1023) % 11, (hashtext(s.id::text) & 1023) % 11 >= 5, 'Atsauksme',
           CASE WHEN hashtext(s.id::text) & 1 = 0 THEN 'released' ELSE 'draft' END,
           CASE WHEN hashtext(s.id::text) & 1 = 0 THEN s.submitted_at + interval '2 days' END, md5('instructor-1')::uuid, 1
      FROM submissions s WHERE s.graded_version > 0`,
  password: `UPDATE users SET password_hash = $1 WHERE id = md5('instructor-1')::uuid`,
  apiToken: `
    INSERT INTO api_tokens (user_id, name, prefix, token_hash, created_by_id)
    VALUES (md5('instructor-1')::uuid, 'Benchmark', $1, $2, NULL)`,
};

/** Fills a migrated, empty database with set-based SQL: a few statements, seconds even at full size. */
export async function loadGrading(databaseUrl: string, size: GradingSize): Promise<LoadedGrading> {
  const { hashPassword } = fromDist<typeof Passwords>('auth/passwords');
  const { sha256 } = fromDist<typeof Secrets>('auth/secrets');
  const started = Date.now();
  const passwordHash = await hashPassword(PASSWORD);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(STATEMENTS.people, [size.cohorts * size.traineesPerCohort, size.instructors]);
    await client.query(STATEMENTS.programme);
    await client.query(STATEMENTS.parts);
    await client.query(STATEMENTS.cohorts, [size.cohorts, size.traineesPerCohort]);
    await client.query(STATEMENTS.cohortInstructors, [size.cohorts, size.instructors, size.taughtPerTen]);
    await client.query(STATEMENTS.enrolments, [size.cohorts, size.traineesPerCohort]);
    await client.query(STATEMENTS.assignments, [size.cohorts, size.assignmentsPerCohort]);
    await client.query(STATEMENTS.submissions, [size.cohorts, size.assignmentsPerCohort, size.traineesPerCohort]);
    await client.query(STATEMENTS.grades);
    await client.query(STATEMENTS.password, [passwordHash]);
    await client.query(STATEMENTS.apiToken, [API_TOKEN.slice(0, 10), sha256(API_TOKEN)]);
    await client.query('COMMIT');
    // What autovacuum would have done by the time a real platform held this much.
    await client.query('VACUUM ANALYZE');
    const counted = await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM cohorts) AS cohorts, (SELECT count(*) FROM assignments) AS assignments,
              (SELECT count(*) FROM submissions) AS submissions, (SELECT count(*) FROM grades) AS grades,
              (SELECT count(*) FROM submissions s JOIN assignments a ON a.id = s.assignment_id
                 JOIN cohort_instructors ci ON ci.cohort_id = a.cohort_id WHERE ci.user_id = md5('instructor-1')::uuid) AS taught_submissions`,
    );
    const counts = Object.fromEntries(Object.entries(counted.rows[0]).map(([k, v]) => [k, Number(v)]));
    return {
      instructor: { email: 'pasniedzejs1@bench.kursors.test', password: PASSWORD, apiToken: API_TOKEN },
      seconds: (Date.now() - started) / 1000,
      counts,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
