import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SessionRecords } from './session-records.service';
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

/** Rooms are compared without regard to case or spacing: "Zāle 2" at "Krišjāņa Valdemāra iela 1". */
export function normalise(value: string | null | undefined): string | null {
  const text = value?.trim().replace(/\s+/g, ' ').toLowerCase();
  return text ? text : null;
}

/**
 * Refuses a slot whose instructor or room is already booked at an overlapping time by another scheduled
 * session. Runs inside the caller's transaction after taking an advisory lock on each instructor and the room,
 * so two requests booking the same person or room at once are serialised and the second one sees the first.
 */
@Injectable()
export class SessionClashCheck {
  constructor(private readonly records: SessionRecords) {}

  async lockAndCheck(manager: EntityManager, slot: Slot): Promise<void> {
    const address = normalise(slot.address);
    const room = address ? normalise(slot.room) : null;
    const keys = [...new Set(slot.instructorIds)].map((id) => `session-instructor:${id}`);
    if (room) keys.push(`session-room:${address}|${room}`);
    // The same order everywhere, so two transactions never wait for each other's locks in a cycle.
    await this.records.lockKeys(manager, keys.sort());
    if (!keys.length) return;

    const clash = await this.records.firstClash(manager, {
      sessionId: slot.sessionId ?? null,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      instructorIds: slot.instructorIds,
      address: room ? address : null,
      room,
      maxSessionDays: MAX_SESSION_DAYS,
    });
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
