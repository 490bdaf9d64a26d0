import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Cohort } from '../cohorts/cohort.entity';
import { Part } from '../programmes/part.entity';
import { User } from '../users/user.entity';

export const CERTIFICATE_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type CertificateRunStatus = (typeof CERTIFICATE_RUN_STATUSES)[number];

/** Queued or running: a cohort has at most one such run. */
export const isRunActive = (run: { status: CertificateRunStatus }) => run.status === 'queued' || run.status === 'running';

/**
 * Issuing the certificates of a cohort in the background: who started it, for whom (one item per trainee who was
 * eligible then), and how far it has got. A cohort has at most one run queued or running: starting another
 * meanwhile returns that one. The counts move with the items in the same transaction.
 */
@Entity()
@Index('UQ_certificate_runs_active_cohort', ['cohortId'], { unique: true, where: `"status" IN ('queued', 'running')` })
@Check(`"status" IN ('queued', 'running', 'done', 'failed')`)
@Check(`"issued" + "held" + "failed" <= "total"`)
export class CertificateRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn()
  cohort: Cohort;

  @Column({ type: 'uuid' })
  partId: string;

  @ManyToOne(() => Part, { onDelete: 'CASCADE' })
  @JoinColumn()
  part: Part;

  /** The administrator who started it: the certificates are issued in their name. */
  @Column({ type: 'uuid', nullable: true })
  startedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn()
  startedBy: User | null;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status: CertificateRunStatus;

  /** Trainees it set out to issue to. */
  @Column({ type: 'int' })
  total: number;

  /** Certificates it issued. */
  @Column({ type: 'int', default: 0 })
  issued: number;

  /** Trainees who meanwhile got their certificate another way (issued by hand, another run): nothing to do. */
  @Column({ type: 'int', default: 0 })
  held: number;

  @Column({ type: 'int', default: 0 })
  failed: number;

  /** How often it was taken up again after the worker running it stopped; the job id carries it. */
  @Column({ type: 'int', default: 0 })
  resumes: number;

  /** Why the whole run stopped, when it did (its starter can no longer issue, say). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Set by every batch, so a page can say when it last moved. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
