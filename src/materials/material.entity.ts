import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Cohort } from '../cohorts/cohort.entity';
import { Part } from '../programmes/part.entity';
import { StoredFileKey } from '../storage/stored-file-key.decorator';
import { StoredFileColumns } from '../storage/stored-file.columns';

/** A methodological material of a part (for all its cohorts) or of one cohort. */
@Entity()
@Check('("part_id" IS NULL) <> ("cohort_id" IS NULL)')
export class Material extends StoredFileColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  partId: string | null;

  @ManyToOne(() => Part, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn()
  part: Part | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  cohortId: string | null;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn()
  cohort: Cohort | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** Where the storage driver keeps the bytes; a name the server made. */
  @StoredFileKey('material')
  @Column({ type: 'varchar', length: 200, unique: true })
  storageKey: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
