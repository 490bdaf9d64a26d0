import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../notifications/outbox.service';
import type { User } from '../users/user.entity';
import { SessionAccess } from './session-access.service';
import { SessionChange } from './session-change.entity';
import { SessionClashCheck } from './session-clash-check';
import { SessionNotices } from './session-notices';
import { Session } from './session.entity';
import { CancelSessionInput, MoveSessionInput, RestoreSessionInput } from './sessions.schemas';
import { SessionUnchangedTimeError } from './sessions.errors';
import { SessionsService, sessionAuditView } from './sessions.service';

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
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async move(user: User, id: string, input: MoveSessionInput, req?: Request): Promise<Session> {
    await this.access.assertCanManageSession(user, await this.sessions.get(id));
    const { session, outboxIds } = await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.lockForChange(manager, id);
      if (session.startsAt.getTime() === input.startsAt.getTime() && session.endsAt.getTime() === input.endsAt.getTime()) {
        throw new SessionUnchangedTimeError();
      }
      await this.clashes.lockAndCheck(manager, {
        sessionId: session.id,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        instructorIds: session.instructors.map((u) => u.id),
        address: session.address,
        room: session.room,
      });
      const before = sessionAuditView(session);
      const change = await manager.getRepository(SessionChange).save(
        manager.getRepository(SessionChange).create({
          sessionId: session.id,
          kind: 'moved',
          oldStartsAt: session.startsAt,
          oldEndsAt: session.endsAt,
          newStartsAt: input.startsAt,
          newEndsAt: input.endsAt,
          reason: input.reason,
          changedById: user.id,
        }),
      );
      await manager.getRepository(Session).update({ id: session.id }, { startsAt: input.startsAt, endsAt: input.endsAt, sequence: session.sequence + 1 });
      Object.assign(session, { startsAt: input.startsAt, endsAt: input.endsAt, sequence: session.sequence + 1 });
      await this.audit.record(
        { actorId: user.id, action: 'session.moved', entityType: 'session', entityId: session.id, before, after: { ...sessionAuditView(session), reason: input.reason }, req },
        manager,
      );
      const cohort = await this.sessions.cohort(session.cohortId, manager);
      return { session, outboxIds: await this.notices.announce(manager, session, change, cohort.name) };
    });
    await this.outbox.dispatch(outboxIds);
    return session;
  }

  async cancel(user: User, id: string, input: CancelSessionInput, req?: Request): Promise<Session> {
    await this.access.assertCanManageSession(user, await this.sessions.get(id));
    const { session, outboxIds } = await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.lockForChange(manager, id);
      const before = sessionAuditView(session);
      const change = await manager.getRepository(SessionChange).save(
        manager.getRepository(SessionChange).create({
          sessionId: session.id,
          kind: 'cancelled',
          oldStartsAt: session.startsAt,
          oldEndsAt: session.endsAt,
          newStartsAt: null,
          newEndsAt: null,
          reason: input.reason,
          changedById: user.id,
        }),
      );
      const update = { status: 'cancelled' as const, cancellationReason: input.reason, sequence: session.sequence + 1 };
      await manager.getRepository(Session).update({ id: session.id }, update);
      Object.assign(session, update);
      await this.audit.record(
        { actorId: user.id, action: 'session.cancelled', entityType: 'session', entityId: session.id, before, after: { ...sessionAuditView(session), reason: input.reason }, req },
        manager,
      );
      const cohort = await this.sessions.cohort(session.cohortId, manager);
      return { session, outboxIds: await this.notices.announce(manager, session, change, cohort.name) };
    });
    await this.outbox.dispatch(outboxIds);
    return session;
  }

  /**
   * Puts a cancelled session back on the schedule at its time, if its instructors and room are still free then.
   * Everyone concerned is told, and its reminders go out again.
   */
  async restore(user: User, id: string, input: RestoreSessionInput, req?: Request): Promise<Session> {
    await this.access.assertCanManageSession(user, await this.sessions.get(id));
    const { session, outboxIds } = await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.lockForChange(manager, id, 'cancelled');
      await this.clashes.lockAndCheck(manager, {
        sessionId: session.id,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        instructorIds: session.instructors.map((u) => u.id),
        address: session.address,
        room: session.room,
      });
      const before = sessionAuditView(session);
      const change = await manager.getRepository(SessionChange).save(
        manager.getRepository(SessionChange).create({
          sessionId: session.id,
          kind: 'restored',
          oldStartsAt: session.startsAt,
          oldEndsAt: session.endsAt,
          newStartsAt: session.startsAt,
          newEndsAt: session.endsAt,
          reason: input.reason,
          changedById: user.id,
        }),
      );
      const update = { status: 'scheduled' as const, cancellationReason: null, sequence: session.sequence + 1 };
      await manager.getRepository(Session).update({ id: session.id }, update);
      Object.assign(session, update);
      await this.audit.record(
        { actorId: user.id, action: 'session.restored', entityType: 'session', entityId: session.id, before, after: { ...sessionAuditView(session), reason: input.reason }, req },
        manager,
      );
      const cohort = await this.sessions.cohort(session.cohortId, manager);
      return { session, outboxIds: await this.notices.announce(manager, session, change, cohort.name) };
    });
    await this.outbox.dispatch(outboxIds);
    return session;
  }
}
