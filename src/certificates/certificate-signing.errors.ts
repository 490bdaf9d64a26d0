import { DomainError } from '../common/errors';

/** Production without CERTIFICATE_BADGE_KEY: no badge can be made or checked. */
export class BadgesUnavailableError extends DomainError {
  constructor() {
    super(404, 'OPEN_BADGES_UNAVAILABLE', 'certificatePdf.errors.badgesUnavailable');
  }
}
