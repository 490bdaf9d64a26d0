import type { Language } from './languages';

export const TIME_ZONE = 'Europe/Riga';

const LV_MONTHS_LOCATIVE = [
  'janvārī',
  'februārī',
  'martā',
  'aprīlī',
  'maijā',
  'jūnijā',
  'jūlijā',
  'augustā',
  'septembrī',
  'oktobrī',
  'novembrī',
  'decembrī',
];

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface RigaParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall-clock reading of an instant in Riga, as Intl tells it (slow: one formatToParts call). */
export function rigaPartsFromIntl(date: Date): RigaParts {
  const parts = Object.fromEntries(partsFormatter.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

const HOUR_MS = 3_600_000;
const offsetByHour = new Map<number, number>();

/**
 * Riga's offset from UTC during the UTC hour containing `ms`. Offsets change only on whole UTC hours
 * (01:00 UTC in the EU rules), so one Intl call per hour seen is enough; pages list many times at once.
 */
function offsetAt(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const p = rigaPartsFromIntl(new Date(hour * HOUR_MS));
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - hour * HOUR_MS;
    if (offsetByHour.size >= 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** The wall-clock reading of an instant in Riga. */
export function rigaParts(date: Date): RigaParts {
  const ms = date.getTime();
  const local = new Date(ms + offsetAt(ms));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

const enDate = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });

/** "2012. gada 5. septembrī" in Latvian, "5 September 2012" in English. */
export function formatDate(date: Date, lang: Language): string {
  if (lang === 'en') return enDate.format(date);
  const p = rigaParts(date);
  return `${p.year}. gada ${p.day}. ${LV_MONTHS_LOCATIVE[p.month - 1]}`;
}

export function formatTime(date: Date): string {
  const p = rigaParts(date);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** "2012. gada 5. septembrī plkst. 09:00" / "5 September 2012, 09:00". */
export function formatDateTime(date: Date, lang: Language): string {
  return lang === 'en' ? `${formatDate(date, lang)}, ${formatTime(date)}` : `${formatDate(date, lang)} plkst. ${formatTime(date)}`;
}

/** ISO 8601 with the Riga offset, for machine-readable <time datetime>. */
export function isoInstant(date: Date): string {
  return date.toISOString();
}

/**
 * The instant at which Riga's wall clock shows the given date and time. Days and months may overflow
 * (day 0 is the last day of the previous month). In the hour skipped by the spring change the later
 * offset is used; in the repeated autumn hour, the first occurrence.
 */
export function rigaTime(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wall - offsetMs(new Date(wall - 2 * 3_600_000));
  instant = wall - offsetMs(new Date(instant));
  return new Date(instant);
}

/**
 * The instant a Riga calendar day ("2012-09-05") begins, or with `plusDays` a later day's: `rigaDayStart(day, 1)`
 * is the instant the day ends, the exclusive end of a range whose last day it is.
 */
export function rigaDayStart(value: string, plusDays = 0): Date {
  const { year, month, day } = calendarParts(value);
  return rigaTime(year, month, day + plusDays);
}

/** A range of Riga calendar days ("YYYY-MM-DD"), both ends included; left out or null: open at that end. */
export interface DayRange {
  from?: string | null;
  to?: string | null;
}

/** The instants a range of days spans: its first day's start and its last day's end (exclusive); null where it is open. */
export function rigaDayBounds(range: DayRange): { from: Date | null; until: Date | null } {
  return { from: range.from ? rigaDayStart(range.from) : null, until: range.to ? rigaDayStart(range.to, 1) : null };
}

/** Riga's offset from UTC at an instant, in milliseconds (+2 h in winter, +3 h in summer). */
function offsetMs(date: Date): number {
  const p = rigaParts(date);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return wall - Math.floor(date.getTime() / 60_000) * 60_000;
}

/** The same Riga wall-clock time `days` days earlier: 09:00 stays 09:00 across a daylight-saving change. */
export function sameTimeDaysBefore(date: Date, days: number): Date {
  const p = rigaParts(date);
  return rigaTime(p.year, p.month, p.day - days, p.hour, p.minute);
}

const DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_INPUT = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant of a Riga date and wall-clock time as date and time inputs give them ("2012-11-30", "23:59"),
 * or null when either is malformed or the date does not exist (30 February).
 */
export function parseRigaDateTime(date: string, time: string): Date | null {
  const d = parseCalendarDate(date.trim());
  const t = TIME_INPUT.exec(time.trim());
  if (!d || !t) return null;
  return rigaTime(d.year, d.month, d.day, Number(t[1]), Number(t[2]));
}

/** The Riga date and time of an instant as date and time inputs want them: ["2012-11-30", "23:59"]. */
export function rigaDateTimeInputs(date: Date): [string, string] {
  const p = rigaParts(date);
  const pad = (n: number) => String(n).padStart(2, '0');
  return [`${p.year}-${pad(p.month)}-${pad(p.day)}`, `${pad(p.hour)}:${pad(p.minute)}`];
}

const LV_MONTHS_NOMINATIVE = [
  'janvāris',
  'februāris',
  'marts',
  'aprīlis',
  'maijs',
  'jūnijs',
  'jūlijs',
  'augusts',
  'septembris',
  'oktobris',
  'novembris',
  'decembris',
];
const EN_MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, i, 1)),
);

/** A calendar date "YYYY-MM-DD" as its parts, or null when it is malformed or does not exist. */
export function parseCalendarDate(value: string): { year: number; month: number; day: number } | null {
  const d = DATE_INPUT.exec(value);
  if (!d) return null;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

function calendarParts(value: string) {
  const parts = parseCalendarDate(value);
  if (!parts) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return parts;
}

/** A calendar date as a document states it: "2012. gada 5. marts" in Latvian, "5 March 2012" in English. */
export function formatCalendarDate(value: string, lang: Language): string {
  const { year, month, day } = calendarParts(value);
  return lang === 'en' ? `${day} ${EN_MONTHS[month - 1]} ${year}` : `${year}. gada ${day}. ${LV_MONTHS_NOMINATIVE[month - 1]}`;
}

/**
 * Two calendar dates as a period, the year (and month) said once when shared: "2012. gada 5. marts – 20. aprīlis",
 * "2012. gada 5.–20. marts", "5 March – 20 April 2012", "5–20 March 2012"; one date when they are the same day.
 */
export function formatCalendarPeriod(from: string, to: string, lang: Language): string {
  if (from === to) return formatCalendarDate(from, lang);
  const a = calendarParts(from);
  const b = calendarParts(to);
  if (a.year !== b.year) return `${formatCalendarDate(from, lang)} – ${formatCalendarDate(to, lang)}`;
  if (a.month === b.month) {
    return lang === 'en'
      ? `${a.day}–${formatCalendarDate(to, lang)}`
      : `${a.year}. gada ${a.day}.–${b.day}. ${LV_MONTHS_NOMINATIVE[a.month - 1]}`;
  }
  return lang === 'en'
    ? `${a.day} ${EN_MONTHS[a.month - 1]} – ${formatCalendarDate(to, lang)}`
    : `${formatCalendarDate(from, lang)} – ${b.day}. ${LV_MONTHS_NOMINATIVE[b.month - 1]}`;
}
