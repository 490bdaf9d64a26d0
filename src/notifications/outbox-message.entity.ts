import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'not_delivered', 'suppressed'] as const;
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

  @Column({ type: 'varchar', length: 300 })
  messageId: string;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
