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
    expect(header).toBe(
      `attachment; filename="a; filename=evil.exe X-Injected 1.pdf"; filename*=UTF-8''a%3B%20filename%3Devil.exe%20X-Injected%201.pdf`,
    );
  });

  it('percent-encodes the characters RFC 5987 does not allow bare', () => {
    expect(contentDisposition("it's (1)!.pdf")).toContain(`filename*=UTF-8''it%27s%20%281%29!.pdf`);
    expect(contentDisposition('100%.pdf')).toContain('filename="100_.pdf"');
    expect(contentDisposition('日本.pdf', 'inline')).toMatch(/^inline; filename="__\.pdf"; /);
  });
});

describe('file names at their edges', () => {
  it('defuses every Windows device name, and only whole ones', () => {
    expect(['con', 'PRN', 'Aux', 'nul', 'COM1', 'com9', 'LPT1', 'lpt0'].map((base) => sanitizeFileName(`${base}.txt`))).toEqual([
      '_con.txt',
      '_PRN.txt',
      '_Aux.txt',
      '_nul.txt',
      '_COM1.txt',
      '_com9.txt',
      '_LPT1.txt',
      '_lpt0.txt',
    ]);
    expect(['CONSOLE.txt', 'xcon.txt', 'com10.txt', 'icon.png'].map(sanitizeFileName)).toEqual([
      'CONSOLE.txt',
      'xcon.txt',
      'com10.txt',
      'icon.png',
    ]);
  });

  it('turns any run of white space into one space', () => {
    expect(sanitizeFileName('Mācību \t\u00A0 plāns\n2013.pdf')).toBe('Mācību plāns 2013.pdf');
  });

  it('keeps a leading-dot name without its dot, and an extension of at most 16 characters with its dot', () => {
    expect(sanitizeFileName('.bashrc')).toBe('bashrc');
    expect(sanitizeFileName(`dati.${'x'.repeat(20)}`)).toBe(`dati.${'x'.repeat(15)}`);
    expect(sanitizeFileName(`${'ā'.repeat(400)}.${'x'.repeat(20)}`)).toBe(`${'ā'.repeat(MAX_FILE_NAME_LENGTH - 16)}.${'x'.repeat(15)}`);
  });

  it('drops the space that truncation leaves at the end of the name', () => {
    expect(sanitizeFileName(`${'a'.repeat(144)} bcdef.docx`)).toBe(`${'a'.repeat(144)}.docx`);
  });

  it('counts the length in characters, keeping whole letters', () => {
    expect(sanitizeFileName(`${'ž'.repeat(145)}.docx`)).toBe(`${'ž'.repeat(145)}.docx`);
    expect(sanitizeFileName(`${'😀'.repeat(200)}.pdf`)).toBe(`${'😀'.repeat(146)}.pdf`);
  });
});

describe('Content-Disposition at its edges', () => {
  it('keeps printable ASCII in the fallback, from space to tilde', () => {
    expect(contentDisposition('a ~b!.pdf')).toBe(`attachment; filename="a ~b!.pdf"; filename*=UTF-8''a%20~b!.pdf`);
  });

  it('gives a plain fallback when no letter of the name survives in ASCII', () => {
    expect(contentDisposition('\u0301')).toBe(`attachment; filename="file"; filename*=UTF-8''%CC%81`);
  });
});
