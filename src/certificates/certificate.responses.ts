import { z } from 'zod';

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
