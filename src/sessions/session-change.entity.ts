import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Session } from './session.entity';

export type SessionChangeKind = 'moved' | 'cancelled' | 'restored';

/** The history of a session's schedule: every move and cancellation, with its reason and author. */
@Entity()
export class SessionChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn()
  session: Session;

  @Column({ type: 'varchar', length: 20 })
  kind: SessionChangeKind;

  @Column({ type: 'timestamptz' })
  oldStartsAt: Date;

  @Column({ type: 'timestamptz' })
  oldEndsAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  newStartsAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  newEndsAt: Date | null;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'uuid', nullable: true })
  changedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;
}
