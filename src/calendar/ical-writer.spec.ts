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
