import { Client } from 'pg';
import type { OutboxMessage } from '../../src/notifications/outbox-message.entity';

/** Trainees per cohort; each cohort has one class due for its 24-hour reminder. */
export const PER_COHORT = 20;

/**
 * `trainees` trainees in cohorts of twenty, each cohort with one class starting 23 hours from now: a reminder scan
 * run now finds every class's 24-hour reminder due (an hour late, well within REMINDER_MAX_LATE_MINUTES) and writes
 * one email per trainee. Set-based SQL; ids are md5 of a name and a number.
 */
const STATEMENTS = [
  `INSERT INTO users (id, email, name, roles, department, language, password_hash)
   SELECT md5('fanout-trainee-' || i)::uuid, 'kursants' || i || '@fanout.kursors.test', 'Kursants ' || i, '{trainee}'::varchar[],
          'Nodaļa ' || (i % 40 + 1), CASE WHEN i % 10 = 0 THEN 'en' ELSE 'lv' END, NULL
     FROM generate_series(1, $1::int) AS i`,
  `INSERT INTO programmes (id, title_lv, status, project_title, agreement_number, funder, funding_statement)
   VALUES (md5('fanout-programme')::uuid, 'Valsts pārvaldes darbinieku mācības', 'active', 'Kompetenču paaugstināšana',
           '9.2.1/1', 'ESF', 'Finansēts ar Eiropas Sociālā fonda atbalstu.')`,
  `INSERT INTO parts (id, programme_id, number, title_lv, academic_hours, min_attendance_percent)
   VALUES (md5('fanout-part')::uuid, md5('fanout-programme')::uuid, 1, 'Projektu vadība', 40, 80)`,
  `INSERT INTO cohorts (id, part_id, name, starts_on, ends_on, capacity)
   SELECT md5('fanout-cohort-' || c)::uuid, md5('fanout-part')::uuid, 'Grupa ' || c, current_date, current_date + 30, ${PER_COHORT}
     FROM generate_series(1, ceil($1::int / ${PER_COHORT}.0)::int) AS c`,
  `INSERT INTO sessions (id, cohort_id, kind, title, starts_at, ends_at, address, room, status)
   SELECT md5('fanout-session-' || c)::uuid, md5('fanout-cohort-' || c)::uuid, 'class', 'Projektu vadība (' || c || ')',
          date_trunc('minute', now()) + interval '23 hours', date_trunc('minute', now()) + interval '26 hours',
          'Rīgas iela ' || (c % 90 + 1) || ', Daugavpils', (c % 30 + 101) || '. telpa', 'scheduled'
     FROM generate_series(1, ceil($1::int / ${PER_COHORT}.0)::int) AS c`,
  `INSERT INTO enrolments (cohort_id, user_id, status, enrolled_at)
   SELECT md5('fanout-cohort-' || ((i - 1) / ${PER_COHORT} + 1))::uuid, md5('fanout-trainee-' || i)::uuid, 'enrolled', now() - interval '7 days'
     FROM generate_series(1, $1::int) AS i`,
];

export async function loadFanout(databaseUrl: string, trainees: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const sql of STATEMENTS) await client.query(sql, sql.includes('$1') ? [trainees] : []);
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

export type OutboxEmail = Pick<
  OutboxMessage,
  'recipientEmail' | 'subject' | 'html' | 'text' | 'messageId' | 'category' | 'data' | 'status'
>;

/** The emails in the outbox, as the mailer reads them. */
export async function outboxEmails(databaseUrl: string): Promise<OutboxEmail[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<OutboxEmail>(
      `SELECT recipient_email AS "recipientEmail", subject, html, text, message_id AS "messageId", category, data, status
         FROM outbox_messages ORDER BY created_at, id`,
    );
    return rows;
  } finally {
    await client.end();
  }
}
