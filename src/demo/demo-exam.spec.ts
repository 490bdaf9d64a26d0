import { questionProblems } from '../exams/question-body';
import { DEMO_QUESTIONS } from './demo-exam';

describe('the demo question bank', () => {
  it('holds only questions the bank itself would accept', () => {
    for (const q of DEMO_QUESTIONS) {
      expect([q.name, questionProblems({ name: q.name, text: q.text, points: q.points, body: q.body })]).toEqual([q.name, []]);
    }
  });
});
