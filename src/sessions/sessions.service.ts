import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AccessSubject, Actor } from '../common/actor';
import { Cohort } from '../cohorts/cohort.entity';
import { CompletionService } from '../completion/completion.service';
import { lockRow } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { User } from '../users/user.entity';
import { SessionAccess } from './session-access.service';
import { SessionChange } from './session-change.entity';
import { SessionClashCheck } from './session-clash-check';
import { SessionNotices } from './session-notices';
import { SessionRecords } from './session-records.service';
import { placeText } from './session-views';
import { Session, type SessionStatus } from './session.entity';
import { CreateSessionInput, SessionDetailsInput, SessionListQuery } from './sessions.schemas';
import {
  CohortNotFoundError,
  NotAnInstructorError,
  SessionCancelledError,
  SessionNotCancelledError,
  SessionNotFoundError,
} from './sessions.errors';

/** What the audit log keeps of a session. */
export function sessionAuditView(session: Session): Record<string, unknown> {
  return {
    kind: session.kind,
    title: session.title,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    address: session.address,
    room: session.room,
    onlineUrl: session.onlineUrl,
    instructorIds: (session.instructors ?? []).map((u) => u.id).sort(),
    hosts: session.hosts,
    sitesVisited: session.sitesVisited,
    notes: session.notes,
    status: session.status,
    sequence: session.sequence,
  };
}

export interface CohortInfo {
  id: string;
  name: string;
  partTitleLv: string;
  partTitleEn: string | null;
  instructors: { id: string; name: string }[];
}

/** The schedule of a cohort: its sessions and their details. Moves and cancellations are in SessionChangesService. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: SessionAccess,
    private readonly clashes: SessionClashCheck,
    private readonly audit: AuditService,
    private readonly notices: SessionNotices,
    private readonly records: SessionRecords,
    private readonly completion: CompletionService,
  ) {}

  async cohort(cohortId: string, manager: EntityManager = this.dataSource.manager): Promise<CohortInfo> {
    const cohort = await manager.getRepository(Cohort).findOne({ where: { id: cohortId }, relations: { part: true, instructors: true } });
    if (!cohort) throw new CohortNotFoundError();
    return {
      id: cohort.id,
      name: cohort.name,
      partTitleLv: cohort.part.titleLv,
      partTitleEn: cohort.part.titleEn,
      instructors: cohort.instructors.map((u) => ({ id: u.id, name: u.name })).sort((a, b) => a.name.localeCompare(b.name, 'lv')),
    };
  }

  /** Active instructors a session form offers. */
  instructorOptions(): Promise<{ id: string; name: string }[]> {
    return this.records.instructorOptions();
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Session> {
    const session = await manager.getRepository(Session).findOne({ where: { id }, relations: { instructors: true } });
    if (!session) throw new SessionNotFoundError();
    session.instructors.sort((a, b) => a.name.localeCompare(b.name, 'lv'));
    return session;
  }

  /** The session, if the user may see it; otherwise not found. */
  async getVisible(user: AccessSubject, id: string): Promise<Session> {
    const session = await this.get(id);
    await this.access.assertCanView(user, session);
    return session;
  }

  async history(sessionId: string): Promise<(SessionChange & { changedByName: string | null })[]> {
    const changes = await this.dataSource
      .getRepository(SessionChange)
      .createQueryBuilder('c')
      .leftJoin(User, 'u', 'u.id = c.changedById')
      .addSelect('u.name', 'changed_by_name')
      .where('c.sessionId = :sessionId', { sessionId })
      .orderBy('c.changedAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .getRawAndEntities();
    return changes.entities.map((change, i) =>
      Object.assign(change, { changedByName: (changes.raw[i] as { changed_by_name: string | null }).changed_by_name }),
    );
  }

  async listForCohort(user: AccessSubject, cohortId: string, query: SessionListQuery): Promise<{ items: Session[]; total: number }> {
    await this.access.assertCanViewCohort(user, cohortId);
    const [items, total] = await this.dataSource
      .getRepository(Session)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.instructors', 'i')
      .where('s.cohortId = :cohortId', { cohortId })
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  async create(actor: Actor, cohortId: string, input: CreateSessionInput): Promise<Session> {
    await this.access.assertCanManageCohort(actor, cohortId);
    return unitOfWork(this.dataSource, async (manager) => {
      const cohort = await this.cohort(cohortId, manager);
      const instructors = await this.instructors(
        manager,
        input.instructorIds.length ? input.instructorIds : cohort.instructors.map((u) => u.id),
      );
      const details = this.details(input);
      await this.clashes.lockAndCheck(manager, {
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        instructorIds: instructors.map((u) => u.id),
        address: details.address,
        room: details.room,
      });
      const repo = manager.getRepository(Session);
      const session = await repo.save(repo.create({ ...details, cohortId, startsAt: input.startsAt, endsAt: input.endsAt, instructors }));
      await this.audit.record(
        { actor, action: 'session.created', entityType: 'session', entityId: session.id, after: sessionAuditView(session) },
        manager,
      );
      // One more session to attend (or a seminar to close with).
      await this.completion.reevaluate(manager, { cohortId });
      return session;
    });
  }

  /** Changes what, where and who; the time changes only through a move, which keeps its history. */
  /** Changes what a session is and where; a new place is announced to everyone it concerns, as a move is. */
  async updateDetails(actor: Actor, id: string, input: SessionDetailsInput): Promise<Session> {
    const current = await this.get(id);
    await this.access.assertCanManageSession(actor, current);
    return unitOfWork(this.dataSource, async (manager) => {
      const session = await this.lockForChange(manager, id);
      const cohort = await this.cohort(session.cohortId, manager);
      const instructors = await this.instructors(
        manager,
        input.instructorIds.length ? input.instructorIds : cohort.instructors.map((u) => u.id),
      );
      const details = this.details(input);
      await this.clashes.lockAndCheck(manager, {
        sessionId: session.id,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        instructorIds: instructors.map((u) => u.id),
        address: details.address,
        room: details.room,
      });
      const before = sessionAuditView(session);
      const oldPlace = placeText(session);
      Object.assign(session, details, { instructors });
      const after = sessionAuditView(session);
      if (JSON.stringify({ ...before, sequence: 0 }) === JSON.stringify({ ...after, sequence: 0 })) return session;
      session.sequence += 1;
      await manager.getRepository(Session).save(session);
      await this.audit.record(
        {
          actor,
          action: 'session.updated',
          entityType: 'session',
          entityId: session.id,
          before,
          after: sessionAuditView(session),
        },
        manager,
      );
      if (placeText(session) !== oldPlace) await this.notices.announcePlace(manager, session, oldPlace, cohort.name);
      // A class that becomes a seminar (or an exam sitting) counts differently.
      if (before.kind !== after.kind) await this.completion.reevaluate(manager, { cohortId: session.cohortId });
      return session;
    });
  }

  /**
   * Locks the session row for the transaction and loads it. A change needs the session scheduled (a cancelled one
   * cannot change), except restoring, which needs it cancelled.
   */
  async lockForChange(manager: EntityManager, id: string, status: SessionStatus = 'scheduled'): Promise<Session> {
    if (!(await lockRow(manager, Session, id))) throw new SessionNotFoundError();
    const session = await this.get(id, manager);
    if (session.status !== status) throw status === 'scheduled' ? new SessionCancelledError() : new SessionNotCancelledError();
    return session;
  }

  private details(input: SessionDetailsInput) {
    const studyVisit = input.kind === 'study_visit';
    return {
      kind: input.kind,
      title: input.title,
      address: input.address ?? null,
      room: input.address ? (input.room ?? null) : null,
      onlineUrl: input.onlineUrl ?? null,
      hosts: studyVisit ? (input.hosts ?? null) : null,
      sitesVisited: studyVisit ? input.sitesVisited : [],
      notes: input.notes ?? '',
    };
  }

  /** The users named, each an active instructor. */
  private async instructors(manager: EntityManager, ids: string[]): Promise<User[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const users = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.id IN (:...ids)', { ids: unique })
      .andWhere(`'instructor' = ANY(u.roles)`)
      .andWhere('u.disabledAt IS NULL')
      .getMany();
    if (users.length !== unique.length) throw new NotAnInstructorError();
    return users;
  }
}
