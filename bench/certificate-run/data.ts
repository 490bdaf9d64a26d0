import { randomBytes } from 'node:crypto';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import type * as Secrets from '../../src/auth/secrets';
import type * as StorageKeys from '../../src/storage/storage-keys';
import { fromDist } from '../lib/built-app';
import { CREATE_KID_FUNCTION } from '../lib/ids';
import { ROOT } from '../lib/processes';

export interface LoadedCohort {
  cohortId: string;
  programmeId: string;
  /** The administrator's personal API token. */
  apiToken: string;
}

/** The programme's template, as an administrator would fill it in (and as the bare loop's document repeats it). */
export const TEMPLATE = {
  titleLv: 'Apliecība',
  placeLv: 'Daugavpils',
  learningOutcomesLv: [
    'Pārzina projektu vadības ciklu un tā posmus.',
    'Prot sagatavot projekta pieteikumu un budžetu.',
    'Spēj novērtēt projekta riskus un plānot to mazināšanu.',
  ],
  signatories: [
    { name: 'Žanna Ķirķe', position: 'Projekta vadītāja' },
    { name: 'Mārtiņš Gailītis', position: 'Mācību daļas vadītājs' },
  ],
  issuerLv: 'Daugavpils pilsētas dome',
  serialFormat: 'DPD-{YYYY}/{NNNN}',
};

/**
 * A programme with its certificate template and its funder's logo (a JPEG in the platform's storage), a part of 40
 * hours and one cohort of `trainees` trainees, every one of them completed (as the completion rule leaves an
 * enrolment that met it), none holding a certificate yet; and an administrator with an API token. Set-based SQL,
 * ids made from a name and a number (`pg_temp.kid`). Every trainee reads Latvian, so every certificate is the same kind of PDF.
 */
const STATEMENTS: { sql: string; params: 'trainees' | 'logo' | 'template' | 'none' }[] = [
  {
    sql: `INSERT INTO users (id, email, name, roles, language)
   SELECT pg_temp.kid('run-trainee-' || i), 'kursants' || i || '@run.kursors.test',
          (ARRAY['Ērika', 'Jānis', 'Līga', 'Ģirts', 'Žanete', 'Ņikita', 'Ilze', 'Kārlis'])[1 + i % 8] || ' ' ||
          (ARRAY['Šķēle', 'Bērziņš', 'Ozoliņa', 'Kalniņš', 'Ļaudaviņa', 'Čakste', 'Pūce', 'Zīle'])[1 + (i / 8) % 8] || ' ' || i,
          '{trainee}'::varchar[], 'lv'
     FROM generate_series(1, $1::int) AS i`,
    params: 'trainees',
  },
  {
    sql: `INSERT INTO programmes (id, title_lv, status, project_title, agreement_number, funder, funding_statement, logo_key, logo_mime_type)
   VALUES (pg_temp.kid('run-programme'), 'Daugavpils pašvaldības darbinieku kursu cikla programma', 'active', 'Kompetenču pilnveide',
           '1DP/1.5.2.2.3/11/APIA/SIF/110/71', 'ESF',
           'Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu.', $1, 'image/jpeg')`,
    params: 'logo',
  },
  {
    sql: `INSERT INTO certificate_templates (programme_id, title_lv, title_en, place_lv, place_en, learning_outcomes_lv, signatories,
                                     issuer_lv, issuer_en, serial_format)
   VALUES (pg_temp.kid('run-programme'), $1, 'Certificate', $2, $2, $3::text[], $4::jsonb, $5, 'Daugavpils City Council', $6)`,
    params: 'template',
  },
  {
    sql: `INSERT INTO parts (id, programme_id, number, title_lv, academic_hours, min_attendance_percent)
   VALUES (pg_temp.kid('run-part'), pg_temp.kid('run-programme'), 1, 'Projektu vadības specifika dažāda veida projektos', 40, 80)`,
    params: 'none',
  },
  {
    sql: `INSERT INTO cohorts (id, part_id, name, starts_on, ends_on, capacity)
   VALUES (pg_temp.kid('run-cohort'), pg_temp.kid('run-part'), 'Projektu vadība, 2026. gada rudens', '2026-09-07', '2026-11-27', $1::int)`,
    params: 'trainees',
  },
  {
    sql: `INSERT INTO enrolments (id, cohort_id, user_id, status, enrolled_at)
   SELECT pg_temp.kid('run-enrolment-' || i), pg_temp.kid('run-cohort'), pg_temp.kid('run-trainee-' || i), 'enrolled', timestamptz '2026-09-01 10:00+03'
     FROM generate_series(1, $1::int) AS i`,
    params: 'trainees',
  },
  {
    sql: `INSERT INTO enrolment_completions (enrolment_id, state, completed_at)
   SELECT pg_temp.kid('run-enrolment-' || i), 'completed', timestamptz '2026-11-27 16:00+02'
     FROM generate_series(1, $1::int) AS i`,
    params: 'trainees',
  },
];

export async function loadCompletedCohort(databaseUrl: string, uploadDir: string, trainees: number): Promise<LoadedCohort> {
  const { sha256 } = fromDist<typeof Secrets>('auth/secrets');
  const { newStorageKey } = fromDist<typeof StorageKeys>('storage/storage-keys');
  const logoKey = newStorageKey('logo');
  // The local storage driver keeps a file as <root>/<prefix>/<first two hex digits of its id>/<key>.
  const logoDir = join(uploadDir, 'logo', logoKey.slice('logo-'.length, 'logo-'.length + 2));
  await mkdir(logoDir, { recursive: true });
  await copyFile(join(ROOT, 'test', 'fixtures', 'funder-logo.jpg'), join(logoDir, logoKey));

  const apiToken = `kst_${randomBytes(32).toString('base64url')}`;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(CREATE_KID_FUNCTION);
    const params: Record<(typeof STATEMENTS)[number]['params'], unknown[]> = {
      trainees: [trainees],
      logo: [logoKey],
      template: [
        TEMPLATE.titleLv,
        TEMPLATE.placeLv,
        TEMPLATE.learningOutcomesLv,
        JSON.stringify(TEMPLATE.signatories),
        TEMPLATE.issuerLv,
        TEMPLATE.serialFormat,
      ],
      none: [],
    };
    for (const statement of STATEMENTS) await client.query(statement.sql, params[statement.params]);
    const {
      rows: [admin],
    } = await client.query<{ id: string }>(
      `INSERT INTO users (email, name, roles, language) VALUES ('administratore@run.kursors.test', 'Administratore Inese Ķirse', '{admin}'::varchar[], 'lv')
       RETURNING id`,
    );
    await client.query(`INSERT INTO api_tokens (user_id, name, prefix, token_hash) VALUES ($1, 'Benchmark', $2, $3)`, [
      admin.id,
      apiToken.slice(0, 10),
      sha256(apiToken),
    ]);
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE');
    const { rows } = await client.query<{ cohort: string; programme: string }>(
      `SELECT pg_temp.kid('run-cohort') AS cohort, pg_temp.kid('run-programme') AS programme`,
    );
    return { cohortId: rows[0].cohort, programmeId: rows[0].programme, apiToken };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** What the benchmark checks of the certificates a run issued. */
export interface IssuedCertificate {
  id: string;
  serial: string;
  verification_code: string;
  holder_name: string;
  issued_at: Date;
  status: string;
  file_key: string;
  file_size: number;
  sha256: string;
}

export async function issuedCertificates(databaseUrl: string, programmeId: string): Promise<IssuedCertificate[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<IssuedCertificate>(
      `SELECT id, serial, verification_code, holder_name, issued_at, status, file_key, file_size, sha256
         FROM certificates WHERE programme_id = $1 ORDER BY serial COLLATE "C"`,
      [programmeId],
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** The run's times as PostgreSQL recorded them, and the emails its certificates queued. */
export async function runFacts(
  databaseUrl: string,
  runId: string,
): Promise<{ seconds: number; issued: number; failed: number; status: string; emails: number }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const {
      rows: [run],
    } = await client.query<{ seconds: number; issued: number; failed: number; status: string }>(
      `SELECT extract(epoch FROM finished_at - created_at)::float8 AS seconds, issued, failed, status FROM certificate_runs WHERE id = $1`,
      [runId],
    );
    const {
      rows: [outbox],
    } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_messages WHERE template = 'certificate-issued'`);
    return { ...run, emails: outbox.n };
  } finally {
    await client.end();
  }
}
