import { formatScore, outcomeOf, passes, readScore, storedResult } from './exam-sheet-rules';

const percent = { passMark: '70.00', passMarkUnit: 'percent' as const, maxPoints: '10.00' };
const points = { passMark: '50.00', passMarkUnit: 'points' as const, maxPoints: '80.00' };

describe('results sheet rules', () => {
  it('reads a score with a Latvian comma or a point, at most two decimals, not above the maximum', () => {
    expect(readScore('7,5', '10.00')).toEqual({ ok: true, cents: 750 });
    expect(readScore(' 7.25 ', '10.00')).toEqual({ ok: true, cents: 725 });
    expect(readScore('10', '10.00')).toEqual({ ok: true, cents: 1000 });
    expect(readScore(',5', '10.00')).toEqual({ ok: true, cents: 50 });
    expect(readScore('10,01', '10.00')).toEqual({ ok: false, code: 'examSheet.aboveMax' });
    for (const bad of ['', '-1', '7,555', 'septiņi', '1e2', '7,5,1', '0x10']) {
      expect([bad, readScore(bad, '10.00')]).toEqual([bad, { ok: false, code: 'examSheet.badScore' }]);
    }
  });

  it('passes exactly at the pass mark, in percent and in points', () => {
    expect(passes(700, percent)).toBe(true);
    expect(passes(699, percent)).toBe(false);
    expect(passes(5000, points)).toBe(true);
    expect(passes(4999, points)).toBe(false);
    // 2/3 of 3 points is 66.67 %: exact hundredths, no floating-point rounding.
    expect(passes(200, { passMark: '66.67', passMarkUnit: 'percent', maxPoints: '3.00' })).toBe(false);
    expect(passes(200, { passMark: '66.66', passMarkUnit: 'percent', maxPoints: '3.00' })).toBe(true);
  });

  it('stores the derived status and reads it back as the same outcome', () => {
    expect(storedResult('score', 700, percent)).toEqual({ status: 'passed', score: '7.00' });
    expect(storedResult('score', 5, percent)).toEqual({ status: 'failed', score: '0.05' });
    expect(storedResult('absent', null, percent)).toEqual({ status: 'absent', score: null });
    expect(storedResult('none', null, percent)).toEqual({ status: 'pending', score: null });
    expect(outcomeOf('passed', '7.00')).toBe('score');
    expect(outcomeOf('excused', null)).toBe('excused');
    expect(outcomeOf('pending', null)).toBe('none');
  });

  it('shows a score with a decimal comma in Latvian and without needless zeros', () => {
    expect(formatScore('7.50', 'lv')).toBe('7,5');
    expect(formatScore('7.00', 'en')).toBe('7');
    expect(formatScore('62.25', 'en')).toBe('62.25');
    expect(formatScore(null, 'lv')).toBe('');
  });
});
