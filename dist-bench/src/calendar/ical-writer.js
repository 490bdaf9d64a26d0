"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TZID = void 0;
exports.escapeText = escapeText;
exports.foldLine = foldLine;
exports.utcStamp = utcStamp;
exports.rigaLocal = rigaLocal;
exports.writeCalendar = writeCalendar;
const dates_1 = require("../i18n/dates");
/**
 * A small RFC 5545 writer: CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character,
 * TEXT values escaped, and times as Riga wall-clock time with the Europe/Riga VTIMEZONE (EU rules: summer time
 * from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC).
 */
exports.TZID = 'Europe/Riga';
const RIGA_VTIMEZONE = [
    'BEGIN:VTIMEZONE',
    `TZID:${exports.TZID}`,
    `X-LIC-LOCATION:${exports.TZID}`,
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
function escapeText(value) {
    return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}
/** Folds a content line into chunks of at most 75 octets, continuation lines starting with a space. */
function foldLine(line) {
    const chunks = [];
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
const pad = (n, width = 2) => String(n).padStart(width, '0');
function utcStamp(date) {
    return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}
function rigaLocal(date) {
    const p = (0, dates_1.rigaParts)(date);
    return `${p.year}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(date.getUTCSeconds())}`;
}
function uri(value) {
    return value.replace(/[\r\n]/g, '');
}
function eventLines(event) {
    return [
        'BEGIN:VEVENT',
        `UID:${escapeText(event.uid)}`,
        `SEQUENCE:${event.sequence}`,
        `DTSTAMP:${utcStamp(event.stamp)}`,
        `LAST-MODIFIED:${utcStamp(event.stamp)}`,
        `DTSTART;TZID=${exports.TZID}:${rigaLocal(event.start)}`,
        `DTEND;TZID=${exports.TZID}:${rigaLocal(event.end)}`,
        `SUMMARY:${escapeText(event.summary)}`,
        ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
        ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
        ...(event.url ? [`URL:${uri(event.url)}`] : []),
        `STATUS:${event.status}`,
        'TRANSP:OPAQUE',
        'END:VEVENT',
    ];
}
function writeCalendar(options) {
    const lines = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Kursors//Kursors schedule//LV',
        'CALSCALE:GREGORIAN',
        ...(options.method ? [`METHOD:${options.method}`] : []),
        `X-WR-CALNAME:${escapeText(options.name)}`,
        `X-WR-TIMEZONE:${exports.TZID}`,
        ...RIGA_VTIMEZONE,
        ...options.events.flatMap(eventLines),
        'END:VCALENDAR',
    ];
    return lines.map(foldLine).join('\r\n') + '\r\n';
}
