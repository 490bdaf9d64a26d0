import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { assertNoControlCharacters } from './control-characters';

/**
 * Refuses a query or route parameter holding a control character (a NUL, say) with a 400 naming it,
 * before any controller or database sees it. Bodies are checked field by field by their schemas, which
 * know which fields may span lines.
 */
@Injectable()
export class ControlCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'query' || metadata.type === 'param') assertNoControlCharacters(value, metadata.data ?? '');
    return value;
  }
}
