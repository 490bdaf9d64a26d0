import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Reading a PDF back as its readers do, with poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm, pdfsig) and
 * zbar-tools (zbarimg), which .ci/run installs.
 */
function withFile<T>(pdf: Buffer, read: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'kursors-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return read(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The text as pdftotext extracts it (`-layout` keeps lines as drawn). */
export const pdfText = (pdf: Buffer, layout = false) =>
  withFile(pdf, (file) => run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-']));

/** The text as one line, each run of spaces and line breaks made a single space: for phrases a layout may wrap. */
export const pdfWords = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, ' ');

/** pdfinfo's fields: Title, Author, Pages, CreationDate, … */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = withFile(pdf, (file) => run('pdfinfo', ['-enc', 'UTF-8', '-isodates', file]));
  return Object.fromEntries(
    out
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => {
        const at = line.indexOf(':');
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      }),
  );
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** The fonts pdffonts lists. */
export function pdfFonts(pdf: Buffer): PdfFont[] {
  const out = withFile(pdf, (file) => run('pdffonts', [file]));
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      const [emb, sub, uni] = cells.slice(-5, -2);
      return { name: cells[0], type: cells.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
    });
}

/** The QR codes zbarimg reads on each page, rendered at `dpi`, in page order. */
export const pdfQrCodes = (pdf: Buffer, dpi = 150): string[] =>
  withFile(pdf, (file, dir) => {
    run('pdftoppm', ['-r', String(dpi), '-png', file, join(dir, 'page')]);
    const pages = readdirSync(dir)
      .filter((name) => name.startsWith('page'))
      .sort()
      .map((name) => join(dir, name));
    return pages.flatMap((page) => {
      try {
        return run('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', page]).split('\n').filter(Boolean);
      } catch (error) {
        // zbarimg exits with 4 when a page holds no code
        if ((error as { status?: number }).status === 4) return [];
        throw error;
      }
    });
  });

/** pdfsig's report of the PDF's signatures. */
export const pdfSignatures = (pdf: Buffer) =>
  withFile(pdf, (file) => {
    try {
      return run('pdfsig', [file]);
    } catch (error) {
      // pdfsig exits non-zero for an invalid signature, still reporting it
      const output = error as { stdout?: string; stderr?: string };
      return `${output.stdout ?? ''}${output.stderr ?? ''}`;
    }
  });

/** How many images pdfimages lists (a picture with transparency counts once, its mask not). */
export const pdfImages = (pdf: Buffer): number =>
  withFile(
    pdf,
    (file) =>
      run('pdfimages', ['-list', file])
        .split('\n')
        .slice(2)
        .filter((line) => line.trim() && !/\bsmask\b/.test(line)).length,
  );
