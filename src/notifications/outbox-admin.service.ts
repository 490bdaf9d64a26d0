import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { uuid } from '../common/schemas';
import { lockRow } from '../database/row-locks';
import { afterCommit, unitOfWork } from '../database/unit-of-work';
import { NotResendableError, OutboxMessageNotFoundError } from './notifications.errors';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity';
import { OutboxListQuery } from './outbox.schemas';
import { OutboxService } from './outbox.service';

/** Statuses an administrator may send again; a pending email is still on its way. */
export const RESENDABLE: readonly OutboxStatus[] = ['failed', 'not_delivered', 'suppressed', 'sent', 'uncertain'];

/** Statuses that need an administrator: the email may not have arrived and nothing more will be tried. */
export const FAILING = ['failed', 'uncertain'] as const satisfies readonly OutboxStatus[];

/** What administrators see of the outbox and may do with it. */
@Injectable()
export class OutboxAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(OutboxMessage) private readonly messages: Repository<OutboxMessage>,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async list(query: OutboxListQuery): Promise<{ items: OutboxMessage[]; total: number }> {
    const qb = this.messages.createQueryBuilder('m').orderBy('m.createdAt', 'DESC').addOrderBy('m.id', 'DESC');
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.q) qb.andWhere('m.recipientEmail ILIKE :like', { like: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const [items, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /**
   * Emails an administrator should look at: failed (every attempt used) and uncertain (a sender was cut off while
   * sending it, so it may or may not have arrived), each with how many and since when.
   */
  async failing(): Promise<Record<(typeof FAILING)[number], { count: number; oldest: Date | null }>> {
    const rows: { status: (typeof FAILING)[number]; count: number; oldest: Date }[] = await this.dataSource.query(
      `SELECT status, count(*)::int AS count, min(created_at) AS oldest FROM outbox_messages WHERE status = ANY($1::varchar[]) GROUP BY status`,
      [FAILING],
    );
    const of = (status: (typeof FAILING)[number]) => {
      const row = rows.find((r) => r.status === status);
      return { count: row?.count ?? 0, oldest: row ? new Date(row.oldest) : null };
    };
    return { failed: of('failed'), uncertain: of('uncertain') };
  }

  async get(id: string): Promise<OutboxMessage> {
    const message = uuid.safeParse(id).success ? await this.messages.findOneBy({ id }) : null;
    if (!message) throw new OutboxMessageNotFoundError();
    return message;
  }

  /** Puts a finished email back to pending with its attempts reset, and on the delivery queue. */
  async resend(id: string, actor: Actor): Promise<OutboxMessage> {
    if (!uuid.safeParse(id).success) throw new OutboxMessageNotFoundError();
    return unitOfWork(this.dataSource, async (manager) => {
      const repo = manager.getRepository(OutboxMessage);
      const row = await lockRow(manager, OutboxMessage, id);
      if (!row) throw new OutboxMessageNotFoundError();
      if (!RESENDABLE.includes(row.status)) throw new NotResendableError();
      const before = { status: row.status, attempts: row.attempts, lastError: row.lastError };
      Object.assign(row, { status: 'pending', attempts: 0, lastError: null, sentAt: null, uncertainResent: false });
      await repo.save(row);
      await this.audit.record(
        {
          actor,
          action: 'outbox.resent',
          entityType: 'outbox_message',
          entityId: row.id,
          before,
          after: { status: row.status },
        },
        manager,
      );
      await afterCommit(manager, () => this.outbox.requeue([row.id]));
      return row;
    });
  }
}
