import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Cohort } from '../../src/cohorts/cohort.entity';
import { ExamAttemptItem } from '../../src/exams/exam-attempt-item.entity';
import { ExamAttempt } from '../../src/exams/exam-attempt.entity';
import { AttemptSubmission } from '../../src/exams/attempt-submission.service';
import { Exam } from '../../src/exams/exam.entity';
import type { QuestionResponse } from '../../src/exams/marking';
import type { QuestionBody } from '../../src/exams/question-body';
import { QuestionCategory } from '../../src/exams/question-category.entity';
import { QuestionVersion } from '../../src/exams/question-version.entity';
import { Question } from '../../src/exams/question.entity';
import type { User } from '../../src/users/user.entity';
import { createCohort, createPart, createProgramme, enrol } from './schedule-factories';
import type { TestApp } from './app';
import { createInstructor, createTrainee } from './factories';

export interface BankQuestion {
  question: Question;
  version: QuestionVersion;
}

/** A cohort with its instructor and trainees (enrolled members). */
export async function examCohort(ds: DataSource, trainees = 3): Promise<{ cohort: Cohort; instructor: User; trainees: User[] }> {
  const instructor = await createInstructor(ds, { name: `Pasniedzēja ${randomUUID().slice(0, 4)}` });
  const part = await createPart(ds, await createProgramme(ds));
  const cohort = await createCohort(ds, part, { instructors: [instructor] });
  const people: User[] = [];
  for (let i = 0; i < trainees; i++) {
    const trainee = await createTrainee(ds, { name: `Dalībnieks ${String.fromCharCode(65 + i)} ${randomUUID().slice(0, 4)}` });
    await enrol(ds, cohort, trainee);
    people.push(trainee);
  }
  return { cohort, instructor, trainees: people };
}

/** A question of the cohort's part bank with its first version. */
export async function bankQuestion(
  ds: DataSource,
  cohort: Cohort,
  name: string,
  points: number,
  body: QuestionBody,
): Promise<BankQuestion> {
  const categories = ds.getRepository(QuestionCategory);
  const category =
    (await categories.findOneBy({ partId: cohort.partId, name: 'Eksāmens' })) ??
    (await categories.save(categories.create({ partId: cohort.partId, name: 'Eksāmens' })));
  const question = await ds
    .getRepository(Question)
    .save(ds.getRepository(Question).create({ partId: cohort.partId, categoryId: category.id, currentVersion: 1 }));
  const version = await ds.getRepository(QuestionVersion).save(
    ds.getRepository(QuestionVersion).create({
      questionId: question.id,
      version: 1,
      name,
      text: `${name}?`,
      points: points.toFixed(2),
      body,
      generalFeedback: '',
    }),
  );
  return { question, version };
}

/** A new version of a question (as editing it in the bank makes). */
export async function newVersion(ds: DataSource, of: BankQuestion, body: QuestionBody): Promise<QuestionVersion> {
  const version = of.version.version + 1;
  await ds.getRepository(Question).update({ id: of.question.id }, { currentVersion: version });
  return ds
    .getRepository(QuestionVersion)
    .save(ds.getRepository(QuestionVersion).create({ ...of.version, id: undefined, version, body, createdAt: undefined }));
}

/** An online exam of the cohort with a fixed set of questions, open now. */
export async function onlineExam(ds: DataSource, cohort: Cohort, questions: BankQuestion[], overrides: Partial<Exam> = {}): Promise<Exam> {
  const maxPoints = questions.reduce((sum, q) => sum + Number(q.version.points), 0);
  return ds.getRepository(Exam).save(
    ds.getRepository(Exam).create({
      cohortId: cohort.id,
      title: `Noslēguma eksāmens ${randomUUID().slice(0, 4)}`,
      mode: 'online',
      passMark: '50.00',
      passMarkUnit: 'percent',
      maxPoints: maxPoints.toFixed(2),
      opensAt: new Date(Date.now() - 3_600_000),
      closesAt: new Date(Date.now() + 3_600_000),
      timeLimitMinutes: 60,
      selection: { kind: 'fixed', questionIds: questions.map((q) => q.question.id) },
      resultsShown: 'on_release',
      ...overrides,
    }),
  );
}

/**
 * An attempt with the given answers (by question), handed in by the trainee through the platform's own
 * submission: closed questions marked by their key, essays left for an instructor, the score and the result set.
 */
export async function submittedAttempt(
  t: Pick<TestApp, 'app' | 'dataSource'>,
  exam: Exam,
  trainee: User,
  questions: BankQuestion[],
  responses: (QuestionResponse | null)[],
): Promise<ExamAttempt> {
  const ds = t.dataSource;
  const number = (await ds.getRepository(ExamAttempt).countBy({ examId: exam.id, userId: trainee.id })) + 1;
  const now = Date.now();
  const attempt = await ds.getRepository(ExamAttempt).save(
    ds.getRepository(ExamAttempt).create({
      examId: exam.id,
      userId: trainee.id,
      number,
      status: 'in_progress',
      startedAt: new Date(now - 600_000),
      deadlineAt: new Date(now + 600_000),
      seed: randomUUID(),
      maxPoints: exam.maxPoints,
    }),
  );
  for (const [i, q] of questions.entries()) {
    const response = responses[i] ?? null;
    await ds.getRepository(ExamAttemptItem).insert({
      attemptId: attempt.id,
      position: i + 1,
      questionVersionId: q.version.id,
      points: q.version.points,
      response,
      responseSeq: response ? 1 : 0,
      savedAt: response ? new Date(now) : null,
    });
  }
  if (!(await t.app.get(AttemptSubmission).submit(attempt.id, 'trainee'))) throw new Error('the attempt was not submitted');
  return ds.getRepository(ExamAttempt).findOneByOrFail({ id: attempt.id });
}
