import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StoredFileKey } from '../storage/stored-file-key.decorator';
import type { Indicator } from './indicator.entity';
import type { Part } from './part.entity';

export const PROGRAMME_STATUSES = ['draft', 'active', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/** A course-cycle programme ("kursu cikla programma") of a funded project. */
@Entity()
export class Programme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 300 })
  titleLv: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  titleEn: string | null;

  @Column({ type: 'text', default: '' })
  descriptionLv: string;

  @Column({ type: 'text', default: '' })
  descriptionEn: string;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: ProgrammeStatus;

  @Column({ type: 'varchar', length: 500 })
  projectTitle: string;

  @Column({ type: 'varchar', length: 100 })
  agreementNumber: string;

  @Column({ type: 'varchar', length: 200 })
  funder: string;

  /** Share of the costs the funder covers, 0–100. */
  @Column({ type: 'numeric', precision: 5, scale: 2, default: 100 })
  cofinancingPercent: string;

  @Column({ type: 'varchar', length: 200, array: true, default: () => "'{}'" })
  partners: string[];

  /** The publicity statement shown in page footers and on certificates. */
  @Column({ type: 'text' })
  fundingStatement: string;

  /** Storage key of the optional logo image. */
  @StoredFileKey('logo')
  @Column({ type: 'varchar', length: 200, nullable: true })
  logoKey: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  logoMimeType: string | null;

  /** Hours before a session that everyone gets a reminder. */
  @Column({ type: 'int', array: true, default: () => "'{24}'" })
  reminderOffsetsHours: number[];

  /** Hours before a study visit that everyone gets a reminder. */
  @Column({ type: 'int', array: true, default: () => "'{72,24}'" })
  studyVisitOffsetsHours: number[];

  @OneToMany('Part', 'programme')
  parts: Part[];

  @OneToMany('Indicator', 'programme')
  indicators: Indicator[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
