import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { QuestionResponse } from './marking';
import { ExamAttempt } from './exam-attempt.entity';
import { QuestionVersion } from './question-version.entity';

export const MARK_STATES = ['unanswered', 'marked', 'manual'] as const;
export type MarkState = (typeof MARK_STATES)[number];

/** One question of an attempt, as drawn (the exact version), with the trainee's answer and its mark. */
@Entity()
@Index(['attemptId', 'position'], { unique: true })
export class ExamAttemptItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  attemptId: string;

  @ManyToOne(() => ExamAttempt, { onDelete: 'CASCADE' })
  @JoinColumn()
  attempt: ExamAttempt;

  /** 1-based, in the order the trainee sees the questions. */
  @Column({ type: 'int' })
  position: number;

  @Index()
  @Column({ type: 'uuid' })
  questionVersionId: string;

  @ManyToOne(() => QuestionVersion, { onDelete: 'RESTRICT' })
  @JoinColumn()
  questionVersion: QuestionVersion;

  @Column({ type: 'numeric', precision: 8, scale: 2 })
  points: string;

  /** The order the choices are shown in (ids), when they are shuffled. */
  @Column({ type: 'jsonb', nullable: true })
  choiceOrder: string[] | null;

  @Column({ type: 'jsonb', nullable: true })
  response: QuestionResponse | null;

  /** The number of the save that wrote `response`; a save with a lower or equal number never overwrites it. */
  @Column({ type: 'int', default: 0 })
  responseSeq: number;

  @Column({ type: 'timestamptz', nullable: true })
  savedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  flagged: boolean;

  @Column({ type: 'varchar', length: 20, default: 'unanswered' })
  markState: MarkState;

  @Column({ type: 'numeric', precision: 6, scale: 4, nullable: true })
  fraction: string | null;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true })
  awarded: string | null;

  @Column({ type: 'text', default: '' })
  feedback: string;

  @Column({ type: 'uuid', nullable: true })
  markedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  markedAt: Date | null;

  @VersionColumn()
  version: number;
}
