import { hash } from 'node:crypto';

/** What Express's default ('weak') ETag is for an empty body. */
const EMPTY = 'W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"';

/**
 * Express's default weak ETag (`W/"<length in hex>-<SHA-1 in base64, 27 characters>"`, as the `etag` package
 * makes it), worked out with one call to the hash rather than a hash object made, fed and read for every response.
 * Set as the application's `etag` function; clients see the same tags as before.
 */
export function weakEtag(body: string | Buffer, encoding?: BufferEncoding): string {
  const bytes = typeof body === 'string' ? Buffer.from(body, encoding) : body;
  if (bytes.length === 0) return EMPTY;
  return `W/"${bytes.length.toString(16)}-${hash('sha1', bytes, 'base64').slice(0, 27)}"`;
}
