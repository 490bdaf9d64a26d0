import { PipeTransform } from '@nestjs/common';
import { NotFoundError } from './errors';
import { uuid } from './schemas';

/** A record id from the path: anything that is not a UUID names no record, so it is a 404, not a database error. */
export class ParseIdPipe implements PipeTransform<string, string> {
  constructor(private readonly messageKey = 'errors.notFound') {}

  transform(value: string): string {
    if (!uuid.safeParse(value).success) throw new NotFoundError(this.messageKey);
    return value;
  }
}
