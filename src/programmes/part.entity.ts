import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Programme } from './programme.entity';

/** An ordered part of a programme with its completion rule. */
@Entity()
@Index(['programmeId', 'number'], { unique: true })
@Check('"min_attendance_percent" BETWEEN 0 AND 100')
@Check('"academic_hours" >= 0')
export class Part {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne('Programme', 'parts', { onDelete: 'CASCADE' })
  @JoinColumn()
  programme: Programme;

  /** 1, 2, … within the programme. */
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 300 })
  titleLv: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  titleEn: string | null;

  @Column({ type: 'text', default: '' })
  descriptionLv: string;

  @Column({ type: 'text', default: '' })
  descriptionEn: string;

  @Column({ type: 'int', default: 0 })
  academicHours: number;

  @Column({ type: 'int', default: 0 })
  minAttendancePercent: number;

  @Column({ type: 'boolean', default: false })
  requiresIndependentWork: boolean;

  @Column({ type: 'boolean', default: false })
  requiresFinalExam: boolean;

  @Column({ type: 'boolean', default: false })
  closesWithSeminar: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
