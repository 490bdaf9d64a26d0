import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Exam } from './exam.entity';

/** What one trainee is allowed beyond an exam's own terms: more time, another attempt, a window of their own. */
@Entity()
@Index(['examId', 'userId'], { unique: true })
@Check('"time_factor" >= 1')
@Check('"extra_minutes" >= 0')
@Check('"extra_attempts" >= 0')
export class ExamAccommodation {
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

  @Column({ type: 'numeric', precision: 4, scale: 2, default: 1 })
  timeFactor: string;

  @Column({ type: 'int', default: 0 })
  extraMinutes: number;

  @Column({ type: 'int', default: 0 })
  extraAttempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  opensAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  @Column({ type: 'text', default: '' })
  note: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
