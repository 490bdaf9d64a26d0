import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Cohort } from '../src/cohorts/cohort.entity';
import { AppConfig } from '../src/config/app-config';
import { AssignmentNotices } from '../src/assignments/assignment-notices';
import { AssignmentRecords } from '../src/assignments/assignment-records.service';
import { unitOfWork } from '../src/database/unit-of-work';
import { GradingDigest } from '../src/grading/grading-digest';
import { GradingRecords } from '../src/grading/grading-records.service';
import { ASSIGNMENT_REMINDERS_QUEUE, ASSIGNMENT_REMINDERS_SCHEDULER } from '../src/assignments/assignment-reminders.processor';
import { AssignmentRemindersService } from '../src/assignments/assignment-reminders.service';
import { Submission } from '../src/submissions/submission.entity';
import { OutboxService } from '../src/notifications/outbox.service';
import type { User } from '../src/users/user.entity';
import { startWebApp, startWorker, TestApp } from './support/app';
import { createInstructor, createTrainee } from './support/factories';
import { createAssignment, grantExtension, handIn } from './support/grading-factories';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';
import { bullPrefix } from '../src/redis/redis-keys';

interface Row {
  template: string;
  recipient_id: string;
  status: string;
  dedup_key: string;
  subject: string;
  text: string;
}

const minutes = (date: Date, n: number) => new Date(date.getTime() + n * 60_000);

describe('coursework reminders, notices and the grading digest', () => {
  let t: TestApp;
  let scanner: AssignmentRemindersService;

  const outboxFor = (users: User[], templates = ['assignment-reminder', 'assignment-overdue']): Promise<Row[]> =>
    t.dataSource.query(
      `SELECT template, recipient_id, status, dedup_key, subject, text FROM outbox_messages
        WHERE recipient_id = ANY($1::uuid[]) AND template = ANY($2) ORDER BY created_at, dedup_key`,
      [users.map((u) => u.id), templates],
    );
  const countBy = (rows: Row[], user: User) => rows.filter((r) => r.recipient_id === user.id).length;

  async function group(instructors: User[] = []): Promise<Cohort> {
    return createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), { instructors });
  }

  beforeAll(async () => {
    t = await startWebApp();
    const [ds, outbox, config] = [t.app.get(DataSource), t.app.get(OutboxService), t.app.get(AppConfig)];
    scanner = new AssignmentRemindersService(
      ds,
      t.app.get(AssignmentRecords),
      outbox,
      t.app.get(AssignmentNotices),
      new GradingDigest(ds, new GradingRecords(ds), outbox, config),
      config,
    );
  });
  afterAll(() => t.close());

  it('reminds only enrolled trainees who have not handed in, three days and one day before, once each', async () => {
    const cohort = await group();
    const [waiting, drafting, done, withdrawn, waitlisted] = await Promise.all([1, 2, 3, 4, 5].map(() => createTrainee(t.dataSource)));
    await enrol(t.dataSource, cohort, waiting);
    await enrol(t.dataSource, cohort, drafting);
    await enrol(t.dataSource, cohort, done);
    await enrol(t.dataSource, cohort, withdrawn, 'withdrawn');
    await enrol(t.dataSource, cohort, waitlisted, 'waitlisted');
    // 23:59 Riga time (summer, UTC+3) on 15 October 2012.
    const assignment = await createAssignment(
      t.dataSource,
      { cohort },
      { title: 'Projekta budžets', dueAt: new Date('2012-10-15T20:59:00Z') },
    );
    await handIn(t.dataSource, null, assignment, done, { text: 'Gatavs', submittedAt: new Date('2012-10-10T08:00:00Z') });
    await t.dataSource
      .getRepository(Submission)
      .save({ assignmentId: assignment.id, userId: drafting.id, submittedVersion: 0, submittedAt: null });
    const people = [waiting, drafting, done, withdrawn, waitlisted];

    await scanner.scan(new Date('2012-10-12T20:58:59Z'));
    expect(await outboxFor(people)).toEqual([]);
    await scanner.scan(new Date('2012-10-12T20:59:00Z'));
    await scanner.scan(new Date('2012-10-12T21:04:00Z'));
    await Promise.all([scanner.scan(new Date('2012-10-12T21:09:00Z')), scanner.scan(new Date('2012-10-12T21:09:00Z'))]);
    let rows = await outboxFor(people);
    expect(rows.map((r) => r.recipient_id).sort()).toEqual([waiting.id, drafting.id].sort());
    expect(rows.every((r) => r.dedup_key.includes(':72h:') && r.status === 'pending')).toBe(true);
    const mine = rows.find((r) => r.recipient_id === waiting.id)!;
    expect(mine.subject).toBe('Atgādinājums: “Projekta budžets” jāiesniedz līdz 2012. gada 15. oktobrī plkst. 23:59');

    await scanner.scan(new Date('2012-10-14T20:59:00Z'));
    await scanner.scan(new Date('2012-10-14T21:00:00Z'));
    rows = await outboxFor(people);
    expect([
      countBy(rows, waiting),
      countBy(rows, drafting),
      countBy(rows, done),
      countBy(rows, withdrawn),
      countBy(rows, waitlisted),
    ]).toEqual([2, 2, 0, 0, 0]);
  });

  it('keeps a whole-day reminder on the Riga wall clock across the daylight-saving change', async () => {
    const cohort = await group();
    const trainee = await createTrainee(t.dataSource);
    await enrol(t.dataSource, cohort, trainee);
    // 09:00 on Monday 29 October 2012, after clocks went back (UTC+2); three days before is still summer time (UTC+3).
    await createAssignment(t.dataSource, { cohort }, { dueAt: new Date('2012-10-29T07:00:00Z'), reminderOffsetsHours: [72] });
    await scanner.scan(new Date('2012-10-26T05:59:59Z'));
    expect(await outboxFor([trainee])).toEqual([]);
    await scanner.scan(new Date('2012-10-26T06:00:00Z'));
    expect((await outboxFor([trainee])).map((r) => r.dedup_key)).toEqual([expect.stringContaining(':72h:')]);
  });

  it("moves a trainee's reminders to their extended due time and stops the ones of the old time", async () => {
    const cohort = await group();
    const [extended, regular] = await Promise.all([createTrainee(t.dataSource), createTrainee(t.dataSource)]);
    await enrol(t.dataSource, cohort, extended);
    await enrol(t.dataSource, cohort, regular);
    const assignment = await createAssignment(
      t.dataSource,
      { cohort },
      { dueAt: new Date('2012-11-20T10:00:00Z'), reminderOffsetsHours: [24] },
    );
    await scanner.scan(new Date('2012-11-19T10:00:00Z'));
    expect((await outboxFor([extended, regular])).map((r) => [r.recipient_id, r.status])).toEqual(
      expect.arrayContaining([
        [extended.id, 'pending'],
        [regular.id, 'pending'],
      ]),
    );

    const extension = await grantExtension(t.dataSource, assignment, extended, new Date('2012-11-25T10:00:00Z'));
    const written = await unitOfWork(t.dataSource, (manager) => t.app.get(AssignmentNotices).extensionGranted(manager, extension));
    expect(written).toBe(1);
    const [stale] = (await outboxFor([extended])).filter((r) => r.template === 'assignment-reminder');
    expect(stale.status).toBe('suppressed');
    const [notice] = await outboxFor([extended], ['extension-granted']);
    expect(notice.text).toContain('Jaunais termiņš: 2012. gada 25. novembrī plkst. 12:00.');

    // No overdue notice at the assignment's due time for the trainee with more time; the other one gets it.
    await scanner.scan(new Date('2012-11-20T10:01:00Z'));
    const overdue = await outboxFor([extended, regular], ['assignment-overdue']);
    expect(overdue.map((r) => r.recipient_id)).toEqual([regular.id]);
    await scanner.scan(new Date('2012-11-24T10:00:00Z'));
    const reminders = (await outboxFor([extended], ['assignment-reminder'])).filter((r) => r.status === 'pending');
    expect(reminders).toHaveLength(1);
    expect(reminders[0].dedup_key).toContain(`:${Math.floor(new Date('2012-11-25T10:00:00Z').getTime() / 1000)}`);
  });

  it('sends one overdue notice after the due time, and none hours too late or to those who handed in', async () => {
    const cohort = await group();
    const [late, handedIn] = await Promise.all([createTrainee(t.dataSource), createTrainee(t.dataSource)]);
    await enrol(t.dataSource, cohort, late);
    await enrol(t.dataSource, cohort, handedIn);
    const due = new Date('2012-12-03T10:00:00Z');
    const assignment = await createAssignment(
      t.dataSource,
      { cohort },
      { dueAt: due, cutoffAt: new Date('2012-12-05T10:00:00Z'), reminderOffsetsHours: [] },
    );
    await handIn(t.dataSource, null, assignment, handedIn, { text: 'Laikā', submittedAt: minutes(due, -30) });
    await scanner.scan(minutes(due, -1));
    expect(await outboxFor([late, handedIn])).toEqual([]);
    await scanner.scan(due);
    await scanner.scan(minutes(due, 5));
    await scanner.scan(minutes(due, 60));
    const rows = await outboxFor([late, handedIn]);
    expect(rows.map((r) => [r.template, r.recipient_id])).toEqual([['assignment-overdue', late.id]]);
    expect(rows[0].text).toContain('Darbu vēl var iesniegt līdz 2012. gada 5. decembrī plkst. 12:00');

    const missed = await createTrainee(t.dataSource);
    const other = await group();
    await enrol(t.dataSource, other, missed);
    await createAssignment(t.dataSource, { cohort: other }, { dueAt: due, reminderOffsetsHours: [] });
    await scanner.scan(minutes(due, 5 * 60));
    expect(await outboxFor([missed])).toEqual([]);
  });

  it('sends each instructor at most one digest a day, of new work still to grade', async () => {
    const [teacher, quiet] = await Promise.all([createInstructor(t.dataSource, { name: 'Inese Kalniņa' }), createInstructor(t.dataSource)]);
    const cohort = await group([teacher]);
    await group([quiet]);
    const assignment = await createAssignment(
      t.dataSource,
      { cohort },
      { title: 'Riska analīze', dueAt: new Date('2013-01-20T10:00:00Z') },
    );
    const trainees = await Promise.all([1, 2, 3, 4].map(() => createTrainee(t.dataSource)));
    for (const trainee of trainees) await enrol(t.dataSource, cohort, trainee);
    // Three handed in on 14 January (Riga), one long before; one of the new ones is already graded.
    const yesterday = new Date('2013-01-14T10:00:00Z');
    const handed = await Promise.all(
      trainees.map((trainee, i) =>
        handIn(t.dataSource, null, assignment, trainee, {
          text: 'x',
          submittedAt: i === 3 ? new Date('2013-01-02T10:00:00Z') : minutes(yesterday, i),
        }),
      ),
    );
    await t.dataSource.query('UPDATE submissions SET graded_version = submitted_version WHERE id = $1', [handed[2].id]);

    // 07:00 in Riga on 15 January is 05:00 UTC (winter time).
    expect((await scanner.scan(new Date('2013-01-15T04:59:00Z'))).digests).toBe(0);
    await scanner.scan(new Date('2013-01-15T05:00:00Z'));
    await Promise.all([scanner.scan(new Date('2013-01-15T09:00:00Z')), scanner.scan(new Date('2013-01-15T09:00:00Z'))]);
    await scanner.scan(new Date('2013-01-15T21:59:00Z'));
    const digests = await outboxFor([teacher, quiet], ['grading-digest']);
    expect(digests.map((r) => [r.recipient_id, r.dedup_key])).toEqual([[teacher.id, `grading-digest:${teacher.id}:2013-01-15`]]);
    expect(digests[0].subject).toBe('Vērtēšanai: 2 jauni iesniegti darbi');
    expect(digests[0].text).toContain(`Riska analīze (${cohort.name}): 2`);
    expect(digests[0].text).toContain('Kopā vērtējumu gaida 3 darbi.');

    // Nothing new the next day: no digest.
    await scanner.scan(new Date('2013-01-16T05:00:00Z'));
    expect(await outboxFor([teacher], ['grading-digest'])).toHaveLength(1);
  });

  it('keeps the scan scheduled in the worker', async () => {
    const worker = await startWorker();
    const queue = new Queue(ASSIGNMENT_REMINDERS_QUEUE, {
      connection: { url: process.env.REDIS_URL },
      prefix: bullPrefix(process.env.REDIS_PREFIX!),
    });
    try {
      const scheduler = await queue.getJobScheduler(ASSIGNMENT_REMINDERS_SCHEDULER);
      expect(Number(scheduler?.every)).toBe(5 * 60_000);
    } finally {
      await queue.close();
      await worker.close();
    }
  });
});
