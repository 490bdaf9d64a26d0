import {
  docxBytes,
  elfExecutable,
  jpegBytes,
  odtBytes,
  pdfBytes,
  pngBytes,
  pptxBytes,
  shellScript,
  windowsExecutable,
  xlsxBytes,
  zipBytes,
} from '../../test/support/files';
import { checkHead, checkZipKind, expectedKind } from './file-policy';
import { classifyZip, FILE_KINDS, type FileKind, sniffHead, ZIP_KINDS } from './file-sniffer';
import { FileRejectedError } from './storage.errors';
import { inspectZip } from './zip-inspector';

async function zipKind(bytes: Buffer) {
  const zip = await inspectZip(bytes);
  return classifyZip(zip.entryNames, zip.mimetype);
}

function rejection(fn: () => unknown): FileRejectedError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FileRejectedError) return error;
    throw error;
  }
  throw new Error('Expected a FileRejectedError');
}

describe('file sniffer', () => {
  it('recognises single-stream formats by their magic bytes', () => {
    expect(sniffHead(pdfBytes()).kind).toBe('pdf');
    expect(sniffHead(pngBytes()).kind).toBe('png');
    expect(sniffHead(jpegBytes()).kind).toBe('jpeg');
    expect(sniffHead(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')).kind).toBe('gif');
    expect(sniffHead(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1')).kind).toBe('webp');
    expect(sniffHead(Buffer.from('PK\x03\x04\x14\x00', 'latin1')).kind).toBe('zip');
  });

  it('takes programs and scripts for what they are, whatever they are named', () => {
    expect(sniffHead(windowsExecutable()).kind).toBe('executable');
    expect(sniffHead(elfExecutable()).kind).toBe('executable');
    expect(sniffHead(shellScript()).kind).toBe('executable');
    expect(sniffHead(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), shellScript()])).kind).toBe('executable');
  });

  it('knows nothing of plain text, HTML or an empty head', () => {
    expect(sniffHead(Buffer.from('<html><script>alert(1)</script>')).kind).toBe('unknown');
    expect(sniffHead(Buffer.from('just text mentioning %PDF-1.4')).kind).toBe('unknown');
    expect(sniffHead(Buffer.alloc(0)).kind).toBe('unknown');
  });

  it('tells the ZIP-based office formats apart by their entries', async () => {
    expect((await zipKind(await docxBytes())).kind).toBe('docx');
    expect((await zipKind(await xlsxBytes())).kind).toBe('xlsx');
    expect((await zipKind(await pptxBytes())).kind).toBe('pptx');
    expect((await zipKind(await odtBytes())).kind).toBe('odt');
    expect((await zipKind(await zipBytes({ 'lasimani.txt': 'Sveiki' }))).kind).toBe('zip');
    expect(classifyZip(['mimetype'], 'application/vnd.oasis.opendocument.spreadsheet').kind).toBe('ods');
    expect(classifyZip(['mimetype'], 'application/vnd.oasis.opendocument.presentation').kind).toBe('odp');
    expect(classifyZip(['word/document.xml']).kind).toBe('zip');
  });

  it('notices VBA macros inside an office package', async () => {
    const zip = await zipKind(await docxBytes({ 'word/vbaProject.bin': 'macro' }));
    expect(zip).toEqual({ kind: 'docx', hasMacros: true });
    expect(() => checkZipKind('atskaite.docx', zip, 'docx')).toThrow(FileRejectedError);
  });
});

describe('content check against the name', () => {
  const allowed: FileKind[] = ['pdf', 'docx', 'png', 'jpeg'];

  it('accepts content that matches its extension, JPEG under either name', () => {
    expect(checkHead('a.pdf', pdfBytes(), expectedKind('a.pdf', allowed), allowed).kind).toBe('pdf');
    expect(checkHead('a.JPG', jpegBytes(), expectedKind('a.JPG', allowed), allowed).kind).toBe('jpeg');
    expect(checkHead('a.jpeg', jpegBytes(), expectedKind('a.jpeg', allowed), allowed).kind).toBe('jpeg');
    expect(checkHead('a.docx', Buffer.from('PK\x03\x04', 'latin1'), 'docx', allowed).kind).toBe('zip');
  });

  it('refuses an extension outside the allow-list before looking at the content', () => {
    const error = rejection(() => expectedKind('programma.exe', allowed));
    expect(error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(error.params).toMatchObject({ file: 'programma.exe', allowed: 'PDF, DOCX, PNG, JPEG' });
    expect(rejection(() => expectedKind('bez-paplasinajuma', allowed)).code).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('refuses a PNG named .pdf, naming both the file and what it really is', () => {
    const error = rejection(() => checkHead('lekcija.pdf', pngBytes(), 'pdf', allowed));
    expect(error.code).toBe('FILE_CONTENT_MISMATCH');
    expect(error.params).toMatchObject({ file: 'lekcija.pdf', detected: 'PNG', extension: 'PDF' });
  });

  it('refuses a renamed program and unrecognisable content', () => {
    expect(rejection(() => checkHead('lekcija.pdf', windowsExecutable(), 'pdf', allowed)).code).toBe('FILE_EXECUTABLE');
    expect(rejection(() => checkHead('foto.png', elfExecutable(), 'png', allowed)).code).toBe('FILE_EXECUTABLE');
    expect(rejection(() => checkHead('teksts.pdf', Buffer.from('hello'), 'pdf', allowed)).code).toBe('FILE_UNRECOGNISED');
  });

  it('refuses an archive posing as a document', async () => {
    const zip = await zipKind(await xlsxBytes());
    const error = rejection(() => checkZipKind('dokuments.docx', zip, 'docx'));
    expect(error.params).toMatchObject({ detected: 'XLSX', extension: 'DOCX' });
  });
});

describe('file sniffer, byte by byte', () => {
  const bytes = (...values: number[]) => Buffer.from(values);

  it('takes every kind of program for one', () => {
    const programs = [
      Buffer.from('MZ', 'latin1'),
      bytes(0x7f, 0x45, 0x4c, 0x46),
      Buffer.from('#!', 'latin1'),
      bytes(0xfe, 0xed, 0xfa, 0xce),
      bytes(0xce, 0xfa, 0xed, 0xfe),
      bytes(0xfe, 0xed, 0xfa, 0xcf),
      bytes(0xcf, 0xfa, 0xed, 0xfe),
      bytes(0xca, 0xfe, 0xba, 0xbe),
      bytes(0x00, 0x61, 0x73, 0x6d),
    ];
    expect(programs.map((head) => sniffHead(head).kind)).toEqual(Array(programs.length).fill('executable'));
  });

  it('judges a head exactly as long as the magic, and nothing on one byte short', () => {
    expect(sniffHead(Buffer.from('GIF87a', 'latin1')).kind).toBe('gif');
    expect(sniffHead(Buffer.from('RIFF\x00\x00\x00\x00WEBP', 'latin1')).kind).toBe('webp');
    expect(sniffHead(Buffer.from('%PDF-', 'latin1')).kind).toBe('pdf');
    expect(sniffHead(bytes(0xff, 0xd8, 0xff)).kind).toBe('jpeg');
    expect(sniffHead(Buffer.from('M', 'latin1')).kind).toBe('unknown');
    expect(sniffHead(Buffer.from('%PDF', 'latin1')).kind).toBe('unknown');
    expect(sniffHead(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a)).kind).toBe('unknown');
  });

  it('wants both halves of a WebP signature, and knows an empty ZIP', () => {
    expect(sniffHead(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')).kind).toBe('unknown');
    expect(sniffHead(Buffer.from('RIFX\x24\x00\x00\x00WEBPVP8 ', 'latin1')).kind).toBe('unknown');
    expect(sniffHead(Buffer.from('PK\x05\x06\x00\x00', 'latin1')).kind).toBe('zip');
    expect(sniffHead(Buffer.from('PK\x01\x02\x00\x00', 'latin1')).kind).toBe('unknown');
  });

  it('looks past a byte-order mark only for programs', () => {
    expect(sniffHead(Buffer.concat([bytes(0xef, 0xbb, 0xbf), Buffer.from('%PDF-1.4')])).kind).toBe('unknown');
    expect(sniffHead(Buffer.concat([bytes(0xef, 0xbb), Buffer.from('#!/bin/sh')])).kind).toBe('unknown');
  });
});

describe('ZIP classification, entry by entry', () => {
  it('finds VBA macros in any folder and any case, and only under that exact name', () => {
    expect(classifyZip(['vbaProject.bin']).hasMacros).toBe(true);
    expect(classifyZip(['[Content_Types].xml', 'xl/VBAPROJECT.BIN', 'xl/workbook.xml'])).toEqual({ kind: 'xlsx', hasMacros: true });
    expect(classifyZip(['xl/notvbaProject.bin', 'xl/vbaProject.bin.txt', 'vbaProject.bin/readme.txt']).hasMacros).toBe(false);
    expect(classifyZip(['[Content_Types].xml', 'ppt/presentation.xml'])).toEqual({ kind: 'pptx', hasMacros: false });
  });

  it('reads the OpenDocument type with spaces around it, and falls back to the entries for any other type', () => {
    expect(classifyZip(['mimetype'], ' application/vnd.oasis.opendocument.text\n')).toEqual({ kind: 'odt', hasMacros: false });
    expect(classifyZip(['mimetype', '[Content_Types].xml', 'word/document.xml'], 'application/epub+zip').kind).toBe('docx');
    expect(classifyZip(['mimetype'], 'application/epub+zip').kind).toBe('zip');
    expect(classifyZip(['mimetype', 'Basic/vbaProject.bin'], 'application/vnd.oasis.opendocument.spreadsheet')).toEqual({
      kind: 'ods',
      hasMacros: true,
    });
  });

  it('wants the part folder at the top of an Office package', () => {
    expect(classifyZip(['[Content_Types].xml', 'docs/word/document.xml']).kind).toBe('zip');
    expect(classifyZip(['[Content_Types].xml']).kind).toBe('zip');
  });
});

describe('file kinds', () => {
  it('serves each kind with its registered media type, under its extensions and label', () => {
    expect(
      Object.entries(FILE_KINDS).map(([kind, { mime, extensions, label }]) => `${kind} ${mime} ${extensions.join('/')} ${label}`),
    ).toEqual([
      'pdf application/pdf pdf PDF',
      'png image/png png PNG',
      'jpeg image/jpeg jpg/jpeg JPEG',
      'gif image/gif gif GIF',
      'webp image/webp webp WEBP',
      'zip application/zip zip ZIP',
      'docx application/vnd.openxmlformats-officedocument.wordprocessingml.document docx DOCX',
      'xlsx application/vnd.openxmlformats-officedocument.spreadsheetml.sheet xlsx XLSX',
      'pptx application/vnd.openxmlformats-officedocument.presentationml.presentation pptx PPTX',
      'odt application/vnd.oasis.opendocument.text odt ODT',
      'ods application/vnd.oasis.opendocument.spreadsheet ods ODS',
      'odp application/vnd.oasis.opendocument.presentation odp ODP',
    ]);
    expect(ZIP_KINDS).toEqual(['zip', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp']);
  });
});
