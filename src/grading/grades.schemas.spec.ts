import { parseWith } from '../common/zod-validation.pipe';
import { cleanPlainText, gradeSchema, queueQuerySchema, returnSchema } from './grades.schemas';

describe('grade input', () => {
  it('keeps feedback as plain text: line breaks kept, controls and direction overrides dropped', () => {
    expect(cleanPlainText('  Labi.\r\nPapildiniet\u0000 budžetu.\u202Efdp.exe  ')).toBe('Labi.\nPapildiniet budžetu.fdp.exe');
    expect(cleanPlainText('<b>treknraksts</b>')).toBe('<b>treknraksts</b>');
  });

  it('reads a Latvian decimal comma, pass/fail radio values and an empty revision', () => {
    expect(parseWith(gradeSchema, { revision: '', score: '7,5', feedback: 'x' })).toMatchObject({
      revision: undefined,
      score: 7.5,
      removeFeedbackFile: false,
    });
    expect(parseWith(gradeSchema, { revision: '3', passed: 'fail' })).toMatchObject({ revision: 3, passed: false, feedback: '' });
    expect(parseWith(gradeSchema, { passed: true, removeFeedbackFile: 'on' })).toMatchObject({ passed: true, removeFeedbackFile: true });
  });

  it('refuses more than two decimals, negative points and feedback past its length', () => {
    expect(() => parseWith(gradeSchema, { score: '7.555' })).toThrow();
    expect(() => parseWith(gradeSchema, { score: -1 })).toThrow();
    expect(() => parseWith(gradeSchema, { feedback: 'a'.repeat(5001) })).toThrow();
    expect(() => parseWith(gradeSchema, { grade: 5 })).toThrow();
  });

  it('reads the revision due time as Riga wall-clock time and requires a note', () => {
    expect(parseWith(returnSchema, { dueDate: '2012-11-30', dueTime: '23:59', note: ' Papildiniet. ' })).toEqual({
      revisionDueAt: new Date('2012-11-30T21:59:00Z'),
      note: 'Papildiniet.',
      confirmShorter: false,
    });
    expect(parseWith(returnSchema, { dueDate: '2012-11-30', dueTime: '23:59', note: 'x', confirmShorter: 'on' }).confirmShorter).toBe(true);
    expect(() => parseWith(returnSchema, { dueDate: '2012-02-30', dueTime: '12:00', note: 'x' })).toThrow();
    expect(() => parseWith(returnSchema, { dueDate: '2012-11-30', dueTime: '12:00', note: '   ' })).toThrow();
  });

  it('treats empty queue filters as none', () => {
    expect(parseWith(queueQuerySchema, { cohort: '', assignment: '', late: '' })).toEqual({
      cohort: undefined,
      assignment: undefined,
      late: undefined,
      page: 1,
      pageSize: 25,
    });
  });
});
