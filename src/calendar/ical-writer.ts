import { rigaParts } from '../i18n/dates';

/**
 * A small RFC 5545 writer: CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character,
 * TEXT values escaped, and times as Riga wall-clock time with the Europe/Riga VTIMEZONE (EU rules: summer time
 * from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC).
 */

export const TZID = 'Europe/Riga';

export interface CalendarEvent {
  uid: string;
  sequence: number;
  /** When this version of the event was made (LAST-MODIFIED; in a feed, DTSTAMP too). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status: 'CONFIRMED' | 'CANCELLED';
}

export interface Organizer {
  name: string;
  email: string;
}

/**
 * A file handed out once (a single session) is an RFC 5546 PUBLISH: that method wants an ORGANIZER, and its
 * DTSTAMP is when the file was made. A subscribed feed has no METHOD, and there DTSTAMP is the revision time.
 */
export interface Publication {
  organizer: Organizer;
  madeAt: Date;
}

export interface CalendarOptions {
  name: string;
  publish?: Publication;
  events: CalendarEvent[];
}

const RIGA_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  `X-LIC-LOCATION:${TZID}`,
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

/** TEXT escaping (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line into chunks of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const chunks: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = chunks.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      chunks.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  chunks.push(current);
  return chunks.join('\r\n ');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function utcStamp(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

export function rigaLocal(date: Date): string {
  const p = rigaParts(date);
  return `${p.year}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(date.getUTCSeconds())}`;
}

function uri(value: string): string {
  return value.replace(/[\r\n]/g, '');
}

/** A parameter value is quoted and may not hold a double quote (RFC 5545 3.1). */
function organizerLine({ name, email }: Organizer): string {
  return `ORGANIZER;CN="${name.replace(/["\r\n]/g, '')}":mailto:${uri(email)}`;
}

function eventLines(event: CalendarEvent, publish?: Publication): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcStamp(publish?.madeAt ?? event.stamp)}`,
    `LAST-MODIFIED:${utcStamp(event.stamp)}`,
    `DTSTART;TZID=${TZID}:${rigaLocal(event.start)}`,
    `DTEND;TZID=${TZID}:${rigaLocal(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(publish ? [organizerLine(publish.organizer)] : []),
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${uri(event.url)}`] : []),
    `STATUS:${event.status}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

export function writeCalendar(options: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kursors//Kursors schedule//LV',
    'CALSCALE:GREGORIAN',
    ...(options.publish ? ['METHOD:PUBLISH'] : []),
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-TIMEZONE:${TZID}`,
    ...RIGA_VTIMEZONE,
    ...options.events.flatMap((event) => eventLines(event, options.publish)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
