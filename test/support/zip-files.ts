import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'supertest';

/** unzip (Info-ZIP), the reader most people's tools use, told to print names as UTF-8. */
const unzip = (args: string[]) => execFileSync('unzip', args, { env: { ...process.env, LC_ALL: 'C.UTF-8' }, maxBuffer: 64 * 1024 * 1024 });

/** Streams a response's body into a new file (never whole in memory) and names the file; `onFirstBytes` runs as they come. */
export function saveBody(
  request: Test,
  onFirstBytes?: () => void,
): Promise<{ status: number; headers: Record<string, string>; path: string }> {
  const path = join(mkdtempSync(join(tmpdir(), 'kursors-zip-')), 'download.zip');
  return new Promise((resolve, reject) => {
    request
      .buffer(true)
      .parse((response, done) => {
        const out = createWriteStream(path);
        if (onFirstBytes) response.once('data', onFirstBytes);
        response.pipe(out);
        out.on('finish', () => done(null, null));
        out.on('error', (error) => done(error, null));
      })
      .then((res) => resolve({ status: res.status, headers: res.headers as Record<string, string>, path }), reject);
  });
}

/** The entry names of a ZIP file, as unzip lists them. */
export function zipNames(path: string): string[] {
  return unzip(['-Z1', path]).toString('utf8').split('\n').filter(Boolean);
}

/** One entry's bytes, as unzip extracts them (its name taken literally, not as a pattern). */
export function zipEntry(path: string, name: string): Buffer {
  return unzip(['-p', path, name.replace(/[[\]*?\\]/g, (c) => `\\${c}`)]);
}

/** unzip's own check of every entry's CRC: throws when the archive is damaged. */
export function zipTest(path: string): string {
  return unzip(['-tq', path]).toString('utf8');
}
