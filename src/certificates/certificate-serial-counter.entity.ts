import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Programme } from '../programmes/programme.entity';

/**
 * The last serial number given out for a programme in a year. The issuing transaction takes the next one with
 * an UPDATE … RETURNING on this row, which holds its lock until the transaction ends: issues of one programme
 * and year queue behind each other, and a rolled-back issue gives its number back, so the numbers have no gaps.
 */
@Entity()
@Check('"last_number" >= 0')
export class CertificateSerialCounter {
  @PrimaryColumn({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn()
  programme: Programme;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int', default: 0 })
  lastNumber: number;
}
