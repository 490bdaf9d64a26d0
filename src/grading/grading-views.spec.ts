import { I18nService } from '../i18n/i18n.service';
import { queueState, resultText } from './grading-views';

describe('grading views', () => {
  const i18n = new I18nService();

  it('says where handed-in work stands', () => {
    expect(queueState({ returnedAt: null, graded: false, gradeStatus: null })).toBe('toGrade');
    expect(queueState({ returnedAt: null, graded: false, gradeStatus: 'released' })).toBe('newVersion');
    expect(queueState({ returnedAt: null, graded: true, gradeStatus: 'draft' })).toBe('draft');
    expect(queueState({ returnedAt: null, graded: true, gradeStatus: 'released' })).toBe('released');
    expect(queueState({ returnedAt: new Date(), graded: true, gradeStatus: 'draft' })).toBe('returned');
  });

  it('words a result in Latvian with the right case after "no"', () => {
    expect(resultText(i18n, 'lv', { gradingType: 'points', maxPoints: '10.00', score: '7.50', passed: true })).toBe(
      '7,5 no 10 punktiem, ieskaitīts',
    );
    expect(resultText(i18n, 'lv', { gradingType: 'points', maxPoints: '21.00', score: '3.00', passed: false })).toBe(
      '3 no 21 punkta, neieskaitīts',
    );
    expect(resultText(i18n, 'lv', { gradingType: 'pass_fail', maxPoints: null, score: null, passed: true })).toBe('Ieskaitīts');
    expect(resultText(i18n, 'en', { gradingType: 'points', maxPoints: '1.00', score: '1.00', passed: true })).toBe('1 of 1 point, pass');
    expect(resultText(i18n, 'lv', { gradingType: 'points', maxPoints: '10.00', score: null, passed: null })).toBeNull();
  });
});
