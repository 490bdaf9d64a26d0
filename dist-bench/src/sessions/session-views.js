"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rigaDateInput = rigaDateInput;
exports.formatRange = formatRange;
exports.placeText = placeText;
exports.sessionView = sessionView;
exports.changeView = changeView;
exports.formValues = formValues;
exports.formatRangeIn = formatRangeIn;
exports.sessionPageView = sessionPageView;
const dates_1 = require("../i18n/dates");
const pad = (n) => String(n).padStart(2, '0');
/** The Riga calendar date of an instant, as a date input wants it: 2012-09-05. */
function rigaDateInput(date) {
    const p = (0, dates_1.rigaParts)(date);
    return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}
/** "05.09.2012 09:00–12:00", or with both dates when it spans days; the same in both languages. */
function formatRange(start, end) {
    const s = (0, dates_1.rigaParts)(start);
    const e = (0, dates_1.rigaParts)(end);
    const day = (p) => `${pad(p.day)}.${pad(p.month)}.${p.year}`;
    const sameDay = s.year === e.year && s.month === e.month && s.day === e.day;
    return sameDay ? `${day(s)} ${(0, dates_1.formatTime)(start)}–${(0, dates_1.formatTime)(end)}` : `${day(s)} ${(0, dates_1.formatTime)(start)} – ${day(e)} ${(0, dates_1.formatTime)(end)}`;
}
/** The place as one line: "Address, room", the online link, or both. */
function placeText(session) {
    const place = [session.address, session.room].filter(Boolean).join(', ');
    return [place, session.onlineUrl].filter(Boolean).join(' · ');
}
/** A session as pages and the API show it. */
function sessionView(session, cohortName) {
    return {
        id: session.id,
        cohortId: session.cohortId,
        ...(cohortName !== undefined ? { cohortName } : {}),
        kind: session.kind,
        title: session.title,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        when: formatRange(session.startsAt, session.endsAt),
        address: session.address,
        room: session.room,
        onlineUrl: session.onlineUrl,
        hosts: session.hosts,
        sitesVisited: session.sitesVisited,
        notes: session.notes,
        status: session.status,
        cancelled: session.status === 'cancelled',
        cancellationReason: session.cancellationReason,
        sequence: session.sequence,
        instructors: (session.instructors ?? []).map((u) => ({ id: u.id, name: u.name })),
        updatedAt: session.updatedAt,
    };
}
function changeView(change) {
    return {
        id: change.id,
        kind: change.kind,
        oldStartsAt: change.oldStartsAt,
        oldEndsAt: change.oldEndsAt,
        oldWhen: formatRange(change.oldStartsAt, change.oldEndsAt),
        newStartsAt: change.newStartsAt,
        newEndsAt: change.newEndsAt,
        newWhen: change.newStartsAt && change.newEndsAt ? formatRange(change.newStartsAt, change.newEndsAt) : null,
        reason: change.reason,
        changedById: change.changedById,
        changedByName: change.changedByName ?? null,
        changedAt: change.changedAt,
    };
}
/** The values a session form starts with. */
function formValues(session) {
    return {
        kind: session.kind,
        title: session.title,
        startDate: rigaDateInput(session.startsAt),
        startTime: (0, dates_1.formatTime)(session.startsAt),
        endDate: rigaDateInput(session.endsAt),
        endTime: (0, dates_1.formatTime)(session.endsAt),
        address: session.address ?? '',
        room: session.room ?? '',
        onlineUrl: session.onlineUrl ?? '',
        instructorIds: (session.instructors ?? []).map((u) => u.id),
        hosts: session.hosts ?? '',
        sitesVisited: session.sitesVisited.join('\n'),
        notes: session.notes,
    };
}
/** "2012. gada 5. septembrī plkst. 09:00–12:00" / "5 September 2012, 09:00–12:00", for emails. */
function formatRangeIn(start, end, lang) {
    const s = (0, dates_1.rigaParts)(start);
    const e = (0, dates_1.rigaParts)(end);
    const sameDay = s.year === e.year && s.month === e.month && s.day === e.day;
    return sameDay ? `${(0, dates_1.formatDateTime)(start, lang)}–${(0, dates_1.formatTime)(end)}` : `${(0, dates_1.formatDateTime)(start, lang)} – ${(0, dates_1.formatDateTime)(end, lang)}`;
}
/** A session as pages show it: with the locale key of its kind. */
function sessionPageView(session, cohortName) {
    const sameDay = rigaDateInput(session.startsAt) === rigaDateInput(session.endsAt);
    return { ...sessionView(session, cohortName), kindKey: `sessions.kinds.${session.kind}`, sameDay };
}
