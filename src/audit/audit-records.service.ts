import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

/** What an audit search filters on (all optional but the page). */
export interface AuditFilter {
  action?: string;
  actorId?: string;
  /** An actor's id (a UUID), or an email or a part of a name. */
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** The record types whose names the log shows, and how each is read (ids compared as text: any id may be stored). */
const NAMED_RECORDS: Record<string, string> = {
  user: 'SELECT id::text AS id, name FROM users WHERE id::text = ANY($1)',
  session: 'SELECT id::text AS id, title AS name FROM sessions WHERE id::text = ANY($1)',
  cohort: 'SELECT id::text AS id, name FROM cohorts WHERE id::text = ANY($1)',
};

export type NamedRecordType = 'user' | 'session' | 'cohort';

export const NAMED_RECORD_TYPES = Object.keys(NAMED_RECORDS) as NamedRecordType[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The audit log's reads beyond the entity's repository: the search with its filters, the distinct actions and
 * record types, and the names of actors and records. The audit log reads the users, sessions and cohorts tables
 * itself: those features record their changes here, so the audit cannot depend on them in turn.
 */
@Injectable()
export class AuditRecords {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  async search(query: AuditFilter): Promise<{ items: AuditEvent[]; total: number }> {
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

  async actions(): Promise<string[]> {
    const rows = await this.events
      .createQueryBuilder('e')
      .select('DISTINCT e.action', 'action')
      .orderBy('action')
      .getRawMany<{ action: string }>();
    return rows.map((r) => r.action);
  }

  /** The users with these ids (an actor's name and email). */
  users(ids: string[]): Promise<{ id: string; name: string; email: string }[]> {
    return this.events.manager.query('SELECT id, name, email FROM users WHERE id = ANY($1)', [ids]);
  }

  /** The names of the records of one named type with these ids. */
  recordNames(type: NamedRecordType, ids: string[]): Promise<{ id: string; name: string }[]> {
    return this.events.manager.query(NAMED_RECORDS[type], [ids]);
  }
}
