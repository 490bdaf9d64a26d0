import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../common/actor';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Who did it: the address and the request id come from here. */
  actor: Actor;
}

export interface AuditQuery {
  action?: string;
  actorId?: string;
  /** An actor's id or email, or a part of their name. */
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export interface AuditActor {
  id: string;
  name: string;
  email: string;
}

/** A record an event is about, named for people (only users, sessions and cohorts have names worth showing). */
export interface AuditRecordName {
  name: string;
  href: string;
}

const NAMED_RECORDS: Record<string, { sql: string; href: (id: string) => string }> = {
  user: { sql: 'SELECT id::text AS id, name FROM users WHERE id::text = ANY($1)', href: (id) => `/admin/users/${id}` },
  session: { sql: 'SELECT id::text AS id, title AS name FROM sessions WHERE id::text = ANY($1)', href: (id) => `/sessions/${id}` },
  cohort: { sql: 'SELECT id::text AS id, name FROM cohorts WHERE id::text = ANY($1)', href: (id) => `/admin/cohorts/${id}` },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Records an event; pass the transaction's manager so the event commits or rolls back with the change. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    // An insert, not a save: nothing to compare or cascade, so TypeORM's change tracking is skipped.
    const event: Omit<AuditEvent, 'id' | 'createdAt'> = {
      actorId: entry.actor.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      ip: entry.actor.ip?.slice(0, 64) ?? null,
      requestId: entry.actor.requestId?.slice(0, 64) ?? null,
    };
    await (manager ? manager.getRepository(AuditEvent) : this.events).insert(event as QueryDeepPartialEntity<AuditEvent>);
  }

  async search(query: AuditQuery): Promise<{ items: AuditEvent[]; total: number }> {
    const qb = this.events.createQueryBuilder('e').orderBy('e.createdAt', 'DESC').addOrderBy('e.id', 'DESC');
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.actorId) qb.andWhere('e.actorId = :actorId', { actorId: query.actorId });
    if (query.actor && UUID.test(query.actor)) qb.andWhere('e.actorId = :actor', { actor: query.actor });
    else if (query.actor) {
      qb.andWhere('e.actorId IN (SELECT u.id FROM users u WHERE u.email = lower(:actor) OR u.name ILIKE :actorLike)', {
        actor: query.actor,
        actorLike: `%${query.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    if (query.entityType) qb.andWhere('e.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entityId = :entityId', { entityId: query.entityId });
    if (query.from) qb.andWhere('e.createdAt >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.createdAt < :to', { to: query.to });
    const [items, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  async entityTypes(): Promise<string[]> {
    const rows = await this.events
      .createQueryBuilder('e')
      .select('DISTINCT e.entityType', 'type')
      .orderBy('type')
      .getRawMany<{ type: string }>();
    return rows.map((r) => r.type);
  }

  /**
   * The names of the events' actors. The audit log reads the users table itself: the users feature
   * records its changes here, so the audit cannot depend on it in turn.
   */
  async actorsOf(events: AuditEvent[]): Promise<Map<string, AuditActor>> {
    const ids = [...new Set(events.map((e) => e.actorId).filter((id): id is string => Boolean(id)))];
    if (!ids.length) return new Map();
    const rows: AuditActor[] = await this.events.manager.query('SELECT id, name, email FROM users WHERE id = ANY($1)', [ids]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** The names of the users, sessions and cohorts the events are about, keyed by `type:id`; one read per type. */
  async recordNamesOf(events: AuditEvent[]): Promise<Map<string, AuditRecordName>> {
    const names = new Map<string, AuditRecordName>();
    for (const [type, { sql, href }] of Object.entries(NAMED_RECORDS)) {
      const ids = [...new Set(events.filter((e) => e.entityType === type && e.entityId).map((e) => e.entityId!))];
      if (!ids.length) continue;
      const rows: { id: string; name: string }[] = await this.events.manager.query(sql, [ids]);
      for (const row of rows) names.set(`${type}:${row.id}`, { name: row.name, href: href(row.id) });
    }
    return names;
  }

  async actions(): Promise<string[]> {
    const rows = await this.events
      .createQueryBuilder('e')
      .select('DISTINCT e.action', 'action')
      .orderBy('action')
      .getRawMany<{ action: string }>();
    return rows.map((r) => r.action);
  }
}
