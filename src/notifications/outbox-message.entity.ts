import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * `sending`: handed to the SMTP server, or about to be, by a worker that is still alive. `uncertain`: a worker or
 * its database connection died while sending it, so it may or may not have arrived; it is sent once more with the
 * same Message-ID, and if that is interrupted too it stays uncertain for an administrator to decide.
 */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'uncertain', 'failed', 'not_delivered', 'suppressed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** What kind of email it is; reminders and updates can be switched off by the recipient. */
export type EmailCategory = 'account' | 'reminder' | 'update';

/** One email to send. PostgreSQL is the source of truth; the queue only carries its id. */
@Entity()
@Index(['status', 'createdAt'])
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 300, unique: true })
  dedupKey: string;

  @Column({ type: 'varchar', length: 254 })
  recipientEmail: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  recipientId: string | null;

  @Column({ type: 'varchar', length: 80 })
  template: string;

  @Column({ type: 'varchar', length: 20 })
  category: EmailCategory;

  @Column({ type: 'varchar', length: 2 })
  language: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** The one more send an uncertain email gets has been used: it may have arrived twice. */
  @Column({ type: 'boolean', default: false })
  uncertainResent: boolean;

  @Column({ type: 'varchar', length: 300 })
  messageId: string;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
