import { Column } from 'typeorm';

/**
 * The columns a row of a stored file carries beside its storage key (which each entity declares itself, with the
 * key prefix it owns): the uploader's name for it, its type as sniffed from the content, its size and SHA-256.
 */
export abstract class StoredFileColumns {
  /** The uploader's file name, sanitised; given back on download. */
  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 100 })
  mimeType: string;

  /** Bytes; PostgreSQL's bigint arrives as a string. */
  @Column({ type: 'bigint' })
  size: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;
}
