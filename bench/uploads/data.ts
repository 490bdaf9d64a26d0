import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type * as Secrets from '../../src/auth/secrets';
import { fromDist } from '../lib/built-app';

/** A cohort whose trainees all hand in the same assignment at once, one assignment per round. */
export interface UploadsSize {
  trainees: number;
  /** Each round submits a fresh assignment, so every upload is a first submission (no earlier files to carry over). */
  assignments: number;
  maxFileSizeMb: number;
}

export interface LoadedUploads {
  /** Bearer secrets, one per trainee, in trainee order. */
  tokens: string[];
  /** In round order. */
  assignmentIds: string[];
}

/** Ids are md5 of a name and a number, as in the grading benchmark's data; assignment ids come from the caller. */
const STATEMENTS = {
  trainees: `
    INSERT INTO users (id, email, name, roles, language)
    SELECT md5('upload-trainee-' || i)::uuid, 'iesniedzejs' || i || '@bench.kursors.test', 'Iesniedzējs ' || i, '{trainee}'::varchar[], 'lv'
      FROM generate_series(1, $1::int) AS i`,
  programme: `
    INSERT INTO programmes (id, title_lv, status, project_title, agreement_number, funder, funding_statement)
    VALUES (md5('upload-programme')::uuid, 'Projektu vadība', 'active', 'Kompetenču paaugstināšana', 'BENCH/UPLOADS', 'ESF', 'Finansēts ar ESF atbalstu.')`,
  part: `
    INSERT INTO parts (id, programme_id, number, title_lv, academic_hours, requires_independent_work)
    VALUES (md5('upload-part')::uuid, md5('upload-programme')::uuid, 1, 'Projektu vadība', 64, true)`,
  cohort: `
    INSERT INTO cohorts (id, part_id, name, starts_on, ends_on, capacity)
    VALUES (md5('upload-cohort')::uuid, md5('upload-part')::uuid, 'Iesniegumu grupa', current_date - 30, current_date + 30, $1::int)`,
  enrolments: `
    INSERT INTO enrolments (cohort_id, user_id, status, enrolled_at)
    SELECT md5('upload-cohort')::uuid, md5('upload-trainee-' || i)::uuid, 'enrolled', now() - interval '30 days'
      FROM generate_series(1, $1::int) AS i`,
  // Open for a week either side of now, PDF only, one file each. Ids from the caller: paths take RFC 9562 UUIDs only.
  assignments: `
    INSERT INTO assignments (id, cohort_id, title, opens_at, due_at, cutoff_at, max_files, max_file_size_mb, accepted_types, grading_type, max_points, pass_mark)
    SELECT a.id, md5('upload-cohort')::uuid, 'Projekta pieteikums ' || a.n,
           now() - interval '7 days', now() + interval '7 days', now() + interval '10 days', 1, $2::int, '{pdf}', 'points', 10, 5
      FROM unnest($1::uuid[]) WITH ORDINALITY AS a(id, n)`,
  tokens: `
    INSERT INTO api_tokens (user_id, name, prefix, token_hash)
    SELECT md5('upload-trainee-' || t.i)::uuid, 'Benchmark', t.prefix, t.hash
      FROM unnest($1::int[], $2::text[], $3::text[]) AS t(i, prefix, hash)`,
};

/** Fills a migrated, empty database: the trainees, their cohort, one assignment per round and an API token each. */
export async function loadUploads(databaseUrl: string, size: UploadsSize): Promise<LoadedUploads> {
  const { sha256 } = fromDist<typeof Secrets>('auth/secrets');
  const tokens = Array.from({ length: size.trainees }, () => `kst_${randomBytes(32).toString('base64url')}`);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(STATEMENTS.trainees, [size.trainees]);
    await client.query(STATEMENTS.programme);
    await client.query(STATEMENTS.part);
    await client.query(STATEMENTS.cohort, [size.trainees]);
    await client.query(STATEMENTS.enrolments, [size.trainees]);
    const assignmentIds = Array.from({ length: size.assignments }, () => randomUUID());
    await client.query(STATEMENTS.assignments, [assignmentIds, size.maxFileSizeMb]);
    await client.query(STATEMENTS.tokens, [tokens.map((_, i) => i + 1), tokens.map((t) => t.slice(0, 10)), tokens.map((t) => sha256(t))]);
    await client.query('COMMIT');
    return { tokens, assignmentIds };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** The files the web process recorded for an assignment, with the sizes it measured. */
export async function recordedFiles(databaseUrl: string, assignmentId: string): Promise<{ storageKey: string; size: number; sha256: string; state: string }[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ storage_key: string; size: string; sha256: string; submitted: boolean }>(
      `SELECT f.storage_key, f.size, f.sha256, v.submitted_at IS NOT NULL AS submitted
         FROM submissions s JOIN submission_versions v ON v.submission_id = s.id JOIN submission_files f ON f.version_id = v.id
        WHERE s.assignment_id = $1`,
      [assignmentId],
    );
    return rows.map((row) => ({ storageKey: row.storage_key, size: Number(row.size), sha256: row.sha256, state: row.submitted ? 'submitted' : 'draft' }));
  } finally {
    await client.end();
  }
}
