import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { formatRange } from './session-views';
import { MAX_SESSION_DAYS } from './sessions.schemas';
import { InstructorClashError, RoomClashError } from './sessions.errors';

export interface Slot {
  /** The session being changed, left out of the check. */
  sessionId?: string;
  startsAt: Date;
  endsAt: Date;
  instructorIds: string[];
  address: string | null;
  room: string | null;
}

interface ClashRow {
  title: string;
  starts_at: Date;
  ends_at: Date;
  cohort_name: string;
  instructor_name: string | null;
  address: string | null;
  room: string | null;
}

/** Rooms are compared without regard to case or spacing: "Zāle 2" at "Krišjāņa Valdemāra iela 1". */
export function normalise(value: string | null | undefined): string | null {
  const text = value?.trim().replace(/\s+/g, ' ').toLowerCase();
  return text ? text : null;
}

const NORMALISED = (column: string) => `lower(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`;

/**
 * Refuses a slot whose instructor or room is already booked at an overlapping time by another scheduled
 * session. Runs inside the caller's transaction after taking an advisory lock on each instructor and the room,
 * so two requests booking the same person or room at once are serialised and the second one sees the first.
 */
@Injectable()
export class SessionClashCheck {
  async lockAndCheck(manager: EntityManager, slot: Slot): Promise<void> {
    const address = normalise(slot.address);
    const room = address ? normalise(slot.room) : null;
    const keys = [...new Set(slot.instructorIds)].map((id) => `session-instructor:${id}`);
    if (room) keys.push(`session-room:${address}|${room}`);
    // The same order everywhere, so two transactions never wait for each other's locks in a cycle.
    for (const key of keys.sort()) await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
    if (!keys.length) return;

    const rows: ClashRow[] = await manager.query(
      `SELECT s.title, s.starts_at, s.ends_at, c.name AS cohort_name, u.name AS instructor_name, s.address, s.room
         FROM sessions s
         JOIN cohorts c ON c.id = s.cohort_id
         LEFT JOIN session_instructors si ON si.session_id = s.id AND si.user_id = ANY($4::uuid[])
         LEFT JOIN users u ON u.id = si.user_id
        WHERE s.status = 'scheduled'
          AND s.starts_at < $2 AND s.ends_at > $1
          AND s.starts_at > $1::timestamptz - make_interval(days => $7)
          AND ($3::uuid IS NULL OR s.id <> $3::uuid)
          AND (si.user_id IS NOT NULL
               OR ($5::text IS NOT NULL AND ${NORMALISED('s.address')} = $5 AND ${NORMALISED('s.room')} = $6))
        ORDER BY (si.user_id IS NULL), s.starts_at
        LIMIT 1`,
      [slot.startsAt, slot.endsAt, slot.sessionId ?? null, [...new Set(slot.instructorIds)], room ? address : null, room, MAX_SESSION_DAYS],
    );
    const clash = rows[0];
    if (!clash) return;
    const details = {
      title: clash.title,
      cohort: clash.cohort_name,
      when: formatRange(new Date(clash.starts_at), new Date(clash.ends_at)),
    };
    if (clash.instructor_name) throw new InstructorClashError({ ...details, name: clash.instructor_name });
    throw new RoomClashError({ ...details, room: clash.room ?? '', address: clash.address ?? '' });
  }
}
