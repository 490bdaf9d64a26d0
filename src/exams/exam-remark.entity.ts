import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { ExamAttemptItem } from './exam-attempt-item.entity';
import { Exam } from './exam.entity';
import { QuestionVersion } from './question-version.entity';

/**
 * One answer marked again after a question's key was fixed: what it earned before and after, by which version's
 * key, who did it and why. Written once, never changed: the record staff read to see what a key fix did.
 */
@Entity()
@Index(['examId', 'createdAt'])
export class ExamRemark {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  examId: string;

  @ManyToOne(() => Exam, { onDelete: 'CASCADE' })
  @JoinColumn()
  exam: Exam;

  @Index()
  @Column({ type: 'uuid' })
  attemptItemId: string;

  @ManyToOne(() => ExamAttemptItem, { onDelete: 'CASCADE' })
  @JoinColumn()
  attemptItem: ExamAttemptItem;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true })
  oldAwarded: string | null;

  @Column({ type: 'numeric', precision: 8, scale: 2 })
  newAwarded: string;

  @Column({ type: 'uuid' })
  fromVersionId: string;

  @ManyToOne(() => QuestionVersion, { onDelete: 'RESTRICT' })
  @JoinColumn()
  fromVersion: QuestionVersion;

  @Column({ type: 'uuid' })
  toVersionId: string;

  @ManyToOne(() => QuestionVersion, { onDelete: 'RESTRICT' })
  @JoinColumn()
  toVersion: QuestionVersion;

  @Column({ type: 'uuid', nullable: true })
  byId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  by: User | null;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
