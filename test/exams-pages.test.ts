import { ExamAttempt } from '../src/exams/exam-attempt.entity';
import { ExamAttemptItem } from '../src/exams/exam-attempt-item.entity';
import { Exam } from '../src/exams/exam.entity';
import { startWebApp, TestApp } from './support/app';
import { createInstructor, createTrainee } from './support/factories';
import { createBank, createOnlineExam } from './support/exam-factories';
import { csrfFrom, logIn } from './support/http';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';

/** The exam pages without JavaScript: set-up forms, and taking an exam one page and one Save button at a time. */
describe('exam pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function scene() {
    const ds = t.dataSource;
    const instructor = await createInstructor(ds);
    const trainee = await createTrainee(ds);
    const part = await createPart(ds, await createProgramme(ds));
    const cohort = await createCohort(ds, part, { instructors: [instructor] });
    await enrol(ds, cohort, trainee);
    const bank = await createBank(ds, part);
    return { instructor, trainee, cohort, bank };
  }

  it('sets up an exam through its form, naming each field in error in Latvian', async () => {
    const s = await scene();
    const agent = await logIn(t.agent(), s.instructor.email);
    const form = await agent.get(`/cohorts/${s.cohort.id}/exams/new`);
    expect(form.status).toBe(200);
    const fields = { _csrf: csrfFrom(form.text), title: 'Noslēguma pārbaudījums', mode: 'online', passMark: '60', passMarkUnit: 'percent' };
    const bad = await agent
      .post(`/cohorts/${s.cohort.id}/exams`)
      .type('form')
      .send({
        ...fields,
        opensDate: '2026-12-14',
        opensTime: '10:00',
        closesDate: '2026-12-14',
        closesTime: '09:00',
        selectionKind: 'fixed',
      });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Beigu laikam jābūt pēc sākuma laika.');
    expect(bad.text).toContain('id="error-questionIds"');
    expect(await t.dataSource.getRepository(Exam).count({ where: { cohortId: s.cohort.id } })).toBe(0);

    const good = await agent
      .post(`/cohorts/${s.cohort.id}/exams`)
      .type('form')
      .send(
        `${new URLSearchParams({ ...fields, opensDate: '2026-12-14', opensTime: '09:00', closesDate: '2026-12-14', closesTime: '11:00', timeLimitMinutes: '45', attemptsAllowed: '1', selectionKind: 'random', resultsShown: 'at_once', 'categories[0][categoryId]': s.bank.categoryId, 'categories[0][count]': '4' })}`,
      );
    expect(good.status).toBe(303);
    const exam = await t.dataSource.getRepository(Exam).findOneByOrFail({ cohortId: s.cohort.id });
    expect(exam.selection).toEqual({ kind: 'random', categories: [{ categoryId: s.bank.categoryId, count: 4 }] });
    expect(exam.maxPoints).toBe('20.00');
    const page = await agent.get(`/exams/${exam.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Pielāgojumi');
  });

  it('takes an exam without JavaScript: answer, flag, summary, confirmation, result; no key in any page', async () => {
    const s = await scene();
    const exam = await createOnlineExam(t.dataSource, s.cohort, s.bank.questionIds);
    const agent = await logIn(t.agent(), s.trainee.email);
    const landing = await agent.get(`/exams/${exam.id}`);
    expect(landing.text).toContain('30 minūšu');
    const started = await agent
      .post(`/exams/${exam.id}/start`)
      .type('form')
      .send({ _csrf: csrfFrom(landing.text) });
    expect(started.status).toBe(303);
    const attempt = await t.dataSource.getRepository(ExamAttempt).findOneByOrFail({ examId: exam.id });
    const pages: string[] = [];

    const first = await agent.get(`/attempts/${attempt.id}/questions/1`);
    pages.push(first.text);
    const saved = await agent
      .post(`/attempts/${attempt.id}/questions/1`)
      .type('form')
      .send({ _csrf: csrfFrom(first.text), seq: '1', answer: 'a', flagged: 'on', go: '2' });
    expect(saved.headers.location).toBe(`/attempts/${attempt.id}/questions/2`);
    const second = await agent.get(`/attempts/${attempt.id}/questions/2`);
    pages.push(second.text);
    await agent
      .post(`/attempts/${attempt.id}/questions/2`)
      .type('form')
      .send(`_csrf=${encodeURIComponent(csrfFrom(second.text))}&seq=1&answer=a&answer=b&go=summary`);
    const items = await t.dataSource.getRepository(ExamAttemptItem).find({ where: { attemptId: attempt.id }, order: { position: 'ASC' } });
    expect(items[0]).toMatchObject({ response: { kind: 'single', choice: 'a' }, flagged: true });
    expect(items[1].response).toEqual({ kind: 'multiple', choices: ['a', 'b'] });

    const summary = await agent.get(`/attempts/${attempt.id}/summary`);
    pages.push(summary.text);
    expect(summary.text).toContain('Neatbildētie jautājumi');
    expect(summary.text).toContain('Atzīmētie jautājumi');
    const confirm = await agent.get(`/attempts/${attempt.id}/submit`);
    pages.push(confirm.text);
    expect(confirm.text).toContain('Neatbildēti 4 jautājumi.');
    const submitted = await agent
      .post(`/attempts/${attempt.id}/submit`)
      .type('form')
      .send({ _csrf: csrfFrom(confirm.text) });
    expect(submitted.headers.location).toBe(`/attempts/${attempt.id}/result`);
    const result = await agent.get(`/attempts/${attempt.id}/result`);
    pages.push(result.text);
    expect(result.text).toContain('Jūsu atbildes ir saņemtas.');
    for (const html of pages) {
      for (const secret of ['fraction', 'Vismaz trīs riski', 'Laika apstākļi" data', 'guidance', 'tolerance'])
        expect(html).not.toContain(secret);
    }
  });
});
