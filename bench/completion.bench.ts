import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type * as Completion from '../src/completion/completion.module';
import type * as Records from '../src/completion/completion-records.service';
import type * as CompletionServiceModule from '../src/completion/completion.service';
import type * as Core from '../src/core.module';
import type * as Migrate from '../src/database/migrate';
import type * as UnitOfWork from '../src/database/unit-of-work';
import { fromDist } from './lib/built-app';
import { freshDatabase } from './lib/database';
import type { BenchRow } from './lib/report';
import { round } from './lib/stats';

/**
 * Issue "Completion and certificates", item 1: completion is re-evaluated in the transaction of every change that
 * affects it, by one set-based read per scope. What that costs, against the bare statements it cannot do without,
 * run in the same process on the same data: a part of 40 cohorts × 30 trainees, each cohort with 20 sessions
 * (one a seminar) marked, 2 graded assignments and a released exam.
 */
const COHORTS = 40;
const TRAINEES = 30;
const SESSIONS = 20;
const SESSION_ROUNDS = 60;
const RULE_ROUNDS = 6;
const DATABASE = 'kursors_bench_completion';

const log = (message: string) => process.stdout.write(`completion: ${message}\n`);

const PART = `md5('bench-part')::uuid`;
const LOAD = [
  `INSERT INTO users (id, email, name, roles, language)
   SELECT md5('trainee-' || i)::uuid, 'kursants' || i || '@bench.kursors.test', 'Kursants ' || i, '{trainee}'::varchar[], 'lv'
     FROM generate_series(1, ${COHORTS * TRAINEES}) AS i`,
  `INSERT INTO programmes (id, title_lv, status, project_title, agreement_number, funder, funding_statement)
   VALUES (md5('bench-programme')::uuid, 'Projektu vadība', 'active', 'Kompetenču paaugstināšana', '1DP/1.5.2.2.3/11/APIA/SIF/110/71', 'ESF', 'ESF.')`,
  `INSERT INTO parts (id, programme_id, number, title_lv, academic_hours, min_attendance_percent, requires_independent_work,
                      requires_final_exam, closes_with_seminar)
   VALUES (${PART}, md5('bench-programme')::uuid, 1, 'Projektu vadība', 64, 80, true, true, true)`,
  `INSERT INTO cohorts (id, part_id, name, starts_on, ends_on, capacity)
   SELECT md5('cohort-' || c)::uuid, ${PART}, 'Grupa ' || c, '2012-09-05', '2012-12-14', ${TRAINEES}
     FROM generate_series(1, ${COHORTS}) AS c`,
  `INSERT INTO enrolments (id, cohort_id, user_id, status, enrolled_at)
   SELECT md5('enrolment-' || t)::uuid, md5('cohort-' || ((t - 1) / ${TRAINEES} + 1))::uuid, md5('trainee-' || t)::uuid, 'enrolled', '2012-09-01'
     FROM generate_series(1, ${COHORTS * TRAINEES}) AS t`,
  `INSERT INTO sessions (id, cohort_id, kind, title, starts_at, ends_at)
   SELECT md5('session-' || c || '-' || s)::uuid, md5('cohort-' || c)::uuid, CASE WHEN s = ${SESSIONS} THEN 'seminar' ELSE 'class' END,
          'Nodarbība ' || s, timestamptz '2012-09-05 07:00Z' + make_interval(days => 4 * s), timestamptz '2012-09-05 10:00Z' + make_interval(days => 4 * s)
     FROM generate_series(1, ${COHORTS}) AS c CROSS JOIN generate_series(1, ${SESSIONS}) AS s`,
  `INSERT INTO attendances (session_id, user_id, status)
   SELECT md5('session-' || ((t - 1) / ${TRAINEES} + 1) || '-' || s)::uuid, md5('trainee-' || t)::uuid,
          CASE (t * 7 + s * 13) % 23 WHEN 0 THEN 'absent' WHEN 1 THEN 'excused' WHEN 2 THEN 'late' ELSE 'present' END
     FROM generate_series(1, ${COHORTS * TRAINEES}) AS t CROSS JOIN generate_series(1, ${SESSIONS}) AS s`,
  `INSERT INTO assignments (id, cohort_id, title, opens_at, due_at, cutoff_at, grading_type, max_points, pass_mark)
   SELECT md5('assignment-' || c || '-' || a)::uuid, md5('cohort-' || c)::uuid, 'Darbs ' || a, '2012-10-01', '2012-11-01', '2012-11-03', 'points', 10, 5
     FROM generate_series(1, ${COHORTS}) AS c CROSS JOIN generate_series(1, 2) AS a`,
  `INSERT INTO submissions (id, assignment_id, user_id, submitted_version, graded_version, submitted_at)
   SELECT md5('submission-' || t || '-' || a)::uuid, md5('assignment-' || ((t - 1) / ${TRAINEES} + 1) || '-' || a)::uuid, md5('trainee-' || t)::uuid,
          1, 1, '2012-10-30'
     FROM generate_series(1, ${COHORTS * TRAINEES}) AS t CROSS JOIN generate_series(1, 2) AS a`,
  `INSERT INTO grades (submission_id, version_number, score, passed, status, released_at, revision)
   SELECT s.id, 1, 5 + hashtext(s.id::text) & 3, true, 'released', '2012-11-10', 1 FROM submissions s`,
  `INSERT INTO exams (id, cohort_id, title, mode, pass_mark, pass_mark_unit, max_points, released_at, version)
   SELECT md5('exam-' || c)::uuid, md5('cohort-' || c)::uuid, 'Gala eksāmens', 'in_person', 60, 'percent', 100, '2012-12-21', 1
     FROM generate_series(1, ${COHORTS}) AS c`,
  `INSERT INTO exam_results (exam_id, user_id, status, score, version)
   SELECT md5('exam-' || ((t - 1) / ${TRAINEES} + 1))::uuid, md5('trainee-' || t)::uuid,
          CASE WHEN t % 9 = 0 THEN 'failed' ELSE 'passed' END, CASE WHEN t % 9 = 0 THEN 40 ELSE 75 END, 1
     FROM generate_series(1, ${COHORTS * TRAINEES}) AS t`,
];

async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

async function millis(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run(): Promise<BenchRow[]> {
  const url = await freshDatabase(DATABASE);
  await fromDist<typeof Migrate>('database/migrate').runMigrations({ DATABASE_URL: url });
  const bare = new Client({ connectionString: url });
  await bare.connect();
  const loadStarted = Date.now();
  for (const statement of LOAD) await bare.query(statement);
  await bare.query('VACUUM ANALYZE');
  log(
    `loaded ${COHORTS * TRAINEES} enrolments, ${COHORTS * TRAINEES * SESSIONS} marks in ${round((Date.now() - loadStarted) / 1000, 1)} s`,
  );

  const { CoreModule } = fromDist<typeof Core>('core.module');
  const { CompletionModule } = fromDist<typeof Completion>('completion/completion.module');
  const { CompletionService } = fromDist<typeof CompletionServiceModule>('completion/completion.service');
  const { CompletionRecords } = fromDist<typeof Records>('completion/completion-records.service');
  const { unitOfWork } = fromDist<typeof UnitOfWork>('database/unit-of-work');

  @Module({ imports: [CoreModule, CompletionModule] })
  class CompletionBenchModule {}

  const context = await withEnv({ DATABASE_URL: url, LOG_LEVEL: 'warn', DATABASE_MIGRATE_ON_START: 'false' }, () =>
    NestFactory.createApplicationContext(CompletionBenchModule, { logger: ['error', 'warn'] }),
  );
  try {
    const completion = context.get(CompletionService);
    const records = context.get(CompletionRecords);
    const dataSource = context.get(DataSource);
    const partId = (await bare.query<{ id: string }>(`SELECT ${PART} AS id`)).rows[0].id;
    // The floor: the scope's facts read by the same statement re-evaluation uses, and nothing else.
    const factsOnly = (scope: Records.CompletionScope) => unitOfWork(dataSource, (manager) => records.facts(manager, scope));

    // 1. The whole part for the first time: every row inserted.
    const first = await millis(() => unitOfWork(dataSource, (manager) => completion.reevaluate(manager, { partId })));
    const firstFloor: number[] = [];
    for (let i = 0; i < 3; i++) firstFloor.push(await millis(() => factsOnly({ partId })));
    log(`whole part the first time: ${round(first, 1)} ms (its facts alone ${round(median(firstFloor), 1)} ms)`);

    // 2. One session's marks changed, then its cohort re-evaluated: what marking attendance now does.
    const withCompletion: number[] = [];
    const withFacts: number[] = [];
    const writeOnly: number[] = [];
    const toggle = `UPDATE attendances SET status = CASE status WHEN 'present' THEN 'late' ELSE 'present' END WHERE session_id = $1`;
    for (let i = 0; i < SESSION_ROUNDS; i++) {
      const c = (i % COHORTS) + 1;
      const { rows } = await bare.query<{ cohort: string; session: string }>(
        `SELECT md5('cohort-' || $1::int)::uuid AS cohort, md5('session-' || $1::int || '-1')::uuid AS session`,
        [c],
      );
      const [{ cohort: cohortId, session: sessionId }] = rows;
      withCompletion.push(
        await millis(() =>
          unitOfWork(dataSource, async (manager) => {
            await manager.query(toggle, [sessionId]);
            await completion.reevaluate(manager, { cohortId });
          }),
        ),
      );
      withFacts.push(
        await millis(() =>
          unitOfWork(dataSource, async (manager) => {
            await manager.query(toggle, [sessionId]);
            await records.facts(manager, { cohortId });
          }),
        ),
      );
      writeOnly.push(await millis(() => unitOfWork(dataSource, (manager) => manager.query(toggle, [sessionId]))));
    }

    // 3. A rule change over the part: the minimum moves between 80 % and 75 %, every enrolment looked at.
    const ruleChange: number[] = [];
    const ruleFloor: number[] = [];
    for (let i = 0; i < RULE_ROUNDS; i++) {
      ruleChange.push(
        await millis(() =>
          unitOfWork(dataSource, async (manager) => {
            await manager.query(`UPDATE parts SET min_attendance_percent = $2 WHERE id = $1`, [partId, i % 2 ? 80 : 75]);
            await completion.reevaluate(manager, { partId });
          }),
        ),
      );
      ruleFloor.push(await millis(() => factsOnly({ partId })));
    }
    const [counts] = (
      await bare.query<{ completed: number; total: number }>(
        `SELECT (SELECT count(*)::int FROM completed_enrolments) AS completed, (SELECT count(*)::int FROM enrolment_completions) AS total`,
      )
    ).rows;
    log(`${counts.completed} of ${counts.total} enrolments completed after the last rule change`);

    const session = median(withCompletion);
    const sessionFloor = median(withFacts);
    const rule = median(ruleChange);
    const ruleBase = median(ruleFloor);
    return [
      {
        name: `enrolments in the part (${COHORTS} cohorts × ${TRAINEES}, ${SESSIONS} sessions each)`,
        value: COHORTS * TRAINEES,
        unit: 'rows',
      },
      {
        name: 'whole part re-evaluated the first time (every row written) vs its facts read alone',
        value: round(first, 1),
        unit: 'ms',
        baseline: round(median(firstFloor), 1),
        ratio: round(first / median(firstFloor), 2),
      },
      {
        name: "a session's marks changed + its cohort (30) re-evaluated vs the same change + the facts read alone (median)",
        value: round(session, 2),
        unit: 'ms',
        baseline: round(sessionFloor, 2),
        ratio: round(session / sessionFloor, 2),
      },
      {
        name: "the same session's marks changed with no completion at all (median)",
        value: round(median(writeOnly), 2),
        unit: 'ms',
      },
      {
        name: 'a rule change re-evaluating the whole part vs its facts read alone (median)',
        value: round(rule, 1),
        unit: 'ms',
        baseline: round(ruleBase, 1),
        ratio: round(rule / ruleBase, 2),
      },
    ];
  } finally {
    await context.close();
    await bare.end();
  }
}
