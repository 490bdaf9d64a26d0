/**
 * Tells a file's type by its content, not its name: magic bytes for single-stream formats, and for ZIP
 * the entries that mark the office formats built on it.
 */

export const FILE_KINDS = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  png: { mime: 'image/png', extensions: ['png'], label: 'PNG' },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  gif: { mime: 'image/gif', extensions: ['gif'], label: 'GIF' },
  webp: { mime: 'image/webp', extensions: ['webp'], label: 'WEBP' },
  zip: { mime: 'application/zip', extensions: ['zip'], label: 'ZIP' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'DOCX' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'XLSX' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'], label: 'PPTX' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: 'ODT' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'], label: 'ODS' },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'], label: 'ODP' },
} as const;

export type FileKind = keyof typeof FILE_KINDS;

/** Kinds whose container is a ZIP archive; which one it is shows only from the entries. */
export const ZIP_KINDS: readonly FileKind[] = ['zip', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp'];

/** What the first bytes say: a kind, a ZIP container, a program, or nothing known. */
export type HeadVerdict =
  { kind: Exclude<FileKind, 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp'> } | { kind: 'executable' } | { kind: 'unknown' };

/** Bytes the sniffer wants before it decides; a shorter file is judged on what it has. */
export const SNIFF_BYTES = 4100;

function startsWith(head: Buffer, bytes: number[] | string, offset = 0): boolean {
  const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return head.length >= offset + expected.length && head.subarray(offset, offset + expected.length).equals(expected);
}

const EXECUTABLE_MAGIC: (number[] | string)[] = [
  'MZ', // DOS and Windows (PE) programs and libraries
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  '#!', // scripts with an interpreter line
  [0xfe, 0xed, 0xfa, 0xce],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal, Java class
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
];

export function sniffHead(head: Buffer): HeadVerdict {
  const body = startsWith(head, [0xef, 0xbb, 0xbf]) ? head.subarray(3) : head;
  if (EXECUTABLE_MAGIC.some((magic) => startsWith(body, magic))) return { kind: 'executable' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'png' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'jpeg' };
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return { kind: 'gif' };
  if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8)) return { kind: 'webp' };
  if (startsWith(head, 'PK\x03\x04') || startsWith(head, 'PK\x05\x06')) return { kind: 'zip' };
  if (startsWith(head, '%PDF-')) return { kind: 'pdf' };
  return { kind: 'unknown' };
}

const OPEN_DOCUMENT: Record<string, FileKind> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

export interface ZipClassification {
  kind: FileKind;
  /** Office documents carrying VBA macros, whatever their name says. */
  hasMacros: boolean;
}

/**
 * Office Open XML packages have `[Content_Types].xml` and a part folder (`word/`, `xl/`, `ppt/`);
 * OpenDocument ones name their type in a `mimetype` entry. Anything else is a plain ZIP.
 */
export function classifyZip(entryNames: readonly string[], mimetypeEntry?: string | null): ZipClassification {
  const hasMacros = entryNames.some((name) => /(^|\/)vbaProject\.bin$/i.test(name));
  const mimetype = mimetypeEntry?.trim();
  if (mimetype && OPEN_DOCUMENT[mimetype]) return { kind: OPEN_DOCUMENT[mimetype], hasMacros };
  if (entryNames.includes('[Content_Types].xml')) {
    const has = (folder: string) => entryNames.some((name) => name.startsWith(folder));
    if (has('word/')) return { kind: 'docx', hasMacros };
    if (has('xl/')) return { kind: 'xlsx', hasMacros };
    if (has('ppt/')) return { kind: 'pptx', hasMacros };
  }
  return { kind: 'zip', hasMacros };
}
