import { EntityManager } from 'typeorm';
import { rigaTime } from '../i18n/dates';
import { ExamResult } from '../exams/exam-result.entity';
import { storedResult, toCents } from '../exams/exam-sheet-rules';
import { Exam } from '../exams/exam.entity';
import type { QuestionBody } from '../exams/question-body';
import { QuestionCategory } from '../exams/question-category.entity';
import { QuestionVersion } from '../exams/question-version.entity';
import { Question } from '../exams/question.entity';
import { demoId, insertIgnore } from './demo-programme';

interface DemoQuestion {
  key: string;
  category: string;
  name: string;
  text: string;
  points: number;
  body: QuestionBody;
  feedback?: string;
}

const CATEGORIES = ['Projektu vadība/Plānošana', 'Projektu vadība/Riski', 'Projektu vadība/Finanses un atskaites'];

/** A small bank of part 1 (project management) with every kind of question at least once. */
export const DEMO_QUESTIONS: DemoQuestion[] = [
  {
    key: 'definition',
    category: CATEGORIES[0],
    name: 'Projekta definīcija',
    text: 'Kas ir projekts?',
    points: 1,
    body: {
      kind: 'single',
      choices: [
        { id: 'a', text: 'Pagaidu pasākums ar noteiktu mērķi, sākumu un beigām', fraction: 1 },
        { id: 'b', text: 'Iestādes pastāvīgais darbs', fraction: 0 },
        { id: 'c', text: 'Budžeta pozīcija', fraction: 0 },
      ],
    },
  },
  {
    key: 'triangle',
    category: CATEGORIES[0],
    name: 'Projekta ierobežojumi',
    text: 'Kuri ir projekta trīs galvenie ierobežojumi? Izvēlieties visus pareizos.',
    points: 3,
    body: {
      kind: 'multiple',
      choices: [
        { id: 'a', text: 'Laiks', fraction: 1 / 3 },
        { id: 'b', text: 'Izmaksas', fraction: 1 / 3 },
        { id: 'c', text: 'Apjoms', fraction: 1 / 3 },
        { id: 'd', text: 'Laika apstākļi', fraction: -1 / 3 },
      ],
    },
    feedback: 'Laiks, izmaksas un apjoms veido projekta “trīsstūri”.',
  },
  {
    key: 'gantt',
    category: CATEGORIES[0],
    name: 'Ganta diagramma',
    text: 'Ganta diagramma attēlo projekta darbus laika skalā.',
    points: 1,
    body: { kind: 'truefalse', correct: true },
  },
  {
    key: 'critical-path',
    category: CATEGORIES[0],
    name: 'Kritiskais ceļš',
    text: 'Darbi A (4 dienas), B (5 dienas) un C (3 dienas) jāveic viens pēc otra. Cik dienās projektu var pabeigt visātrāk?',
    points: 2,
    body: { kind: 'numeric', answers: [{ value: 12, tolerance: 0, fraction: 1 }] },
  },
  {
    key: 'logframe',
    category: CATEGORIES[0],
    name: 'Loģiskās struktūras matrica',
    text: 'Kā sauc tabulu, kas sasaista projekta mērķus, rezultātus, rādītājus un pieņēmumus?',
    points: 2,
    body: {
      kind: 'short',
      answers: [
        { text: 'loģiskās struktūras matrica', fraction: 1 },
        { text: 'logframe', fraction: 1 },
      ],
      ignoreDiacritics: true,
    },
  },
  {
    key: 'risk-register',
    category: CATEGORIES[1],
    name: 'Risku reģistrs',
    text: 'Kas jāieraksta risku reģistrā par katru risku?',
    points: 1,
    body: {
      kind: 'single',
      choices: [
        { id: 'a', text: 'Varbūtība, ietekme, atbildīgais un pasākumi', fraction: 1 },
        { id: 'b', text: 'Tikai riska nosaukums', fraction: 0 },
        { id: 'c', text: 'Projekta budžets', fraction: 0 },
      ],
    },
  },
  {
    key: 'risk-response',
    category: CATEGORIES[1],
    name: 'Reaģēšana uz riskiem',
    text: 'Riska apdrošināšana ir riska nodošana citai pusei.',
    points: 1,
    body: { kind: 'truefalse', correct: true },
  },
  {
    key: 'risk-essay',
    category: CATEGORIES[1],
    name: 'Pašvaldības projekta riski',
    text: 'Nosauciet trīs riskus pašvaldības būvniecības projektam un katram pasākumu, kas to mazina.',
    points: 5,
    body: {
      kind: 'essay',
      guidance: 'Pa punktam par katru pamatotu risku ar pasākumu (līdz 3), vēl 2 par to, cik reāli un konkrēti tie ir.',
    },
  },
  {
    key: 'eligible-costs',
    category: CATEGORIES[2],
    name: 'Attiecināmās izmaksas',
    text: 'Kuras izmaksas ES fonda projektā parasti ir attiecināmas? Izvēlieties visas pareizās.',
    points: 2,
    body: {
      kind: 'multiple',
      choices: [
        { id: 'a', text: 'Projekta vadītāja atalgojums', fraction: 0.5 },
        { id: 'b', text: 'Publicitātes pasākumi', fraction: 0.5 },
        { id: 'c', text: 'Soda naudas', fraction: -0.5 },
      ],
    },
  },
  {
    key: 'co-financing',
    category: CATEGORIES[2],
    name: 'Līdzfinansējums',
    text: 'Projekta kopējās izmaksas ir 200 000 eiro, fonda atbalsts — 85 %. Cik eiro ir pašvaldības līdzfinansējums?',
    points: 2,
    body: { kind: 'numeric', answers: [{ value: 30000, tolerance: 0, fraction: 1 }] },
  },
];

/** The seven trainees' points of 100 at the December exam, by name (the demo trainee takes the first). */
const SCORES: [string, string | 'absent' | 'excused'][] = [
  ['Anna Bērziņa', '86'],
  ['Edgars Vanags', '74.5'],
  ['Ieva Skujiņa', '91'],
  ['Jeļena Kozlova', '68'],
  ['Kaspars Dūmiņš', '55'],
  ['Marta Ķēniņa', '79'],
  ['Viktors Gailis', '62.5'],
];

/**
 * The 2012 part 1 final exam, sat in person on 14 December 2012 at its exam sitting, with its question bank and
 * the seven trainees' results, released a week later.
 */
export async function seedDemoExam(manager: EntityManager): Promise<void> {
  const partId = demoId('part:1');
  const cohortId = demoId('cohort:part1-2012');
  await insertIgnore(
    manager,
    QuestionCategory,
    CATEGORIES.map((name) => ({ id: demoId(`question-category:${name}`), partId, name })),
  );
  await insertIgnore(
    manager,
    Question,
    DEMO_QUESTIONS.map((q) => ({
      id: demoId(`question:${q.key}`),
      partId,
      categoryId: demoId(`question-category:${q.category}`),
      currentVersion: 1,
    })),
  );
  await insertIgnore(
    manager,
    QuestionVersion,
    DEMO_QUESTIONS.map((q) => ({
      id: demoId(`question-version:${q.key}:1`),
      questionId: demoId(`question:${q.key}`),
      version: 1,
      name: q.name,
      text: q.text,
      points: q.points.toFixed(2),
      body: q.body,
      generalFeedback: q.feedback ?? '',
    })),
  );
  const examId = demoId('exam:p1-2012-final');
  const [session] = await manager.query('SELECT id FROM sessions WHERE id = $1', [demoId('session:p1-exam')]);
  const exam = {
    id: examId,
    cohortId,
    sessionId: (session?.id as string | undefined) ?? null,
    title: '1. daļas noslēguma eksāmens: Projektu vadība',
    mode: 'in_person' as const,
    passMark: '60.00',
    passMarkUnit: 'percent' as const,
    maxPoints: '100.00',
    releasedAt: rigaTime(2012, 12, 21, 12, 0),
  };
  await insertIgnore(manager, Exam, [exam]);
  const members: { user_id: string; name: string }[] = await manager.query(
    'SELECT m.user_id, u.name FROM cohort_members m JOIN users u ON u.id = m.user_id WHERE m.cohort_id = $1 ORDER BY m.created_at, u.name',
    [cohortId],
  );
  const [instructor] = await manager.query(`SELECT id FROM users WHERE email = 'instructor@kursors.test'`);
  const byName = new Map(SCORES);
  const results = members.map((member, index) => {
    const entry = byName.get(member.name) ?? SCORES[index % SCORES.length][1];
    const result =
      entry === 'absent' || entry === 'excused' ? storedResult(entry, null, exam) : storedResult('score', toCents(entry), exam);
    return {
      id: demoId(`exam-result:${examId}:${member.user_id}`),
      examId,
      userId: member.user_id,
      ...result,
      updatedById: instructor?.id ?? null,
    };
  });
  await insertIgnore(manager, ExamResult, results);
}
