import { DataSource } from 'typeorm';
import { ReportReads } from '../src/database/report-reads';
import { AppConfig } from '../src/config/app-config';
import { ExamAccommodation } from '../src/exams/exam-accommodation.entity';
import { ExamAttempt } from '../src/exams/exam-attempt.entity';
import { ExamMarkingRecords } from '../src/exams/exam-marking-records.service';
import { ExamNoticesService } from '../src/exams/exam-notices.service';
import { OutboxService } from '../src/notifications/outbox.service';
import { startWebApp, TestApp } from './support/app';
import { bankQuestion, examCohort, onlineExam, submittedAttempt } from './support/exam-marking-factories';
import { createTrainee } from './support/factories';
import { enrol } from './support/schedule-factories';

const at = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

describe('exam notices from the worker scan', () => {
  let t: TestApp;
  let notices: ExamNoticesService;

  beforeAll(async () => {
    t = await startWebApp();
    const ds = t.app.get(DataSource);
    notices = new ExamNoticesService(
      ds,
      new ExamMarkingRecords(ds, new ReportReads(t.app.get(AppConfig), ds)),
      t.app.get(OutboxService),
      t.app.get(AppConfig),
    );
  });
  afterAll(() => t.close());

  const sent = (examId: string): Promise<{ recipient_id: string; template: string; dedup_key: string; subject: string }[]> =>
    t.dataSource.query(
      `SELECT recipient_id, template, dedup_key, subject FROM outbox_messages WHERE dedup_key LIKE '%' || $1 || '%' ORDER BY created_at, dedup_key`,
      [examId],
    );

  it('tells those who have not started 24 hours and 1 hour before it opens, and those not handed in 15 minutes before it closes, once each', async () => {
    const { cohort, trainees } = await examCohort(t.dataSource, 3);
    const [starter, finisher, idle] = trainees;
    const withdrawn = await createTrainee(t.dataSource);
    await enrol(t.dataSource, cohort, withdrawn, 'withdrawn');
    const q = await bankQuestion(t.dataSource, cohort, 'Jautājums', 1, { kind: 'truefalse', correct: true });
    // 14 December 2012, 10:00–12:00 Riga time (UTC+2).
    const opensAt = new Date('2012-12-14T08:00:00Z');
    const closesAt = new Date('2012-12-14T10:00:00Z');
    const exam = await onlineExam(t.dataSource, cohort, [q], { opensAt, closesAt, title: 'Projektu vadības eksāmens' });

    expect((await notices.scan(at(opensAt, -24 * 60 - 1))).created).toBe(0);
    await notices.scan(at(opensAt, -24 * 60 + 1));
    await Promise.all([notices.scan(at(opensAt, -24 * 60 + 3)), notices.scan(at(opensAt, -24 * 60 + 3))]);
    let rows = await sent(exam.id);
    expect(rows.map((r) => r.recipient_id).sort()).toEqual(trainees.map((u) => u.id).sort());
    expect(rows.every((r) => r.template === 'exam-opens' && r.dedup_key.includes(':24h:'))).toBe(true);
    expect(rows[0].subject).toBe('Eksāmens “Projektu vadības eksāmens” sāksies 2012. gada 14. decembrī plkst. 10:00');

    // One has started meanwhile (an attempt in progress): no "one hour" notice for them.
    await t.dataSource.getRepository(ExamAttempt).save({
      examId: exam.id,
      userId: starter.id,
      number: 1,
      status: 'in_progress',
      startedAt: at(opensAt, -30),
      deadlineAt: at(opensAt, 60),
      seed: 's',
      maxPoints: '1.00',
    });
    await notices.scan(at(opensAt, -59));
    await notices.scan(at(opensAt, -30));
    rows = await sent(exam.id);
    const hour = rows.filter((r) => r.dedup_key.includes(':1h:'));
    expect(hour.map((r) => r.recipient_id).sort()).toEqual([finisher.id, idle.id].sort());

    await submittedAttempt(t, exam, finisher, [q], [{ kind: 'truefalse', value: true }]);
    expect((await notices.scan(at(closesAt, -16))).created).toBe(0);
    await notices.scan(at(closesAt, -15));
    await notices.scan(at(closesAt, -10));
    rows = await sent(exam.id);
    const closing = rows.filter((r) => r.template === 'exam-closing');
    expect(closing.map((r) => r.recipient_id).sort()).toEqual([starter.id, idle.id].sort());
    expect(closing[0].subject).toBe('Līdz eksāmena “Projektu vadības eksāmens” beigām palikušas 15 minūtes');
    expect((await notices.scan(at(closesAt, 1))).created).toBe(0);
    expect(rows.some((r) => r.recipient_id === withdrawn.id)).toBe(false);
    expect(rows.length).toBe(3 + 2 + 2);
  });

  it("follows a trainee's own window: the notices come before their opening and closing, not the exam's", async () => {
    const { cohort, trainees } = await examCohort(t.dataSource, 2);
    const [usual, ownWindow] = trainees;
    const q = await bankQuestion(t.dataSource, cohort, 'Jautājums', 1, { kind: 'truefalse', correct: true });
    const opensAt = new Date('2012-12-14T08:00:00Z');
    const closesAt = new Date('2012-12-14T10:00:00Z');
    const exam = await onlineExam(t.dataSource, cohort, [q], { opensAt, closesAt, title: 'Eksāmens ar savu laiku' });
    // The second sits it the next day, 10:00–13:00 Riga time.
    const ownOpens = new Date('2012-12-15T08:00:00Z');
    const ownCloses = new Date('2012-12-15T11:00:00Z');
    await t.dataSource
      .getRepository(ExamAccommodation)
      .save({ examId: exam.id, userId: ownWindow.id, opensAt: ownOpens, closesAt: ownCloses, note: 'Cits laiks' });

    await notices.scan(at(opensAt, -30));
    await notices.scan(at(closesAt, -10));
    let rows = await sent(exam.id);
    expect(rows.filter((r) => r.recipient_id === usual.id).map((r) => r.template)).toEqual(['exam-opens', 'exam-closing']);
    // On the exam's day the other hears only that their own sitting opens within 24 hours.
    let theirs = rows.filter((r) => r.recipient_id === ownWindow.id);
    expect(theirs.map((r) => r.dedup_key)).toEqual([`exam-opens:${exam.id}:${ownWindow.id}:24h:${ownOpens.getTime() / 1000}`]);

    await notices.scan(at(ownOpens, -30));
    await notices.scan(at(ownCloses, -10));
    rows = await sent(exam.id);
    theirs = rows.filter((r) => r.recipient_id === ownWindow.id);
    expect(theirs.map((r) => r.template)).toEqual(['exam-opens', 'exam-opens', 'exam-closing']);
    expect(theirs[1].subject).toBe('Eksāmens “Eksāmens ar savu laiku” sāksies 2012. gada 15. decembrī plkst. 10:00');
    expect(theirs[2].dedup_key).toBe(`exam-closing:${exam.id}:${ownWindow.id}:${ownCloses.getTime() / 1000}`);
    expect(rows.filter((r) => r.recipient_id === usual.id)).toHaveLength(2);
  });
});
