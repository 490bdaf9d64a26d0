import { z } from 'zod';
import { listOf, pageOf } from '../common/api-docs';
import { CERTIFICATE_STATUSES, REVOCATION_REASONS } from './certificate.entity';

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
