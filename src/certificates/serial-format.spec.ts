import { formatSerial, serialFormatProblem } from './serial-format';

describe('serial formats', () => {
  it('accepts a year and a padded number with fixed text around them', () => {
    expect(serialFormatProblem('DPD-{YYYY}/{NNNN}')).toBeNull();
    expect(serialFormatProblem('{NNN}.{YYYY}')).toBeNull();
    expect(formatSerial('DPD-{YYYY}/{NNNN}', 2012, 1)).toBe('DPD-2012/0001');
    expect(formatSerial('DPD-{YYYY}/{NNNN}', 2012, 12345)).toBe('DPD-2012/12345');
    expect(formatSerial('K {YYYY}_{NNNNNNNN}', 2026, 42)).toBe('K 2026_00000042');
  });

  it('names what is wrong with a format', () => {
    expect(serialFormatProblem('DPD-{NNNN}')).toBe('year');
    expect(serialFormatProblem('DPD-{YYYY}-{YYYY}/{NNNN}')).toBe('year');
    expect(serialFormatProblem('DPD-{YYYY}')).toBe('number');
    expect(serialFormatProblem('{YYYY}/{NN}')).toBe('unknownToken');
    expect(serialFormatProblem('{YYYY}/{NNNN}/{NNNN}')).toBe('number');
    expect(serialFormatProblem('{YYYY}/{MM}/{NNNN}')).toBe('unknownToken');
    expect(serialFormatProblem('DPD–{YYYY}/{NNNN}')).toBe('characters');
    expect(serialFormatProblem('<b>{YYYY}{NNNN}')).toBe('characters');
    expect(serialFormatProblem(`${'A'.repeat(35)}{YYYY}{NNNN}`)).toBe('tooLong');
  });

  it('refuses a number below one', () => {
    expect(() => formatSerial('{YYYY}/{NNNN}', 2012, 0)).toThrow();
  });
});
