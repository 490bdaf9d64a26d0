import { contentDisposition, extensionOf, MAX_FILE_NAME_LENGTH, sanitizeFileName } from './file-names';

describe('file name sanitiser', () => {
  it('keeps Latvian letters and ordinary punctuation', () => {
    expect(sanitizeFileName('Mācību materiāls — ģeogrāfija, ķīmija (ļoti ņipri) š ū ž.pdf')).toBe(
      'Mācību materiāls — ģeogrāfija, ķīmija (ļoti ņipri) š ū ž.pdf',
    );
  });

  it('strips folders of either kind, so a name can never climb out', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\anna\\Desktop\\atskaite.docx')).toBe('atskaite.docx');
    expect(sanitizeFileName('..')).toBe('fails');
    expect(sanitizeFileName('/')).toBe('fails');
  });

  it('removes control, invisible and reserved characters', () => {
    expect(sanitizeFileName('rēķins\u0000\u0007\r\n<>:"|?*.pdf')).toBe('rēķins.pdf');
    // U+202E would show "gnp.exe" as "exe.png"
    expect(sanitizeFileName('attēls\u202Egnp.exe')).toBe('attēlsgnp.exe');
    expect(sanitizeFileName('  .slēpts.pdf. ')).toBe('slēpts.pdf');
  });

  it('composes decomposed letters (macOS names) and defuses Windows device names', () => {
    expect(sanitizeFileName('Ma\u0304c\u030Cibas.pdf')).toBe('Māčibas.pdf');
    expect(sanitizeFileName('CON.pdf')).toBe('_CON.pdf');
  });

  it('bounds the length but keeps the extension', () => {
    const name = sanitizeFileName(`${'ā'.repeat(400)}.docx`);
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.docx')).toBe(true);
  });

  it('falls back to a plain name when nothing is left', () => {
    expect(sanitizeFileName('')).toBe('fails');
    expect(sanitizeFileName(undefined)).toBe('fails');
    expect(sanitizeFileName('\u0000\u0001')).toBe('fails');
  });

  it('reads the extension in lower case', () => {
    expect(extensionOf('Atskaite.PDF')).toBe('pdf');
    expect(extensionOf('arhīvs.tar.gz')).toBe('gz');
    expect(extensionOf('README')).toBe('');
    expect(extensionOf('.bashrc')).toBe('');
  });
});

describe('Content-Disposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Mācību materiāls Nr. 1.pdf')).toBe(
      `attachment; filename="Macibu materials Nr. 1.pdf"; filename*=UTF-8''M%C4%81c%C4%ABbu%20materi%C4%81ls%20Nr.%201.pdf`,
    );
  });

  it('cannot be broken out of by quotes, backslashes or line breaks', () => {
    const header = contentDisposition('a"; filename="evil.exe\r\nX-Injected: 1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toBe(`attachment; filename="a; filename=evil.exe X-Injected 1.pdf"; filename*=UTF-8''a%3B%20filename%3Devil.exe%20X-Injected%201.pdf`);
  });

  it('percent-encodes the characters RFC 5987 does not allow bare', () => {
    expect(contentDisposition("it's (1)!.pdf")).toContain(`filename*=UTF-8''it%27s%20%281%29!.pdf`);
    expect(contentDisposition('100%.pdf')).toContain('filename="100_.pdf"');
    expect(contentDisposition('日本.pdf', 'inline')).toMatch(/^inline; filename="__\.pdf"; /);
  });
});
