import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ExamAttempt } from './exam-attempt.entity';

/** An answer that arrived after the deadline and its grace: refused, kept as evidence, never counted. */
@Entity()
export class ExamLateAnswer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  attemptId: string;

  @ManyToOne(() => ExamAttempt, { onDelete: 'CASCADE' })
  @JoinColumn()
  attempt: ExamAttempt;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'jsonb', nullable: true })
  response: unknown;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
