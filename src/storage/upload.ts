import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';

/**
 * An upload as services see it: the body as a stream and its headers. Parsing it (multipart) is the storage
 * feature's; no HTTP request reaches a service, so a job or a command can upload too.
 */
export interface IncomingUpload {
  readonly stream: Readable;
  readonly headers: IncomingHttpHeaders;
  /** Whether the whole body has arrived; a stream that closes before is an aborted upload. */
  isComplete(): boolean;
  /** The rest of the body will not be read: over HTTP the connection closes after the answer. */
  stopReading(): void;
  /** The text fields as read, also when reading failed, so a form can be shown again with them. */
  fieldsRead(fields: Record<string, string>): void;
}

/** An upload from any stream, e.g. a file read by a command; its fields are not kept. */
export function uploadFromStream(stream: Readable, headers: IncomingHttpHeaders): IncomingUpload {
  return {
    stream,
    headers,
    isComplete: () => stream.readableEnded,
    stopReading: () => stream.destroy(),
    fieldsRead: () => undefined,
  };
}

/**
 * The upload of an HTTP request, for controllers. Like a body parser it leaves the text fields in `req.body`, which
 * the error page reads to show the form again with them.
 */
export function uploadFromRequest(req: IncomingMessage & { res?: ServerResponse; body?: unknown }): IncomingUpload {
  return {
    stream: req,
    headers: req.headers,
    isComplete: () => req.complete,
    stopReading: () => {
      if (!req.complete) req.res?.setHeader('Connection', 'close');
    },
    fieldsRead: (fields) => {
      req.body = fields;
    },
  };
}

/** Whether the upload is a multipart form. */
export function isMultipart(headers: IncomingHttpHeaders): boolean {
  return /^\s*multipart\/form-data\s*(;|$)/i.test(headers['content-type'] ?? '');
}
