import { ConflictError, NotFoundError, TooManyRequestsError } from '../common/errors';

export class CertificateNotFoundError extends NotFoundError {
  constructor() {
    super('certificates.errors.notFound');
  }
}

export class EnrolmentNotFoundError extends NotFoundError {
  constructor() {
    super('certificates.errors.enrolmentNotFound');
  }
}

/** The programme has no certificate template yet: an administrator writes one first. */
export class NoTemplateError extends ConflictError {
  constructor() {
    super('CERTIFICATE_NO_TEMPLATE', 'certificates.errors.noTemplate');
  }
}

/** The enrolment has not completed its part, or the person not every part of the programme. */
export class NotCompletedError extends ConflictError {
  constructor() {
    super('CERTIFICATE_NOT_COMPLETED', 'certificates.errors.notCompleted');
  }
}

/** Only a valid certificate can be revoked or reissued. */
export class CertificateNotValidError extends ConflictError {
  constructor() {
    super('CERTIFICATE_NOT_VALID', 'certificates.errors.notValid');
  }
}

/** The serial format gives a serial another certificate already has (the format was changed back, say). */
export class SerialTakenError extends ConflictError {
  constructor(serial: string) {
    super('CERTIFICATE_SERIAL_TAKEN', 'certificates.errors.serialTaken', { serial });
  }
}

export class VerificationRateLimitedError extends TooManyRequestsError {
  constructor(retryAfterSeconds: number) {
    super('certificates.errors.tooManyChecks', retryAfterSeconds);
  }
}

export class CertificateRunNotFoundError extends NotFoundError {
  constructor() {
    super('certificateRuns.errors.notFound');
  }
}

/** No member of the cohort has completed its part without holding its certificate: a run would have nobody to issue to. */
export class NothingToIssueError extends ConflictError {
  constructor() {
    super('CERTIFICATE_RUN_NOTHING_TO_ISSUE', 'certificateRuns.errors.nothingToIssue');
  }
}
