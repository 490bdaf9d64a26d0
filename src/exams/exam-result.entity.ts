import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { ExamAttempt } from './exam-attempt.entity';
import { Exam } from './exam.entity';

export const RESULT_STATUSES = ['pending', 'passed', 'failed', 'absent', 'excused'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/**
 * A trainee's result of an exam. Online, the best submitted attempt sets it (pending while an essay waits for
 * marking); in person it is entered. `version` guards against two people overwriting each other.
 */
@Entity()
@Index(['examId', 'userId'], { unique: true })
@Check(`"status" IN ('pending', 'passed', 'failed', 'absent', 'excused')`)
export class ExamResult {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  examId: string;

  @ManyToOne(() => Exam, { onDelete: 'CASCADE' })
  @JoinColumn()
  exam: Exam;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn()
  user: User;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: ResultStatus;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true })
  score: string | null;

  /** The attempt that set it (online). */
  @Column({ type: 'uuid', nullable: true })
  attemptId: string | null;

  @ManyToOne(() => ExamAttempt, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  attempt: ExamAttempt | null;

  @Column({ type: 'text', nullable: true })
  overriddenReason: string | null;

  @VersionColumn()
  version: number;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
