import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { unitOfWork } from '../database/unit-of-work';
import { SessionAccess } from '../sessions/session-access.service';
import { SessionsService } from '../sessions/sessions.service';
import type { Session } from '../sessions/session.entity';
import { AttendanceStatus } from './attendance.entity';
import { MarkAttendanceInput } from './attendance.schemas';
import { AttendanceWarnings } from './attendance-warnings';
import { NotInCohortError, SessionCancelledForAttendanceError, SessionNotStartedError } from './attendance.errors';
import { actingUser } from '../users/acting-user';

/** Attendance can be taken from this long before the start, as people arrive. */
export const OPENS_MINUTES_BEFORE = 30;

export interface SheetRow {
  userId: string;
  name: string;
  department: string | null;
  status: AttendanceStatus | null;
}

/** Taking attendance for a session: its sheet of the cohort's trainees, and marking them. */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly access: SessionAccess,
    private readonly warnings: AttendanceWarnings,
    private readonly audit: AuditService,
  ) {}

  /** The session and each trainee of its cohort with their mark, for those who may take attendance. */
  async sheet(actor: Actor, sessionId: string): Promise<{ session: Session; rows: SheetRow[]; opensAt: Date }> {
    const session = await this.sessions.get(sessionId);
    await this.access.assertCanTakeAttendance(actingUser(actor), session);
    const rows: { user_id: string; name: string; department: string | null; status: AttendanceStatus | null }[] =
      await this.dataSource.query(
        `SELECT u.id AS user_id, u.name, u.department, a.status
         FROM cohort_members m
         JOIN users u ON u.id = m.user_id
         LEFT JOIN attendances a ON a.session_id = $2 AND a.user_id = m.user_id
        WHERE m.cohort_id = $1
        ORDER BY u.name, u.id`,
        [session.cohortId, session.id],
      );
    return {
      session,
      rows: rows.map((r) => ({ userId: r.user_id, name: r.name, department: r.department, status: r.status })),
      opensAt: new Date(session.startsAt.getTime() - OPENS_MINUTES_BEFORE * 60_000),
    };
  }

  /**
   * Sets the marks given (and, with `othersPresent`, present for everyone still unmarked), records what
   * changed in the audit log, then warns trainees who fell below the part's minimum. Returns how many changed.
   */
  async mark(actor: Actor, sessionId: string, input: MarkAttendanceInput, now = new Date()): Promise<{ changed: number }> {
    const session = await this.sessions.get(sessionId);
    await this.access.assertCanTakeAttendance(actingUser(actor), session);
    return unitOfWork(this.dataSource, async (manager) => {
      const [current]: { status: string; starts_at: Date }[] = await manager.query(
        'SELECT status, starts_at FROM sessions WHERE id = $1 FOR SHARE',
        [sessionId],
      );
      if (current.status === 'cancelled') throw new SessionCancelledForAttendanceError();
      if (new Date(current.starts_at).getTime() - OPENS_MINUTES_BEFORE * 60_000 > now.getTime())
        throw new SessionNotStartedError(OPENS_MINUTES_BEFORE);

      const members: { user_id: string }[] = await manager.query('SELECT user_id FROM cohort_members WHERE cohort_id = $1', [
        session.cohortId,
      ]);
      const existing: { user_id: string; status: AttendanceStatus }[] = await manager.query(
        'SELECT user_id, status FROM attendances WHERE session_id = $1 FOR UPDATE',
        [sessionId],
      );
      const before = new Map(existing.map((row) => [row.user_id, row.status]));
      const memberIds = new Set(members.map((m) => m.user_id));
      const wanted = new Map<string, AttendanceStatus>();
      for (const mark of input.marks) {
        if (!memberIds.has(mark.userId)) throw new NotInCohortError(mark.userId);
        wanted.set(mark.userId, mark.status);
      }
      if (input.othersPresent) for (const id of memberIds) if (!wanted.has(id) && !before.has(id)) wanted.set(id, 'present');
      const changes = [...wanted].filter(([id, status]) => before.get(id) !== status);
      if (!changes.length) return { changed: 0 };

      await manager.query(
        `INSERT INTO attendances (session_id, user_id, status, marked_by_id)
         SELECT $1, t.user_id, t.status, $4 FROM unnest($2::uuid[], $3::varchar[]) AS t(user_id, status)
         ON CONFLICT (session_id, user_id) DO UPDATE SET status = EXCLUDED.status, marked_by_id = EXCLUDED.marked_by_id, marked_at = now()`,
        [sessionId, changes.map(([id]) => id), changes.map(([, status]) => status), actor.userId],
      );
      await this.audit.record(
        {
          action: 'attendance.marked',
          entityType: 'session',
          entityId: sessionId,
          before: Object.fromEntries(changes.map(([id]) => [id, before.get(id) ?? null])),
          after: Object.fromEntries(changes),
          actor,
        },
        manager,
      );
      await this.warnings.check(
        manager,
        session.cohortId,
        changes.map(([id]) => id),
        now,
      );
      return { changed: changes.length };
    });
  }
}
