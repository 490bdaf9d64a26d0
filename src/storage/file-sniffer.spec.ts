import { docxBytes, elfExecutable, jpegBytes, odtBytes, pdfBytes, pngBytes, pptxBytes, shellScript, windowsExecutable, xlsxBytes, zipBytes } from '../../test/support/files';
import { checkHead, checkZipKind, expectedKind } from './file-policy';
import { classifyZip, type FileKind, sniffHead } from './file-sniffer';
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
