import { z } from 'zod';
import { list, page, pageSize, reason, requiredText, text, uuid } from '../common/schemas';
import { REVOCATION_REASONS } from './certificate.entity';
import { SERIAL_FORMAT_MAX_LENGTH, serialFormatProblem } from './serial-format';

const MAX_OUTCOMES = 12;
const MAX_SIGNATORIES = 3;

const outcomes = list(requiredText(500), MAX_OUTCOMES, { lines: true });

const serialFormat = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z
    .string()
    .min(1)
    .max(SERIAL_FORMAT_MAX_LENGTH)
    .superRefine((value, ctx) => {
      const problem = serialFormatProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', params: { code: `certificate.serialFormat.${problem}` } });
    }),
);

const signatory = z.strictObject({ name: requiredText(200), position: requiredText(200) });

/** What the template says besides the signatories, the same in a form and in JSON. */
const templateFields = {
  titleLv: requiredText(100),
  titleEn: requiredText(100),
  placeLv: requiredText(200),
  placeEn: requiredText(200),
  learningOutcomesLv: outcomes,
  learningOutcomesEn: outcomes,
  issuerLv: requiredText(300),
  issuerEn: requiredText(300),
  serialFormat,
};

/** A programme's certificate template from the API. */
export const templateSchema = z.strictObject({
  ...templateFields,
  signatories: z.array(signatory).min(1).max(MAX_SIGNATORIES),
});
export type CertificateTemplateInput = z.infer<typeof templateSchema>;

const signatoryLine = text(200).optional();
const formSignatoryFields = {
  signatory1Name: signatoryLine,
  signatory1Position: signatoryLine,
  signatory2Name: signatoryLine,
  signatory2Position: signatoryLine,
  signatory3Name: signatoryLine,
  signatory3Position: signatoryLine,
};
type SignatoryField = keyof typeof formSignatoryFields;
const SIGNATORY_NUMBERS = Array.from({ length: MAX_SIGNATORIES }, (_, i) => i + 1);
const nameField = (n: number) => `signatory${n}Name` as SignatoryField;
const positionField = (n: number) => `signatory${n}Position` as SignatoryField;

/**
 * The same from the page's form: a fixed set of signatory fields (`signatory1Name`, `signatory1Position`, …),
 * each pair either filled in or left empty, at least the first.
 */
export const templateFormSchema = z
  .strictObject({ ...templateFields, ...formSignatoryFields })
  .superRefine((form, ctx) => {
    for (const n of SIGNATORY_NUMBERS) {
      if (n > 1 && !form[nameField(n)] && !form[positionField(n)]) continue;
      for (const field of [nameField(n), positionField(n)])
        if (!form[field]) ctx.addIssue({ code: 'custom', path: [field], params: { code: 'required' } });
    }
  })
  .transform((form): CertificateTemplateInput => {
    const signatories = SIGNATORY_NUMBERS.map((n) => ({ name: form[nameField(n)] ?? '', position: form[positionField(n)] ?? '' })).filter(
      (s) => s.name && s.position,
    );
    const { titleLv, titleEn, placeLv, placeEn, learningOutcomesLv, learningOutcomesEn, issuerLv, issuerEn, serialFormat } = form;
    return { titleLv, titleEn, placeLv, placeEn, learningOutcomesLv, learningOutcomesEn, issuerLv, issuerEn, serialFormat, signatories };
  });

/** A programme certificate is issued to one person who completed every part. */
export const issueProgrammeSchema = z.strictObject({ userId: uuid });

export const revokeSchema = z.strictObject({
  reason: z.enum(REVOCATION_REASONS),
  note: reason(1000, { multiline: true }),
});
export type RevokeInput = z.infer<typeof revokeSchema>;

/** A reissue (a corrected name, say): the name to print, the holder's current one when left out. */
export const reissueSchema = z.strictObject({
  holderName: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), requiredText(200).optional()),
  note: reason(1000, { multiline: true }),
});
export type ReissueInput = z.infer<typeof reissueSchema>;

export const myCertificatesQuerySchema = z.strictObject({ page, pageSize });

/** A page of the certificate register. */
export const registerQuerySchema = z.strictObject({ page, pageSize: pageSize.default(50) });

/** Which certificates of a cohort go into its ZIP: the valid ones (what an auditor counts), or every one ever issued. */
export const ARCHIVE_INCLUDES = ['valid', 'all'] as const;
export type ArchiveInclude = (typeof ARCHIVE_INCLUDES)[number];

export const archiveQuerySchema = z.strictObject({
  include: z.preprocess((v) => (v === '' ? undefined : v), z.enum(ARCHIVE_INCLUDES).default('valid')),
});

/** A code as typed on the verification page; checked and normalised by the service. */
export const verifyQuerySchema = z.strictObject({ code: text(60).optional() });
