import { docxBytes, renameEntry, zerosZip, zipBytes } from '../../test/support/files';
import { DEFAULT_ZIP_LIMITS, inspectZip, isUnsafeEntryName, UnsafeZipError, type ZipLimits } from './zip-inspector';

const MiB = 1024 * 1024;

async function problemOf(bytes: Buffer, limits: Partial<ZipLimits> = {}): Promise<string | undefined> {
  try {
    await inspectZip(bytes, { ...DEFAULT_ZIP_LIMITS, ...limits });
    return undefined;
  } catch (error) {
    if (error instanceof UnsafeZipError) return error.problem;
    throw error;
  }
}

describe('ZIP safety check', () => {
  it('passes an ordinary document and reports what is in it', async () => {
    const inspection = await inspectZip(await docxBytes());
    expect(inspection.entryNames).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    expect(inspection.depth).toBe(0);
    expect(inspection.entryCount).toBe(3);
  });

  it('refuses an archive of too many entries', async () => {
    const entries = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`fails-${i}.txt`, 'x']));
    const zip = await zipBytes(entries);
    expect(await problemOf(zip, { maxEntries: 299 })).toBe('tooManyEntries');
    expect(await problemOf(zip, { maxEntries: 300 })).toBeUndefined();
  });

  it('refuses a small archive that unpacks to a huge file', async () => {
    const bomb = await zerosZip(64 * MiB);
    expect(bomb.length).toBeLessThan(MiB);
    expect(await problemOf(bomb)).toBe('compressionRatio');
    expect(await problemOf(bomb, { maxCompressionRatio: 10_000, maxUncompressedBytes: 32 * MiB })).toBe('tooLarge');
  });

  it('counts nested archives against the depth and the budget', async () => {
    const inner = await zipBytes({ 'a.txt': 'iekšā' });
    const middle = await zipBytes({ 'iekseja.zip': inner });
    const outer = await zipBytes({ 'vidus.zip': middle });
    expect(await problemOf(outer, { maxDepth: 2 })).toBeUndefined();
    expect(await problemOf(outer, { maxDepth: 1 })).toBe('nestedTooDeep');
    expect((await inspectZip(outer)).entryCount).toBe(3);
    expect(await problemOf(await zipBytes({ 'dati.7z': 'not looked into' }), { maxDepth: 0 })).toBe('nestedTooDeep');
  });

  it('refuses entries named outside their folder', async () => {
    const zip = renameEntry(await zipBytes({ 'xx/xx/etc/passwd': 'root' }), 'xx/xx/', '../../');
    expect(await problemOf(zip)).toBe('unsafePath');
    const absolute = renameEntry(await zipBytes({ 'xetc/passwd': 'root' }), 'xetc/', '/etc/');
    expect(await problemOf(absolute)).toBe('unsafePath');
  });

  it('judges entry names like an unpacker would', () => {
    for (const name of ['../a', 'a/../../b', '..\\a', '/etc/passwd', 'C:\\Windows\\x', 'a\u0000b', ''])
      expect(isUnsafeEntryName(name)).toBe(true);
    for (const name of ['a/b/c.txt', 'word/document.xml', '..a/b', 'a..b', 'mapes/ā.txt']) expect(isUnsafeEntryName(name)).toBe(false);
  });

  it('calls a file that is not a ZIP corrupt', async () => {
    expect(await problemOf(Buffer.from('PK\x03\x04 not really', 'latin1'))).toBe('corrupt');
  });
});
