import { escapeText, foldLine, rigaLocal, writeCalendar } from './ical-writer';

describe('iCalendar writer', () => {
  it('escapes backslashes, semicolons, commas and newlines in text', () => {
    expect(escapeText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne');
  });

  it('folds long lines at 75 octets without splitting a Latvian letter', () => {
    const line = `SUMMARY:${'ā'.repeat(100)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.map((part, i) => (i ? part.slice(1) : part)).join('')).toBe(line);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
  });

  it('writes Riga wall-clock times on both sides of a daylight-saving change', () => {
    expect(rigaLocal(new Date('2012-03-26T06:00:00Z'))).toBe('20120326T090000');
    expect(rigaLocal(new Date('2012-10-29T07:00:00Z'))).toBe('20121029T090000');
  });

  it('ends every line with CRLF', () => {
    const text = writeCalendar({ name: 'Kursors', events: [] });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('iCalendar files, line by line', () => {
  const event = {
    uid: 'session-1@kursors',
    sequence: 2,
    stamp: new Date('2012-11-20T10:11:12Z'),
    start: new Date('2012-07-05T06:00:30Z'),
    end: new Date('2012-12-14T09:30:00Z'),
    summary: 'Projektu vadība, 2. nodarbība',
    location: 'Daugavpils; 12. telpa',
    description: 'Ņemiet līdzi\npiezīmes',
    url: 'http://kursors.test/sessions/1\r\n',
    status: 'CONFIRMED' as const,
  };
  const timeZone = [
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Riga',
    'X-LIC-LOCATION:Europe/Riga',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0300',
    'TZNAME:EEST',
    'DTSTART:19700329T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0300',
    'TZOFFSETTO:+0200',
    'TZNAME:EET',
    'DTSTART:19701025T040000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];

  it('writes a feed: the calendar, the Riga time zone and each event, every line ended by CRLF', () => {
    const text = writeCalendar({
      name: 'Kursors, Anna',
      events: [
        event,
        { ...event, uid: 'session-2@kursors', location: undefined, description: undefined, url: undefined, status: 'CANCELLED' },
      ],
    });
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Kursors//Kursors schedule//LV',
      'CALSCALE:GREGORIAN',
      'X-WR-CALNAME:Kursors\\, Anna',
      'X-WR-TIMEZONE:Europe/Riga',
      ...timeZone,
      'BEGIN:VEVENT',
      'UID:session-1@kursors',
      'SEQUENCE:2',
      'DTSTAMP:20121120T101112Z',
      'LAST-MODIFIED:20121120T101112Z',
      'DTSTART;TZID=Europe/Riga:20120705T090030',
      'DTEND;TZID=Europe/Riga:20121214T113000',
      'SUMMARY:Projektu vadība\\, 2. nodarbība',
      'LOCATION:Daugavpils\\; 12. telpa',
      'DESCRIPTION:Ņemiet līdzi\\npiezīmes',
      'URL:http://kursors.test/sessions/1',
      'STATUS:CONFIRMED',
      'TRANSP:OPAQUE',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:session-2@kursors',
      'SEQUENCE:2',
      'DTSTAMP:20121120T101112Z',
      'LAST-MODIFIED:20121120T101112Z',
      'DTSTART;TZID=Europe/Riga:20120705T090030',
      'DTEND;TZID=Europe/Riga:20121214T113000',
      'SUMMARY:Projektu vadība\\, 2. nodarbība',
      'STATUS:CANCELLED',
      'TRANSP:OPAQUE',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('publishes a single file with its method, organizer and the time it was made', () => {
    const text = writeCalendar({
      name: 'Nodarbība',
      publish: {
        organizer: { name: 'Ilze "Admin" Administratore', email: 'kursors@daugavpils.lv\r\n' },
        madeAt: new Date('2013-01-02T03:04:05Z'),
      },
      events: [event],
    });
    const lines = text.split('\r\n');
    expect(lines.slice(0, 7)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Kursors//Kursors schedule//LV',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Nodarbība',
      'X-WR-TIMEZONE:Europe/Riga',
    ]);
    expect(lines).toContain('DTSTAMP:20130102T030405Z');
    expect(lines).toContain('LAST-MODIFIED:20121120T101112Z');
    expect(lines[lines.indexOf('SUMMARY:Projektu vadība\\, 2. nodarbība') + 1]).toBe(
      'ORGANIZER;CN="Ilze Admin Administratore":mailto:kursors@daugavpils.lv',
    );
  });

  it('escapes every kind of line break, and each separator however often it comes', () => {
    expect(escapeText('a\r\nb\rc\nd')).toBe('a\\nb\\nc\\nd');
    expect(escapeText('a;b;c,d,e\\f\\g')).toBe('a\\;b\\;c\\,d\\,e\\\\f\\\\g');
  });

  it('folds at exactly 75 octets, then 74 after the leading space', () => {
    expect(foldLine('A'.repeat(75))).toBe('A'.repeat(75));
    expect(foldLine('A'.repeat(76))).toBe(`${'A'.repeat(75)}\r\n A`);
    expect(foldLine('A'.repeat(75 + 74 + 1))).toBe(`${'A'.repeat(75)}\r\n ${'A'.repeat(74)}\r\n A`);
    expect(foldLine(`${'A'.repeat(74)}ā`)).toBe(`${'A'.repeat(74)}\r\n ā`);
  });
});
