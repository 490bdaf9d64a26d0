import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Part } from '../programmes/part.entity';
import { QuestionCategory } from './question-category.entity';

/**
 * A question of a part's bank. What it asks lives in its versions; `currentVersion` names the one new exams draw.
 * An archived question is hidden from new exams and keeps every version.
 */
@Entity()
export class Question {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  partId: string;

  @ManyToOne(() => Part, { onDelete: 'CASCADE' })
  @JoinColumn()
  part: Part;

  @Index()
  @Column({ type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => QuestionCategory)
  @JoinColumn()
  category: QuestionCategory;

  @Column({ type: 'int' })
  currentVersion: number;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
