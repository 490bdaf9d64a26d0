import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import PNG from 'png-js';

/**
 * Pictures drawn in many PDFs (a funder's logos on every certificate). pdfkit copies a plain PNG's or a JPEG's
 * compressed data as it is, which costs nothing; but a PNG with transparency, a palette with transparent entries or
 * interlacing it decodes and compresses again in every document, a few milliseconds each. Those are decoded once
 * here, kept compressed (colour and transparency apart, as PDF wants them), and handed to each document ready.
 */
export type PdfPicture = Buffer | PreparedPicture;

/** Image types a PDF can carry: pdfkit reads PNG and JPEG only (a programme may also have a WebP logo). */
export const PDF_IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg']);

interface Prepared {
  width: number;
  height: number;
  color: Buffer;
  /** The transparency as a grey image, or null when every pixel is opaque. */
  alpha: Buffer | null;
}

const KEPT = 32;
const prepared = new Map<string, Promise<Prepared | null>>();

/**
 * Bytes pdfkit can draw as they are, or the picture prepared once for every document, named `label` in this one.
 * Throws when the bytes are not a readable PNG.
 */
export async function pdfPicture(bytes: Buffer, label: string): Promise<PdfPicture> {
  if (!isPng(bytes)) return bytes;
  const key = createHash('sha1').update(bytes).digest('base64');
  let entry = prepared.get(key);
  if (!entry) {
    entry = prepare(bytes);
    if (prepared.size >= KEPT) prepared.delete(prepared.keys().next().value!);
    prepared.set(key, entry);
    entry.catch(() => prepared.delete(key));
  }
  const picture = await entry;
  return picture ? new PreparedPicture(picture, label) : bytes;
}

function isPng(bytes: Buffer): boolean {
  return bytes.length > 8 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.readUInt32BE(4) === 0x0d0a1a0a;
}

/** Null when pdfkit's own way is as cheap (or the only right one: 16-bit channels, a colour-key mask). */
async function prepare(bytes: Buffer): Promise<Prepared | null> {
  const png = new PNG(bytes);
  const costly = png.hasAlphaChannel || png.transparency.indexed !== undefined || png.interlaceMethod === 1;
  if (!costly || png.bits !== 8) return null;
  const rgba = await new Promise<Uint8Array>((resolve, reject) => {
    try {
      png.decode(resolve);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  const pixels = png.width * png.height;
  if (rgba.length !== pixels * 4) throw new Error('PNG pixels do not match its size');
  const color = Buffer.alloc(pixels * 3);
  const alpha = Buffer.alloc(pixels);
  let opaque = true;
  for (let i = 0; i < pixels; i++) {
    color[i * 3] = rgba[i * 4];
    color[i * 3 + 1] = rgba[i * 4 + 1];
    color[i * 3 + 2] = rgba[i * 4 + 2];
    alpha[i] = rgba[i * 4 + 3];
    if (alpha[i] !== 255) opaque = false;
  }
  return { width: png.width, height: png.height, color: deflateSync(color), alpha: opaque ? null : deflateSync(alpha) };
}

/**
 * What pdfkit's `image()` accepts besides bytes: something with a size that embeds itself in a document once.
 * A new one is made for every document, so each gets its own PDF objects.
 */
export class PreparedPicture {
  readonly width: number;
  readonly height: number;
  obj: PDFKit.PDFKitReference | null = null;

  constructor(
    private readonly picture: Prepared,
    /** The picture's name inside the document, unique in it (pdfkit names its own `I1`, `I2`, …). */
    readonly label: string,
  ) {
    this.width = picture.width;
    this.height = picture.height;
  }

  embed(document: PDFKit.PDFDocument): void {
    if (this.obj) return;
    const { width, height, color, alpha } = this.picture;
    const image = { Type: 'XObject', Subtype: 'Image', BitsPerComponent: 8, Width: width, Height: height, Filter: 'FlateDecode' };
    const obj = document.ref({ ...image, ColorSpace: 'DeviceRGB' });
    if (alpha) {
      const mask = document.ref({ ...image, ColorSpace: 'DeviceGray', Decode: [0, 1] });
      mask.end(alpha);
      (obj.data as Record<string, unknown>).SMask = mask;
    }
    obj.end(color);
    this.obj = obj;
  }
}
