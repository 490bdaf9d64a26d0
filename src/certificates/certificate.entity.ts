import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Part } from '../programmes/part.entity';
import { Programme } from '../programmes/programme.entity';
import { StoredFileKey } from '../storage/stored-file-key.decorator';
import { User } from '../users/user.entity';

export const CERTIFICATE_STATUSES = ['valid', 'revoked', 'replaced'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export const REVOCATION_REASONS = ['issued_in_error', 'requirements_not_met', 'misconduct', 'holder_request', 'other'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export const CERTIFICATE_FILE_PREFIX = 'certificate';

/**
 * A certificate as issued: what it says (holder's name, programme, part, hours, issuer, in the language it was
 * issued in), its serial and public verification code, its PDF stored once with its SHA-256, and its state. A
 * part certificate has a part; a programme certificate none. Revoked and replaced ones stay, so their codes still
 * verify and say so; a reissue points back at the certificate it replaces. A person holds at most one valid
 * certificate for a part, and one for a programme.
 */
@Entity()
@Index('UQ_certificates_valid_part', ['userId', 'partId'], { unique: true, where: `"status" = 'valid' AND "part_id" IS NOT NULL` })
@Index('UQ_certificates_valid_programme', ['userId', 'programmeId'], { unique: true, where: `"status" = 'valid' AND "part_id" IS NULL` })
@Check(`"status" IN ('valid', 'revoked', 'replaced')`)
@Check(`("status" = 'revoked') = ("revoked_at" IS NOT NULL AND "revocation_reason" IS NOT NULL)`)
@Check(
  `"revocation_reason" IS NULL OR "revocation_reason" IN ('issued_in_error', 'requirements_not_met', 'misconduct', 'holder_request', 'other')`,
)
@Check(`"language" IN ('lv', 'en')`)
export class Certificate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 60, unique: true })
  serial: string;

  /** 16 characters of Crockford base32 (verification-code.ts), shown in groups of four. */
  @Column({ type: 'char', length: 16, unique: true })
  verificationCode: string;

  @Index()
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn()
  programme: Programme;

  /** Null: the certificate of the whole programme. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  partId: string | null;

  @ManyToOne(() => Part, { onDelete: 'RESTRICT' })
  @JoinColumn()
  part: Part | null;

  /** The holder. */
  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn()
  user: User;

  /** The completed enrolments it certifies: one for a part, one a part for the programme. */
  @Column({ type: 'uuid', array: true })
  enrolmentIds: string[];

  @Column({ type: 'varchar', length: 200 })
  holderName: string;

  /** The language it was issued in: the holder's. */
  @Column({ type: 'varchar', length: 2 })
  language: 'lv' | 'en';

  @Column({ type: 'varchar', length: 300 })
  programmeTitle: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  partTitle: string | null;

  @Column({ type: 'int' })
  academicHours: number;

  @Column({ type: 'varchar', length: 300 })
  issuerName: string;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  issuedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn()
  issuedBy: User | null;

  @Column({ type: 'varchar', length: 20, default: 'valid' })
  status: CertificateStatus;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn()
  revokedBy: User | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  revocationReason: RevocationReason | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  revocationNote: string | null;

  /** The certificate this one was issued to replace (a reissue); the replaced one's status is `replaced`. */
  @Column({ type: 'uuid', nullable: true })
  replacesId: string | null;

  @OneToOne(() => Certificate, { onDelete: 'RESTRICT' })
  @JoinColumn()
  replaces: Certificate | null;

  @StoredFileKey(CERTIFICATE_FILE_PREFIX)
  @Column({ type: 'varchar', length: 200 })
  fileKey: string;

  @Column({ type: 'int' })
  fileSize: number;

  /** Of the stored PDF, hex: someone holding a copy can learn that it is this one, unaltered. */
  @Index()
  @Column({ type: 'char', length: 64 })
  sha256: string;
}
