import {
  formatCalendarDate,
  formatCalendarPeriod,
  formatDate,
  formatDateTime,
  formatTime,
  isoInstant,
  parseCalendarDate,
  parseRigaDateTime,
  rigaDateTimeInputs,
  rigaParts,
  rigaPartsFromIntl,
  rigaTime,
  sameTimeDaysBefore,
} from './dates';

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

describe('dates in words, month by month', () => {
  it('names every month in the Latvian locative', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatDate(rigaTime(2013, i + 1, 15, 12, 0), 'lv'));
    expect(months).toEqual([
      '2013. gada 15. janvārī',
      '2013. gada 15. februārī',
      '2013. gada 15. martā',
      '2013. gada 15. aprīlī',
      '2013. gada 15. maijā',
      '2013. gada 15. jūnijā',
      '2013. gada 15. jūlijā',
      '2013. gada 15. augustā',
      '2013. gada 15. septembrī',
      '2013. gada 15. oktobrī',
      '2013. gada 15. novembrī',
      '2013. gada 15. decembrī',
    ]);
  });

  it('pads hours and minutes to two digits', () => {
    expect(formatTime(new Date('2013-01-04T06:05:00Z'))).toBe('08:05');
    expect(formatDateTime(new Date('2013-01-04T06:05:00Z'), 'en')).toBe('4 January 2013, 08:05');
    expect(isoInstant(new Date('2013-01-04T06:05:00Z'))).toBe('2013-01-04T06:05:00.000Z');
  });

  it('reads the Riga wall clock through Intl field by field', () => {
    expect(rigaPartsFromIntl(new Date('2012-05-31T22:30:00Z'))).toEqual({ year: 2012, month: 6, day: 1, hour: 1, minute: 30 });
    expect(rigaParts(new Date('2012-12-31T22:07:00Z'))).toEqual({ year: 2013, month: 1, day: 1, hour: 0, minute: 7 });
  });
});

describe('Riga wall clock around the daylight-saving changes', () => {
  it('reads the minutes on either side of the spring and autumn changes with the offset in force', () => {
    // 25 March 2012: clocks went from 03:00 to 04:00; 28 October 2012: from 04:00 back to 03:00.
    expect(rigaTime(2012, 3, 25, 2, 59).toISOString()).toBe('2012-03-25T00:59:00.000Z');
    expect(rigaTime(2012, 3, 25, 4, 0).toISOString()).toBe('2012-03-25T01:00:00.000Z');
    expect(rigaTime(2012, 10, 28, 2, 59).toISOString()).toBe('2012-10-27T23:59:00.000Z');
    expect(rigaTime(2012, 10, 28, 4, 0).toISOString()).toBe('2012-10-28T02:00:00.000Z');
  });

  it('keeps the minutes and takes the days back whole', () => {
    expect(sameTimeDaysBefore(rigaTime(2012, 11, 30, 23, 59), 3).toISOString()).toBe(rigaTime(2012, 11, 27, 23, 59).toISOString());
    expect(rigaTime(2012, 11, 30).toISOString()).toBe('2012-11-29T22:00:00.000Z');
  });
});

describe('date and time inputs, strictly', () => {
  it('accepts the whole day from 00:00 to 23:59, with spaces around', () => {
    expect(parseRigaDateTime('2012-11-30', '00:00')?.toISOString()).toBe('2012-11-29T22:00:00.000Z');
    expect(parseRigaDateTime('2012-11-30', '19:59')?.toISOString()).toBe('2012-11-30T17:59:00.000Z');
    expect(parseRigaDateTime(' 2012-11-30 ', ' 20:30 ')?.toISOString()).toBe('2012-11-30T18:30:00.000Z');
  });

  it('refuses anything before or after the date or the time', () => {
    expect(parseRigaDateTime('x2012-11-30', '10:00')).toBeNull();
    expect(parseRigaDateTime('2012-11-30x', '10:00')).toBeNull();
    expect(parseRigaDateTime('12012-11-30', '10:00')).toBeNull();
    expect(parseRigaDateTime('2012-11-30', '110:00')).toBeNull();
    expect(parseRigaDateTime('2012-11-30', '10:000')).toBeNull();
    expect(parseRigaDateTime('2012-11-30', 'x10:00')).toBeNull();
    expect(parseRigaDateTime('2012-11-30', '10:00x')).toBeNull();
  });

  it('refuses impossible times, months and days', () => {
    expect(parseRigaDateTime('2012-11-30', '10:60')).toBeNull();
    expect(parseRigaDateTime('2012-11-30', '9:00')).toBeNull();
    expect(parseRigaDateTime('2012-13-01', '10:00')).toBeNull();
    expect(parseRigaDateTime('2012-04-31', '10:00')).toBeNull();
    expect(parseRigaDateTime('2012-00-10', '10:00')).toBeNull();
    expect(parseRigaDateTime('0050-01-01', '10:00')).toBeNull();
    expect(parseRigaDateTime('2012-02-29', '10:00')?.toISOString()).toBe('2012-02-29T08:00:00.000Z');
  });

  it('writes single-digit months, days, hours and minutes with a leading zero', () => {
    expect(rigaDateTimeInputs(new Date('2013-03-05T06:07:00Z'))).toEqual(['2013-03-05', '08:07']);
  });

  it('writes a calendar date as a document states it, the month in the nominative in Latvian', () => {
    expect(formatCalendarDate('2012-07-02', 'lv')).toBe('2012. gada 2. jūlijs');
    expect(formatCalendarDate('2012-03-05', 'lv')).toBe('2012. gada 5. marts');
    expect(formatCalendarDate('2012-07-02', 'en')).toBe('2 July 2012');
    expect(() => formatCalendarDate('2012-02-30', 'lv')).toThrow(RangeError);
  });

  it('writes a period saying the shared year and month once', () => {
    expect(formatCalendarPeriod('2012-05-07', '2012-06-29', 'lv')).toBe('2012. gada 7. maijs – 29. jūnijs');
    expect(formatCalendarPeriod('2012-05-07', '2012-06-29', 'en')).toBe('7 May – 29 June 2012');
    expect(formatCalendarPeriod('2012-03-05', '2012-03-20', 'lv')).toBe('2012. gada 5.–20. marts');
    expect(formatCalendarPeriod('2012-03-05', '2012-03-20', 'en')).toBe('5–20 March 2012');
    expect(formatCalendarPeriod('2012-12-10', '2013-01-18', 'lv')).toBe('2012. gada 10. decembris – 2013. gada 18. janvāris');
    expect(formatCalendarPeriod('2012-12-10', '2013-01-18', 'en')).toBe('10 December 2012 – 18 January 2013');
    expect(formatCalendarPeriod('2012-12-10', '2012-12-10', 'lv')).toBe('2012. gada 10. decembris');
  });

  it('reads a calendar date only when it exists', () => {
    expect(parseCalendarDate('2012-02-29')).toEqual({ year: 2012, month: 2, day: 29 });
    expect(parseCalendarDate('2013-02-29')).toBeNull();
    expect(parseCalendarDate('2012-7-2')).toBeNull();
    expect(parseCalendarDate(' 2012-07-02')).toBeNull();
  });
});
