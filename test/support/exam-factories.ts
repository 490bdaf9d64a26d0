import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Exam } from '../../src/exams/exam.entity';
import type { QuestionBody } from '../../src/exams/question-body';
import { QuestionCategory } from '../../src/exams/question-category.entity';
import { QuestionVersion } from '../../src/exams/question-version.entity';
import { Question } from '../../src/exams/question.entity';
import type { Cohort } from '../../src/cohorts/cohort.entity';
import type { Part } from '../../src/programmes/part.entity';

/** A question bank and exams written straight to the database. */

export interface BankQuestion {
  name: string;
  points?: number;
  body: QuestionBody;
}

/** Four questions of each closed kind and an essay, with Latvian text. */
export const SAMPLE_QUESTIONS: BankQuestion[] = [
  {
    name: 'Projekta definīcija',
    body: {
      kind: 'single',
      choices: [
        { id: 'a', text: 'Pagaidu pasākums ar noteiktu mērķi', fraction: 1 },
        { id: 'b', text: 'Pastāvīgs darbs', fraction: 0 },
        { id: 'c', text: 'Budžeta pozīcija', fraction: 0 },
      ],
    },
  },
  {
    name: 'Projekta ierobežojumi',
    points: 2,
    body: {
      kind: 'multiple',
      choices: [
        { id: 'a', text: 'Laiks', fraction: 0.5 },
        { id: 'b', text: 'Izmaksas', fraction: 0.5 },
        { id: 'c', text: 'Laika apstākļi', fraction: -0.5 },
      ],
    },
  },
  { name: 'Ganta diagramma', body: { kind: 'truefalse', correct: true } },
  { name: 'Līgums', body: { kind: 'short', answers: [{ text: 'līgums', fraction: 1 }], ignoreDiacritics: true } },
  { name: 'Kritiskais ceļš', body: { kind: 'numeric', answers: [{ value: 12, tolerance: 0, fraction: 1 }] } },
  { name: 'Riski', points: 5, body: { kind: 'essay', guidance: 'Vismaz trīs riski ar pasākumiem.' } },
];

export async function createBank(
  ds: DataSource,
  part: Part,
  questions: BankQuestion[] = SAMPLE_QUESTIONS,
  categoryName = `Projektu vadība ${randomUUID().slice(0, 6)}`,
): Promise<{ categoryId: string; questionIds: string[]; versionIds: string[] }> {
  const category = await ds.getRepository(QuestionCategory).save({ partId: part.id, name: categoryName });
  const questionIds: string[] = [];
  const versionIds: string[] = [];
  for (const q of questions) {
    const question = await ds.getRepository(Question).save({ partId: part.id, categoryId: category.id, currentVersion: 1 });
    const version = await ds.getRepository(QuestionVersion).save({
      questionId: question.id,
      version: 1,
      name: q.name,
      text: `**${q.name}**: atbildiet uz jautājumu.`,
      points: (q.points ?? 1).toFixed(2),
      body: q.body,
    });
    questionIds.push(question.id);
    versionIds.push(version.id);
  }
  return { categoryId: category.id, questionIds, versionIds };
}

/** An online exam open now for an hour, 30 minutes long, with the given questions in order. */
export async function createOnlineExam(
  ds: DataSource,
  cohort: Cohort,
  questionIds: string[],
  overrides: Partial<Exam> = {},
): Promise<Exam> {
  const repo = ds.getRepository(Exam);
  const now = Date.now();
  return repo.save(
    repo.create({
      cohortId: cohort.id,
      title: 'Noslēguma pārbaudījums',
      mode: 'online',
      passMark: '50.00',
      passMarkUnit: 'percent',
      maxPoints: '11.00',
      opensAt: new Date(now - 60_000),
      closesAt: new Date(now + 3_600_000),
      timeLimitMinutes: 30,
      attemptsAllowed: 1,
      selection: { kind: 'fixed', questionIds },
      shuffleQuestions: false,
      shuffleChoices: false,
      resultsShown: 'at_once',
      ...overrides,
    }),
  );
}

/** An exam sat in person written straight to the database: 10 points, pass mark 70 %, unless told otherwise. */
export async function createInPersonExam(ds: DataSource, cohort: Cohort, overrides: Partial<Exam> = {}): Promise<Exam> {
  const repo = ds.getRepository(Exam);
  return repo.save(
    repo.create({
      cohortId: cohort.id,
      title: '1. daļas noslēguma eksāmens',
      mode: 'in_person',
      passMark: '70.00',
      passMarkUnit: 'percent',
      maxPoints: '10.00',
      ...overrides,
    }),
  );
}
