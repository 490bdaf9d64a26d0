import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { CompletionService } from '../completion/completion.service';
import { unitOfWork } from '../database/unit-of-work';
import { SessionAccess } from '../sessions/session-access.service';
import { SessionsService } from '../sessions/sessions.service';
import type { Session } from '../sessions/session.entity';
import { SessionNotFoundError } from '../sessions/sessions.errors';
import { AttendanceStatus } from './attendance.entity';
import { MarkAttendanceInput } from './attendance.schemas';
import { AttendanceWarnings } from './attendance-warnings';
import { AttendanceRecords } from './attendance-records.service';
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
    private readonly records: AttendanceRecords,
    private readonly sessions: SessionsService,
    private readonly access: SessionAccess,
    private readonly warnings: AttendanceWarnings,
    private readonly audit: AuditService,
    private readonly completion: CompletionService,
  ) {}

  /** The session and each trainee of its cohort with their mark, for those who may take attendance. */
  async sheet(actor: Actor, sessionId: string): Promise<{ session: Session; rows: SheetRow[]; opensAt: Date }> {
    const session = await this.sessions.get(sessionId);
    await this.access.assertCanTakeAttendance(actingUser(actor), session);
    const rows = await this.records.sheet(session.cohortId, session.id);
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
      const current = await this.records.sessionForMarking(manager, sessionId);
      // Deleted since it was read above (its lock waited for the deleting transaction): as if never there.
      if (!current) throw new SessionNotFoundError();
      if (current.status === 'cancelled') throw new SessionCancelledForAttendanceError();
      if (new Date(current.starts_at).getTime() - OPENS_MINUTES_BEFORE * 60_000 > now.getTime())
        throw new SessionNotStartedError(OPENS_MINUTES_BEFORE);

      const members = await this.records.memberIds(manager, session.cohortId);
      const existing = await this.records.lockMarks(manager, sessionId);
      const before = new Map(existing.map((row) => [row.user_id, row.status]));
      const memberIds = new Set(members);
      const wanted = new Map<string, AttendanceStatus>();
      for (const mark of input.marks) {
        if (!memberIds.has(mark.userId)) throw new NotInCohortError(mark.userId);
        wanted.set(mark.userId, mark.status);
      }
      if (input.othersPresent) for (const id of memberIds) if (!wanted.has(id) && !before.has(id)) wanted.set(id, 'present');
      const changes = [...wanted].filter(([id, status]) => before.get(id) !== status);
      if (!changes.length) return { changed: 0 };

      await this.records.writeMarks(manager, sessionId, changes, actor.userId);
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
      await this.completion.reevaluate(manager, { cohortId: session.cohortId, userIds: changes.map(([id]) => id) });
      return { changed: changes.length };
    });
  }
}
