import { readCsv } from './csv';
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
    const rows = readCsv(Buffer.from('\uFEFFEmail;STATUS\r\nanna@daugavpils.lv;enrolled\r\n\r\n;\r\njānis@daugavpils.lv\r\n', 'utf8'), options);
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
