import type { Language } from './languages';
import type { I18nService } from './i18n.service';

const UNITS = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
] as const;

export type DurationUnit = (typeof UNITS)[number][0];

/**
 * How a duration is said: `nominative` after "atlikušas" ("3 dienas"), `by` after "par" ("par 1 dienu",
 * "par 3 dienām"). Latvian picks the form from the number: 1, 21, 31… (not 11) take the singular.
 */
export type DurationCase = 'nominative' | 'by';

/** The two largest non-zero units, rounded down: 2 days 5 hours 59 minutes reads "2 days and 5 hours". */
export function durationUnits(seconds: number): { unit: DurationUnit; count: number }[] {
  let rest = Math.max(0, Math.floor(seconds));
  const parts: { unit: DurationUnit; count: number }[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || parts.length) parts.push({ unit, count });
    if (parts.length === 2) break;
  }
  return parts.filter((part) => part.count > 0);
}

/** "3 dienas un 2 stundas", "1 dienu" (after "par"); "0 sekundes" for nothing. */
export function formatDuration(i18n: I18nService, lang: Language, seconds: number, grammaticalCase: DurationCase = 'nominative'): string {
  const parts = durationUnits(seconds);
  if (!parts.length) return i18n.t(lang, `time.units.second.${grammaticalCase}`, { count: 0 });
  const words = parts.map(({ unit, count }) => i18n.t(lang, `time.units.${unit}.${grammaticalCase}`, { count }));
  return words.length === 1 ? words[0] : i18n.t(lang, 'time.and', { first: words[0], second: words[1] });
}

/** "atlikušas 3 dienas un 2 stundas", "atlikusi 21 diena": the verb agrees with the first number. */
export function timeLeftText(i18n: I18nService, lang: Language, seconds: number): string {
  const [first] = durationUnits(seconds);
  if (!first || (first.unit === 'second' && seconds < 60)) return i18n.t(lang, 'time.lessThanMinute');
  return i18n.t(lang, 'time.left', { count: first.count, duration: formatDuration(i18n, lang, seconds) });
}

/** "nokavēts par 1 stundu un 5 minūtēm". */
export function lateByText(i18n: I18nService, lang: Language, seconds: number): string {
  return i18n.t(lang, 'time.lateBy', { duration: formatDuration(i18n, lang, seconds, 'by') });
}
