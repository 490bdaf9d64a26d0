import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Cohort } from '../cohorts/cohort.entity';
import { Part } from '../programmes/part.entity';

export const GRADING_TYPES = ['points', 'pass_fail'] as const;
export type GradingType = (typeof GRADING_TYPES)[number];

/** Extensions a trainee may hand in, checked by content as well as by name. */
export const SUBMISSION_FILE_TYPES = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'zip', 'png', 'jpg'] as const;

/**
 * Independent work of one cohort, or of a part (then every cohort of the part has it). Opens at,
 * due at, and a hard cut-off after which nothing is accepted.
 */
@Entity()
@Check('("part_id" IS NULL) <> ("cohort_id" IS NULL)')
@Check('"due_at" >= "opens_at" AND "cutoff_at" >= "due_at"')
@Check('"max_files" BETWEEN 0 AND 50 AND "max_file_size_mb" BETWEEN 1 AND 1024')
@Check(`"grading_type" = 'pass_fail' OR ("max_points" IS NOT NULL AND "pass_mark" IS NOT NULL AND "pass_mark" <= "max_points")`)
export class Assignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  cohortId: string | null;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn()
  cohort: Cohort | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  partId: string | null;

  @ManyToOne(() => Part, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn()
  part: Part | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** Markdown, rendered with raw HTML disabled and links checked. */
  @Column({ type: 'text', default: '' })
  brief: string;

  @Column({ type: 'timestamptz' })
  opensAt: Date;

  @Index()
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'timestamptz' })
  cutoffAt: Date;

  @Column({ type: 'int', default: 5 })
  maxFiles: number;

  @Column({ type: 'int', default: 20 })
  maxFileSizeMb: number;

  @Column({ type: 'varchar', length: 10, array: true, default: () => "'{pdf,docx,xlsx,pptx,odt,zip,png,jpg}'" })
  acceptedTypes: string[];

  /** Whether a trainee may (also) write their answer as text. */
  @Column({ type: 'boolean', default: true })
  allowText: boolean;

  @Column({ type: 'varchar', length: 20 })
  gradingType: GradingType;

  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true })
  maxPoints: string | null;

  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true })
  passMark: string | null;

  @Column({ type: 'boolean', default: true })
  requiredForCompletion: boolean;

  /** Hours before the due time that trainees who have not submitted are reminded. */
  @Column({ type: 'int', array: true, default: () => "'{72,24}'" })
  reminderOffsetsHours: number[];

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
