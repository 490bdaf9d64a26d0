import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Assignment } from './assignment.entity';

/**
 * One trainee's work on one assignment: its versions, the latest submitted of which is graded. A
 * submission returned for revision gets its own new due time.
 */
@Entity()
@Index(['assignmentId', 'userId'], { unique: true })
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
