import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Programme } from '../programmes/programme.entity';
import { User } from '../users/user.entity';
import type { Signatory } from './certificate-document';

/**
 * What a programme's certificates say beside the holder and the course: the title, place, learning outcomes,
 * signatories and issuer, in Latvian and English, and the serial number format. The logos and the publicity
 * statement are the programme's own (logoKey, fundingStatement).
 */
@Entity()
export class CertificateTemplate {
  @PrimaryColumn({ type: 'uuid' })
  programmeId: string;

  @OneToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn()
  programme: Programme;

  @Column({ type: 'varchar', length: 100, default: 'Apliecība' })
  titleLv: string;

  @Column({ type: 'varchar', length: 100, default: 'Certificate' })
  titleEn: string;

  /** Where the certificates are issued, e.g. "Daugavpils". */
  @Column({ type: 'varchar', length: 200 })
  placeLv: string;

  @Column({ type: 'varchar', length: 200 })
  placeEn: string;

  /** One outcome a line, in the order printed. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  learningOutcomesLv: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  learningOutcomesEn: string[];

  /** Who signs, in the order printed (one to three). */
  @Column({ type: 'jsonb' })
  signatories: Signatory[];

  @Column({ type: 'varchar', length: 300 })
  issuerLv: string;

  @Column({ type: 'varchar', length: 300 })
  issuerEn: string;

  /** E.g. `DPD-{YYYY}/{NNNN}` (serial-format.ts). */
  @Column({ type: 'varchar', length: 40 })
  serialFormat: string;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn()
  updatedBy: User | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
