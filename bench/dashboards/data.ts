import { Client } from 'pg';
import type * as Passwords from '../../src/auth/passwords';
import type * as Secrets from '../../src/auth/secrets';
import { fromDist } from '../lib/built-app';
import { CREATE_KID_FUNCTION } from '../lib/ids';
import { loadReports, type ReportsSize } from '../reports/data';

/**
 * The home pages' data set: issue "Reports"' (10,000 trainees in 500 cohorts of 20, 20,000 sessions, 100,000
 * submissions a third of them waiting for a grade), and besides, a final exam of every cohort (its online window
 * next week), the programme's indicators, and a person of each role who signs in: the first cohort's first
 * trainee, its instructor and an administrator.
 */
export interface Person {
  email: string;
  password: string;
  apiToken: string;
}

export interface LoadedDashboards {
  trainee: Person;
  instructor: Person;
  admin: Person;
  seconds: number;
  counts: Record<string, number>;
}

const PASSWORD = 'Bench-sakums-2012';
// Fixed secrets in the shape ApiTokensService makes (kst_ + 43 base64url characters); only their SHA-256 is stored.
const TRAINEE_TOKEN = 'kst_benchHomeTraineeAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const STATEMENTS = {
  traineePassword: `UPDATE users SET password_hash = $1 WHERE id = pg_temp.kid('trainee-1')`,
  tokens: `
    INSERT INTO api_tokens (user_id, name, prefix, token_hash, created_by_id)
    VALUES (pg_temp.kid('trainee-1'), 'Benchmark', $1, $2, NULL)`,
  exams: `
    INSERT INTO exams (cohort_id, title, mode, pass_mark, pass_mark_unit, max_points, opens_at, closes_at, time_limit_minutes,
                       selection, results_shown, version)
    SELECT c.id, 'Noslēguma eksāmens', 'online', 50, 'percent', 20, now() + interval '7 days', now() + interval '7 days 3 hours', 60,
           '{"kind":"fixed","questionIds":[]}'::jsonb, 'on_release', 1
      FROM cohorts c`,
  indicators: `
    INSERT INTO indicators (programme_id, name_lv, metric, target, position)
    VALUES (pg_temp.kid('programme'), 'Apmācīti darbinieki', 'trainees_enrolled', 12000, 0),
           (pg_temp.kid('programme'), 'Pabeiguši mācības', 'trainees_completed', 9000, 1),
           (pg_temp.kid('programme'), 'Notikušas nodarbības', 'sessions_held', 15000, 2)`,
};

export async function loadDashboards(databaseUrl: string, size: ReportsSize): Promise<LoadedDashboards> {
  const started = Date.now();
  const reports = await loadReports(databaseUrl, size);
  const { hashPassword } = fromDist<typeof Passwords>('auth/passwords');
  const { sha256 } = fromDist<typeof Secrets>('auth/secrets');
  const passwordHash = await hashPassword(PASSWORD);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Same ids as the reports' data set (bench/reports/data.ts).
    await client.query(CREATE_KID_FUNCTION);
    await client.query('BEGIN');
    await client.query(STATEMENTS.traineePassword, [passwordHash]);
    await client.query(STATEMENTS.tokens, [TRAINEE_TOKEN.slice(0, 10), sha256(TRAINEE_TOKEN)]);
    await client.query(STATEMENTS.exams);
    await client.query(STATEMENTS.indicators);
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE');
    const { rows } = await client.query<{ exams: string }>('SELECT count(*) AS exams FROM exams');
    return {
      trainee: { email: 'kursants1@bench.kursors.test', password: PASSWORD, apiToken: TRAINEE_TOKEN },
      instructor: reports.instructor,
      // The reports' data set's administrator.
      admin: reports.admin,
      seconds: (Date.now() - started) / 1000,
      counts: { ...reports.counts, exams: Number(rows[0].exams) },
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
