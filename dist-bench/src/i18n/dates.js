"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TIME_ZONE = void 0;
exports.rigaParts = rigaParts;
exports.formatDate = formatDate;
exports.formatTime = formatTime;
exports.formatDateTime = formatDateTime;
exports.isoInstant = isoInstant;
exports.rigaTime = rigaTime;
exports.sameTimeDaysBefore = sameTimeDaysBefore;
exports.TIME_ZONE = 'Europe/Riga';
const LV_MONTHS_LOCATIVE = [
    'janvārī', 'februārī', 'martā', 'aprīlī', 'maijā', 'jūnijā',
    'jūlijā', 'augustā', 'septembrī', 'oktobrī', 'novembrī', 'decembrī',
];
const partsFormatter = new Intl.DateTimeFormat('en-GB', {
    timeZone: exports.TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
});
/** The wall-clock reading of an instant in Riga. */
function rigaParts(date) {
    const parts = Object.fromEntries(partsFormatter.formatToParts(date).map((p) => [p.type, p.value]));
    return {
        year: Number(parts.year),
        month: Number(parts.month),
        day: Number(parts.day),
        hour: Number(parts.hour),
        minute: Number(parts.minute),
    };
}
const enDate = new Intl.DateTimeFormat('en-GB', { timeZone: exports.TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
/** "2012. gada 5. septembrī" in Latvian, "5 September 2012" in English. */
function formatDate(date, lang) {
    if (lang === 'en')
        return enDate.format(date);
    const p = rigaParts(date);
    return `${p.year}. gada ${p.day}. ${LV_MONTHS_LOCATIVE[p.month - 1]}`;
}
function formatTime(date) {
    const p = rigaParts(date);
    return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}
/** "2012. gada 5. septembrī plkst. 09:00" / "5 September 2012, 09:00". */
function formatDateTime(date, lang) {
    return lang === 'en' ? `${formatDate(date, lang)}, ${formatTime(date)}` : `${formatDate(date, lang)} plkst. ${formatTime(date)}`;
}
/** ISO 8601 with the Riga offset, for machine-readable <time datetime>. */
function isoInstant(date) {
    return date.toISOString();
}
/**
 * The instant at which Riga's wall clock shows the given date and time. Days and months may overflow
 * (day 0 is the last day of the previous month). In the hour skipped by the spring change the later
 * offset is used; in the repeated autumn hour, the first occurrence.
 */
function rigaTime(year, month, day, hour = 0, minute = 0) {
    const wall = Date.UTC(year, month - 1, day, hour, minute);
    let instant = wall - offsetMs(new Date(wall - 2 * 3_600_000));
    instant = wall - offsetMs(new Date(instant));
    return new Date(instant);
}
/** Riga's offset from UTC at an instant, in milliseconds (+2 h in winter, +3 h in summer). */
function offsetMs(date) {
    const p = rigaParts(date);
    const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    return wall - Math.floor(date.getTime() / 60_000) * 60_000;
}
/** The same Riga wall-clock time `days` days earlier: 09:00 stays 09:00 across a daylight-saving change. */
function sameTimeDaysBefore(date, days) {
    const p = rigaParts(date);
    return rigaTime(p.year, p.month, p.day - days, p.hour, p.minute);
}
