import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import type { QuestionBody } from './question-body';
import { Question } from './question.entity';

/**
 * One version of a question, written once and never changed or deleted: an attempt that drew version N is marked
 * by version N forever.
 */
@Entity()
@Index(['questionId', 'version'], { unique: true })
export class QuestionVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  questionId: string;

  @ManyToOne(() => Question, { onDelete: 'CASCADE' })
  @JoinColumn()
  question: Question;

  /** 1, 2, … within the question. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  name: string;

  /** Markdown. */
  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'numeric', precision: 8, scale: 2 })
  points: string;

  @Column({ type: 'jsonb' })
  body: QuestionBody;

  @Column({ type: 'text', default: '' })
  generalFeedback: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn()
  createdBy: User | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
