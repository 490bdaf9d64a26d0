import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Submission } from './submission.entity';

/** A version of a submission: a draft until submitted, then kept unchanged. */
@Entity()
@Index(['submissionId', 'number'], { unique: true })
export class SubmissionVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn()
  submission: Submission;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'text', default: '' })
  text: string;

  /** Null while the version is a draft. */
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  lateSeconds: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
