import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StoredFileKey } from '../storage/stored-file-key.decorator';
import { StoredFileColumns } from '../storage/stored-file.columns';
import { Assignment } from './assignment.entity';

/** A file that comes with an assignment's brief. */
@Entity()
export class AssignmentAttachment extends StoredFileColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => Assignment, { onDelete: 'CASCADE' })
  @JoinColumn()
  assignment: Assignment;

  @StoredFileKey('brief')
  @Column({ type: 'varchar', length: 200, unique: true })
  storageKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
