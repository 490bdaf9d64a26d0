import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Session } from '../sessions/session.entity';

/**
 * How many marks a session has: more than none means its attendance was taken. Kept by the database with
 * `attendance_counts` (migration AttendanceCounts), so the summaries tell which held sessions count without
 * looking for each one's marks.
 */
@Entity()
export class SessionMarkCount {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @OneToOne(() => Session, { onDelete: 'CASCADE', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn()
  session: Session;

  @Column({ type: 'int', default: 0 })
  marks: number;
}
