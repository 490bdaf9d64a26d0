import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Certificate } from './certificate.entity';

/**
 * A certificate's Open Badges 3.0 credential as it is downloaded: the signed JSON text, stored once when the
 * certificate is issued, so every download gives the same bytes, like the PDF. Its status is not in it: whoever
 * verifies the badge here learns from the certificate whether it is still valid, revoked or replaced.
 */
@Entity()
export class CertificateBadge {
  @PrimaryColumn({ type: 'uuid' })
  certificateId: string;

  @OneToOne(() => Certificate, { onDelete: 'CASCADE' })
  @JoinColumn()
  certificate: Certificate;

  /** The credential with its proof, as served (`application/vc+ld+json`). */
  @Column({ type: 'text' })
  credential: string;

  /** The key that signed it (`did:web:…#…`): a badge whose key the platform no longer holds is signed again. */
  @Column({ type: 'varchar', length: 500 })
  verificationMethod: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
