import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Exam } from './exam.entity';

export const ATTEMPT_STATUSES = ['in_progress', 'submitted'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

export const SUBMITTED_BY = ['trainee', 'deadline', 'staff'] as const;
export type SubmittedBy = (typeof SUBMITTED_BY)[number];

/**
 * One trainee's attempt at an online exam. Its deadline is fixed when it starts; it is submitted exactly once
 * (one conditional UPDATE … WHERE status = 'in_progress').
 */
@Entity()
@Index(['examId', 'userId', 'number'], { unique: true })
@Index('IDX_exam_attempts_one_in_progress', ['examId', 'userId'], { unique: true, where: `"status" = 'in_progress'` })
@Index('IDX_exam_attempts_due', ['deadlineAt'], { where: `"status" = 'in_progress'` })
@Check(`"status" IN ('in_progress', 'submitted')`)
export class ExamAttempt {
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

  /** 1 for the first attempt. */
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 20, default: 'in_progress' })
  status: AttemptStatus;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz' })
  deadlineAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  submittedBy: SubmittedBy | null;

  /** The seed of the attempt's draw and choice order. */
  @Column({ type: 'text' })
  seed: string;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true })
  score: string | null;

  @Column({ type: 'numeric', precision: 8, scale: 2 })
  maxPoints: string;

  /** Some answers (essays) wait for an instructor. */
  @Column({ type: 'boolean', default: false })
  needsMarking: boolean;
}
