import { Check, Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Enrolment } from '../cohorts/enrolment.entity';
import { User } from '../users/user.entity';

/** Where the part's rule stands for one enrolment, as last worked out. */
export const COMPLETION_STATES = ['in_progress', 'completed', 'not_possible'] as const;
export type CompletionState = (typeof COMPLETION_STATES)[number];

/** What an administrator set by hand, overriding the rule (history such as the 2012 cohorts). */
export const MANUAL_COMPLETION_STATES = ['completed', 'not_completed'] as const;
export type ManualCompletionState = (typeof MANUAL_COMPLETION_STATES)[number];

export const CRITERIA = ['attendance', 'independent_work', 'final_exam', 'closing_seminar'] as const;
export type Criterion = (typeof CRITERIA)[number];
export const CRITERION_STATES = ['met', 'pending', 'impossible'] as const;
export type CriterionState = (typeof CRITERION_STATES)[number];

/** One criterion of the rule for one enrolment: met, not yet (and what is missing), or no longer possible. */
export interface CriterionResult {
  criterion: Criterion;
  state: CriterionState;
  /** What is still missing while pending, e.g. { count: 2, unit: 'sessions' } (units: src/completion/completion-evaluation.ts). */
  missing?: { count: number; unit: string };
  /** How far along: `done` of the `of` needed (sessions attended, assignments passed…), for a progress bar. */
  progress?: { done: number; of: number };
}

/**
 * The completion of one enrolment (a trainee in a cohort, that is in one part). The rule's result is kept up to
 * date in the same transaction as every change that affects it; `manualState` overrides it. The view
 * `completed_enrolments` (migration CompletionAndCertificates) is the one definition of "completed the part" that
 * certificates, indicators and reports read.
 */
@Entity()
@Check(`"state" IN ('in_progress', 'completed', 'not_possible')`)
@Check(`"manual_state" IS NULL OR "manual_state" IN ('completed', 'not_completed')`)
@Check(`("manual_state" IS NULL) = ("manual_reason" IS NULL)`)
export class EnrolmentCompletion {
  @PrimaryColumn({ type: 'uuid' })
  enrolmentId: string;

  @OneToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn()
  enrolment: Enrolment;

  @Column({ type: 'varchar', length: 20, default: 'in_progress' })
  state: CompletionState;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  criteria: CriterionResult[];

  /** When the rule was first met; kept while it stays met. */
  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  manualState: ManualCompletionState | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  manualReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  manualById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn()
  manualBy: User | null;

  @Column({ type: 'timestamptz', nullable: true })
  manualAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  evaluatedAt: Date;
}
