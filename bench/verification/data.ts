import { Client } from 'pg';

/** How many certificates the benchmark database holds; every tenth was reissued once, every fiftieth revoked. */
export const CERTIFICATES = 20_000;

export interface LoadedCertificates {
  /** Verification codes to ask for, a spread of valid, replaced, reissued and revoked ones. */
  codes: string[];
  seconds: number;
}

/**
 * Set-based SQL, ids md5 of a name and a number so each statement can point at another's rows. A code is the
 * first 16 hex digits of an md5, upper case: hex digits are all in the codes' alphabet.
 */
const STATEMENTS = [
  `INSERT INTO users (id, email, name, roles, language)
   SELECT md5('holder-' || i)::uuid, 'turetajs' || i || '@bench.kursors.test', 'Turētājs Ģirts Žūriņš ' || i, '{trainee}', 'lv'
     FROM generate_series(1, $1::int) AS i`,
  `INSERT INTO programmes (id, title_lv, status, project_title, agreement_number, funder, funding_statement)
   VALUES (md5('programme')::uuid, 'Daugavpils pašvaldības darbinieku kursu cikla programma', 'active', 'Projekts',
           '1DP/1.5.2.2.3/11/APIA/SIF/110/71', 'ESF', 'Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu.')`,
  `INSERT INTO parts (id, programme_id, number, title_lv, academic_hours)
   SELECT md5('part-' || n)::uuid, md5('programme')::uuid, n, 'Projektu vadības specifika ' || n, 40 FROM generate_series(1, 2) AS n`,
  `INSERT INTO certificates (id, serial, verification_code, programme_id, part_id, user_id, enrolment_ids, holder_name, language,
                             programme_title, part_title, academic_hours, issuer_name, issued_at, status, revoked_at, revocation_reason,
                             file_key, file_size, sha256)
   SELECT md5('certificate-' || i)::uuid, 'DPD-2012/' || lpad(i::text, 5, '0'), upper(substr(md5('code-' || i), 1, 16)),
          md5('programme')::uuid, md5('part-' || (1 + i % 2))::uuid, md5('holder-' || i)::uuid, '{}',
          'Turētājs Ģirts Žūriņš ' || i, 'lv', 'Daugavpils pašvaldības darbinieku kursu cikla programma',
          'Projektu vadības specifika ' || (1 + i % 2), 40, 'Daugavpils pilsētas dome',
          timestamptz '2012-06-20 12:00+03' + i * interval '1 minute',
          CASE WHEN i % 10 = 0 THEN 'replaced' WHEN i % 50 = 1 THEN 'revoked' ELSE 'valid' END,
          CASE WHEN i % 50 = 1 THEN timestamptz '2012-08-01 12:00+03' END,
          CASE WHEN i % 50 = 1 THEN 'issued_in_error' END,
          'certificate-' || md5('file-' || i), 20000, md5('a' || i) || md5('b' || i)
     FROM generate_series(1, $1::int) AS i`,
  `INSERT INTO certificates (id, serial, verification_code, programme_id, part_id, user_id, enrolment_ids, holder_name, language,
                             programme_title, part_title, academic_hours, issuer_name, issued_at, status, replaces_id, file_key, file_size, sha256)
   SELECT md5('reissue-' || i)::uuid, 'DPD-2012/R' || lpad(i::text, 5, '0'), upper(substr(md5('recode-' || i), 1, 16)),
          md5('programme')::uuid, md5('part-' || (1 + i % 2))::uuid, md5('holder-' || i)::uuid, '{}',
          'Turētājs Ģirts Žūriņš ' || i, 'lv', 'Daugavpils pašvaldības darbinieku kursu cikla programma',
          'Projektu vadības specifika ' || (1 + i % 2), 40, 'Daugavpils pilsētas dome',
          timestamptz '2012-08-01 12:00+03', 'valid', md5('certificate-' || i)::uuid,
          'certificate-' || md5('refile-' || i), 20000, md5('c' || i) || md5('d' || i)
     FROM generate_series(10, $1::int, 10) AS i`,
];

export async function loadCertificates(databaseUrl: string): Promise<LoadedCertificates> {
  const started = Date.now();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const statement of STATEMENTS) await client.query(statement, statement.includes('$1') ? [CERTIFICATES] : []);
    await client.query('VACUUM ANALYZE');
    const { rows } = await client.query<{ verification_code: string }>(
      `SELECT verification_code FROM certificates ORDER BY md5(id::text) LIMIT 1000`,
    );
    return { codes: rows.map((r) => r.verification_code), seconds: (Date.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}
