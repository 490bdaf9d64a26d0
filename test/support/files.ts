import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32, deflateSync } from 'node:zlib';
import { ZipFile } from 'yazl';

/** Small real files of each kind, made in memory. */

export const pdfBytes = () =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );

/** A real JPEG logo, 340×120 pixels. */
export const jpegLogo = () => readFileSync(join(__dirname, '..', 'fixtures', 'funder-logo.jpg'));

/** A 1×1 transparent PNG. */
export const pngBytes = () =>
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export const jpegBytes = () =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64, 1), Buffer.from([0xff, 0xd9])]);

export const windowsExecutable = () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200, 7)]);
export const elfExecutable = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(100)]);
export const shellScript = () => Buffer.from('#!/bin/sh\nrm -rf --no-preserve-root /\n');

export type ZipEntries = Record<string, Buffer | string>;

export interface ZipOptions {
  /** Store the entries uncompressed (OpenDocument keeps `mimetype` so). */
  store?: string[];
}

export function zipBytes(entries: ZipEntries, options: ZipOptions = {}): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, content] of Object.entries(entries)) {
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name, { compress: !options.store?.includes(name) });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

export const docxBytes = (extra: ZipEntries = {}) =>
  zipBytes({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': '<Relationships/>',
    'word/document.xml': '<w:document>Sveiki, pasaule! Ā Č Ē</w:document>',
    ...extra,
  });
export const xlsxBytes = () => zipBytes({ '[Content_Types].xml': CONTENT_TYPES, 'xl/workbook.xml': '<workbook/>' });
export const pptxBytes = () => zipBytes({ '[Content_Types].xml': CONTENT_TYPES, 'ppt/presentation.xml': '<p:presentation/>' });
export const odtBytes = () =>
  zipBytes(
    {
      mimetype: 'application/vnd.oasis.opendocument.text',
      'content.xml': '<office:document-content/>',
      'META-INF/manifest.xml': '<manifest/>',
    },
    { store: ['mimetype'] },
  );

/** Replaces a same-length name inside an archive (local header and central directory alike). */
export function renameEntry(zip: Buffer, from: string, to: string): Buffer {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('Names must be the same length');
  const out = Buffer.from(zip);
  const needle = Buffer.from(from);
  let at = out.indexOf(needle);
  while (at !== -1) {
    Buffer.from(to).copy(out, at);
    at = out.indexOf(needle, at + needle.length);
  }
  return out;
}

/** A ZIP of one entry of `size` zeros (an archive bomb when large), streamed in so the test never holds it whole. */
export function zerosZip(size: number, entryName = 'nulles.bin'): Promise<Buffer> {
  const MiB = 1024 * 1024;
  const zip = new ZipFile();
  const chunk = Buffer.alloc(MiB);
  zip.addReadStream(
    Readable.from(
      (function* () {
        for (let sent = 0; sent < size; sent += MiB) yield chunk;
      })(),
    ),
    entryName,
  );
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A logo-like PNG drawn in memory: a coloured disc ringed by twelve small discs (like the EU emblem) beside bars,
 * on a transparent background when `alpha`, with a little noise so it compresses like a real picture.
 */
export function logoPng(width: number, height: number, options: { hue?: [number, number, number]; alpha?: boolean } = {}): Buffer {
  const [r, g, b] = options.hue ?? [0, 51, 153];
  const channels = options.alpha ? 4 : 3;
  const raw = Buffer.alloc((width * channels + 1) * height);
  const cx = height / 2;
  const cy = height / 2;
  const radius = height * 0.42;
  let seed = width * 31 + height;
  for (let y = 0; y < height; y++) {
    const row = y * (width * channels + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      const dy = y - cy;
      const inDisc = dx * dx + dy * dy < radius * radius;
      let star = false;
      for (let k = 0; k < 12 && !star; k++) {
        const sx = cx + Math.cos((k * Math.PI) / 6) * radius * 0.7;
        const sy = cy + Math.sin((k * Math.PI) / 6) * radius * 0.7;
        star = (x - sx) ** 2 + (y - sy) ** 2 < (radius * 0.09) ** 2;
      }
      const bar = x > height * 1.2 && (Math.floor(y / (height / 7)) % 2 === 0 || x < height * 1.3);
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed >> 16) % 6;
      const at = row + 1 + x * channels;
      const ink = star ? [255, 204, 0] : inDisc || bar ? [r, g, b] : [255, 255, 255];
      raw[at] = Math.min(255, ink[0] + noise);
      raw[at + 1] = Math.min(255, ink[1] + noise);
      raw[at + 2] = Math.min(255, ink[2] + noise);
      if (options.alpha) raw[at + 3] = star || inDisc || bar ? 255 : 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = options.alpha ? 6 : 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
