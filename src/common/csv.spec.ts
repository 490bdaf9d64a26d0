import { type CsvCell, type CsvOptions, csvStream, neutralizeFormula, readCsv, writeCsv } from './csv';
import { ValidationFailedError } from './errors';

const options = { required: ['email'], optional: ['status'], maxRows: 3 };

function problem(input: Buffer | string, opts = options): string {
  try {
    readCsv(input, opts);
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.fieldErrors.map((e) => `${e.field}:${e.code}`).join();
    throw error;
  }
  return 'none';
}

describe('readCsv', () => {
  it('reads a spreadsheet export: BOM, semicolons, Windows line ends, any case of header, blank lines skipped', () => {
    const rows = readCsv(
      Buffer.from('\uFEFFEmail;STATUS\r\nanna@daugavpils.lv;enrolled\r\n\r\n;\r\njānis@daugavpils.lv\r\n', 'utf8'),
      options,
    );
    expect(rows).toEqual([
      { line: 2, values: { email: 'anna@daugavpils.lv', status: 'enrolled' } },
      { line: 5, values: { email: 'jānis@daugavpils.lv', status: '' } },
    ]);
  });

  it('reads commas and quoted cells, leaving a missing optional column empty', () => {
    expect(readCsv('email\n"anna@daugavpils.lv"\n', options)).toEqual([{ line: 2, values: { email: 'anna@daugavpils.lv', status: '' } }]);
  });

  it('names the whole-file problems on the file field', () => {
    expect(problem('epasts\nanna@daugavpils.lv\n')).toBe('file:csv.missingColumns');
    expect(problem('email,vārds\nanna@daugavpils.lv,Anna\n')).toBe('file:csv.unknownColumns');
    expect(problem('email\n')).toBe('file:csv.empty');
    expect(problem('email\na\nb\nc\nd\n')).toBe('file:csv.tooManyRows');
    expect(problem(Buffer.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xe2, 0x28, 0xa1]))).toBe('file:csv.encoding');
    expect(problem('email\n"anna@daugavpils.lv\n')).toBe('file:csv.unreadable');
  });
});

function fieldErrors(input: Buffer | string, opts: CsvOptions = options) {
  try {
    readCsv(input, opts);
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.fieldErrors;
    throw error;
  }
  return [];
}

describe('readCsv at its limits', () => {
  it('takes exactly the maximum number of rows and refuses one more, naming the maximum', () => {
    expect(readCsv('email\na\nb\nc\n', options).map((row) => row.values.email)).toEqual(['a', 'b', 'c']);
    expect(fieldErrors('email\na\nb\nc\nd\n')).toEqual([{ field: 'file', code: 'csv.tooManyRows', params: { max: 3, count: 3 } }]);
  });

  it('names the missing and the unknown columns, and the allowed ones', () => {
    expect(fieldErrors('status\nenrolled\n')).toEqual([{ field: 'file', code: 'csv.missingColumns', params: { columns: 'email' } }]);
    expect(fieldErrors('email;vārds;amats\na;b;c\n')).toEqual([
      { field: 'file', code: 'csv.unknownColumns', params: { columns: 'vārds, amats', allowed: 'email, status' } },
    ]);
  });

  it('names the field the file came in', () => {
    expect(fieldErrors('email\n', { ...options, field: 'upload' })).toEqual([{ field: 'upload', code: 'csv.empty', params: undefined }]);
  });

  it('calls a file of blanks, or of a header and empty rows, empty', () => {
    expect(problem(' \r\n \n')).toBe('file:csv.empty');
    expect(problem('email,status\n,\n"",""\n')).toBe('file:csv.empty');
  });

  it('picks the separator from the header line alone, and a comma when the header has neither', () => {
    expect(readCsv('email;status\na,b,c,d;enrolled\n', options)[0].values).toEqual({ email: 'a,b,c,d', status: 'enrolled' });
    expect(readCsv('email,status\na;b;c;d,enrolled\n', options)[0].values).toEqual({ email: 'a;b;c;d', status: 'enrolled' });
    expect(readCsv('email\na;b\n', options)[0].values).toEqual({ email: 'a;b', status: '' });
  });

  it('trims the spaces around cells and drops the BOM of a text already decoded', () => {
    expect(readCsv('\uFEFFemail , status\n  anna@daugavpils.lv ,  enrolled \n', options)).toEqual([
      { line: 2, values: { email: 'anna@daugavpils.lv', status: 'enrolled' } },
    ]);
  });

  it('names every missing column, and needs no optional ones', () => {
    expect(fieldErrors('vārds\nAnna\n', { required: ['email', 'name'], maxRows: 3 })).toEqual([
      { field: 'file', code: 'csv.missingColumns', params: { columns: 'email, name' } },
    ]);
    expect(readCsv('email\nanna@daugavpils.lv\n', { required: ['email'], maxRows: 3 })).toEqual([
      { line: 2, values: { email: 'anna@daugavpils.lv' } },
    ]);
  });

  it('keeps a row with some cells empty, and a zero-width space inside a cell', () => {
    expect(readCsv('email,status\nanna@daugavpils.lv,\n', options)[0].values).toEqual({ email: 'anna@daugavpils.lv', status: '' });
    expect(readCsv('email,status\n,enrolled\n', options)[0].values).toEqual({ email: '', status: 'enrolled' });
    expect(readCsv('email\nan\uFEFFna\n', options)[0].values.email).toBe('an\uFEFFna');
  });

  it('reads the columns in any order', () => {
    expect(readCsv('status,email\nwithdrawn,anna@daugavpils.lv\n', options)[0].values).toEqual({
      email: 'anna@daugavpils.lv',
      status: 'withdrawn',
    });
  });
});

describe('writeCsv', () => {
  it('writes a byte-order mark, semicolons and Windows line ends, and reads back with its letters intact', () => {
    const text = writeCsv([
      ['Vārds', 'Punkti'],
      ['Ēriks Šķēle; Ļ', 7.5],
    ]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toBe('\uFEFFVārds;Punkti\r\n"Ēriks Šķēle; Ļ";7.5\r\n');
    expect(readCsv(text, { required: ['vārds', 'punkti'], maxRows: 5 })[0].values).toEqual({ vārds: 'Ēriks Šķēle; Ļ', punkti: '7.5' });
  });

  it('neutralises every text cell a spreadsheet would take for a formula, and leaves numbers alone', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '＝'])
      expect(neutralizeFormula(`${start}HYPERLINK("http://x")`)).toBe(`'${start}HYPERLINK("http://x")`);
    expect(neutralizeFormula('Anna')).toBe('Anna');
    expect(neutralizeFormula('')).toBe('');
    expect(writeCsv([['=1+1', -3, null]])).toBe("\uFEFF'=1+1;-3;\r\n");
  });

  it('streams the same text', async () => {
    const rows: CsvCell[][] = [
      ['a', 1],
      ['@b', null],
    ];
    const chunks: Buffer[] = [];
    for await (const chunk of csvStream(rows)) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).toString('utf8')).toBe(writeCsv(rows));
  });
});
