import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Programme } from './programme.entity';

/** What an indicator counts (indicator-rules.ts says how); its value is always derived from the data, never typed in. */
export const INDICATOR_METRICS = [
  'trainees_enrolled',
  'trainees_attended',
  'trainees_completed',
  'certificates_issued',
  'sessions_held',
  'study_visits_held',
  'seminars_held',
  'materials_published',
] as const;
export type IndicatorMetric = (typeof INDICATOR_METRICS)[number];

/** An expected result ("sagaidāmais rezultāts") with its target. */
@Entity()
@Index(['programmeId', 'position'])
export class Indicator {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne('Programme', 'indicators', { onDelete: 'CASCADE' })
  @JoinColumn()
  programme: Programme;

  @Column({ type: 'varchar', length: 300 })
  nameLv: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  nameEn: string | null;

  @Column({ type: 'varchar', length: 40 })
  metric: IndicatorMetric;

  @Column({ type: 'int' })
  target: number;

  @Column({ type: 'int', default: 0 })
  position: number;
}
