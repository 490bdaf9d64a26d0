import type { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import { extensionOf } from './file-names';
import type { ByteRange } from './storage-driver';

export interface ZipLimits {
  /** Entries in all levels together. */
  maxEntries: number;
  /** Declared uncompressed size of all entries in all levels together. */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed size allowed for an entry larger than 1 MiB. */
  maxCompressionRatio: number;
  /** Archives inside archives: 1 lets a ZIP hold a ZIP, but not a ZIP holding another. */
  maxDepth: number;
  /** A nested ZIP is read into memory to look inside; a larger one is refused. */
  maxNestedArchiveBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 250,
  maxDepth: 2,
  maxNestedArchiveBytes: 32 * 1024 * 1024,
};

export type ZipProblem = 'corrupt' | 'tooManyEntries' | 'tooLarge' | 'compressionRatio' | 'unsafePath' | 'nestedTooDeep';

export class UnsafeZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    readonly detail = '',
  ) {
    super(`Unsafe ZIP archive (${problem})${detail ? `: ${detail}` : ''}`);
    this.name = 'UnsafeZipError';
  }
}

export interface ZipInspection {
  /** Names of the top-level entries. */
  entryNames: string[];
  /** Content of a small top-level `mimetype` entry (OpenDocument), if there is one. */
  mimetype: string | null;
  /** Entries in all levels. */
  entryCount: number;
  uncompressedBytes: number;
  /** Deepest archive nesting found: 0 when no entry is an archive. */
  depth: number;
}

/** A ZIP read piece by piece (from storage), or one already in memory. */
export type ZipSource = Buffer | { size: number; read(range: ByteRange): Readable };

const ZIP_CONTAINERS = new Set([
  'zip',
  'jar',
  'war',
  'ear',
  'apk',
  'epub',
  'docx',
  'docm',
  'xlsx',
  'xlsm',
  'pptx',
  'pptm',
  'odt',
  'ods',
  'odp',
  'odg',
]);
const OTHER_ARCHIVES = new Set(['7z', 'rar', 'gz', 'tgz', 'bz2', 'xz', 'zst', 'tar', 'cab', 'iso', 'lz', 'lzma', 'z']);
const LARGE_ENTRY = 1024 * 1024;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

class RangeReader extends yauzl.RandomAccessReader {
  constructor(private readonly readRange: (range: ByteRange) => Readable) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return this.readRange({ start, end });
  }
}

function open(source: ZipSource): Promise<yauzl.ZipFile> {
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true };
  return Buffer.isBuffer(source)
    ? yauzl.fromBufferPromise(source, options)
    : yauzl.fromRandomAccessReaderPromise(new RangeReader((range) => source.read(range)), source.size, options);
}

function entryName(entry: yauzl.Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
}

/** Names that would land outside the folder they are unpacked into, or that are not plain names at all. */
export function isUnsafeEntryName(name: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  if (name === '' || /[\x00-\x1f\x7f]/.test(name)) return true;
  const normal = name.replace(/\\/g, '/');
  if (normal.startsWith('/') || /^[a-zA-Z]:/.test(normal)) return true;
  return normal.split('/').includes('..');
}

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, maxBytes: number): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new UnsafeZipError('tooLarge', entryName(entry));
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

interface Budget {
  entries: number;
  bytes: number;
  depth: number;
}

async function walk(
  source: ZipSource,
  limits: ZipLimits,
  level: number,
  budget: Budget,
): Promise<{ names: string[]; mimetype: string | null }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await open(source);
  } catch (error) {
    throw new UnsafeZipError('corrupt', (error as Error).message);
  }
  if (budget.entries + zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new UnsafeZipError('tooManyEntries', String(zip.entryCount));
  }
  const names: string[] = [];
  let mimetype: string | null = null;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = entryName(entry);
      budget.entries += 1;
      budget.bytes += entry.uncompressedSize;
      if (budget.entries > limits.maxEntries) throw new UnsafeZipError('tooManyEntries');
      if (budget.bytes > limits.maxUncompressedBytes) throw new UnsafeZipError('tooLarge', name);
      if (isUnsafeEntryName(name) || ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK)
        throw new UnsafeZipError('unsafePath', name);
      if (entry.uncompressedSize > LARGE_ENTRY && entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxCompressionRatio) {
        throw new UnsafeZipError('compressionRatio', name);
      }
      if (level === 0) names.push(name);
      if (level === 0 && name === 'mimetype' && entry.uncompressedSize <= 200 && !entry.isEncrypted()) {
        mimetype = (await readEntry(zip, entry, 200)).toString('latin1');
      }
      await inspectNested(zip, entry, name, limits, level, budget);
    }
  } catch (error) {
    zip.close();
    if (error instanceof UnsafeZipError) throw error;
    throw new UnsafeZipError('corrupt', (error as Error).message);
  }
  return { names, mimetype };
}

async function inspectNested(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  name: string,
  limits: ZipLimits,
  level: number,
  budget: Budget,
): Promise<void> {
  const extension = extensionOf(name);
  if (!ZIP_CONTAINERS.has(extension) && !OTHER_ARCHIVES.has(extension)) return;
  const depth = level + 1;
  if (depth > limits.maxDepth) throw new UnsafeZipError('nestedTooDeep', name);
  budget.depth = Math.max(budget.depth, depth);
  if (!ZIP_CONTAINERS.has(extension) || entry.isEncrypted() || entry.uncompressedSize === 0) return;
  if (entry.uncompressedSize > limits.maxNestedArchiveBytes) throw new UnsafeZipError('tooLarge', name);
  const inner = await readEntry(zip, entry, limits.maxNestedArchiveBytes);
  try {
    await walk(inner, limits, depth, budget);
  } catch (error) {
    // Something named like an archive that is not one is just a file.
    if (error instanceof UnsafeZipError && error.problem === 'corrupt') return;
    throw error;
  }
}

/**
 * Reads a ZIP's directory (and those of the ZIPs inside it) without unpacking it, and refuses it as an
 * archive bomb or a traversal attack: too many entries, too large unpacked, suspiciously compressible,
 * nested too deep, or an entry named outside its folder or a symbolic link.
 */
export async function inspectZip(source: ZipSource, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipInspection> {
  const budget: Budget = { entries: 0, bytes: 0, depth: 0 };
  const { names, mimetype } = await walk(source, limits, 0, budget);
  return { entryNames: names, mimetype, entryCount: budget.entries, uncompressedBytes: budget.bytes, depth: budget.depth };
}
