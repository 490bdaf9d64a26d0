import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';
import { XMLParser } from 'fast-xml-parser';
import { S3Signer } from '../../src/storage/s3-signature';

/**
 * An S3-compatible server for tests, in process and in memory, written from AWS's S3 API reference for the
 * calls the storage driver makes: PutObject, GetObject (with Range), HeadObject, DeleteObject, ListObjectsV2,
 * the multipart calls and ListMultipartUploads. It is strict where S3 is: a request must be signed with
 * Signature Version 4 and its body must match the signed SHA-256; a body whose `x-amz-checksum-sha256` does
 * not match is refused (BadDigest); parts but the last must be at least 5 MiB; an upload that declared SHA-256
 * must name each part's checksum. Hooks let a test break it in the ways a real service or network breaks.
 *
 * No S3 server from npm did all of this on Node 20 (s3rver ignores checksums and cannot list uploads).
 */

const MiB = 1024 * 1024;

interface StoredObject {
  body: Buffer;
  modified: Date;
  etag: string;
  checksum?: string;
  checksumType?: 'FULL_OBJECT' | 'COMPOSITE';
}

interface Part {
  body: Buffer;
  etag: string;
  checksum?: string;
}

interface Upload {
  key: string;
  id: string;
  initiated: Date;
  sha256: boolean;
  parts: Map<number, Part>;
}

export interface S3TestServerOptions {
  bucket?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message = code,
  ) {
    super(message);
  }
}

const md5 = (body: Buffer) => `"${createHash('md5').update(body).digest('hex')}"`;
const sha256 = (body: Buffer) => createHash('sha256').update(body).digest();
const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'Part' });

function parseAmzDate(value: string | undefined): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

export class S3TestServer {
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly objects = new Map<string, StoredObject>();
  readonly uploads = new Map<string, Upload>();
  /** Every request that passed the signature check: method, key, query names, and whether it named a checksum. */
  readonly requests: { method: string; key: string; query: string[]; checksum: boolean }[] = [];
  /** Most entries in one page of a listing. */
  pageSize = 1000;
  minPartSize = 5 * MiB;
  /** Called with each part as it arrives: the upload's key, the part's number and size. */
  onPart?: (key: string, number: number, size: number) => void;
  /** The next requests answered with this status and no other effect. */
  private failures: number[] = [];
  private corruptions = 0;
  private tamperings = 0;
  private cuts = 0;
  keepsChecksums = true;
  private server?: Server;
  private readonly signer: S3Signer;

  constructor(options: S3TestServerOptions = {}) {
    this.bucket = options.bucket ?? 'kursors-test';
    this.region = options.region ?? 'eu-north-1';
    this.accessKeyId = options.accessKeyId ?? 'TESTACCESSKEY';
    this.secretAccessKey = options.secretAccessKey ?? 'test-secret-access-key-0123456789';
    this.signer = new S3Signer(this);
  }

  get endpoint(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  /** The settings that point the platform's s3 driver here. */
  get env(): Record<string, string> {
    return {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: this.endpoint,
      S3_REGION: this.region,
      S3_BUCKET: this.bucket,
      S3_ACCESS_KEY_ID: this.accessKeyId,
      S3_SECRET_ACCESS_KEY: this.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `count` requests fail with `status` (503: SlowDown), as an overloaded service does. */
  failNext(count: number, status = 503): void {
    this.failures.push(...Array<number>(count).fill(status));
  }

  /** The next body arrives with one byte changed, as a faulty network would deliver it. */
  corruptNextBody(): void {
    this.corruptions += 1;
  }

  /** The next object written whole is kept with one byte changed, its checksum taken from what is kept. */
  tamperNextObject(): void {
    this.tamperings += 1;
  }

  /** The next download is cut off half-way, after its headers promised the whole. */
  cutNextDownload(): void {
    this.cuts += 1;
  }

  /** Makes an object look `ms` older. */
  age(key: string, ms: number): void {
    const object = this.objects.get(key);
    if (!object) throw new Error(`No object ${key}`);
    object.modified = new Date(object.modified.getTime() - ms);
  }

  /** What a write cut off by a crash leaves: an upload of `key` begun `ms` ago with one part, never finished. */
  leaveUpload(key: string, ms: number): void {
    const body = Buffer.from('half a file');
    const upload: Upload = {
      key,
      id: randomBytes(12).toString('hex'),
      initiated: new Date(Date.now() - ms),
      sha256: false,
      parts: new Map(),
    };
    upload.parts.set(1, { body, etag: md5(body) });
    this.uploads.set(upload.id, upload);
  }

  /** An object written by someone else, straight into the bucket. */
  putDirect(key: string, body: Buffer): void {
    this.objects.set(key, { body, modified: new Date(), etag: md5(body) });
  }

  /** The names of every object and of every unfinished upload (`<key> (upload)`). */
  names(): string[] {
    return [...this.objects.keys(), ...[...this.uploads.values()].map((upload) => `${upload.key} (upload)`)];
  }

  private lastDigest?: { body: Buffer; digest: Buffer };

  /** The SHA-256 of a request's body, worked out once for the signature check and the checksum check. */
  private digestOf(body: Buffer): Buffer {
    if (this.lastDigest?.body !== body) this.lastDigest = { body, digest: sha256(body) };
    return this.lastDigest.digest;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      let body = await buffer(req);
      if (this.corruptions && body.length) {
        this.corruptions -= 1;
        body = Buffer.from(body);
        body[body.length >> 1] ^= 0xff;
      }
      const url = new URL(req.url ?? '/', 'http://s3.test');
      const query = Object.fromEntries(url.searchParams);
      const path = decodeURIComponent(url.pathname);
      this.authenticate(req, path, query, body);
      const [, bucket, ...rest] = path.split('/');
      const key = rest.join('/');
      this.requests.push({ method: req.method ?? '', key, query: Object.keys(query), checksum: 'x-amz-checksum-sha256' in req.headers });
      const failure = this.failures.shift();
      if (failure) throw new S3Error(failure, failure === 503 ? 'SlowDown' : 'InternalError');
      if (bucket !== this.bucket) throw new S3Error(404, 'NoSuchBucket');
      if (!key) return this.onBucket(req, res, query);
      await this.onObject(req, res, key, query, body);
    } catch (error) {
      const e = error instanceof S3Error ? error : new S3Error(500, 'InternalError', String(error));
      res.writeHead(e.status, { 'content-type': 'application/xml' });
      res.end(
        req.method === 'HEAD'
          ? undefined
          : `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${e.code}</Code><Message>${escape(e.message)}</Message></Error>`,
      );
    }
  }

  /** Checks the Signature Version 4 Authorization header and that the body is the one signed. */
  private authenticate(req: IncomingMessage, path: string, query: Record<string, string>, body: Buffer): void {
    const auth =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request,\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]{64})$/.exec(
        req.headers.authorization ?? '',
      );
    if (!auth) throw new S3Error(403, 'AccessDenied', 'Unsigned request');
    const [, accessKeyId, , region, signed, signature] = auth;
    if (accessKeyId !== this.accessKeyId) throw new S3Error(403, 'InvalidAccessKeyId');
    if (region !== this.region) throw new S3Error(400, 'AuthorizationHeaderMalformed', `Region should be ${this.region}`);
    const date = parseAmzDate(req.headers['x-amz-date'] as string | undefined);
    if (!date || Math.abs(date.getTime() - Date.now()) > 15 * 60_000) throw new S3Error(403, 'RequestTimeTooSkewed');
    const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
    if (payloadHash !== this.digestOf(body).toString('hex')) throw new S3Error(400, 'XAmzContentSHA256Mismatch');
    const names = signed.split(';');
    if (!names.includes('host') || !names.includes('x-amz-date') || !names.includes('x-amz-content-sha256')) {
      throw new S3Error(403, 'AccessDenied', 'host, x-amz-date and x-amz-content-sha256 must be signed');
    }
    const headers = Object.fromEntries(
      names
        .filter((name) => name !== 'x-amz-date' && name !== 'x-amz-content-sha256')
        .map((name) => [name, String(req.headers[name] ?? '')]),
    );
    const expected = this.signer.sign({ method: req.method ?? '', path, query, headers, payloadHash }, date);
    if (!expected.endsWith(`Signature=${signature}`)) throw new S3Error(403, 'SignatureDoesNotMatch');
  }

  private onBucket(req: IncomingMessage, res: ServerResponse, query: Record<string, string>): void {
    if (req.method !== 'GET') throw new S3Error(405, 'MethodNotAllowed');
    if ('uploads' in query) return this.listUploads(res, query);
    if (query['list-type'] !== '2') throw new S3Error(501, 'NotImplemented');
    const limit = Math.min(this.pageSize, Number(query['max-keys'] ?? 1000));
    const after = query['continuation-token'] ? Buffer.from(query['continuation-token'], 'base64').toString('utf8') : '';
    const keys = [...this.objects.keys()].filter((key) => key > after).sort();
    const page = keys.slice(0, limit);
    const truncated = keys.length > limit;
    const contents = page
      .map((key) => {
        const object = this.objects.get(key)!;
        return `<Contents><Key>${escape(key)}</Key><LastModified>${object.modified.toISOString()}</LastModified><ETag>${escape(object.etag)}</ETag><Size>${object.body.length}</Size></Contents>`;
      })
      .join('');
    const next = truncated ? `<NextContinuationToken>${Buffer.from(page[page.length - 1]).toString('base64')}</NextContinuationToken>` : '';
    xmlAnswer(
      res,
      `<ListBucketResult><Name>${this.bucket}</Name><KeyCount>${page.length}</KeyCount><IsTruncated>${truncated}</IsTruncated>${next}${contents}</ListBucketResult>`,
    );
  }

  private listUploads(res: ServerResponse, query: Record<string, string>): void {
    const marker = [query['key-marker'] ?? '', query['upload-id-marker'] ?? ''];
    const all = [...this.uploads.values()]
      .sort((a, b) => (a.key === b.key ? (a.id < b.id ? -1 : 1) : a.key < b.key ? -1 : 1))
      .filter((upload) => upload.key > marker[0] || (upload.key === marker[0] && marker[1] !== '' && upload.id > marker[1]));
    const page = all.slice(0, this.pageSize);
    const truncated = all.length > page.length;
    const last = page[page.length - 1];
    const next = truncated ? `<NextKeyMarker>${escape(last.key)}</NextKeyMarker><NextUploadIdMarker>${last.id}</NextUploadIdMarker>` : '';
    const uploads = page
      .map(
        (upload) =>
          `<Upload><Key>${escape(upload.key)}</Key><UploadId>${upload.id}</UploadId><Initiated>${upload.initiated.toISOString()}</Initiated></Upload>`,
      )
      .join('');
    xmlAnswer(
      res,
      `<ListMultipartUploadsResult><Bucket>${this.bucket}</Bucket><IsTruncated>${truncated}</IsTruncated>${next}${uploads}</ListMultipartUploadsResult>`,
    );
  }

  private async onObject(
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    query: Record<string, string>,
    body: Buffer,
  ): Promise<void> {
    switch (req.method) {
      case 'PUT':
        if ('uploadId' in query) return this.uploadPart(req, res, key, query, body);
        return this.putObject(req, res, key, body);
      case 'POST':
        if ('uploads' in query) return this.createUpload(req, res, key);
        if ('uploadId' in query) return this.completeUpload(res, key, query.uploadId, body);
        throw new S3Error(405, 'MethodNotAllowed');
      case 'DELETE':
        if ('uploadId' in query) {
          if (!this.uploads.delete(query.uploadId)) throw new S3Error(404, 'NoSuchUpload');
        } else {
          this.objects.delete(key);
        }
        res.writeHead(204).end();
        return;
      case 'GET':
      case 'HEAD':
        return this.getObject(req, res, key);
      default:
        throw new S3Error(405, 'MethodNotAllowed');
    }
  }

  /** The body's SHA-256 checked against `x-amz-checksum-sha256`, if sent; the checksum, base64. */
  private checkedChecksum(req: IncomingMessage, body: Buffer): string | undefined {
    const claimed = req.headers['x-amz-checksum-sha256'];
    if (claimed === undefined) return undefined;
    const actual = this.digestOf(body).toString('base64');
    if (claimed !== actual) throw new S3Error(400, 'BadDigest', 'The SHA256 you specified did not match the calculated checksum.');
    return actual;
  }

  private putObject(req: IncomingMessage, res: ServerResponse, key: string, received: Buffer): void {
    let checksum = this.checkedChecksum(req, received);
    let body = received;
    if (this.tamperings && body.length) {
      this.tamperings -= 1;
      body = Buffer.from(body);
      body[0] ^= 0x01;
      if (checksum) checksum = sha256(body).toString('base64');
    }
    const object: StoredObject = { body, modified: new Date(), etag: md5(body) };
    if (checksum && this.keepsChecksums) Object.assign(object, { checksum, checksumType: 'FULL_OBJECT' });
    this.objects.set(key, object);
    res.writeHead(200, { etag: object.etag, ...(object.checksum ? { 'x-amz-checksum-sha256': object.checksum } : {}) }).end();
  }

  private createUpload(req: IncomingMessage, res: ServerResponse, key: string): void {
    const algorithm = req.headers['x-amz-checksum-algorithm'];
    if (algorithm !== undefined && algorithm !== 'SHA256') throw new S3Error(501, 'NotImplemented', `Checksum ${String(algorithm)}`);
    const upload: Upload = {
      key,
      id: randomBytes(12).toString('hex'),
      initiated: new Date(),
      sha256: algorithm === 'SHA256',
      parts: new Map(),
    };
    this.uploads.set(upload.id, upload);
    xmlAnswer(
      res,
      `<InitiateMultipartUploadResult><Bucket>${this.bucket}</Bucket><Key>${escape(key)}</Key><UploadId>${upload.id}</UploadId></InitiateMultipartUploadResult>`,
    );
  }

  private uploadPart(req: IncomingMessage, res: ServerResponse, key: string, query: Record<string, string>, body: Buffer): void {
    const upload = this.uploads.get(query.uploadId);
    if (!upload || upload.key !== key) throw new S3Error(404, 'NoSuchUpload');
    const number = Number(query.partNumber);
    if (!Number.isInteger(number) || number < 1 || number > 10_000)
      throw new S3Error(400, 'InvalidArgument', 'Part number must be 1-10000');
    const checksum = this.checkedChecksum(req, body);
    if (upload.sha256 && !checksum)
      throw new S3Error(400, 'InvalidRequest', 'The upload was started with SHA256: each part must name its checksum');
    this.onPart?.(key, number, body.length);
    const part: Part = { body, etag: md5(body), checksum };
    upload.parts.set(number, part);
    res.writeHead(200, { etag: part.etag, ...(checksum ? { 'x-amz-checksum-sha256': checksum } : {}) }).end();
  }

  private completeUpload(res: ServerResponse, key: string, id: string, body: Buffer): void {
    const upload = this.uploads.get(id);
    if (!upload || upload.key !== key) throw new S3Error(404, 'NoSuchUpload');
    const listed = (
      parser.parse(body.toString('utf8')) as {
        CompleteMultipartUpload?: { Part?: { PartNumber: string; ETag: string; ChecksumSHA256?: string }[] };
      }
    ).CompleteMultipartUpload?.Part;
    if (!listed?.length) throw new S3Error(400, 'MalformedXML');
    const parts: Part[] = [];
    for (const [i, entry] of listed.entries()) {
      const number = Number(entry.PartNumber);
      const part = upload.parts.get(number);
      if (i > 0 && number <= Number(listed[i - 1].PartNumber)) throw new S3Error(400, 'InvalidPartOrder');
      if (!part || part.etag !== entry.ETag) throw new S3Error(400, 'InvalidPart', `Part ${number}`);
      if (upload.sha256 && entry.ChecksumSHA256 !== part.checksum) throw new S3Error(400, 'InvalidPart', `Checksum of part ${number}`);
      if (i < listed.length - 1 && part.body.length < this.minPartSize) throw new S3Error(400, 'EntityTooSmall', `Part ${number}`);
      parts.push(part);
    }
    const content = Buffer.concat(parts.map((part) => part.body));
    const etag = `"${createHash('md5')
      .update(Buffer.concat(parts.map((part) => Buffer.from(part.etag.replace(/"/g, ''), 'hex'))))
      .digest('hex')}-${parts.length}"`;
    const object: StoredObject = { body: content, modified: new Date(), etag };
    if (upload.sha256 && this.keepsChecksums) {
      const composite = sha256(Buffer.concat(parts.map((part) => Buffer.from(part.checksum!, 'base64')))).toString('base64');
      Object.assign(object, { checksum: `${composite}-${parts.length}`, checksumType: 'COMPOSITE' });
    }
    this.uploads.delete(id);
    this.objects.set(key, object);
    const checksum = object.checksum ? `<ChecksumSHA256>${object.checksum}</ChecksumSHA256>` : '';
    xmlAnswer(
      res,
      `<CompleteMultipartUploadResult><Bucket>${this.bucket}</Bucket><Key>${escape(key)}</Key><ETag>${escape(etag)}</ETag>${checksum}</CompleteMultipartUploadResult>`,
    );
  }

  private getObject(req: IncomingMessage, res: ServerResponse, key: string): void {
    const object = this.objects.get(key);
    if (!object) throw new S3Error(404, 'NoSuchKey');
    const headers: Record<string, string> = {
      'content-type': 'application/octet-stream',
      etag: object.etag,
      'last-modified': object.modified.toUTCString(),
      'accept-ranges': 'bytes',
    };
    if (req.headers['x-amz-checksum-mode'] === 'ENABLED' && object.checksum) {
      headers['x-amz-checksum-sha256'] = object.checksum;
      headers['x-amz-checksum-type'] = object.checksumType!;
    }
    let content = object.body;
    let status = 200;
    const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers.range ?? ''));
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : object.body.length - 1, object.body.length - 1);
      if (start >= object.body.length || end < start) throw new S3Error(416, 'InvalidRange');
      content = object.body.subarray(start, end + 1);
      headers['content-range'] = `bytes ${start}-${end}/${object.body.length}`;
      status = 206;
    }
    headers['content-length'] = String(content.length);
    res.writeHead(status, headers);
    if (req.method === 'HEAD') return void res.end();
    if (this.cuts) {
      this.cuts -= 1;
      res.write(content.subarray(0, content.length >> 1), () => res.destroy());
      return;
    }
    res.end(content);
  }
}

function xmlAnswer(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>${body}`);
}

/** A started server; stop it when done. */
export function startS3Server(options?: S3TestServerOptions): Promise<S3TestServer> {
  return new S3TestServer(options).start();
}
