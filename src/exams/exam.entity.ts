import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Cohort } from '../cohorts/cohort.entity';
import { Session } from '../sessions/session.entity';
import type { QuestionSelection } from './question-draw';

export const EXAM_MODES = ['online', 'in_person'] as const;
export type ExamMode = (typeof EXAM_MODES)[number];

export const PASS_MARK_UNITS = ['points', 'percent'] as const;
export type PassMarkUnit = (typeof PASS_MARK_UNITS)[number];

export const RESULTS_SHOWN = ['at_once', 'on_release'] as const;
export type ResultsShown = (typeof RESULTS_SHOWN)[number];

/**
 * A sitting of a part's final exam by one cohort, online or in person. Numeric columns are strings as
 * PostgreSQL gives them (exact decimals); services turn them into numbers where they calculate.
 */
@Entity()
@Check('"closes_at" IS NULL OR "opens_at" IS NULL OR "closes_at" > "opens_at"')
@Check('"attempts_allowed" >= 1')
@Check(`"mode" IN ('online', 'in_person')`)
@Check(`"pass_mark_unit" IN ('points', 'percent')`)
@Check(`"results_shown" IN ('at_once', 'on_release')`)
export class Exam {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn()
  cohort: Cohort;

  /** The exam sitting in the cohort's schedule, when there is one. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  @ManyToOne(() => Session, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  session: Session | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 20 })
  mode: ExamMode;

  @Column({ type: 'numeric', precision: 8, scale: 2 })
  passMark: string;

  @Column({ type: 'varchar', length: 10, default: 'percent' })
  passMarkUnit: PassMarkUnit;

  /** Online: the sum of the selection's points; in person: entered. */
  @Column({ type: 'numeric', precision: 8, scale: 2 })
  maxPoints: string;

  /** The online window. */
  @Column({ type: 'timestamptz', nullable: true })
  opensAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  @Column({ type: 'int', nullable: true })
  timeLimitMinutes: number | null;

  @Column({ type: 'int', default: 1 })
  attemptsAllowed: number;

  /** Which questions (online); null in person. */
  @Column({ type: 'jsonb', nullable: true })
  selection: QuestionSelection | null;

  @Column({ type: 'boolean', default: false })
  shuffleQuestions: boolean;

  @Column({ type: 'boolean', default: false })
  shuffleChoices: boolean;

  @Column({ type: 'varchar', length: 20, default: 'on_release' })
  resultsShown: ResultsShown;

  /** A retake sitting: the exam it repeats, for those who failed or were absent. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  retakeOfId: string | null;

  @ManyToOne(() => Exam, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  retakeOf: Exam | null;

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
