import { randomBytes } from 'node:crypto';
import { request } from 'node:http';

const CHUNK_BYTES = 64 * 1024;
const PADDING = Buffer.alloc(CHUNK_BYTES, 0x20);
const PDF_HEAD = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n', 'latin1');
const PDF_TAIL = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** A multipart/form-data body of one PDF of exactly `fileBytes`, produced chunk by chunk as the socket takes it. */
export interface PdfForm {
  contentType: string;
  length: number;
  chunks(): Generator<Buffer>;
}

export function pdfForm(fileBytes: number, field = 'files', fileName = 'projekta-pieteikums.pdf'): PdfForm {
  const boundary = `----kursors-bench-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const padding = fileBytes - PDF_HEAD.length - PDF_TAIL.length;
  if (padding < 0) throw new Error(`a PDF needs at least ${PDF_HEAD.length + PDF_TAIL.length} bytes`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: head.length + fileBytes + tail.length,
    *chunks() {
      yield head;
      yield PDF_HEAD;
      for (let left = padding; left > 0; left -= CHUNK_BYTES) yield left >= CHUNK_BYTES ? PADDING : PADDING.subarray(0, left);
      yield PDF_TAIL;
      yield tail;
    },
  };
}

export interface Sent {
  status: number;
  body: string;
  bytes: number;
}

/** POSTs the form, writing each chunk only when the socket has room for it, so the sender never holds the body. */
export function sendForm(url: string, form: PdfForm, headers: Record<string, string> = {}): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-type': form.contentType, 'content-length': String(form.length) } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), bytes: form.length }));
      res.once('error', reject);
    });
    req.once('error', reject);
    const chunks = form.chunks();
    const write = () => {
      for (let next = chunks.next(); !next.done; next = chunks.next()) {
        if (!req.write(next.value)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}
