import { DomainError } from '../common/errors';

/** One of the funder's logos given to a certificate is not a PNG or JPEG image pdfkit can read. */
export class CertificateLogoError extends DomainError {
  constructor(readonly logoNumber: number) {
    super(422, 'CERTIFICATE_LOGO_UNREADABLE', 'certificatePdf.errors.logo', { number: logoNumber });
  }
}
