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
import { Part } from '../programmes/part.entity';
import { User } from '../users/user.entity';

/** A run of one part: its dates, places and instructors. */
@Entity()
@Check('"ends_on" >= "starts_on"')
@Check('"capacity" > 0')
export class Cohort {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  partId: string;

  @ManyToOne(() => Part, { onDelete: 'CASCADE' })
  @JoinColumn()
  part: Part;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Calendar dates in Riga, YYYY-MM-DD. */
  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'int' })
  capacity: number;

  @ManyToMany(() => User)
  @JoinTable({ name: 'cohort_instructors', joinColumn: { name: 'cohort_id' }, inverseJoinColumn: { name: 'user_id' } })
  instructors: User[];

  /** When an administrator closed the cohort, fixing each enrolment as completed or not completed. */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
