import { z } from 'zod';
import { listOf, pageOf } from '../common/api-docs';
import { RUN_FAILURE_REASONS } from './certificate-run-item.entity';
import { CERTIFICATE_RUN_STATUSES } from './certificate-run.entity';
import { CERTIFICATE_STATUSES, REVOCATION_REASONS } from './certificate.entity';
import { BADGE_NOT_HERE_REASONS, BADGE_RESULTS } from './verification.service';

/** The API's bodies for certificates (built in certificate-views.ts and certificate-template-views.ts). */
export const certificateTemplateBody = z
  .object({
    programmeId: z.uuid(),
    titleLv: z.string(),
    titleEn: z.string(),
    placeLv: z.string(),
    placeEn: z.string(),
    learningOutcomesLv: z.array(z.string()),
    learningOutcomesEn: z.array(z.string()),
    signatories: z.array(z.object({ name: z.string(), position: z.string() })),
    issuerLv: z.string(),
    issuerEn: z.string(),
    serialFormat: z.string().describe('E.g. "DPD-{YYYY}/{NNNN}".'),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CertificateTemplate' });

const neighbour = z.object({ serial: z.string(), verificationCode: z.string() }).nullable();

export const verifiedCertificateBody = z
  .object({
    serial: z.string(),
    holderName: z.string(),
    programmeTitle: z.string(),
    partTitle: z.string().nullable().describe('Null for a certificate of the whole programme.'),
    academicHours: z.number().int(),
    issuedAt: z.iso.datetime(),
    issuer: z.string(),
    language: z.enum(['lv', 'en']).describe('The language it was issued in.'),
    status: z.enum(CERTIFICATE_STATUSES),
    revokedAt: z.iso.datetime().nullable(),
    revocationReason: z.enum(REVOCATION_REASONS).nullable(),
    replaces: neighbour.describe('The certificate this one was issued in place of.'),
    replacedBy: neighbour.describe('The certificate issued in place of this one.'),
  })
  .meta({ id: 'VerifiedCertificate' });

export const fileCheckBody = z
  .object({
    matches: z.boolean().describe('Whether the file is, byte for byte, a certificate issued here.'),
    sha256: z.string(),
    certificate: verifiedCertificateBody.nullable(),
  })
  .meta({ id: 'CertificateFileCheck' });

export const badgeCheckBody = z
  .object({
    result: z
      .enum(BADGE_RESULTS)
      .describe(
        'valid, revoked or replaced: the badge is unaltered and signed here, and that is its certificate’s status now; ' +
          'signature-invalid: it was changed after it was signed (or carries no proof); not-issued-here: see reason.',
      ),
    reason: z
      .enum(BADGE_NOT_HERE_REASONS)
      .nullable()
      .describe(
        'For not-issued-here: another issuer’s badge, one signed with a key this platform does not hold, or one naming no certificate here.',
      ),
    verificationCode: z.string().nullable().describe('The verification code the badge names in its id, whatever the result.'),
    developmentKey: z
      .boolean()
      .describe('True where badges are signed with a development key made at start-up: they prove nothing elsewhere.'),
    certificate: verifiedCertificateBody.nullable().describe('The certificate, only when the badge’s signature holds.'),
  })
  .meta({ id: 'BadgeCheck' });

export const didDocumentBody = z
  .object({
    '@context': z.array(z.string()),
    id: z.string().describe('The issuer: did:web of the platform’s address.'),
    verificationMethod: z.array(
      z.object({
        id: z.string().describe('As a badge’s proof names it; `#development-…` for a key made at start-up.'),
        type: z.enum(['Multikey']),
        controller: z.string(),
        publicKeyMultibase: z.string().describe('The Ed25519 public key, `z6Mk…`.'),
      }),
    ),
    assertionMethod: z.array(z.string()),
  })
  .meta({ id: 'DidDocument' });

export const jsonWebKeySetBody = z
  .object({
    keys: z.array(
      z.object({
        kty: z.enum(['OKP']),
        crv: z.enum(['Ed25519']),
        x: z.string(),
        kid: z.string().describe('The verification method of the DID document.'),
        alg: z.enum(['EdDSA']),
        use: z.enum(['sig']),
      }),
    ),
  })
  .meta({ id: 'JsonWebKeySet' });

const link = z.object({ id: z.uuid(), serial: z.string() }).nullable();

export const certificateBody = z
  .object({
    id: z.uuid(),
    serial: z.string(),
    verificationCode: z.string().describe('As printed, in groups of four.'),
    verificationPath: z.string().describe('The public verification page, under the platform’s address; the QR code carries it.'),
    userId: z.uuid(),
    holderName: z.string(),
    language: z.enum(['lv', 'en']),
    programmeId: z.uuid(),
    programmeTitle: z.string(),
    partId: z.uuid().nullable().describe('Null for a certificate of the whole programme.'),
    partTitle: z.string().nullable(),
    academicHours: z.number().int(),
    issuer: z.string(),
    issuedAt: z.iso.datetime(),
    issuedById: z.uuid().nullable().describe('Null when the platform issued it in a background job.'),
    status: z.enum(CERTIFICATE_STATUSES),
    revokedAt: z.iso.datetime().nullable(),
    revocationReason: z.enum(REVOCATION_REASONS).nullable(),
    revocationNote: z.string().nullable(),
    replaces: link,
    replacedBy: link,
    fileSize: z.number().int(),
    sha256: z.string(),
  })
  .meta({ id: 'Certificate' });

export const certificatePageBody = pageOf(certificateBody, 'CertificatePage');

export const cohortCertificatesBody = listOf(
  z
    .object({
      enrolmentId: z.uuid(),
      userId: z.uuid(),
      name: z.string(),
      completedAt: z.iso.datetime().nullable().describe('Null while the trainee has not completed the part.'),
      certificate: z.object({ id: z.uuid(), serial: z.string(), status: z.enum(CERTIFICATE_STATUSES) }).nullable(),
    })
    .meta({ id: 'CohortCertificate' }),
  'CohortCertificateList',
);

export const programmeCertificatesBody = listOf(
  z
    .object({ userId: z.uuid(), name: z.string(), certificate: z.object({ id: z.uuid(), serial: z.string() }).nullable() })
    .meta({ id: 'ProgrammeCertificate' }),
  'ProgrammeCertificateList',
);

export const certificateRegisterBody = pageOf(
  z
    .object({
      certificateId: z.uuid(),
      serial: z.string(),
      holderName: z.string().describe('As printed on the certificate.'),
      programmeTitle: z.string().describe('As printed, in the language it was issued in.'),
      partTitle: z.string().nullable().describe('Null for a certificate of the whole programme.'),
      cohortName: z.string().nullable().describe('The cohort of a part certificate; null for a programme certificate.'),
      academicHours: z.number().int(),
      issuedAt: z.iso.datetime(),
      status: z.enum(CERTIFICATE_STATUSES),
      revokedAt: z.iso.datetime().nullable(),
      revocationReason: z.enum(REVOCATION_REASONS).nullable(),
      replacedBySerial: z.string().nullable().describe('The serial of the certificate issued in place of a replaced one.'),
      sha256: z.string().describe('Of the stored PDF, hex: the same as the SHA-256 of its file in the ZIP.'),
    })
    .meta({ id: 'CertificateRegisterEntry' }),
  'CertificateRegisterPage',
);

export const certificateRunBody = z
  .object({
    id: z.uuid(),
    cohortId: z.uuid(),
    partId: z.uuid(),
    status: z.enum(CERTIFICATE_RUN_STATUSES).describe('queued, running, done, or failed (stopped for good: `error` says why).'),
    total: z.number().int().describe('Trainees it set out to issue to: those who had completed without a valid certificate.'),
    done: z.number().int().describe('Trainees who now hold their certificate: `issued` + `alreadyHeld`.'),
    failed: z.number().int().describe('Trainees it could not issue to; `failures` says why.'),
    left: z.number().int().describe('Trainees still to do.'),
    percent: z.number().int().describe('How far along, 0–100.'),
    issued: z.number().int().describe('Certificates it issued.'),
    alreadyHeld: z.number().int().describe('Trainees who meanwhile got their certificate another way.'),
    startedById: z.uuid().nullable(),
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    failures: z
      .array(
        z.object({
          enrolmentId: z.uuid(),
          userId: z.uuid(),
          name: z.string(),
          reason: z.enum(RUN_FAILURE_REASONS),
          detail: z.string().nullable().describe('The serial already taken, the number of the unreadable logo, or an error code.'),
        }),
      )
      .optional()
      .describe('Given for one run, not in a list.'),
  })
  .meta({ id: 'CertificateRun' });

export const certificateRunListBody = listOf(certificateRunBody, 'CertificateRunList');
