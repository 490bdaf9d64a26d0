import { formatDate, formatDateTime, rigaParts } from './dates';

describe('dates in Riga time', () => {
  it('writes Latvian dates with the month in the locative', () => {
    expect(formatDate(new Date('2012-09-05T06:00:00Z'), 'lv')).toBe('2012. gada 5. septembrī');
    expect(formatDate(new Date('2012-12-14T10:00:00Z'), 'lv')).toBe('2012. gada 14. decembrī');
    expect(formatDate(new Date('2012-08-01T10:00:00Z'), 'lv')).toBe('2012. gada 1. augustā');
  });

  it('writes English dates', () => {
    expect(formatDate(new Date('2012-09-05T06:00:00Z'), 'en')).toBe('5 September 2012');
  });

  it('shows the Riga wall clock in summer (UTC+3) and winter (UTC+2)', () => {
    expect(formatDateTime(new Date('2012-09-05T06:00:00Z'), 'lv')).toBe('2012. gada 5. septembrī plkst. 09:00');
    expect(formatDateTime(new Date('2012-12-14T07:00:00Z'), 'en')).toBe('14 December 2012, 09:00');
  });

  it('takes the date from Riga, not UTC, around midnight', () => {
    expect(rigaParts(new Date('2012-05-31T22:30:00Z'))).toMatchObject({ month: 6, day: 1, hour: 1, minute: 30 });
  });
});
