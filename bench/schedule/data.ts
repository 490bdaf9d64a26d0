import { Client } from 'pg';
import type * as Passwords from '../../src/auth/passwords';
import type * as Secrets from '../../src/auth/secrets';
import { fromDist } from '../lib/built-app';

/** How much schedule data a benchmark database holds. */
export interface ScheduleSize {
  trainees: number;
  instructors: number;
  cohorts: number;
  /** A multiple of `cohorts`: each cohort gets the same number of sessions. */
  sessions: number;
  /** Sessions (one each of the first cohorts) that start on the same morning two days ahead. */
  busyMorning: number;
}

export const FULL_SIZE: ScheduleSize = { trainees: 10_000, instructors: 200, cohorts: 500, sessions: 20_000, busyMorning: 400 };

/** The same shape of data, `1/divisor` of it (the trainee's own enrolments and page stay the same). */
export function smallerSize(divisor: number): ScheduleSize {
  const of = (n: number) => Math.max(1, Math.round(n / divisor));
  return {
    trainees: of(FULL_SIZE.trainees),
    instructors: of(FULL_SIZE.instructors),
    cohorts: of(FULL_SIZE.cohorts),
    sessions: of(FULL_SIZE.sessions),
    busyMorning: of(FULL_SIZE.busyMorning),
  };
}

export const ENROLMENTS_PER_COHORT = 20;

/** The trainee whose schedule the benchmark asks for, with both ways of proving who they are. */
export interface BenchTrainee {
  id: string;
  email: string;
  password: string;
  apiToken: string;
}

export interface LoadedSchedule {
  trainee: BenchTrainee;
  /** The instant whose reminder scan finds the busy morning due: the day before it, 10:00 in Riga. */
  scanAt: Date;
  seconds: number;
  counts: Record<string, number>;
}

const TOPICS = [
  'Projektu vadība',
  'Publiskais iepirkums',
  'Datu aizsardzība',
  'Stratēģiskā plānošana',
  'Komunikācija ar iedzīvotājiem',
  'Budžeta plānošana',
  'Digitālie pakalpojumi',
  'Attīstības programmas',
];

const PASSWORD = 'Bench-kursants-2012';
// A fixed secret in the shape ApiTokensService makes (kst_ + 43 base64url characters); only its SHA-256 is stored.
const API_TOKEN = 'kst_benchScheduleTokenAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * Ids are md5 of a name and a number (`md5('cohort-7')::uuid`), so each statement can point at rows another
 * made without looking them up. Times are Riga wall-clock: classes at 09:00, 10:00, 13:00 or 14:00.
 */
const STATEMENTS = {
  people: `
    INSERT INTO users (id, email, name, roles, department, language, password_hash)
    SELECT md5('trainee-' || i)::uuid, 'kursants' || i || '@bench.kursors.test', 'Kursants ' || i, '{trainee}'::varchar[],
           'Nodaļa ' || (i % 40 + 1), CASE WHEN i % 10 = 0 THEN 'en' ELSE 'lv' END, NULL
      FROM generate_series(1, $1::int) AS i
    UNION ALL
    SELECT md5('instructor-' || i)::uuid, 'pasniedzejs' || i || '@bench.kursors.test', 'Pasniedzējs ' || i, '{instructor}'::varchar[],
           'Mācību centrs', 'lv', NULL
      FROM generate_series(1, $2::int) AS i`,
  programmes: `
    INSERT INTO programmes (id, title_lv, status, project_title, agreement_number, funder, funding_statement)
    SELECT md5('programme-' || g)::uuid, 'Programma ' || g, 'active', 'Projekts ' || g, '9.2.1/' || g, 'ESF',
           'Finansēts ar Eiropas Sociālā fonda atbalstu.'
      FROM generate_series(1, 4) AS g`,
  parts: `
    INSERT INTO parts (id, programme_id, number, title_lv, academic_hours, min_attendance_percent)
    SELECT md5('part-' || g || '-' || n)::uuid, md5('programme-' || g)::uuid, n, 'Daļa ' || n, 40, 80
      FROM generate_series(1, 4) AS g, generate_series(1, 5) AS n`,
  // Twelve-week cohorts starting evenly from 400 days ago to 320 days ahead.
  cohorts: `
    INSERT INTO cohorts (id, part_id, name, starts_on, ends_on, capacity)
    SELECT md5('cohort-' || c)::uuid, md5('part-' || ((c - 1) % 20 / 5 + 1) || '-' || ((c - 1) % 5 + 1))::uuid,
           'Grupa ' || c, d, d + 83, 25
      FROM generate_series(1, $1::int) AS c
     CROSS JOIN LATERAL (SELECT $2::date - 400 + (c - 1) * 720 / $1::int AS d) AS x`,
  cohortInstructors: `
    INSERT INTO cohort_instructors (cohort_id, user_id)
    SELECT DISTINCT md5('cohort-' || c)::uuid, md5('instructor-' || ((c * m) % $2::int + 1))::uuid
      FROM generate_series(1, $1::int) AS c, generate_series(1, 2) AS m`,
  // Session j belongs to cohort (j-1) % C + 1 and is its k-th, spread over the cohort's twelve weeks; the first
  // $4 of them are moved to 09:00 or 10:00 two days ahead instead. 1 in 50 is cancelled.
  sessions: `
    INSERT INTO sessions (id, cohort_id, kind, title, starts_at, ends_at, address, room, online_url, hosts, sites_visited, status, cancellation_reason)
    SELECT md5('session-' || j)::uuid, co.id, t.kind, ($5::text[])[j % 8 + 1] || ' (' || (n.k + 1) || ')',
           s.starts, s.starts + make_interval(hours => d.hours),
           CASE WHEN j % 5 <> 0 THEN 'Rīgas iela ' || (j % 90 + 1) || ', Daugavpils' END,
           CASE WHEN j % 5 <> 0 THEN (j % 30 + 101) || '. telpa' END,
           CASE WHEN j % 5 = 0 OR j % 7 = 0 THEN 'https://meet.example.lv/kursors-' || j END,
           CASE WHEN t.kind = 'study_visit' THEN 'Rēzeknes novada pašvaldība' END,
           CASE WHEN t.kind = 'study_visit' THEN ARRAY['Novada dome', 'Kultūras centrs'] ELSE '{}' END,
           CASE WHEN j % 50 = 25 THEN 'cancelled' ELSE 'scheduled' END,
           CASE WHEN j % 50 = 25 THEN 'Pasniedzējs saslima' END
      FROM generate_series(1, $1::int) AS j
     CROSS JOIN LATERAL (SELECT (j - 1) % $2::int + 1 AS c, (j - 1) / $2::int AS k) AS n
     CROSS JOIN LATERAL (SELECT CASE WHEN j % 20 = 0 THEN 'study_visit' WHEN j % 20 = 1 THEN 'exam_sitting'
                                     WHEN j % 20 IN (2, 3) THEN 'seminar' ELSE 'class' END AS kind) AS t
     CROSS JOIN LATERAL (SELECT CASE t.kind WHEN 'study_visit' THEN 8 WHEN 'class' THEN 3 + j % 2 ELSE 2 END AS hours) AS d
      JOIN cohorts co ON co.id = md5('cohort-' || n.c)::uuid
     CROSS JOIN LATERAL (
           SELECT (CASE WHEN j <= $4::int THEN $3::date + 2 + make_interval(hours => 9 + j % 2)
                        ELSE co.starts_on + n.k * 84 / ($1::int / $2::int)
                             + make_interval(hours => CASE WHEN t.kind = 'study_visit' THEN 8 ELSE (ARRAY[9, 10, 13, 14])[(j + j / 20) % 4 + 1] END)
                   END) AT TIME ZONE 'Europe/Riga' AS starts) AS s`,
  // The cohort's first instructor teaches every session; its second joins every third.
  sessionInstructors: `
    INSERT INTO session_instructors (session_id, user_id)
    SELECT DISTINCT md5('session-' || j)::uuid, md5('instructor-' || ((((j - 1) % $2::int + 1) * m) % $3::int + 1))::uuid
      FROM generate_series(1, $1::int) AS j, generate_series(1, 2) AS m
     WHERE m = 1 OR j % 3 = 0`,
  // Twenty trainees a cohort, each trainee in one: 18 enrolled, one waitlisted, one withdrawn.
  enrolments: `
    INSERT INTO enrolments (cohort_id, user_id, status, waitlisted_at, enrolled_at, withdrawn_at, withdrawal_reason)
    SELECT md5('cohort-' || c)::uuid, md5('trainee-' || (((c - 1) * $3::int + k) % $2::int + 1))::uuid,
           CASE k WHEN $3::int - 2 THEN 'waitlisted' WHEN $3::int - 1 THEN 'withdrawn' ELSE 'enrolled' END,
           CASE WHEN k = $3::int - 2 THEN now() END,
           CASE WHEN k < $3::int - 2 OR k = $3::int - 1 THEN now() - interval '30 days' END,
           CASE WHEN k = $3::int - 1 THEN now() - interval '7 days' END,
           CASE WHEN k = $3::int - 1 THEN 'Mainījās darba pienākumi' END
      FROM generate_series(1, $1::int) AS c, generate_series(0, $3::int - 1) AS k`,
  // The benchmark's trainee also follows the three cohorts starting soonest, so their first page is full.
  traineeEnrolments: `
    INSERT INTO enrolments (cohort_id, user_id, status, enrolled_at)
    SELECT id, $1::uuid, 'enrolled', now() FROM cohorts WHERE starts_on >= $2::date - 14 ORDER BY starts_on, id LIMIT 3
    ON CONFLICT (cohort_id, user_id) DO NOTHING`,
  traineePassword: `UPDATE users SET password_hash = $2 WHERE id = $1`,
  apiToken: `
    INSERT INTO api_tokens (user_id, name, prefix, token_hash, created_by_id)
    VALUES ($1, 'Benchmark', $2, $3, NULL)`,
};

/** Fills a migrated, empty database with set-based SQL: a few statements, seconds even at full size. */
export async function loadSchedule(databaseUrl: string, size: ScheduleSize): Promise<LoadedSchedule> {
  const { hashPassword } = fromDist<typeof Passwords>('auth/passwords');
  const { sha256 } = fromDist<typeof Secrets>('auth/secrets');
  if (size.sessions % size.cohorts !== 0) throw new Error('sessions must be a multiple of cohorts');
  const started = Date.now();
  const passwordHash = await hashPassword(PASSWORD);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ today: string; scan_at: Date }>(
      `SELECT (now() AT TIME ZONE 'Europe/Riga')::date::text AS today,
              (((now() AT TIME ZONE 'Europe/Riga')::date + 1) + time '10:00') AT TIME ZONE 'Europe/Riga' AS scan_at`,
    );
    const { today, scan_at: scanAt } = rows[0];
    const trainee: BenchTrainee = { id: '', email: 'kursants1@bench.kursors.test', password: PASSWORD, apiToken: API_TOKEN };
    await client.query('BEGIN');
    await client.query(STATEMENTS.people, [size.trainees, size.instructors]);
    await client.query(STATEMENTS.programmes);
    await client.query(STATEMENTS.parts);
    await client.query(STATEMENTS.cohorts, [size.cohorts, today]);
    await client.query(STATEMENTS.cohortInstructors, [size.cohorts, size.instructors]);
    await client.query(STATEMENTS.sessions, [size.sessions, size.cohorts, today, size.busyMorning, TOPICS]);
    await client.query(STATEMENTS.sessionInstructors, [size.sessions, size.cohorts, size.instructors]);
    await client.query(STATEMENTS.enrolments, [size.cohorts, size.trainees, ENROLMENTS_PER_COHORT]);
    trainee.id = (await client.query<{ id: string }>(`SELECT md5('trainee-1')::uuid AS id`)).rows[0].id;
    await client.query(STATEMENTS.traineeEnrolments, [trainee.id, today]);
    await client.query(STATEMENTS.traineePassword, [trainee.id, passwordHash]);
    await client.query(STATEMENTS.apiToken, [trainee.id, API_TOKEN.slice(0, 10), sha256(API_TOKEN)]);
    await client.query('COMMIT');
    // What autovacuum would have done by the time a real platform held this much.
    await client.query('VACUUM ANALYZE');
    const counted = await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM cohorts) AS cohorts,
              (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM session_instructors) AS session_instructors,
              (SELECT count(*) FROM enrolments) AS enrolments`,
    );
    const counts = Object.fromEntries(Object.entries(counted.rows[0]).map(([k, v]) => [k, Number(v)]));
    return { trainee, scanAt: new Date(scanAt), seconds: (Date.now() - started) / 1000, counts };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
