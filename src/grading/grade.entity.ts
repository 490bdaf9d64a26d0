import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { StoredFileKey } from '../storage/stored-file-key.decorator';
import { Submission } from '../submissions/submission.entity';

export type GradeStatus = 'draft' | 'released';

/**
 * The grade of a submission: a draft until released. `revision` guards against two instructors
 * overwriting each other: a save must name the revision it started from.
 */
@Entity()
export class Grade {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  submissionId: string;

  @OneToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn()
  submission: Submission;

  /** The version that was graded. */
  @Column({ type: 'int' })
  versionNumber: number;

  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true })
  score: string | null;

  @Column({ type: 'boolean' })
  passed: boolean;

  /** Plain text; shown escaped. */
  @Column({ type: 'text', default: '' })
  feedback: string;

  @StoredFileKey('feedback')
  @Column({ type: 'varchar', length: 200, nullable: true, unique: true })
  feedbackFileKey: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  feedbackFileName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  feedbackFileMimeType: string | null;

  /** Bytes, for the download's Content-Length. */
  @Column({ type: 'bigint', nullable: true })
  feedbackFileSize: string | null;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: GradeStatus;

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  gradedById: string | null;

  @VersionColumn()
  revision: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
