import { formatDate, formatDateTime, parseRigaDateTime, rigaDateTimeInputs, rigaParts, rigaPartsFromIntl, rigaTime, sameTimeDaysBefore } from './dates';

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

describe('Riga wall clock to instants', () => {
  it('reads summer and winter times', () => {
    expect(rigaTime(2012, 9, 5, 9, 0).toISOString()).toBe('2012-09-05T06:00:00.000Z');
    expect(rigaTime(2012, 12, 14, 9, 0).toISOString()).toBe('2012-12-14T07:00:00.000Z');
  });

  it('keeps 09:00 at 09:00 the day before, across the spring and autumn changes', () => {
    // Summer time began on 25 March 2012 and ended on 28 October 2012 in Riga.
    const afterSpring = rigaTime(2012, 3, 26, 9, 0);
    expect(sameTimeDaysBefore(afterSpring, 1).toISOString()).toBe(rigaTime(2012, 3, 25, 9, 0).toISOString());
    expect(sameTimeDaysBefore(afterSpring, 1).toISOString()).toBe('2012-03-25T06:00:00.000Z');
    const afterAutumn = rigaTime(2012, 10, 29, 9, 0);
    expect(sameTimeDaysBefore(afterAutumn, 1).toISOString()).toBe('2012-10-28T07:00:00.000Z');
    const beforeSpring = rigaTime(2012, 3, 25, 9, 0);
    expect(sameTimeDaysBefore(beforeSpring, 1).toISOString()).toBe('2012-03-24T07:00:00.000Z');
  });

  it('handles month overflow', () => {
    expect(rigaTime(2012, 10, 0, 12, 0).toISOString()).toBe('2012-09-30T09:00:00.000Z');
  });
});

describe('Riga date and time inputs', () => {
  it('reads a date and a time in Riga and writes them back', () => {
    const instant = parseRigaDateTime('2012-11-30', '23:59');
    expect(instant?.toISOString()).toBe('2012-11-30T21:59:00.000Z');
    expect(rigaDateTimeInputs(instant!)).toEqual(['2012-11-30', '23:59']);
  });

  it('refuses malformed values and dates that do not exist', () => {
    expect(parseRigaDateTime('2012-02-30', '10:00')).toBeNull();
    expect(parseRigaDateTime('30.11.2012', '10:00')).toBeNull();
    expect(parseRigaDateTime('2012-11-30', '24:00')).toBeNull();
  });
});

describe('the fast Riga clock', () => {
  it('reads the same as Intl for instants across decades, including every daylight-saving change', () => {
    const start = Date.UTC(1995, 0, 1);
    const end = Date.UTC(2045, 0, 1);
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const instants = Array.from({ length: 20000 }, () => new Date(start + Math.floor(random() * (end - start))));
    for (let year = 1995; year < 2045; year++) {
      for (const month of [2, 9]) {
        for (let minutes = -90; minutes <= 90; minutes += 7) instants.push(new Date(Date.UTC(year, month, 28, 1, minutes)));
      }
    }
    const mismatches = instants.filter((d) => JSON.stringify(rigaParts(d)) !== JSON.stringify(rigaPartsFromIntl(d)));
    expect(mismatches.map((d) => d.toISOString())).toEqual([]);
  });
});
