import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Enrolment } from '../cohorts/enrolment.entity';
import { User } from '../users/user.entity';
import { CertificateRun } from './certificate-run.entity';
import { Certificate } from './certificate.entity';

export const RUN_ITEM_STATUSES = ['pending', 'issued', 'held', 'failed'] as const;
export type RunItemStatus = (typeof RUN_ITEM_STATUSES)[number];

/** Why one trainee of a run got no certificate. */
export const RUN_FAILURE_REASONS = ['not_completed', 'no_template', 'serial_taken', 'logo_unreadable', 'unexpected'] as const;
export type RunFailureReason = (typeof RUN_FAILURE_REASONS)[number];

/**
 * One trainee of a certificate run: pending until a batch issues their certificate (or finds the one they hold),
 * or records why it could not.
 */
@Entity()
@Index('IDX_certificate_run_items_pending', ['runId', 'position'], { where: `"status" = 'pending'` })
@Check(`"status" IN ('pending', 'issued', 'held', 'failed')`)
@Check(`("status" = 'failed') = ("reason" IS NOT NULL)`)
export class CertificateRunItem {
  @PrimaryColumn({ type: 'uuid' })
  runId: string;

  @ManyToOne(() => CertificateRun, { onDelete: 'CASCADE' })
  @JoinColumn()
  run: CertificateRun;

  @PrimaryColumn({ type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn()
  enrolment: Enrolment;

  @Column({ type: 'uuid' })
  userId: string;

  /** Its place in the run, by the trainee's name: the batches issue in this order, so serials follow the list. */
  @Column({ type: 'int' })
  position: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn()
  user: User;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: RunItemStatus;

  /** The certificate issued, or the one already held. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  certificateId: string | null;

  @ManyToOne(() => Certificate, { onDelete: 'SET NULL' })
  @JoinColumn()
  certificate: Certificate | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  reason: RunFailureReason | null;

  /** What went wrong, for an administrator (the error's message). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  detail: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
