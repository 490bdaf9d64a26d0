import { createHash } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { buffer } from 'node:stream/consumers';
import { setTimeout as sleep } from 'node:timers/promises';
import { XMLParser } from 'fast-xml-parser';
import { EMPTY_SHA256, encodePath, encodeRfc3986, S3Signer } from './s3-signature';

export interface S3Settings {
  /** Defaults to AWS's endpoint of the region. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `<endpoint>/<bucket>/<key>` rather than `<bucket>.<endpoint host>/<key>`. */
  forcePathStyle: boolean;
}

export interface S3Request {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  /** The object's name; none for a request on the bucket. */
  key?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** The body, whole or as the chunks it arrived in (sent one after another, not copied together). */
  body?: Buffer | readonly Buffer[];
  /** The body's SHA-256, when the caller has it already: it is signed instead of hashing the body again. */
  bodySha256?: Buffer;
}

export interface S3Response {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** The service answered with an error (`code` from its XML body, such as NoSuchKey or BadDigest). */
export class S3RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`S3 ${status} ${code}: ${message}`);
    this.name = 'S3RequestError';
  }
}

const ATTEMPTS = 3;
const RETRY_DELAY_MS = 200;
const IDLE_TIMEOUT_MS = 60_000;
const RETRIED_STATUS = new Set([500, 502, 503, 504]);
const LISTS = new Set(['Contents', 'Upload', 'Part', 'CommonPrefixes']);

export const xml = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, isArray: (name) => LISTS.has(name) });

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function sha256Hex(chunks: readonly Buffer[]): string {
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}

/** A network failure worth one more try: the request may not have reached the service at all. */
function isTransient(error: unknown): boolean {
  if (error instanceof S3RequestError) return RETRIED_STATUS.has(error.status) || error.code === 'SlowDown';
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'EPIPE' || code === 'ETIMEDOUT';
}

/** Reads an error answer's `<Code>` and `<Message>`; some services send none (a HEAD never has a body). */
export function errorOf(status: number, body: Buffer): S3RequestError {
  let code = status === 404 ? 'NotFound' : `Http${status}`;
  let message = body.toString('utf8').slice(0, 200);
  try {
    const parsed = xml.parse(body.toString('utf8')) as { Error?: { Code?: string; Message?: string } };
    if (parsed.Error?.Code) {
      code = parsed.Error.Code;
      message = parsed.Error.Message ?? '';
    }
  } catch {
    // Not XML: keep the text.
  }
  return new S3RequestError(status, code, message);
}

/**
 * A small S3 client: signs each request (AWS Signature Version 4, the payload's SHA-256 signed too), sends it
 * over kept-alive connections, and tries a request again after a network failure or a 5xx answer, since every
 * request it sends whole is safe to repeat. Downloads are streamed (`openStream`).
 */
export class S3Client {
  readonly bucket: string;
  private readonly base: URL;
  private readonly signer: S3Signer;
  private readonly agent: HttpAgent;
  private readonly send: typeof httpRequest;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    const endpoint = new URL(settings.endpoint ?? `https://s3.${settings.region}.amazonaws.com`);
    if (!settings.forcePathStyle) endpoint.hostname = `${settings.bucket}.${endpoint.hostname}`;
    endpoint.pathname = endpoint.pathname.replace(/\/+$/, '') + (settings.forcePathStyle ? `/${settings.bucket}` : '');
    this.base = endpoint;
    this.signer = new S3Signer(settings);
    const secure = endpoint.protocol === 'https:';
    this.agent = secure ? new HttpsAgent({ keepAlive: true, maxSockets: 32 }) : new HttpAgent({ keepAlive: true, maxSockets: 32 });
    this.send = secure ? httpsRequest : httpRequest;
  }

  /** The request's URL: the bucket's address and the key. */
  urlOf(key?: string, query: Record<string, string> = {}): URL {
    const url = new URL(this.base.toString());
    const root = url.pathname.replace(/\/+$/, '');
    url.pathname = key ? `${root}/${key}` : root || '/';
    url.search = Object.entries(query)
      .map(([name, value]) => `${encodeRfc3986(name)}=${encodeRfc3986(value)}`)
      .join('&');
    return url;
  }

  /** Sends a request whose body is in memory and reads the whole answer; an error status is thrown. */
  request(req: S3Request): Promise<S3Response> {
    return this.tried(async () => {
      const response = await this.start(req);
      const body = await buffer(response);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status !== 304) throw errorOf(status, body);
      return { status, headers: response.headers, body };
    });
  }

  /**
   * Starts a download and hands back the answer as it arrives, body unread; an error status is thrown. Tried
   * again like `request` until the answer's body starts: nothing has been passed on by then.
   */
  openStream(req: S3Request): Promise<IncomingMessage> {
    return this.tried(async () => {
      const response = await this.start(req);
      const status = response.statusCode ?? 0;
      if (status >= 300) throw errorOf(status, await buffer(response));
      return response;
    });
  }

  private async tried<T>(attempt: () => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries += 1) {
      try {
        return await attempt();
      } catch (error) {
        if (tries >= ATTEMPTS || !isTransient(error)) throw error;
        await sleep(RETRY_DELAY_MS * 2 ** (tries - 1));
      }
    }
  }

  private start(req: S3Request): Promise<IncomingMessage> {
    const url = this.urlOf(req.key, req.query);
    const chunks = req.body === undefined ? [] : Buffer.isBuffer(req.body) ? [req.body] : req.body;
    const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const headers: Record<string, string> = { ...req.headers, host: url.host };
    if (req.body || req.method === 'PUT' || req.method === 'POST') headers['content-length'] = String(length);
    const payloadHash = req.bodySha256?.toString('hex') ?? (length ? sha256Hex(chunks) : EMPTY_SHA256);
    const path = decodeURIComponent(url.pathname);
    const authorization = this.signer.sign({ method: req.method, path, query: req.query ?? {}, headers, payloadHash }, new Date());
    const outgoing: OutgoingHttpHeaders = { ...headers, authorization };
    return new Promise((resolve, reject) => {
      const request = this.send(
        {
          protocol: url.protocol,
          hostname: url.hostname,
          port: url.port,
          method: req.method,
          path: `${encodePath(path)}${url.search}`,
          headers: outgoing,
          agent: this.agent,
          timeout: IDLE_TIMEOUT_MS,
        },
        resolve,
      );
      request.on('timeout', () => request.destroy(Object.assign(new Error('S3 request timed out'), { code: 'ETIMEDOUT' })));
      request.on('error', reject);
      request.cork();
      for (const chunk of chunks) request.write(chunk);
      request.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
