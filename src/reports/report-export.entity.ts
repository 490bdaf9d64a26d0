import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StoredFileKey } from '../storage/stored-file-key.decorator';
import { User } from '../users/user.entity';

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/**
 * A report written to a file in the background: who asked for which report (its kind, what it is about, the
 * gradebook's filters or the range of days), its progress, and once done the stored file and when its link stops working.
 */
@Entity()
@Check(`"status" IN ('queued', 'running', 'done', 'failed')`)
@Check(`"format" IN ('csv', 'xlsx', 'pdf')`)
@Check(
  `"report" IN ('attendance', 'gradebook', 'record', 'register', 'cohort_register', 'indicators', 'indicator', 'programme_funnel', 'part_funnel', 'cohort_funnel', 'funder')`,
)
export class ReportExport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  requestedById: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn()
  requestedBy: User;

  @Column({ type: 'varchar', length: 20 })
  report: string;

  /**
   * What the report is about: the cohort (attendance, gradebook, cohort_register, a cohort's funnel), the person
   * (record), the programme (register, indicators, its funnel, the funder's report), the indicator (its records) or
   * the part (its funnel).
   */
  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'varchar', length: 10 })
  format: string;

  /** The gradebook's search, filter and sort; a programme report's (and the funder's report's) range of days. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, unknown>;

  @Column({ type: 'varchar', length: 2 })
  language: string;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status: ExportStatus;

  @Column({ type: 'int', default: 0 })
  rowsDone: number;

  @Column({ type: 'int', nullable: true })
  rowsTotal: number | null;

  @StoredFileKey('export')
  @Column({ type: 'varchar', length: 200, nullable: true, unique: true })
  fileKey: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  fileName: string | null;

  @Column({ type: 'bigint', nullable: true })
  fileSize: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Set by every change of progress, so the sweeper can tell a run that stopped. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** The download link works until then; the clean-up then removes the file and the row. */
  @Index()
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;
}
