import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Cohort } from '../cohorts/cohort.entity';
import { User } from '../users/user.entity';

/**
 * One trainee's marks in one cohort, per status, at its sessions that are not cancelled (whenever they start):
 * what the summaries would otherwise count from every mark. Kept by the database in the transaction that writes a
 * mark or cancels, restores, moves or deletes a session (triggers of migration AttendanceCounts), so every writer
 * keeps it, and a summary reads one row a trainee instead of their marks. Its references are checked at commit:
 * when a cohort goes, its sessions' triggers may change a row twice before the cascade removes it, and a row
 * changed twice in a transaction is checked again, against a cohort already gone.
 */
@Entity()
export class AttendanceCount {
  @PrimaryColumn({ type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn()
  cohort: Cohort;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn()
  user: User;

  @Column({ type: 'int', default: 0 })
  present: number;

  @Column({ type: 'int', default: 0 })
  late: number;

  @Column({ type: 'int', default: 0 })
  excused: number;

  @Column({ type: 'int', default: 0 })
  absent: number;
}
