import { durationUnits, formatDuration, lateByText, timeLeftText } from './durations';
import { I18nService } from './i18n.service';

const DAY = 86_400;
const HOUR = 3_600;

describe('durations in words', () => {
  const i18n = new I18nService();

  it('keeps the two largest units, rounded down', () => {
    expect(durationUnits(2 * DAY + 5 * HOUR + 59 * 60)).toEqual([
      { unit: 'day', count: 2 },
      { unit: 'hour', count: 5 },
    ]);
    expect(durationUnits(2 * DAY + 30)).toEqual([{ unit: 'day', count: 2 }]);
    expect(durationUnits(61)).toEqual([
      { unit: 'minute', count: 1 },
      { unit: 'second', count: 1 },
    ]);
    expect(durationUnits(0)).toEqual([]);
  });

  it.each([
    [1, 'atlikusi 1 diena'],
    [3, 'atlikušas 3 dienas'],
    [11, 'atlikušas 11 dienas'],
    [21, 'atlikusi 21 diena'],
    [10, 'atlikušas 10 dienas'],
  ])('says the time left in Latvian for %i days', (days, expected) => {
    expect(timeLeftText(i18n, 'lv', days * DAY)).toBe(expected);
  });

  it('agrees the verb with the first number and joins two units', () => {
    expect(timeLeftText(i18n, 'lv', DAY + 5 * HOUR)).toBe('atlikusi 1 diena un 5 stundas');
    expect(timeLeftText(i18n, 'lv', 2 * HOUR + 60)).toBe('atlikušas 2 stundas un 1 minūte');
    expect(timeLeftText(i18n, 'lv', 30)).toBe('atlikusi mazāk nekā minūte');
    expect(timeLeftText(i18n, 'en', DAY + HOUR)).toBe('1 day and 1 hour left');
  });

  it('says how late with the forms "par" takes', () => {
    expect(lateByText(i18n, 'lv', 1)).toBe('nokavēts par 1 sekundi');
    expect(lateByText(i18n, 'lv', 2 * DAY + HOUR)).toBe('nokavēts par 2 dienām un 1 stundu');
    expect(lateByText(i18n, 'lv', 21 * 60)).toBe('nokavēts par 21 minūti');
    expect(lateByText(i18n, 'en', 90)).toBe('1 minute and 30 seconds late');
    expect(formatDuration(i18n, 'lv', 0)).toBe('0 sekundes');
  });
});

describe('durations at their edges', () => {
  const i18n = new I18nService();

  it('counts nothing below zero and drops the fraction of a second', () => {
    expect(durationUnits(-90)).toEqual([]);
    expect(durationUnits(59.9)).toEqual([{ unit: 'second', count: 59 }]);
  });

  it('keeps the two largest places even when the second of them is zero', () => {
    expect(durationUnits(DAY + 5 * 60)).toEqual([{ unit: 'day', count: 1 }]);
    expect(durationUnits(DAY + HOUR + 60 + 1)).toEqual([
      { unit: 'day', count: 1 },
      { unit: 'hour', count: 1 },
    ]);
    expect(durationUnits(3 * HOUR + 59)).toEqual([{ unit: 'hour', count: 3 }]);
  });

  it('says a minute or more left as minutes, and less as less than a minute', () => {
    expect(timeLeftText(i18n, 'lv', 59)).toBe('atlikusi mazāk nekā minūte');
    expect(timeLeftText(i18n, 'lv', 0)).toBe('atlikusi mazāk nekā minūte');
    expect(timeLeftText(i18n, 'lv', 60)).toBe('atlikusi 1 minūte');
    expect(timeLeftText(i18n, 'en', 120)).toBe('2 minutes left');
  });

  it('says nothing late as zero seconds, in the form "par" takes', () => {
    expect(lateByText(i18n, 'lv', 0)).toBe('nokavēts par 0 sekundēm');
    expect(formatDuration(i18n, 'en', 3 * DAY)).toBe('3 days');
    expect(formatDuration(i18n, 'lv', 3 * DAY, 'by')).toBe('3 dienām');
  });
});
