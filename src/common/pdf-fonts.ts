import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import subsetFont from 'subset-font';

/**
 * The fonts of every PDF the platform makes: DejaVu, because the 14 standard PDF fonts have no ā, č, ē, ģ, ī, ķ,
 * ļ, ņ, š, ū, ž. Two things make a PDF fast to build:
 *
 * - each font is parsed once per process and the parsed font is handed to every document (pdfkit otherwise parses
 *   and lays out the TTF again for each document);
 * - the fonts are cut down once, when first needed, to the characters of Latin-1, Latin Extended-A (every Latvian,
 *   Lithuanian, Estonian, Polish and Czech letter) and common punctuation, so each document embeds and lays out a
 *   font of about 35 KB instead of 750 KB.
 *
 * A text with a character outside that set (a Cyrillic or Greek name, say) gets the whole fonts instead: slower,
 * never a missing letter.
 */
export type PdfFontName = 'regular' | 'bold' | 'serif' | 'serifBold';

const FILES: Record<PdfFontName, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  serif: 'DejaVuSerif.ttf',
  serifBold: 'DejaVuSerif-Bold.ttf',
};
const NAMES = Object.keys(FILES) as PdfFontName[];

function range(from: number, to: number): string {
  let text = '';
  for (let code = from; code <= to; code++) text += String.fromCodePoint(code);
  return text;
}

/** Every character the cut-down fonts carry. */
export const SUBSET_CHARACTERS =
  range(0x20, 0x7e) +
  range(0xa0, 0x17f) +
  // dashes, quotes (including the Latvian „…”), daggers, bullet, ellipsis, per mille, angle quotes
  '\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a' +
  // euro, numero, trade mark, minus, less/greater or equal, not equal, multiplication dot
  '\u20ac\u2116\u2122\u2212\u2264\u2265\u2260\u22c5';

const SUBSET = new Set(Array.from(SUBSET_CHARACTERS, (c) => c.codePointAt(0)!));

/** Whether the cut-down fonts can draw every character of the texts (line breaks and tabs count as drawable). */
export function subsetCovers(texts: Iterable<string>): boolean {
  for (const text of texts) {
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (code >= 0x20 && !SUBSET.has(code)) return false;
    }
  }
  return true;
}

export type PdfFontSet = Record<PdfFontName, fontkit.Font>;

function fontFile(name: PdfFontName): Buffer {
  return readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FILES[name]}`));
}

/**
 * Parses a font shared by every document and gives each of its glyphs, in code point order, the character it draws. fontkit keeps a glyph
 * with the characters it was first asked for, and pdfkit writes those into the PDF's text map; a glyph first met as
 * part of an accented letter (K inside Ķ) would otherwise carry no character, and every later document sharing
 * the font would lose that letter from its searchable text.
 */
function parseShared(data: Buffer): fontkit.Font {
  const font = fontkit.create(data) as fontkit.Font;
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) font.glyphForCodePoint(codePoint);
  return font;
}

let subsetFonts: Promise<PdfFontSet> | undefined;
let fullFiles: Record<PdfFontName, Buffer> | undefined;

async function cutDown(): Promise<PdfFontSet> {
  const entries = await Promise.all(
    NAMES.map(async (name) => {
      // Hinting only helps screens at small sizes without anti-aliasing; without it each font is a third smaller.
      const data = await subsetFont(fontFile(name), SUBSET_CHARACTERS, { targetFormat: 'sfnt', noHinting: true });
      return [name, parseShared(data)] as const;
    }),
  );
  return Object.fromEntries(entries) as PdfFontSet;
}

/** The cut-down fonts, made on first use and kept for the life of the process. */
export function subsetPdfFonts(): Promise<PdfFontSet> {
  subsetFonts ??= cutDown().catch((error: unknown) => {
    subsetFonts = undefined;
    throw error;
  });
  return subsetFonts;
}

/**
 * The whole DejaVu fonts, parsed afresh for each document that needs them (rare): giving each of their thousands
 * of glyphs its character up front, as the cut-down fonts do, would take seconds.
 */
export function fullPdfFonts(): PdfFontSet {
  fullFiles ??= Object.fromEntries(NAMES.map((name) => [name, fontFile(name)])) as Record<PdfFontName, Buffer>;
  const files = fullFiles;
  return Object.fromEntries(NAMES.map((name) => [name, fontkit.create(files[name]) as fontkit.Font])) as PdfFontSet;
}

/** The fonts for a document showing these texts: the cut-down ones when they hold every character. */
export async function pdfFontsFor(texts: Iterable<string>): Promise<PdfFontSet> {
  return subsetCovers(texts) ? subsetPdfFonts() : fullPdfFonts();
}

/**
 * A pdfkit document using these fonts, registered under their names (`regular`, `bold`, `serif`, `serifBold`), and
 * its bytes once `end()` is called. Only the fonts a document uses are embedded, each as a subset of the glyphs it
 * draws. `regular` is also the starting font, so pdfkit does not load its built-in Helvetica for every document.
 */
export function openPdf(fonts: PdfFontSet, options: PDFKit.PDFDocumentOptions): { pdf: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  // pdfkit takes an already parsed fontkit font (anything with `layout`); its types only list files and bytes.
  const parsed = (name: PdfFontName) => fonts[name] as unknown as string;
  const pdf = new PDFDocument({ ...options, font: parsed('regular') });
  for (const name of NAMES) pdf.registerFont(name, parsed(name));
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  return { pdf, bytes };
}
