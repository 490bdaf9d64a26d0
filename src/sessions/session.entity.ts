import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Cohort } from '../cohorts/cohort.entity';
import { User } from '../users/user.entity';

export const SESSION_KINDS = ['class', 'seminar', 'study_visit', 'exam_sitting'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A class, seminar, study visit or exam sitting of a cohort. */
@Entity()
@Check('"ends_at" > "starts_at"')
@Index(['cohortId', 'startsAt'])
@Index(['startsAt'])
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn()
  cohort: Cohort;

  @Column({ type: 'varchar', length: 20 })
  kind: SessionKind;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  room: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  onlineUrl: string | null;

  /** For a study visit: who receives the group (e.g. another municipality). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  hosts: string | null;

  /** For a study visit: the sites visited. */
  @Column({ type: 'varchar', length: 300, array: true, default: () => "'{}'" })
  sitesVisited: string[];

  @Column({ type: 'text', default: '' })
  notes: string;

  @Column({ type: 'varchar', length: 20, default: 'scheduled' })
  status: SessionStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cancellationReason: string | null;

  /** iCalendar SEQUENCE: raised on every change people should see. */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @ManyToMany(() => User)
  @JoinTable({ name: 'session_instructors', joinColumn: { name: 'session_id' }, inverseJoinColumn: { name: 'user_id' } })
  instructors: User[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
