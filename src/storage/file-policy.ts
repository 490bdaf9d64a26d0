import { extensionOf } from './file-names';
import { FILE_KINDS, type FileKind, type HeadVerdict, sniffHead, ZIP_KINDS, type ZipClassification } from './file-sniffer';
import { FileRejectedError } from './storage.errors';
import type { ZipLimits } from './zip-inspector';

/** What one kind of upload accepts and where it is kept. */
export interface FilePolicy {
  /** Storage key prefix, also how the orphan cleaner tells whose files they are. */
  keyPrefix: string;
  allowed: readonly FileKind[];
  maxBytes: number;
  zipLimits?: ZipLimits;
}

export function allowedLabel(allowed: readonly FileKind[]): string {
  return allowed.map((kind) => FILE_KINDS[kind].label).join(', ');
}

/** For `<input type="file" accept="…">`: a hint to the browser, checked again on the server. */
export function acceptAttribute(allowed: readonly FileKind[]): string {
  return allowed.flatMap((kind) => FILE_KINDS[kind].extensions.map((extension) => `.${extension}`)).join(',');
}

/** The kind the file's extension promises, if the policy allows it at all. */
export function expectedKind(fileName: string, allowed: readonly FileKind[]): FileKind {
  const extension = extensionOf(fileName);
  const kind = allowed.find((candidate) => (FILE_KINDS[candidate].extensions as readonly string[]).includes(extension));
  if (!kind) throw FileRejectedError.typeNotAllowed(fileName, allowedLabel(allowed));
  return kind;
}

/** Judges the first bytes against the extension: refuses programs, unknown content and plain mismatches. */
export function checkHead(fileName: string, head: Buffer, expected: FileKind, allowed: readonly FileKind[]): HeadVerdict {
  const verdict = sniffHead(head);
  if (verdict.kind === 'executable') throw FileRejectedError.executable(fileName);
  if (verdict.kind === 'unknown') throw FileRejectedError.unrecognised(fileName, allowedLabel(allowed));
  const containerMatches = verdict.kind === 'zip' && ZIP_KINDS.includes(expected);
  if (verdict.kind !== expected && !containerMatches) {
    throw FileRejectedError.mismatch(fileName, FILE_KINDS[verdict.kind].label, extensionOf(fileName));
  }
  return verdict;
}

/** Judges a ZIP container by its entries once it is stored. */
export function checkZipKind(fileName: string, zip: ZipClassification, expected: FileKind): void {
  if (zip.hasMacros) throw FileRejectedError.macros(fileName);
  if (zip.kind !== expected) throw FileRejectedError.mismatch(fileName, FILE_KINDS[zip.kind].label, extensionOf(fileName));
}
