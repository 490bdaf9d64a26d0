import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { Readable } from 'node:stream';
import type { Download } from './download';

/**
 * Sends a download from a route declared with `@Res({ passthrough: true })`: its headers now, then Nest streams
 * the body (and stops reading it when the client goes away).
 */
export function sendDownload(res: Response, download: Download): StreamableFile {
  for (const [name, value] of Object.entries(download.headers)) res.setHeader(name, value);
  const options = { type: download.type, length: download.length, disposition: download.disposition };
  // The same call twice: StreamableFile takes bytes and streams through separate overloads.
  return Buffer.isBuffer(download.content) ? new StreamableFile(download.content, options) : new StreamableFile(download.content, options);
}

/** Sends bytes made for this request whole, from a route that writes its own response (`@Res()`). */
export function sendBytes(res: Response, download: Download & { content: Buffer }): void {
  res.setHeader('Content-Type', download.type);
  res.setHeader('Content-Disposition', download.disposition);
  for (const [name, value] of Object.entries(download.headers)) res.setHeader(name, value);
  res.send(download.content);
}

/**
 * Streams a body made as it is sent (an archive) from a route that writes its own response (`@Res()`): a client
 * that goes away stops the making, and a failure while making it cuts the connection, so a truncated file never
 * looks complete.
 */
export function pipeDownload(res: Response, download: Download & { content: Readable }): void {
  res.setHeader('Content-Type', download.type);
  res.setHeader('Content-Disposition', download.disposition);
  for (const [name, value] of Object.entries(download.headers)) res.setHeader(name, value);
  if (download.length !== undefined) res.setHeader('Content-Length', String(download.length));
  res.on('close', () => {
    if (!res.writableFinished) download.abort?.();
  });
  download.content.on('error', () => res.destroy());
  download.content.pipe(res);
}
