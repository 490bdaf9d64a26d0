import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { ZipFile } from 'yazl';

/**
 * A one-sheet XLSX workbook written as it goes: the sheet's XML is made row by row and deflated straight into its
 * ZIP entry, with no cell objects and no strings table, so a file of any length streams out in flat memory. Text
 * is stored in the cell (inline), numbers as numbers, dates as serial numbers with a date format.
 */
export interface XlsxColumn {
  /** Width in characters. */
  width: number;
  /** The number format of the column's values (a spreadsheet format code), or none. */
  numFmt?: string;
}

export type XlsxValue = string | number | Date | null;

/** Rows are put into the sheet's entry in pieces of about this many characters. */
const PIECE = 1 << 16;
const DAY_MS = 86_400_000;
/** Days from the spreadsheet epoch (30 December 1899) to the Unix epoch. */
const EPOCH_DAYS = 25_569;
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
// Characters XML 1.0 does not allow, which a text could still hold.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

/** The column's letters: A … Z, AA … */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Calls `write` for each row, waiting only when it hands back a promise (a piece of the file that must drain
 * first): rows already in memory go in a plain loop, as a `for await` per row costs more than the row itself.
 */
async function eachRow<T>(rows: Iterable<T> | AsyncIterable<T>, write: (row: T) => Promise<void> | undefined): Promise<void> {
  if (Symbol.iterator in rows) {
    for (const row of rows) await write(row);
  } else for await (const row of rows) await write(row);
}

/** A date read as the wall-clock time its UTC fields show, as the spreadsheet's serial number of days. */
const serial = (date: Date) => date.getTime() / DAY_MS + EPOCH_DAYS;

function styles(formats: string[]): string {
  const numFmts = formats.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(code)}"/>`).join('');
  // Style 0 plain, 1 bold (the header), then one per number format.
  const xfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
    ...formats.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`),
  ];
  const font = (bold: boolean) => `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
  return (
    `${HEAD}<styleSheet xmlns="${MAIN}">` +
    (formats.length ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : '') +
    `<fonts count="2">${font(false)}${font(true)}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}

function packageParts(sheetName: string, creator: string): [string, string][] {
  const overrides = [
    ['/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
    ['/xl/worksheets/sheet1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'],
    ['/xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml'],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
  ];
  const relationship = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${RELATIONSHIPS}/${type}" Target="${target}"/>`;
  const rels = (items: string) =>
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
  return [
    [
      '[Content_Types].xml',
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
        '</Types>',
    ],
    [
      '_rels/.rels',
      rels(
        relationship('rId1', 'officeDocument', 'xl/workbook.xml') +
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>',
      ),
    ],
    [
      'docProps/core.xml',
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        `xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${xmlText(creator)}</dc:creator></cp:coreProperties>`,
    ],
    [
      'xl/workbook.xml',
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><bookViews><workbookView/></bookViews>` +
        `<sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      rels(relationship('rId1', 'worksheet', 'worksheets/sheet1.xml') + relationship('rId2', 'styles', 'styles.xml')),
    ],
  ];
}

/**
 * Writes the sheet: `header` in bold, frozen above the rows; each value typed, a column's number format on its
 * numbers and dates (a Date's UTC fields are the wall-clock time shown). `rows` is read as the file is read: a
 * slow reader slows the rows down rather than filling memory. `onRow` is told each row written.
 */
export function xlsxStream(options: {
  sheetName: string;
  creator: string;
  columns: XlsxColumn[];
  header: string[];
  rows: Iterable<XlsxValue[]> | AsyncIterable<XlsxValue[]>;
  onRow?: (written: number) => void;
}): Readable {
  const { columns } = options;
  const formats = [...new Set(columns.flatMap((c) => (c.numFmt ? [c.numFmt] : [])))];
  const styleOf = columns.map((c) => (c.numFmt ? 2 + formats.indexOf(c.numFmt) : 0));
  const names = columns.map((_, i) => columnName(i));
  const zip = new ZipFile();
  for (const [name, text] of [...packageParts(options.sheetName, options.creator), ['xl/styles.xml', styles(formats)]])
    zip.addBuffer(Buffer.from(text, 'utf8'), name, { mtime: new Date(0) });
  const sheet = new PassThrough();
  zip.addReadStream(sheet, 'xl/worksheets/sheet1.xml', { mtime: new Date(0) });
  zip.end();
  const out = zip.outputStream as unknown as Readable;

  const cell = (value: XlsxValue, column: number, row: number, style: number): string => {
    const ref = `${names[column]}${row}`;
    const s = style ? ` s="${style}"` : '';
    if (value === null) return '';
    if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
    if (value instanceof Date) return `<c r="${ref}"${s}><v>${serial(value)}</v></c>`;
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
  };
  const line = (values: XlsxValue[], row: number, style?: number) =>
    `<row r="${row}">${values.map((v, i) => cell(v, i, row, style ?? styleOf[i])).join('')}</row>`;

  void (async () => {
    const cols = columns
      .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${styleOf[i] ? ` style="${styleOf[i]}"` : ''}/>`)
      .join('');
    let piece =
      `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheetViews><sheetView workbookViewId="0">` +
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
      `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${line(options.header, 1, 1)}`;
    let written = 0;
    const put = async (text: string) => {
      if (!sheet.write(text)) await once(sheet, 'drain');
    };
    try {
      await eachRow(options.rows, (values) => {
        written += 1;
        piece += line(values, written + 1);
        options.onRow?.(written);
        if (piece.length < PIECE) return;
        const full = piece;
        piece = '';
        return put(full);
      });
      sheet.end(`${piece}</sheetData></worksheet>`);
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
