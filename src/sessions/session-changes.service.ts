import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { CompletionService } from '../completion/completion.service';
import { unitOfWork } from '../database/unit-of-work';
import { SessionAccess } from './session-access.service';
import { SessionChange, type SessionChangeKind } from './session-change.entity';
import { SessionClashCheck } from './session-clash-check';
import { SessionNotices } from './session-notices';
import { Session, type SessionStatus } from './session.entity';
import { CancelSessionInput, MoveSessionInput, RestoreSessionInput } from './sessions.schemas';
import { SessionUnchangedTimeError } from './sessions.errors';
import { SessionsService, sessionAuditView } from './sessions.service';

/** Where a changed session will take place (null: nowhere, it is cancelled) and what else of it changes. */
interface PlannedChange {
  at: { startsAt: Date; endsAt: Date } | null;
  update: Partial<Pick<Session, 'startsAt' | 'endsAt' | 'status' | 'cancellationReason'>>;
}

/**
 * Moving, cancelling and restoring: the session keeps its record, a history row says what changed, why and who did it,
 * the iCalendar SEQUENCE goes up, everyone concerned is told at once, and reminders for the old time are stopped.
 */
@Injectable()
export class SessionChangesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly access: SessionAccess,
    private readonly clashes: SessionClashCheck,
    private readonly notices: SessionNotices,
    private readonly audit: AuditService,
    private readonly completion: CompletionService,
  ) {}

  async move(actor: Actor, id: string, input: MoveSessionInput): Promise<Session> {
    return this.change(actor, id, 'scheduled', 'moved', input.reason, (session) => {
      // No new end: the session keeps its length.
      const { startsAt } = input;
      const endsAt = input.endsAt ?? new Date(startsAt.getTime() + session.endsAt.getTime() - session.startsAt.getTime());
      if (session.startsAt.getTime() === startsAt.getTime() && session.endsAt.getTime() === endsAt.getTime()) {
        throw new SessionUnchangedTimeError();
      }
      return { at: { startsAt, endsAt }, update: { startsAt, endsAt } };
    });
  }

  async cancel(actor: Actor, id: string, input: CancelSessionInput): Promise<Session> {
    return this.change(actor, id, 'scheduled', 'cancelled', input.reason, () => ({
      at: null,
      update: { status: 'cancelled', cancellationReason: input.reason },
    }));
  }

  /**
   * Puts a cancelled session back on the schedule at its time, if its instructors and room are still free then.
   * Everyone concerned is told, and its reminders go out again.
   */
  async restore(actor: Actor, id: string, input: RestoreSessionInput): Promise<Session> {
    return this.change(actor, id, 'cancelled', 'restored', input.reason, (session) => ({
      at: { startsAt: session.startsAt, endsAt: session.endsAt },
      update: { status: 'scheduled', cancellationReason: null },
    }));
  }

  /**
   * One change of a locked session in `status`: `plan` checks it and says where the session will be (null when it
   * will not take place, which needs no clash check) and what else changes. The history row, SEQUENCE, the audit
   * record and the notices follow in the same transaction; the notices are queued once it commits.
   */
  private async change(
    actor: Actor,
    id: string,
    status: SessionStatus,
    kind: SessionChangeKind,
    reason: string,
    plan: (session: Session) => PlannedChange,
  ): Promise<Session> {
    await this.access.assertCanManageSession(actor, await this.sessions.get(id));
    return unitOfWork(this.dataSource, async (manager) => {
      const session = await this.sessions.lockForChange(manager, id, status);
      const { at, update } = plan(session);
      if (at) {
        await this.clashes.lockAndCheck(manager, {
          sessionId: session.id,
          ...at,
          instructorIds: session.instructors.map((u) => u.id),
          address: session.address,
          room: session.room,
        });
      }
      const before = sessionAuditView(session);
      const change = await manager.getRepository(SessionChange).save(
        manager.getRepository(SessionChange).create({
          sessionId: session.id,
          kind,
          oldStartsAt: session.startsAt,
          oldEndsAt: session.endsAt,
          newStartsAt: at?.startsAt ?? null,
          newEndsAt: at?.endsAt ?? null,
          reason,
          changedById: actor.userId,
        }),
      );
      const values = { ...update, sequence: session.sequence + 1 };
      await manager.getRepository(Session).update({ id: session.id }, values);
      Object.assign(session, values);
      await this.audit.record(
        {
          actor,
          action: `session.${kind}`,
          entityType: 'session',
          entityId: session.id,
          before,
          after: { ...sessionAuditView(session), reason },
        },
        manager,
      );
      const cohort = await this.sessions.cohort(session.cohortId, manager);
      await this.notices.announce(manager, session, change, cohort.name);
      // A cancelled session is no longer one to attend; a restored one is again.
      await this.completion.reevaluate(manager, { cohortId: session.cohortId });
      return session;
    });
  }
}
