import { Client } from 'pg';
import type * as Passwords from '../../src/auth/passwords';
import type * as Secrets from '../../src/auth/secrets';
import { fromDist } from '../lib/built-app';

/**
 * Issue "Reports"' data set: 10,000 trainees in 500 cohorts of 20, 20,000 sessions (40 a cohort, the first 30 held,
 * attendance taken at 28 of those), 100,000 submissions (10 assignments a cohort, every trainee hands each in).
 */
export interface ReportsSize {
  cohorts: number;
  traineesPerCohort: number;
  sessionsPerCohort: number;
  heldPerCohort: number;
  assignmentsPerCohort: number;
}

export const FULL_SIZE: ReportsSize = {
  cohorts: 500,
  traineesPerCohort: 20,
  sessionsPerCohort: 40,
  heldPerCohort: 30,
  assignmentsPerCohort: 10,
};

export interface LoadedReports {
  /** The cohort the benchmark's instructor teaches. */
  cohortId: string;
  instructor: { email: string; password: string; apiToken: string };
  seconds: number;
  counts: Record<string, number>;
}

const PASSWORD = 'Bench-pasniedzejs-2012';
// A fixed secret in the shape ApiTokensService makes (kst_ + 43 base64url characters); only its SHA-256 is stored.
const API_TOKEN = 'kst_benchReportsTokenAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Ids are md5 of a name and numbers, so each statement can point at rows another made without looking them up. */
const STATEMENTS = {
  people: `
    INSERT INTO users (id, email, name, roles, language, department)
    SELECT md5('trainee-' || i)::uuid, 'kursants' || i || '@bench.kursors.test', 'Kursants Ābols ' || i, '{trainee}'::varchar[], 'lv',
           'Nodaļa ' || (i % 17)
      FROM generate_series(1, $1::int) AS i
    UNION ALL
    SELECT md5('instructor-1')::uuid, 'pasniedzejs1@bench.kursors.test', 'Pasniedzējs Ēriks', '{instructor}'::varchar[], 'lv', NULL`,
  programme: `
    INSERT INTO programmes (id, title_lv, status, project_title, agreement_number, funder, funding_statement)
    VALUES (md5('programme')::uuid, 'Projektu vadība', 'active', 'Kompetenču paaugstināšana', '1DP/1.5.2.2.3/11/APIA/SIF/110/71', 'ESF',
            'Finansēts ar Eiropas Sociālā fonda atbalstu.')`,
  parts: `
    INSERT INTO parts (id, programme_id, number, title_lv, academic_hours, min_attendance_percent)
    SELECT md5('part-' || n)::uuid, md5('programme')::uuid, n, 'Daļa ' || n, 40, 80 FROM generate_series(1, 5) AS n`,
  cohorts: `
    INSERT INTO cohorts (id, part_id, name, starts_on, ends_on, capacity)
    SELECT md5('cohort-' || c)::uuid, md5('part-' || ((c - 1) % 5 + 1))::uuid, 'Grupa ' || c, current_date - 120, current_date + 60, $2::int
      FROM generate_series(1, $1::int) AS c`,
  teaches: `INSERT INTO cohort_instructors (cohort_id, user_id) VALUES (md5('cohort-1')::uuid, md5('instructor-1')::uuid)`,
  enrolments: `
    INSERT INTO enrolments (cohort_id, user_id, status, enrolled_at)
    SELECT md5('cohort-' || ((t - 1) / $2::int + 1))::uuid, md5('trainee-' || t)::uuid, 'enrolled', now() - interval '120 days'
      FROM generate_series(1, $1::int * $2::int) AS t`,
  // Session k of a cohort: the first `held` took place (two days apart, the last yesterday), the rest are ahead.
  sessions: `
    INSERT INTO sessions (id, cohort_id, kind, title, starts_at, ends_at, address)
    SELECT md5('session-' || c || '-' || k)::uuid, md5('cohort-' || c)::uuid, 'class', 'Nodarbība ' || k,
           x.starts, x.starts + interval '3 hours', 'Krišjāņa Valdemāra iela 1'
      FROM generate_series(1, $1::int) AS c
     CROSS JOIN generate_series(1, $2::int) AS k
     CROSS JOIN LATERAL (SELECT now() - make_interval(days => 2 * ($3::int - k) + 1) AS starts) AS x`,
  // Attendance taken at all held sessions but two; present mostly, some late, absent or excused.
  attendances: `
    INSERT INTO attendances (session_id, user_id, status)
    SELECT md5('session-' || c || '-' || k)::uuid, md5('trainee-' || ((c - 1) * $2::int + j))::uuid,
           (ARRAY['present','present','present','present','present','present','late','absent','excused','present'])[1 + (c * 7 + k * 3 + j) % 10]
      FROM generate_series(1, $1::int) AS c
     CROSS JOIN generate_series(1, $3::int - 2) AS k
     CROSS JOIN generate_series(1, $2::int) AS j`,
  assignments: `
    INSERT INTO assignments (id, cohort_id, title, opens_at, due_at, cutoff_at, grading_type, max_points, pass_mark)
    SELECT md5('assignment-' || c || '-' || a)::uuid, md5('cohort-' || c)::uuid, 'Patstāvīgais darbs ' || a,
           now() - interval '60 days', now() - make_interval(days => 5 * a), now() - make_interval(days => 5 * a) + interval '3 days', 'points', 10, 5
      FROM generate_series(1, $1::int) AS c CROSS JOIN generate_series(1, $2::int) AS a`,
  submissions: `
    INSERT INTO submissions (id, assignment_id, user_id, submitted_version, graded_version, submitted_at)
    SELECT md5('submission-' || c || '-' || a || '-' || j)::uuid, md5('assignment-' || c || '-' || a)::uuid,
           md5('trainee-' || ((c - 1) * $3::int + j))::uuid, 1, CASE WHEN (a + j) % 3 = 0 THEN 0 ELSE 1 END,
           now() - make_interval(days => 5 * a + 1)
      FROM generate_series(1, $1::int) AS c CROSS JOIN generate_series(1, $2::int) AS a CROSS JOIN generate_series(1, $3::int) AS j`,
  grades: `
    INSERT INTO grades (submission_id, version_number, score, passed, feedback, status, released_at, revision)
    SELECT s.id, 1, (hashtext(s.id::text) & 1023) % 11, (hashtext(s.id::text) & 1023) % 11 >= 5, '', 'released', now(), 1
      FROM submissions s WHERE s.graded_version > 0`,
  password: `UPDATE users SET password_hash = $1 WHERE id = md5('instructor-1')::uuid`,
  apiToken: `
    INSERT INTO api_tokens (user_id, name, prefix, token_hash, created_by_id)
    VALUES (md5('instructor-1')::uuid, 'Benchmark', $1, $2, NULL)`,
};

/**
 * Ids are UUIDs made from md5 of a name: the version and variant digits set, so that the platform, which checks
 * ids in paths, takes them (a bare md5 is not a valid UUID).
 */
const UUID_OF = `CREATE FUNCTION pg_temp.kid(text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
  $$ SELECT (substr(md5($1), 1, 12) || '4' || substr(md5($1), 14, 3) || '8' || substr(md5($1), 18, 15))::uuid $$`;

/** Each `md5(…)::uuid` of a statement as `pg_temp.kid(…)`. */
function withValidIds(sql: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const start = sql.indexOf('md5(', at);
    if (start < 0) return out + sql.slice(at);
    let depth = 0;
    let end = start + 3;
    do {
      if (sql[end] === '(') depth += 1;
      if (sql[end] === ')') depth -= 1;
      end += 1;
    } while (depth > 0);
    const cast = sql.startsWith('::uuid', end);
    out += sql.slice(at, start) + (cast ? `pg_temp.kid(${sql.slice(start + 4, end - 1)})` : sql.slice(start, end));
    at = cast ? end + '::uuid'.length : end;
  }
}

/** Fills a migrated, empty database with set-based SQL: a few statements, seconds at full size. */
export async function loadReports(databaseUrl: string, size: ReportsSize): Promise<LoadedReports> {
  const { hashPassword } = fromDist<typeof Passwords>('auth/passwords');
  const { sha256 } = fromDist<typeof Secrets>('auth/secrets');
  const started = Date.now();
  const passwordHash = await hashPassword(PASSWORD);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(UUID_OF);
    const query = (sql: string, params: unknown[] = []) => client.query(withValidIds(sql), params);
    await client.query('BEGIN');
    await query(STATEMENTS.people, [size.cohorts * size.traineesPerCohort]);
    await query(STATEMENTS.programme);
    await query(STATEMENTS.parts);
    await query(STATEMENTS.cohorts, [size.cohorts, size.traineesPerCohort]);
    await query(STATEMENTS.teaches);
    await query(STATEMENTS.enrolments, [size.cohorts, size.traineesPerCohort]);
    await query(STATEMENTS.sessions, [size.cohorts, size.sessionsPerCohort, size.heldPerCohort]);
    await query(STATEMENTS.attendances, [size.cohorts, size.traineesPerCohort, size.heldPerCohort]);
    await query(STATEMENTS.assignments, [size.cohorts, size.assignmentsPerCohort]);
    await query(STATEMENTS.submissions, [size.cohorts, size.assignmentsPerCohort, size.traineesPerCohort]);
    await query(STATEMENTS.grades);
    await query(STATEMENTS.password, [passwordHash]);
    await query(STATEMENTS.apiToken, [API_TOKEN.slice(0, 10), sha256(API_TOKEN)]);
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE');
    const counted = await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM cohorts) AS cohorts, (SELECT count(*) FROM sessions) AS sessions,
              (SELECT count(*) FROM attendances) AS attendances, (SELECT count(*) FROM submissions) AS submissions,
              (SELECT count(*) FROM grades) AS grades`,
    );
    const { rows } = await query(`SELECT md5('cohort-1')::uuid AS id`);
    return {
      cohortId: (rows[0] as { id: string }).id,
      instructor: { email: 'pasniedzejs1@bench.kursors.test', password: PASSWORD, apiToken: API_TOKEN },
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
