import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Assignment } from '../assignments/assignment.entity';

/**
 * One trainee's work on one assignment: its versions, the latest submitted of which is graded. A
 * submission returned for revision gets its own new due time.
 */
@Entity()
@Index(['assignmentId', 'userId'], { unique: true })
// The grading queue's orders: still to grade first, then by submission time (expression indexes, written by hand
// in the GradingQueue migration; TypeORM cannot declare them, so it is told to leave them alone).
@Index('IDX_submissions_grading_queue', { synchronize: false })
@Index('IDX_submissions_grading_by_assignment', { synchronize: false })
export class Submission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => Assignment, { onDelete: 'CASCADE' })
  @JoinColumn()
  assignment: Assignment;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn()
  user: User;

  /** Number of the latest submitted version; 0 while only a draft exists. */
  @Column({ type: 'int', default: 0 })
  submittedVersion: number;

  /** The version the current grade was given for; 0 when there is no grade. Below `submittedVersion`: to grade. */
  @Column({ type: 'int', default: 0 })
  gradedVersion: number;

  /** When the latest version was submitted. */
  @Index()
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** How late the latest submitted version was, in seconds; 0 when on time. */
  @Column({ type: 'int', default: 0 })
  lateSeconds: number;

  /** Set when an instructor returns the work for revision; cleared by the next submission. */
  @Column({ type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revisionDueAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
