import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import { tableCsv, tableXlsx, type ExportTable } from './table-export';

async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

// 10 September 2012, 09:00 in Riga (UTC+3 in summer).
const STARTS = new Date('2012-09-10T06:00:00Z');

function table(): ExportTable {
  return {
    title: 'Apmeklējums: 1. grupa',
    columns: [
      { header: 'Dalībnieks', type: 'text' },
      { header: 'Nodarbības', type: 'integer' },
      { header: 'Punkti', type: 'decimal' },
      { header: 'Apmeklējums, %', type: 'percent' },
      { header: 'Datums', type: 'date' },
      { header: 'Sākums', type: 'datetime' },
    ],
    rows: [
      ['Ēriks Šķēle', 12, 7.5, 85, STARTS, STARTS],
      ['=HYPERLINK("http://x")', 0, null, null, null, null],
    ],
  };
}

describe('table exports', () => {
  it('writes CSV with a BOM, Latvian letters intact, decimals as the reader writes them and no formula cells', async () => {
    const written: number[] = [];
    const text = (await bytes(tableCsv(table(), { lang: 'lv', onRow: (n) => written.push(n) }))).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text, { bom: true, delimiter: ';' }) as string[][];
    expect(rows).toEqual([
      ['Dalībnieks', 'Nodarbības', 'Punkti', 'Apmeklējums, %', 'Datums', 'Sākums'],
      ['Ēriks Šķēle', '12', '7,50', '85', '2012-09-10', '2012-09-10 09:00'],
      [`'=HYPERLINK("http://x")`, '0', '', '', '', ''],
    ]);
    expect(written).toEqual([1, 2]);
    const english = parse((await bytes(tableCsv(table(), { lang: 'en' }))).toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(english[1][2]).toBe('7.50');
  });

  it('writes XLSX with numbers as numbers, dates as dates at Riga wall-clock time and text as text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(tableXlsx(table(), { lang: 'lv' }))) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Apmeklējums 1. grupa');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Dalībnieks', 'Nodarbības', 'Punkti', 'Apmeklējums, %', 'Datums', 'Sākums']);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe('Ēriks Šķēle');
    expect(row.getCell(2).value).toBe(12);
    expect(row.getCell(3).value).toBe(7.5);
    expect(row.getCell(4).value).toBe(85);
    expect(row.getCell(4).numFmt).toBe('0" %"');
    expect(row.getCell(5).value).toEqual(new Date(Date.UTC(2012, 8, 10)));
    expect(row.getCell(6).value).toEqual(new Date(Date.UTC(2012, 8, 10, 9, 0)));
    expect(row.getCell(6).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getRow(3).getCell(1).value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getRow(3).getCell(1).type).toBe(ExcelJS.ValueType.String);
  });
});
