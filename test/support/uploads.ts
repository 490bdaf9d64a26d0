import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh UPLOAD_DIR for one test file; set before the app starts. */
export function useTemporaryUploadDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kursors-uploads-'));
  process.env.UPLOAD_DIR = dir;
  return dir;
}

/** Every file under the upload directory, temporaries included. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

/**
 * How a client names the file: `raw`, UTF-8 inside `filename="…"` with only `"`, CR and LF percent-encoded, as
 * browsers do; `extended`, RFC 5987 `filename*=UTF-8''…` alone, as some HTTP libraries do.
 */
export type FileNameEncoding = 'raw' | 'extended';

function dispositionName(name: string, encoding: FileNameEncoding): string {
  if (encoding === 'extended') return `filename*=UTF-8''${encodeURIComponent(name)}`;
  return `filename="${name.replace(/["\r\n]/g, (c) => encodeURIComponent(c))}"`;
}

/** A multipart/form-data body written by hand, for file names a client library would tidy up. */
export function multipartBody(
  fields: Record<string, string>,
  file?: { field: string; filename: string; content: Buffer; type?: string; nameEncoding?: FileNameEncoding },
) {
  const boundary = `----kursors${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; ${dispositionName(file.filename, file.nameEncoding ?? 'raw')}\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
