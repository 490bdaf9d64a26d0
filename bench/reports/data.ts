import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type * as Passwords from '../../src/auth/passwords';
import type * as Secrets from '../../src/auth/secrets';
import type * as ClockModule from '../../src/common/clock';
import type * as Records from '../../src/completion/completion-records.service';
import type * as CompletionServiceModule from '../../src/completion/completion.service';
import type * as Options from '../../src/database/data-source-options';
import type * as UnitOfWork from '../../src/database/unit-of-work';
import { fromDist } from '../lib/built-app';
import { CREATE_KID_FUNCTION } from '../lib/ids';

/**
 * Issue "Reports"' data set: 10,000 trainees in 500 cohorts of 20, 20,000 sessions (40 a cohort, the first 30 held,
 * attendance taken at 28 of those), 100,000 submissions (10 assignments a cohort, every trainee hands each in), all
 * in one programme of five parts (the odd ones require their first two assignments passed, and 60 % attendance, the
 * even ones 50 %) with an indicator of every metric.
 * The last trainee of every 10th cohort withdrew and one more trainee waits for a place there; completion is worked
 * out by the platform's own re-evaluation, part by part; most of the completed hold a certificate, some revoked.
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
  /** The programme of every cohort, and one of its parts. */
  programmeId: string;
  partId: string;
  instructor: { email: string; password: string; apiToken: string };
  admin: { email: string; password: string; apiToken: string };
  seconds: number;
  counts: Record<string, number>;
}

const PASSWORD = 'Bench-pasniedzejs-2012';
// Fixed secrets in the shape ApiTokensService makes (kst_ + 43 base64url characters); only their SHA-256 is stored.
const API_TOKEN = 'kst_benchReportsTokenAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const ADMIN_API_TOKEN = 'kst_benchReportsAdminAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Ids are md5 of a name and numbers, so each statement can point at rows another made without looking them up. */
const STATEMENTS = {
  people: `
    INSERT INTO users (id, email, name, roles, language, department)
    SELECT md5('trainee-' || i)::uuid, 'kursants' || i || '@bench.kursors.test', 'Kursants Ābols ' || i, '{trainee}'::varchar[], 'lv',
           'Nodaļa ' || (i % 17)
      FROM generate_series(1, $1::int) AS i
    UNION ALL
    SELECT md5('instructor-1')::uuid, 'pasniedzejs1@bench.kursors.test', 'Pasniedzējs Ēriks', '{instructor}'::varchar[], 'lv', NULL
    UNION ALL
    SELECT md5('admin-1')::uuid, 'administrators1@bench.kursors.test', 'Administratore Ilze', '{admin}'::varchar[], 'lv', NULL`,
  programme: `
    INSERT INTO programmes (id, title_lv, status, project_title, agreement_number, funder, funding_statement)
    VALUES (md5('programme')::uuid, 'Projektu vadība', 'active', 'Kompetenču paaugstināšana', '1DP/1.5.2.2.3/11/APIA/SIF/110/71', 'ESF',
            'Finansēts ar Eiropas Sociālā fonda atbalstu.')`,
  parts: `
    INSERT INTO parts (id, programme_id, number, title_lv, academic_hours, min_attendance_percent, requires_independent_work)
    SELECT md5('part-' || n)::uuid, md5('programme')::uuid, n, 'Daļa ' || n, 40, CASE WHEN n % 2 = 1 THEN 60 ELSE 50 END, n % 2 = 1
      FROM generate_series(1, 5) AS n`,
  indicators: `
    INSERT INTO indicators (programme_id, name_lv, metric, target, position)
    SELECT md5('programme')::uuid, 'Rādītājs ' || m, m, t, p
      FROM (VALUES ('trainees_enrolled', 10000, 1), ('trainees_attended', 9500, 2), ('trainees_completed', 8000, 3),
                   ('certificates_issued', 8000, 4), ('sessions_held', 15000, 5), ('study_visits_held', 10, 6),
                   ('seminars_held', 5, 7), ('materials_published', 500, 8)) AS v(m, t, p)`,
  materials: `
    INSERT INTO materials (cohort_id, title, storage_key, file_name, mime_type, size, sha256, created_at)
    SELECT md5('cohort-' || c)::uuid, 'Metodiskais materiāls ' || c, 'material-bench' || lpad(c::text, 24, '0'), 'materials.pdf',
           'application/pdf', 1000, repeat('a', 64), now() - interval '100 days'
      FROM generate_series(1, $1::int) AS c`,
  // The last trainee of every 10th cohort withdrew after the first sessions, and the next trainee waits for a place there.
  withdrawals: `
    UPDATE enrolments SET status = 'withdrawn', withdrawn_at = now() - interval '50 days'
     WHERE user_id IN (SELECT md5('trainee-' || (c * $1::int))::uuid FROM generate_series(10, $2::int, 10) AS c)`,
  waiting: `
    INSERT INTO users (id, email, name, roles, language)
    SELECT md5('waiting-' || c)::uuid, 'gaida' || c || '@bench.kursors.test', 'Gaidītājs ' || c, '{trainee}'::varchar[], 'lv'
      FROM generate_series(10, $1::int, 10) AS c;
    INSERT INTO enrolments (cohort_id, user_id, status, waitlisted_at)
    SELECT md5('cohort-' || c)::uuid, md5('waiting-' || c)::uuid, 'waitlisted', now() - interval '110 days'
      FROM generate_series(10, $1::int, 10) AS c`,
  // Most of the completed hold their part's certificate (numbered in order); every 20th of those was revoked.
  certificates: `
    INSERT INTO certificates (serial, verification_code, programme_id, part_id, user_id, enrolment_ids, holder_name, language,
                              programme_title, part_title, academic_hours, issuer_name, issued_at, status, revoked_at,
                              revocation_reason, file_key, file_size, sha256)
    SELECT 'BENCH-' || lpad(n::text, 6, '0'), upper(substr(md5('code-' || n), 1, 16)), md5('programme')::uuid, d.part_id, d.user_id,
           ARRAY[d.enrolment_id], 'Kursants', 'lv', 'Projektu vadība', 'Daļa', 40, 'Daugavpils pilsētas dome', now() - interval '1 day',
           CASE WHEN n % 20 = 0 THEN 'revoked' ELSE 'valid' END, CASE WHEN n % 20 = 0 THEN now() END,
           CASE WHEN n % 20 = 0 THEN 'issued_in_error' END, 'certificate-bench' || lpad(n::text, 24, '0'), 30000, repeat('c', 64)
      FROM (SELECT d.*, row_number() OVER (ORDER BY d.enrolment_id) AS n FROM completed_enrolments d) d
     WHERE n % 4 <> 0`,
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
    INSERT INTO assignments (id, cohort_id, title, opens_at, due_at, cutoff_at, grading_type, max_points, pass_mark, required_for_completion)
    SELECT md5('assignment-' || c || '-' || a)::uuid, md5('cohort-' || c)::uuid, 'Patstāvīgais darbs ' || a,
           now() - interval '60 days', now() - make_interval(days => 5 * a), now() - make_interval(days => 5 * a) + interval '3 days', 'points', 10, 5,
           a <= 2
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
  password: `UPDATE users SET password_hash = $1 WHERE id IN (md5('instructor-1')::uuid, md5('admin-1')::uuid)`,
  apiToken: `
    INSERT INTO api_tokens (user_id, name, prefix, token_hash, created_by_id)
    VALUES (md5('instructor-1')::uuid, 'Benchmark', $1, $2, NULL), (md5('admin-1')::uuid, 'Benchmark', $3, $4, NULL)`,
};

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
    await client.query(CREATE_KID_FUNCTION);
    const query = (sql: string, params: unknown[] = []) => client.query(withValidIds(sql), params);
    await client.query('BEGIN');
    await query(STATEMENTS.people, [size.cohorts * size.traineesPerCohort]);
    await query(STATEMENTS.programme);
    await query(STATEMENTS.parts);
    await query(STATEMENTS.indicators);
    await query(STATEMENTS.cohorts, [size.cohorts, size.traineesPerCohort]);
    await query(STATEMENTS.teaches);
    await query(STATEMENTS.enrolments, [size.cohorts, size.traineesPerCohort]);
    await query(STATEMENTS.sessions, [size.cohorts, size.sessionsPerCohort, size.heldPerCohort]);
    await query(STATEMENTS.attendances, [size.cohorts, size.traineesPerCohort, size.heldPerCohort]);
    await query(STATEMENTS.assignments, [size.cohorts, size.assignmentsPerCohort]);
    await query(STATEMENTS.submissions, [size.cohorts, size.assignmentsPerCohort, size.traineesPerCohort]);
    await query(STATEMENTS.grades);
    await query(STATEMENTS.materials, [size.cohorts]);
    await query(STATEMENTS.withdrawals, [size.traineesPerCohort, size.cohorts]);
    for (const statement of STATEMENTS.waiting.split(';')) await query(statement, [size.cohorts]);
    await query(STATEMENTS.password, [passwordHash]);
    await query(STATEMENTS.apiToken, [API_TOKEN.slice(0, 10), sha256(API_TOKEN), ADMIN_API_TOKEN.slice(0, 10), sha256(ADMIN_API_TOKEN)]);
    await client.query('COMMIT');
    await evaluateCompletion(databaseUrl);
    await query(STATEMENTS.certificates);
    await client.query('VACUUM ANALYZE');
    const counted = await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM cohorts) AS cohorts, (SELECT count(*) FROM sessions) AS sessions,
              (SELECT count(*) FROM attendances) AS attendances, (SELECT count(*) FROM submissions) AS submissions,
              (SELECT count(*) FROM grades) AS grades, (SELECT count(*) FROM completed_enrolments) AS completed,
              (SELECT count(*) FROM certificates) AS certificates`,
    );
    const { rows } = await query(`SELECT md5('cohort-1')::uuid AS id, md5('programme')::uuid AS programme, md5('part-1')::uuid AS part`);
    const ids = rows[0] as { id: string; programme: string; part: string };
    return {
      cohortId: ids.id,
      programmeId: ids.programme,
      partId: ids.part,
      instructor: { email: 'pasniedzejs1@bench.kursors.test', password: PASSWORD, apiToken: API_TOKEN },
      admin: { email: 'administrators1@bench.kursors.test', password: PASSWORD, apiToken: ADMIN_API_TOKEN },
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

/**
 * Works out every enrolment's completion with the platform's own re-evaluation (as each change would have), part
 * by part, in the built application's services without the rest of it.
 */
async function evaluateCompletion(databaseUrl: string): Promise<void> {
  const { dataSourceOptions } = fromDist<typeof Options>('database/data-source-options');
  const { CompletionRecords } = fromDist<typeof Records>('completion/completion-records.service');
  const { CompletionService } = fromDist<typeof CompletionServiceModule>('completion/completion.service');
  const { Clock } = fromDist<typeof ClockModule>('common/clock');
  const { unitOfWork } = fromDist<typeof UnitOfWork>('database/unit-of-work');
  const dataSource = await new DataSource(dataSourceOptions({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 2 })).initialize();
  try {
    const completion = new CompletionService(dataSource, new CompletionRecords(dataSource), new Clock());
    const parts: { id: string }[] = await dataSource.query(`SELECT id FROM parts ORDER BY number`);
    for (const part of parts) await unitOfWork(dataSource, (manager) => completion.reevaluate(manager, { partId: part.id }));
  } finally {
    await dataSource.destroy();
  }
}
