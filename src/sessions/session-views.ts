import { formatDateTime, formatTime, rigaParts } from '../i18n/dates';
import type { Language } from '../i18n/languages';
import type { SessionChange } from './session-change.entity';
import type { User } from '../users/user.entity';
import type { Session } from './session.entity';
import { sessionState } from './session-state';

/** Who teaches a session, as far as a schedule shows them. */
export type InstructorRef = Pick<User, 'id' | 'name'>;

/** A session as schedules read it: its instructors by id and name only. */
export type ShownSession = Omit<Session, 'instructors'> & { instructors?: InstructorRef[] };

const pad = (n: number) => String(n).padStart(2, '0');

/** The Riga calendar date of an instant, as a date input wants it: 2012-09-05. */
export function rigaDateInput(date: Date): string {
  const p = rigaParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "05.09.2012 09:00–12:00", or with both dates when it spans days; the same in both languages. */
export function formatRange(start: Date, end: Date): string {
  const s = rigaParts(start);
  const e = rigaParts(end);
  const day = (p: typeof s) => `${pad(p.day)}.${pad(p.month)}.${p.year}`;
  const sameDay = s.year === e.year && s.month === e.month && s.day === e.day;
  return sameDay ? `${day(s)} ${formatTime(start)}–${formatTime(end)}` : `${day(s)} ${formatTime(start)} – ${day(e)} ${formatTime(end)}`;
}

/** The place as one line: "Address, room", the online link, or both. */
export function placeText(session: Pick<Session, 'address' | 'room' | 'onlineUrl'>): string {
  const place = [session.address, session.room].filter(Boolean).join(', ');
  return [place, session.onlineUrl].filter(Boolean).join(' · ');
}

/** A session as pages and the API show it; `state` (planned, held, cancelled) is as of `now`. */
export function sessionView(session: ShownSession, cohortName?: string, now = new Date()) {
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
    state: sessionState(session, now),
    cancelled: session.status === 'cancelled',
    cancellationReason: session.cancellationReason,
    sequence: session.sequence,
    instructors: (session.instructors ?? []).map((u) => ({ id: u.id, name: u.name })),
    updatedAt: session.updatedAt,
  };
}
export type SessionView = ReturnType<typeof sessionView>;

export function changeView(change: SessionChange & { changedByName?: string | null }) {
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
export function formValues(session: Session) {
  return {
    kind: session.kind,
    title: session.title,
    startDate: rigaDateInput(session.startsAt),
    startTime: formatTime(session.startsAt),
    endDate: rigaDateInput(session.endsAt),
    endTime: formatTime(session.endsAt),
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
export function formatRangeIn(start: Date, end: Date, lang: Language): string {
  const s = rigaParts(start);
  const e = rigaParts(end);
  const sameDay = s.year === e.year && s.month === e.month && s.day === e.day;
  return sameDay ? `${formatDateTime(start, lang)}–${formatTime(end)}` : `${formatDateTime(start, lang)} – ${formatDateTime(end, lang)}`;
}

/** A session as pages show it: with the locale key of its kind. */
export function sessionPageView(session: ShownSession, cohortName?: string, now = new Date()) {
  const sameDay = rigaDateInput(session.startsAt) === rigaDateInput(session.endsAt);
  const view = sessionView(session, cohortName, now);
  return { ...view, kindKey: `sessions.kinds.${session.kind}`, stateKey: `sessions.state.${view.state}`, sameDay };
}
