import { NotFoundError } from '../common/errors';

/** A feed URL with an unknown user, a wrong token or one renewed since: nothing tells which. */
export class CalendarFeedNotFoundError extends NotFoundError {
  constructor() {
    super('calendar.errors.feedNotFound');
  }
}
