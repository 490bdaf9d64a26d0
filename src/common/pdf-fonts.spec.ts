import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fullPdfFonts, pdfFontsFor, SUBSET_CHARACTERS, subsetCovers, subsetPdfFonts } from './pdf-fonts';

const LATVIAN = 'āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const locale = (lang: string, file: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'locales', lang, file), 'utf8')) as unknown;

describe('the PDF fonts', () => {
  it('carry every Latvian letter, and the punctuation Latvian and English texts use', () => {
    for (const char of `${LATVIAN}„”“‘’–—…€№·•`) expect(SUBSET_CHARACTERS).toContain(char);
    expect(subsetCovers([`Ģirts Žūriņš-Ķēniņš\n„Projektu vadība” – 2012. gada 5. marts`])).toBe(true);
  });

  it('hold every letter of the fixed words printed on certificates and exam protocols', () => {
    for (const lang of ['lv', 'en']) {
      const texts = [
        ...strings(locale(lang, 'certificatePdf.json')),
        ...strings((locale(lang, 'examSheet.json') as { protocol: unknown }).protocol),
      ];
      expect(texts.length).toBeGreaterThan(10);
      expect(texts.filter((text) => !subsetCovers([text]))).toEqual([]);
    }
  });

  it('fall back to the whole fonts for a letter outside the cut-down set', async () => {
    expect(subsetCovers(['Ольга Петренко'])).toBe(false);
    expect(subsetCovers(['Ελένη'])).toBe(false);
    const fonts = await pdfFontsFor(['Ģirts', 'Ольга']);
    expect(fonts.regular.hasGlyphForCodePoint('Ж'.codePointAt(0)!)).toBe(true);
    expect(fonts.regular.numGlyphs).toBe(fullPdfFonts().regular.numGlyphs);
  });

  it('are cut down once to a small font with a glyph for each Latvian letter', async () => {
    const fonts = await subsetPdfFonts();
    expect(await subsetPdfFonts()).toBe(fonts);
    for (const font of Object.values(fonts)) {
      expect(font.numGlyphs).toBeLessThan(600);
      for (const char of LATVIAN) expect(font.hasGlyphForCodePoint(char.codePointAt(0)!)).toBe(true);
    }
  });

  it('keep each glyph tied to its own letter, whatever a document drew first', async () => {
    const { serifBold } = await subsetPdfFonts();
    // Ķ, Ž and Ģ are built from K, Z and G; embedding them (as pdfkit does at a document's end) reads K, Z and G
    // too, which must not leave those glyphs without their letter for the next document
    const subset = serifBold.createSubset();
    for (const glyph of serifBold.layout('Ķēniņš Žūriņš Ģirts').glyphs) subset.includeGlyph(glyph);
    subset.encode();
    for (const char of 'KZG') {
      const code = char.codePointAt(0)!;
      expect(serifBold.glyphForCodePoint(code).codePoints).toEqual([code]);
    }
  });
});
