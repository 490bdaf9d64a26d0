import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../common/actor';
import { AuditEvent } from './audit-event.entity';
import { type AuditFilter, AuditRecords, NAMED_RECORD_TYPES, type NamedRecordType } from './audit-records.service';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Who did it: the address and the request id come from here. */
  actor: Actor;
}

export type AuditQuery = AuditFilter;

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

const RECORD_PAGES: Record<NamedRecordType, (id: string) => string> = {
  user: (id) => `/admin/users/${id}`,
  session: (id) => `/sessions/${id}`,
  cohort: (id) => `/admin/cohorts/${id}`,
};

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>,
    private readonly records: AuditRecords,
  ) {}

  /** Records an event; pass the transaction's manager so the event commits or rolls back with the change. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await this.recordMany([entry], manager);
  }

  /** Records several events with one statement (a batch of changes made together), like `record`. */
  async recordMany(entries: AuditEntry[], manager?: EntityManager): Promise<void> {
    if (!entries.length) return;
    // An insert, not a save: nothing to compare or cascade, so TypeORM's change tracking is skipped.
    const events: Omit<AuditEvent, 'id' | 'createdAt'>[] = entries.map((entry) => ({
      actorId: entry.actor.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      ip: entry.actor.ip?.slice(0, 64) ?? null,
      requestId: entry.actor.requestId?.slice(0, 64) ?? null,
    }));
    await (manager ? manager.getRepository(AuditEvent) : this.events).insert(events as QueryDeepPartialEntity<AuditEvent>[]);
  }

  search(query: AuditQuery): Promise<{ items: AuditEvent[]; total: number }> {
    return this.records.search(query);
  }

  entityTypes(): Promise<string[]> {
    return this.records.entityTypes();
  }

  /**
   * The names of the events' actors. The audit log reads the users table itself: the users feature
   * records its changes here, so the audit cannot depend on it in turn.
   */
  async actorsOf(events: AuditEvent[]): Promise<Map<string, AuditActor>> {
    const ids = [...new Set(events.map((e) => e.actorId).filter((id): id is string => Boolean(id)))];
    if (!ids.length) return new Map();
    const rows: AuditActor[] = await this.records.users(ids);
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** The names of the users, sessions and cohorts the events are about, keyed by `type:id`; one read per type. */
  async recordNamesOf(events: AuditEvent[]): Promise<Map<string, AuditRecordName>> {
    const names = new Map<string, AuditRecordName>();
    for (const type of NAMED_RECORD_TYPES) {
      const ids = [...new Set(events.filter((e) => e.entityType === type && e.entityId).map((e) => e.entityId!))];
      if (!ids.length) continue;
      const rows = await this.records.recordNames(type, ids);
      for (const row of rows) names.set(`${type}:${row.id}`, { name: row.name, href: RECORD_PAGES[type](row.id) });
    }
    return names;
  }

  actions(): Promise<string[]> {
    return this.records.actions();
  }
}
