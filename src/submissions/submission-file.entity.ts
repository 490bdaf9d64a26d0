import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StoredFileKey } from '../storage/stored-file-key.decorator';
import { StoredFileColumns } from '../storage/stored-file.columns';
import { SubmissionVersion } from './submission-version.entity';

/** A file of a submission version; its name on disk is the server's, the uploader's name is metadata. */
@Entity()
export class SubmissionFile extends StoredFileColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => SubmissionVersion, { onDelete: 'CASCADE' })
  @JoinColumn()
  version: SubmissionVersion;

  @StoredFileKey('submission')
  @Column({ type: 'varchar', length: 200, unique: true })
  storageKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
