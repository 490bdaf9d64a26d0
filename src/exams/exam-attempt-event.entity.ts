import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ExamAttempt } from './exam-attempt.entity';

export const ATTEMPT_EVENT_KINDS = ['start', 'view', 'save', 'reconnect', 'flag', 'submit', 'late', 'timeout'] as const;
export type AttemptEventKind = (typeof ATTEMPT_EVENT_KINDS)[number];

/** What happened during an attempt and when: shown to staff as facts, not as a verdict. */
@Entity()
@Index(['attemptId', 'at'])
export class ExamAttemptEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  attemptId: string;

  @ManyToOne(() => ExamAttempt, { onDelete: 'CASCADE' })
  @JoinColumn()
  attempt: ExamAttempt;

  @Column({ type: 'varchar', length: 20 })
  kind: AttemptEventKind;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Record<string, unknown>;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip: string | null;
}
