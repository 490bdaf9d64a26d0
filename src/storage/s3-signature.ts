import { createHash, createHmac } from 'node:crypto';

/** The SHA-256 of no bytes, hex: the payload hash of a request without a body. */
export const EMPTY_SHA256 = createHash('sha256').digest('hex');

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

/** A request as AWS Signature Version 4 sees it. Header names in lower case; `path` is the URI path, not encoded. */
export interface SignableRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Hex SHA-256 of the body. */
  payloadHash: string;
}

/** URI-encodes as SigV4 wants: every byte but `A-Z a-z 0-9 - _ . ~` percent-encoded. */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** S3 encodes each path segment once, keeping the slashes. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeRfc3986).join('/');
}

export function canonicalQuery(query: Record<string, string>): string {
  return Object.entries(query)
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** `20130524T000000Z` */
export function amzDate(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

/**
 * Signs a request for S3 with AWS Signature Version 4 in the Authorization header: adds `x-amz-date` and
 * `x-amz-content-sha256` to `request.headers` and returns the header's value. Every header given is signed;
 * `host` must be among them.
 */
export class S3Signer {
  private keyDay = '';
  private key: Buffer = Buffer.alloc(0);

  constructor(private readonly credentials: S3Credentials) {}

  sign(request: SignableRequest, now: Date): string {
    const stamp = amzDate(now);
    const day = stamp.slice(0, 8);
    request.headers['x-amz-date'] = stamp;
    request.headers['x-amz-content-sha256'] = request.payloadHash;
    const names = Object.keys(request.headers)
      .map((name) => name.toLowerCase())
      .sort();
    const values = new Map(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
    const canonicalHeaders = names.map((name) => `${name}:${String(values.get(name)).trim().replace(/\s+/g, ' ')}\n`).join('');
    const signedHeaders = names.join(';');
    const canonicalRequest = [
      request.method,
      encodePath(request.path),
      canonicalQuery(request.query),
      canonicalHeaders,
      signedHeaders,
      request.payloadHash,
    ].join('\n');
    const scope = `${day}/${this.credentials.region}/s3/aws4_request`;
    const stringToSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256Hex(canonicalRequest)].join('\n');
    const signature = createHmac('sha256', this.signingKey(day)).update(stringToSign, 'utf8').digest('hex');
    return `AWS4-HMAC-SHA256 Credential=${this.credentials.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`;
  }

  /** The key of one day, derived once a day. */
  private signingKey(day: string): Buffer {
    if (this.keyDay !== day) {
      const dated = hmac(`AWS4${this.credentials.secretAccessKey}`, day);
      this.key = hmac(hmac(hmac(dated, this.credentials.region), 's3'), 'aws4_request');
      this.keyDay = day;
    }
    return this.key;
  }
}
