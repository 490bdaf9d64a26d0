import type { INestApplicationContext } from '@nestjs/common';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { ExamAttemptItem } from '../src/exams/exam-attempt-item.entity';
import { ExamAttempt } from '../src/exams/exam-attempt.entity';
import { ExamResult } from '../src/exams/exam-result.entity';
import { Exam } from '../src/exams/exam.entity';
import type { QuestionBody } from '../src/exams/question-body';
import { startWebApp, startWorker, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { bankQuestion, examCohort, newVersion, onlineExam, submittedAttempt, type BankQuestion } from './support/exam-marking-factories';
import { createAdmin, createInstructor, createTrainee } from './support/factories';
import { csrfToken, logIn } from './support/http';
import { startSmtp, TestSmtp } from './support/smtp';

const single: QuestionBody = {
  kind: 'single',
  choices: [
    { id: 'a', text: 'Ganta diagramma', fraction: 1 },
    { id: 'b', text: 'Ishikavas diagramma', fraction: 0 },
  ],
};
const multiple: QuestionBody = {
  kind: 'multiple',
  choices: [
    { id: 'a', text: 'Laiks', fraction: 0.5 },
    { id: 'b', text: 'Izmaksas', fraction: 0.5 },
    { id: 'c', text: 'Krāsa', fraction: -0.5 },
    { id: 'd', text: 'Smarža', fraction: -0.5 },
  ],
};
const truefalse: QuestionBody = { kind: 'truefalse', correct: true };
const short: QuestionBody = { kind: 'short', answers: [{ text: 'līgums', fraction: 1 }], ignoreDiacritics: true };
const numeric: QuestionBody = { kind: 'numeric', answers: [{ value: 3.14, tolerance: 0.01, fraction: 1 }] };
const essay: QuestionBody = { kind: 'essay', guidance: 'Jāmin vismaz trīs riski.' };

describe('exam marking, re-marking, overrides and release', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    t = await startWebApp();
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
    delete process.env.SMTP_URL;
  });

  const itemsOf = (attempt: ExamAttempt) =>
    t.dataSource.getRepository(ExamAttemptItem).find({ where: { attemptId: attempt.id }, order: { position: 'ASC' } });

  async function essayExam(trainees = 2) {
    const group = await examCohort(t.dataSource, trainees);
    const questions = [
      await bankQuestion(t.dataSource, group.cohort, 'Plānošanas rīks', 2, single),
      await bankQuestion(t.dataSource, group.cohort, 'Projekta riski', 8, essay),
    ];
    const exam = await onlineExam(t.dataSource, group.cohort, questions);
    return { ...group, questions, exam };
  }

  it('marks every kind of question at submission, with partial credit, and leaves the essay to an instructor', async () => {
    const { cohort, trainees } = await examCohort(t.dataSource, 1);
    const questions: BankQuestion[] = [];
    for (const [name, points, body] of [
      ['Vienas izvēles', 2, single],
      ['Vairāku izvēļu', 3, multiple],
      ['Patiesi vai aplami', 1, truefalse],
      ['Īsā atbilde', 2, short],
      ['Skaitlis', 2, numeric],
      ['Eseja', 10, essay],
    ] as const)
      questions.push(await bankQuestion(t.dataSource, cohort, name, points, body));
    const exam = await onlineExam(t.dataSource, cohort, questions);
    const attempt = await submittedAttempt(t, exam, trainees[0], questions, [
      { kind: 'single', choice: 'a' },
      { kind: 'multiple', choices: ['a', 'b', 'c'] },
      { kind: 'truefalse', value: false },
      { kind: 'short', text: '  LIGUMS ' },
      { kind: 'numeric', text: '3,141' },
      { kind: 'essay', text: 'Riski: laiks, nauda, cilvēki.' },
    ]);
    const items = await itemsOf(attempt);
    expect(items.map((i) => [i.markState, i.awarded])).toEqual([
      ['marked', '2.00'],
      ['marked', '1.50'],
      ['marked', '0.00'],
      ['marked', '2.00'],
      ['marked', '2.00'],
      ['manual', null],
    ]);
    expect(attempt.needsMarking).toBe(true);
    expect(attempt.score).toBeNull();
    const result = await t.dataSource.getRepository(ExamResult).findOneByOrFail({ examId: exam.id, userId: trainees[0].id });
    expect(result.status).toBe('pending');
  });

  it('marks an essay with feedback; the score and the result follow; a second marker with a stale form gets a conflict', async () => {
    const { instructor, trainees, questions, exam } = await essayExam(1);
    const admin = await createAdmin(t.dataSource, { name: 'Administratore Anna' });
    const attempt = await submittedAttempt(t, exam, trainees[0], questions, [
      { kind: 'single', choice: 'a' },
      { kind: 'essay', text: 'Trīs riski un to mazināšana.' },
    ]);
    const essayItem = (await itemsOf(attempt))[1];
    const first = await logIn(t.agent(), instructor.email);
    const second = await logIn(t.agent(), admin.email);
    const [firstToken, secondToken] = [await csrfToken(first, '/profile'), await csrfToken(second, '/profile')];

    const read = await first.get(`/api/v1/exam-items/${essayItem.id}`).expect(200);
    expect(read.body).toMatchObject({ kind: 'essay', markState: 'manual', points: 8, response: { text: 'Trīs riski un to mazināšana.' } });
    const stale = await second.get(`/api/v1/exam-items/${essayItem.id}`).expect(200);

    const tooMany = await first
      .put(`/api/v1/exam-items/${essayItem.id}/mark`)
      .set('X-CSRF-Token', firstToken)
      .send({ awarded: 9, feedback: 'x', version: read.body.version });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors.map((e: { field: string }) => e.field)).toEqual(['awarded']);

    const saved = await first
      .put(`/api/v1/exam-items/${essayItem.id}/mark`)
      .set('X-CSRF-Token', firstToken)
      .send({ awarded: 6.5, feedback: 'Labi pamatots.', version: read.body.version })
      .expect(200);
    expect(saved.body).toMatchObject({ markState: 'marked', awarded: 6.5, feedback: 'Labi pamatots.' });

    const conflict = await second
      .put(`/api/v1/exam-items/${essayItem.id}/mark`)
      .set('X-CSRF-Token', secondToken)
      .send({ awarded: 2, feedback: 'Vāji.', version: stale.body.version });
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('EXAM_MARK_CONFLICT');
    expect(conflict.body.message).toContain(instructor.name);

    const item = await t.dataSource.getRepository(ExamAttemptItem).findOneByOrFail({ id: essayItem.id });
    expect([item.awarded, item.feedback, item.markedById]).toEqual(['6.50', 'Labi pamatots.', instructor.id]);
    const after = await t.dataSource.getRepository(ExamAttempt).findOneByOrFail({ id: attempt.id });
    expect([after.needsMarking, after.score]).toEqual([false, '8.50']);
    const result = await t.dataSource.getRepository(ExamResult).findOneByOrFail({ examId: exam.id, userId: trainees[0].id });
    expect([result.status, result.score, result.attemptId]).toEqual(['passed', '8.50', attempt.id]);
    const audit = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ entityId: exam.id, action: 'exam.answer_marked' });
    expect(audit.after).toMatchObject({ awarded: '6.50', attemptScore: '8.50' });
  });

  it('lets no one outside the cohort mark: another cohort’s instructor is told the answer does not exist, a trainee is refused', async () => {
    const { trainees, questions, exam } = await essayExam(1);
    const attempt = await submittedAttempt(t, exam, trainees[0], questions, [null, { kind: 'essay', text: 'Atbilde' }]);
    const essayItem = (await itemsOf(attempt))[1];
    const stranger = await logIn(t.agent(), (await createInstructor(t.dataSource)).email);
    const token = await csrfToken(stranger, '/profile');
    expect((await stranger.get(`/api/v1/exam-items/${essayItem.id}`)).status).toBe(404);
    const put = await stranger.put(`/api/v1/exam-items/${essayItem.id}/mark`).set('X-CSRF-Token', token).send({ awarded: 1, version: 1 });
    expect(put.status).toBe(404);
    expect((await stranger.get(`/api/v1/grading/exam-essays?exam=${exam.id}`)).status).toBe(404);
    expect((await stranger.get('/api/v1/grading/exam-essays')).body.items.filter((g: { examId: string }) => g.examId === exam.id)).toEqual(
      [],
    );
    expect((await stranger.post(`/api/v1/exams/${exam.id}/release`).set('X-CSRF-Token', token)).status).toBe(404);

    const trainee = await logIn(t.agent(), trainees[0].email);
    expect((await trainee.get(`/api/v1/exam-items/${essayItem.id}`)).status).toBe(403);
    expect((await t.http().get(`/api/v1/exam-items/${essayItem.id}`)).status).toBe(401);
    const item = await t.dataSource.getRepository(ExamAttemptItem).findOneByOrFail({ id: essayItem.id });
    expect(item.markState).toBe('manual');
  });

  it('re-marks every handed-in answer after a key fix, keeping the old and new points, scores and results', async () => {
    const { cohort, instructor, trainees } = await examCohort(t.dataSource, 3);
    const wrongKey: QuestionBody = {
      kind: 'single',
      choices: [
        { id: 'a', text: 'Iniciēšana', fraction: 1 },
        { id: 'b', text: 'Plānošana', fraction: 0 },
      ],
    };
    const q = await bankQuestion(t.dataSource, cohort, 'Pirmā fāze', 4, wrongKey);
    const other = await bankQuestion(t.dataSource, cohort, 'Patiesi', 6, truefalse);
    const exam = await onlineExam(t.dataSource, cohort, [q, other], { passMark: '50.00' });
    const answers = ['a', 'b', 'b'];
    const attempts = [];
    for (const [i, trainee] of trainees.entries())
      attempts.push(await submittedAttempt(t, exam, trainee, [q, other], [{ kind: 'single', choice: answers[i] }, null]));
    expect(attempts.map((a) => a.score)).toEqual(['4.00', '0.00', '0.00']);

    const fixed = await newVersion(t.dataSource, q, {
      kind: 'single',
      choices: [
        { id: 'a', text: 'Iniciēšana', fraction: 0 },
        { id: 'b', text: 'Plānošana', fraction: 1 },
      ],
    });
    const agent = await logIn(t.agent(), instructor.email);
    const token = await csrfToken(agent, '/profile');
    const noReason = await agent
      .post(`/api/v1/exams/${exam.id}/questions/${q.question.id}/remark`)
      .set('X-CSRF-Token', token)
      .send({ versionId: fixed.id, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    const wrongVersion = await agent
      .post(`/api/v1/exams/${exam.id}/questions/${q.question.id}/remark`)
      .set('X-CSRF-Token', token)
      .send({ versionId: other.version.id, reason: 'Kļūda atslēgā' });
    expect(wrongVersion.status).toBe(400);
    expect(wrongVersion.body.errors[0].field).toBe('versionId');

    const done = await agent
      .post(`/api/v1/exams/${exam.id}/questions/${q.question.id}/remark`)
      .set('X-CSRF-Token', token)
      .send({ versionId: fixed.id, reason: 'Kļūda atslēgā' })
      .expect(200);
    expect(done.body).toEqual({ items: 3, changed: 3, attempts: 3 });

    const remarks = await agent.get(`/api/v1/exams/${exam.id}/remarks`).expect(200);
    const byTrainee = new Map(remarks.body.items.map((r: { traineeName: string }) => [r.traineeName, r]));
    expect(byTrainee.get(trainees[0].name)).toMatchObject({
      oldAwarded: 4,
      newAwarded: 0,
      fromVersion: 1,
      toVersion: 2,
      reason: 'Kļūda atslēgā',
    });
    expect(byTrainee.get(trainees[1].name)).toMatchObject({ oldAwarded: 0, newAwarded: 4, byName: instructor.name });

    const scores = await Promise.all(attempts.map((a) => t.dataSource.getRepository(ExamAttempt).findOneByOrFail({ id: a.id })));
    expect(scores.map((a) => a.score)).toEqual(['0.00', '4.00', '4.00']);
    const items = await t.dataSource.getRepository(ExamAttemptItem).findBy({ attemptId: attempts[1].id, position: 1 });
    expect(items[0].questionVersionId).toBe(fixed.id);
    const results = await t.dataSource.getRepository(ExamResult).findBy({ examId: exam.id });
    expect(new Map(results.map((r) => [r.userId, r.status]))).toEqual(
      new Map([
        [trainees[0].id, 'failed'],
        [trainees[1].id, 'failed'],
        [trainees[2].id, 'failed'],
      ]),
    );
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ entityId: exam.id, action: 'exam.question_remarked' })).toBe(1);
  });

  it('overrides a result only with a reason, audited, and later marking leaves it alone', async () => {
    const { instructor, trainees, questions, exam } = await essayExam(2);
    const attempt = await submittedAttempt(t, exam, trainees[0], questions, [null, { kind: 'essay', text: 'Īsi' }]);
    const agent = await logIn(t.agent(), instructor.email);
    const token = await csrfToken(agent, '/profile');
    const read = await agent.get(`/api/v1/exams/${exam.id}/results/${trainees[0].id}`).expect(200);
    expect(read.body).toMatchObject({ status: 'pending', needsMarking: true });

    const noReason = await agent
      .put(`/api/v1/exams/${exam.id}/results/${trainees[0].id}/override`)
      .set('X-CSRF-Token', token)
      .send({ status: 'passed', score: 7, version: read.body.version });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    const noScore = await agent
      .put(`/api/v1/exams/${exam.id}/results/${trainees[0].id}/override`)
      .set('X-CSRF-Token', token)
      .send({ status: 'passed', reason: 'Mutiski papildināja', version: read.body.version });
    expect(noScore.body.errors.map((e: { field: string }) => e.field)).toEqual(['score']);

    const done = await agent
      .put(`/api/v1/exams/${exam.id}/results/${trainees[0].id}/override`)
      .set('X-CSRF-Token', token)
      .send({ status: 'passed', score: 7, reason: 'Mutiski papildināja', version: read.body.version })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'passed', score: 7, overriddenReason: 'Mutiski papildināja' });
    const stale = await agent
      .put(`/api/v1/exams/${exam.id}/results/${trainees[0].id}/override`)
      .set('X-CSRF-Token', token)
      .send({ status: 'failed', score: 1, reason: 'Cits', version: read.body.version });
    expect(stale.status).toBe(409);

    // A trainee who never sat the exam: excused, without points.
    const absent = await agent
      .put(`/api/v1/exams/${exam.id}/results/${trainees[1].id}/override`)
      .set('X-CSRF-Token', token)
      .send({ status: 'excused', reason: 'Slimības lapa', version: 0 })
      .expect(200);
    expect(absent.body).toMatchObject({ status: 'excused', score: null });

    const essayItem = (await itemsOf(attempt))[1];
    await agent
      .put(`/api/v1/exam-items/${essayItem.id}/mark`)
      .set('X-CSRF-Token', token)
      .send({ awarded: 1, version: essayItem.version })
      .expect(200);
    const result = await t.dataSource.getRepository(ExamResult).findOneByOrFail({ examId: exam.id, userId: trainees[0].id });
    expect([result.status, result.score, result.overriddenReason]).toEqual(['passed', '7.00', 'Mutiski papildināja']);
    const audit = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ entityId: exam.id, action: 'exam.result_overridden' });
    expect(audit.before).toMatchObject({ status: 'pending' });
    expect(audit.after).toMatchObject({ status: 'passed', score: '7.00', overriddenReason: 'Mutiski papildināja' });
  });

  it('shows a trainee nothing of the key before release; releases once every answer is marked and emails each trainee once', async () => {
    const { instructor, trainees, questions, exam } = await essayExam(2);
    const attempts = [];
    for (const trainee of trainees)
      attempts.push(
        await submittedAttempt(t, exam, trainee, questions, [
          { kind: 'single', choice: 'b' },
          { kind: 'essay', text: `Eseja ${trainee.name}` },
        ]),
      );
    const traineeAgent = await logIn(t.agent(), trainees[0].email);
    const before = await traineeAgent.get(`/api/v1/exams/${exam.id}/my-result`).expect(200);
    expect(before.body).toEqual({ examId: exam.id, state: 'awaiting', status: null, score: null, maxPoints: 10, items: [] });
    const beforePage = await traineeAgent.get(`/exams/${exam.id}/my-result`).expect(200);
    expect(beforePage.text).toContain('gaida rezultātus');
    expect(beforePage.text).not.toContain('Ganta diagramma');
    const otherTrainee = await logIn(t.agent(), (await createTrainee(t.dataSource)).email);
    expect((await otherTrainee.get(`/api/v1/exams/${exam.id}/my-result`)).status).toBe(404);

    const agent = await logIn(t.agent(), instructor.email);
    const token = await csrfToken(agent, '/profile');
    const early = await agent.post(`/api/v1/exams/${exam.id}/release`).set('X-CSRF-Token', token);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('EXAM_NOT_RELEASABLE');

    const queue = await agent.get(`/api/v1/grading/exam-essays?exam=${exam.id}`).expect(200);
    expect(queue.body.items).toEqual([expect.objectContaining({ questionId: questions[1].question.id, toMark: 2, total: 2 })]);
    for (const attempt of attempts) {
      const item = (await itemsOf(attempt))[1];
      await agent
        .put(`/api/v1/exam-items/${item.id}/mark`)
        .set('X-CSRF-Token', token)
        .send({ awarded: 5, feedback: 'Pietiekami.', version: item.version })
        .expect(200);
    }
    expect((await t.dataSource.getRepository(Exam).findOneByOrFail({ id: exam.id })).releasedAt).toBeNull();
    expect((await traineeAgent.get(`/api/v1/exams/${exam.id}/my-result`)).body.state).toBe('awaiting');

    const released = await agent.post(`/api/v1/exams/${exam.id}/release`).set('X-CSRF-Token', token).expect(200);
    expect(released.body.emailed).toBe(2);
    const again = await agent.post(`/api/v1/exams/${exam.id}/release`).set('X-CSRF-Token', token).expect(200);
    expect(again.body.emailed).toBe(0);
    expect(again.body.releasedAt).toBe(released.body.releasedAt);

    const mails = await eventually(() => {
      const mine = smtp.messages.filter((m) => m.subject?.includes(exam.title));
      return mine.length >= 2 && mine;
    }, 20_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.messages.filter((m) => m.subject?.includes(exam.title)).length).toBe(2);
    expect(mails.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address).sort()).toEqual(trainees.map((u) => u.email).sort());
    expect(mails[0].subject).toBe(`Publicēti eksāmena rezultāti: ${exam.title}`);
    expect(mails[0].text).toContain(`/exams/${exam.id}/my-result`);
    expect(mails[0].text).toContain('Eiropas Sociālā fonda');
    expect(
      await t.dataSource.query(`SELECT dedup_key FROM outbox_messages WHERE dedup_key LIKE $1 ORDER BY 1`, [`exam-released:${exam.id}:%`]),
    ).toEqual(
      trainees.map((u) => ({ dedup_key: `exam-released:${exam.id}:${u.id}` })).sort((a, b) => a.dedup_key.localeCompare(b.dedup_key)),
    );

    const after = await traineeAgent.get(`/api/v1/exams/${exam.id}/my-result`).expect(200);
    expect(after.body).toMatchObject({ state: 'shown', status: 'passed', score: 5 });
    expect(after.body.items[0]).toMatchObject({ rightAnswer: 'Ganta diagramma', awarded: 0, response: { kind: 'single', choice: 'b' } });
    expect(after.body.items[1]).toMatchObject({ feedback: 'Pietiekami.', awarded: 5, rightAnswer: '' });
    const page = await traineeAgent.get(`/exams/${exam.id}/my-result`).expect(200);
    expect(page.text).toContain('Ganta diagramma');
    expect(page.text).toContain('Pietiekami.');
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ entityId: exam.id, action: 'exam.released' })).toBe(1);
  });

  it('shows the result at once for an exam set so, but not while an essay waits for marking', async () => {
    const { cohort, trainees } = await examCohort(t.dataSource, 1);
    const q = await bankQuestion(t.dataSource, cohort, 'Tūlītējs', 1, truefalse);
    const exam = await onlineExam(t.dataSource, cohort, [q], { resultsShown: 'at_once' });
    await submittedAttempt(t, exam, trainees[0], [q], [{ kind: 'truefalse', value: true }]);
    const agent = await logIn(t.agent(), trainees[0].email);
    expect((await agent.get(`/api/v1/exams/${exam.id}/my-result`)).body).toMatchObject({ state: 'shown', status: 'passed', score: 1 });

    const withEssay = await essayExam(1);
    const essayAtOnce = await onlineExam(t.dataSource, withEssay.cohort, withEssay.questions, { resultsShown: 'at_once' });
    await submittedAttempt(t, essayAtOnce, withEssay.trainees[0], withEssay.questions, [
      { kind: 'single', choice: 'a' },
      { kind: 'essay', text: 'Teksts' },
    ]);
    const other = await logIn(t.agent(), withEssay.trainees[0].email);
    expect((await other.get(`/api/v1/exams/${essayAtOnce.id}/my-result`)).body).toMatchObject({ state: 'awaiting', items: [] });
  });

  it('reports facility and discrimination per question and draws the score distribution', async () => {
    const { cohort, instructor, trainees } = await examCohort(t.dataSource, 4);
    const easy = await bankQuestion(t.dataSource, cohort, 'Viegls', 1, truefalse);
    const hard = await bankQuestion(t.dataSource, cohort, 'Grūts', 1, single);
    const split = await bankQuestion(t.dataSource, cohort, 'Atšķirošs', 2, short);
    const exam = await onlineExam(t.dataSource, cohort, [easy, hard, split]);
    const plan: [boolean, string, string][] = [
      [true, 'b', 'līgums'],
      [true, 'b', 'līgums'],
      [true, 'b', 'nē'],
      [true, 'b', 'nē'],
    ];
    for (const [i, [tf, choice, text]] of plan.entries())
      await submittedAttempt(
        t,
        exam,
        trainees[i],
        [easy, hard, split],
        [
          { kind: 'truefalse', value: tf },
          { kind: 'single', choice },
          { kind: 'short', text },
        ],
      );
    const agent = await logIn(t.agent(), instructor.email);
    const stats = await agent.get(`/api/v1/exams/${exam.id}/statistics`).expect(200);
    expect(stats.body).toMatchObject({ attempts: 4, maxPoints: 4, mean: 2 });
    const byName = new Map(stats.body.questions.map((q: { name: string }) => [q.name, q]));
    expect(byName.get('Viegls')).toMatchObject({ facility: 1, discrimination: null, flags: ['tooEasy'] });
    expect(byName.get('Grūts')).toMatchObject({ facility: 0, flags: ['tooHard'] });
    expect(byName.get('Atšķirošs')).toMatchObject({ facility: 0.5, flags: [] });
    expect(stats.body.distribution.reduce((sum: number, b: { count: number }) => sum + b.count, 0)).toBe(4);

    const page = await agent.get(`/exams/${exam.id}/statistics`).expect(200);
    expect(page.text).toContain('<svg');
    expect(page.text).toContain('role="img"');
    expect(page.text).toContain('Pārāk viegls');
    const stranger = await logIn(t.agent(), (await createInstructor(t.dataSource)).email);
    expect((await stranger.get(`/api/v1/exams/${exam.id}/statistics`)).status).toBe(404);
  });

  it('serves the marking pages: the queue, one answer at a time, results, a key fix, an override and the release', async () => {
    const { instructor, trainees, questions, exam } = await essayExam(2);
    for (const trainee of trainees)
      await submittedAttempt(t, exam, trainee, questions, [
        { kind: 'single', choice: 'a' },
        { kind: 'essay', text: `Teksts <b>${trainee.name}</b>` },
      ]);
    const agent = await logIn(t.agent(), instructor.email);
    const queue = await agent.get('/grading/exams').expect(200);
    expect(queue.text).toContain(exam.title);
    const first = await agent.get(`/grading/exams/${exam.id}/questions/${questions[1].question.id}`).expect(303);
    const itemPath = first.headers.location as string;
    const item = await agent.get(itemPath).expect(200);
    expect(item.text).toContain('Jāmin vismaz trīs riski.');
    expect(item.text).toContain('&lt;b&gt;');
    expect(item.text).toContain('rel="next"');
    const token = await csrfToken(agent, itemPath);
    const version = /name="version" value="(\d+)"/.exec(item.text)![1];
    const bad = await agent.post(itemPath).type('form').send({ _csrf: token, awarded: 'daudz', feedback: '', version });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('field-invalid');
    const saved = await agent.post(itemPath).type('form').send({ _csrf: token, awarded: '4,5', feedback: 'Labi', version }).expect(303);
    expect(saved.headers.location).not.toBe(itemPath);
    const stale = await agent.post(itemPath).type('form').send({ _csrf: token, awarded: '1', feedback: 'Vēlreiz', version });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain(instructor.name);

    const results = await agent.get(`/exams/${exam.id}/marking`).expect(200);
    expect(results.text).toContain(trainees[0].name);
    await agent.get(`/exams/${exam.id}/marking/questions/${questions[0].question.id}/remark`).expect(200);
    const override = `/exams/${exam.id}/marking/results/${trainees[1].id}/override`;
    await agent.get(override).expect(200);
    const missing = await agent.post(override).type('form').send({ _csrf: token, status: 'passed', score: '5', reason: '', version: '1' });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('error-reason');
    const release = await agent.get(`/exams/${exam.id}/marking/release`).expect(200);
    expect(release.text).toContain('Jā, publicēt rezultātus');
    const refused = await agent.post(`/exams/${exam.id}/marking/release`).type('form').send({ _csrf: token });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('nenovērtētas atbildes');
    await agent.get(`/exams/${exam.id}/statistics`).expect(200);
  });
});
