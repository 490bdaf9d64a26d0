import type { Language } from '../i18n/languages';
import type { ChartView } from './charts';

/** The language tag a PDF declares for its text (screen readers and hyphenation read it). */
export function pdfLanguage(lang: Language): string {
  return lang === 'lv' ? 'lv-LV' : 'en-GB';
}

export interface PdfLayoutOptions {
  /** The page margin the document was opened with, in points. */
  margin: number;
  /** Draws what heads every page added after the first (the title again, say); nothing when left out. */
  onNewPage?: () => void;
}

export interface PdfTable {
  /** Each column's width in points. */
  widths: readonly number[];
  header: string[];
  rows: string[][];
  fontSize: number;
  /** The least height of a body row: room to sign by hand, say. */
  minRowHeight?: number;
  /** Room kept free under the last row of a page, in points. */
  reserve?: number;
  /** Draws the header row again at the top of each page the table runs onto. */
  repeatHeader?: boolean;
}

export interface PdfSignatures {
  heading: string;
  /** One line per name; a single unnamed line when there is none. */
  names: string[];
  /** Printed under a line: after a name in brackets, or alone on an unnamed line. */
  signatureLabel: string;
  /** Printed under the date line beside each signature. */
  dateLabel: string;
  /** The widths of the signature line and of the date line, in points. */
  lineWidth: number;
  dateWidth: number;
  /** Lines of space above the heading (none when it starts a page that has nothing else on it). */
  spaceBefore: number;
  /** The room the heading and its lines need under them (fixed + perName × names); less, and they start a page. */
  room: { fixed: number; perName: number };
}

const GAP = 60;
const CHART_INK = '#1f4e79';
const CHART_MUTED = '#8a8a8a';

/**
 * Drawing shared by the platform's printed documents (the exam protocol, the signed attendance sheets, the funder's
 * report): a centred title, labelled facts, section headings, a ruled table that runs over pages, a chart laid out
 * by src/common/charts.ts, signature lines with a date line, a note in small print and page numbers. Each part
 * starts at the margin and leaves the cursor under itself.
 */
export class PdfLayout {
  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly options: PdfLayoutOptions,
  ) {}

  private get bottom(): number {
    return this.doc.page.height - this.options.margin;
  }

  /** A new page, headed as the options say. */
  newPage(): void {
    this.doc.addPage();
    this.options.onNewPage?.();
  }

  /** The title in bold, then each non-empty line under it, all centred. */
  title(title: string, lines: string[], sizes: { title: number; lines: number }, spaceAfter: number): void {
    const { doc } = this;
    doc.font('bold').fontSize(sizes.title).text(title, { align: 'center' });
    doc.moveDown(0.3).font('regular').fontSize(sizes.lines);
    for (const line of lines) if (line) doc.text(line, { align: 'center' });
    doc.moveDown(spaceAfter);
  }

  /** A line per fact: its label in bold, its value after it. */
  facts(facts: [label: string, value: string][], spaceAfter: number): void {
    const { doc } = this;
    for (const [label, value] of facts) doc.font('bold').fontSize(10).text(`${label}: `, { continued: true }).font('regular').text(value);
    doc.moveDown(spaceAfter);
  }

  /** A ruled table with its header row in bold; a row that does not fit goes to a new page (under the header again, if asked). */
  table(table: PdfTable): void {
    this.row(table, table.header, 'bold', 0);
    const again = table.repeatHeader ? () => this.row(table, table.header, 'bold', 0) : undefined;
    for (const values of table.rows) this.row(table, values, 'regular', table.minRowHeight ?? 0, again);
  }

  private row(table: PdfTable, values: string[], font: 'regular' | 'bold', minHeight: number, onBreak?: () => void): void {
    const { doc } = this;
    const { widths, fontSize } = table;
    const heights = values.map((value, i) =>
      doc
        .font(font)
        .fontSize(fontSize)
        .heightOfString(value, { width: widths[i] - 6 }),
    );
    const height = Math.max(minHeight, ...heights.map((h) => h + 8));
    if (doc.y + height > this.bottom - (table.reserve ?? 0)) {
      this.newPage();
      onBreak?.();
    }
    const top = doc.y;
    let x = this.options.margin;
    doc.font(font).fontSize(fontSize);
    values.forEach((value, i) => {
      doc.rect(x, top, widths[i], height).stroke('#555555');
      doc.fillColor('black').text(value, x + 3, top + 4, { width: widths[i] - 6 });
      x += widths[i];
    });
    doc.x = this.options.margin;
    doc.y = top + height;
  }

  /** The heading, then for each name a line to sign over and a line for the date beside it. */
  signatures(block: PdfSignatures): void {
    const { doc } = this;
    const { margin } = this.options;
    const names = block.names.length ? block.names : [''];
    const space = doc.currentLineHeight(true) * block.spaceBefore;
    if (doc.y + space > this.bottom - block.room.fixed - block.room.perName * names.length) this.newPage();
    // No space above the heading at the top of a bare page.
    if (doc.y > margin) doc.moveDown(block.spaceBefore);
    doc.font('bold').fontSize(10).text(block.heading, margin);
    const dateX = margin + block.lineWidth + GAP;
    for (const name of names) {
      doc.moveDown(2.2);
      const y = doc.y;
      doc
        .moveTo(margin, y)
        .lineTo(margin + block.lineWidth, y)
        .stroke('#000000');
      doc
        .moveTo(dateX, y)
        .lineTo(dateX + block.dateWidth, y)
        .stroke('#000000');
      doc
        .font('regular')
        .fontSize(9)
        .text(name ? `${name} (${block.signatureLabel})` : block.signatureLabel, margin, y + 3, { width: block.lineWidth });
      doc.text(block.dateLabel, dateX, y + 3, { width: block.dateWidth });
      doc.x = margin;
    }
  }

  /** Small grey print under what is drawn: the funder's publicity statement, say. */
  note(text: string): void {
    this.doc.moveDown(2);
    this.doc.font('regular').fontSize(8).fillColor('#333333').text(text, this.options.margin).fillColor('black');
  }

  /** A section's heading in bold; it starts a new page when less than `room` points (heading and a start of its content) are left. */
  heading(text: string, room = 90): void {
    const { doc } = this;
    if (doc.y + room > this.bottom) this.newPage();
    else if (doc.y > this.options.margin) doc.moveDown(0.8);
    doc.font('bold').fontSize(13).fillColor('black').text(text, this.options.margin);
    doc.moveDown(0.4);
  }

  /**
   * A chart laid out by src/common/charts.ts, scaled to `width` points and kept whole on a page: its bars, lines,
   * dots and texts, as the SVG partial draws them on screen.
   */
  chart(view: ChartView, width: number): void {
    const { doc } = this;
    const scale = width / view.width;
    const height = view.height * scale;
    if (doc.y + height > this.bottom) this.newPage();
    const left = this.options.margin;
    const top = doc.y;
    const x = (value: number) => left + value * scale;
    const y = (value: number) => top + value * scale;
    for (const line of view.lines) {
      doc.save().lineWidth(line.grid ? 0.4 : 0.8);
      if (line.grid) doc.dash(2, { space: 2 });
      doc
        .moveTo(x(line.x1), y(line.y1))
        .lineTo(x(line.x2), y(line.y2))
        .stroke(line.grid ? CHART_MUTED : '#000000');
      doc.restore();
    }
    for (const rect of view.rects) doc.rect(x(rect.x), y(rect.y), rect.width * scale, rect.height * scale).fill(CHART_INK);
    if (view.dots.length > 1) {
      doc.moveTo(x(view.dots[0].cx), y(view.dots[0].cy));
      for (const dot of view.dots.slice(1)) doc.lineTo(x(dot.cx), y(dot.cy));
      doc.lineWidth(1.2).stroke(CHART_INK);
    }
    for (const dot of view.dots) doc.circle(x(dot.cx), y(dot.cy), 2.5).fill(CHART_INK);
    doc.fillColor('black').font('regular');
    for (const text of view.texts) {
      const size = text.size * scale;
      doc.fontSize(size);
      const textWidth = doc.widthOfString(text.text);
      const shift = text.anchor === 'middle' ? textWidth / 2 : text.anchor === 'end' ? textWidth : 0;
      // An SVG text's y is its baseline; pdfkit places a text by the top of its line.
      doc.text(text.text, x(text.x) - shift, y(text.y) - size * 0.93, { lineBreak: false });
    }
    doc.x = left;
    doc.y = top + height + 6;
  }

  /**
   * Writes each page's number at its foot ("1. lpp. no 3"); needs a document opened with `bufferPages: true`, and
   * is called once every page is drawn.
   */
  pageNumbers(label: (page: number, pages: number) => string): void {
    const { doc } = this;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      // Writing under the bottom margin would otherwise start a new page.
      const margins = doc.page.margins;
      const bottom = margins.bottom;
      margins.bottom = 0;
      const width = doc.page.width - 2 * this.options.margin;
      doc
        .font('regular')
        .fontSize(8)
        .fillColor('#333333')
        .text(label(i - start + 1, count), this.options.margin, doc.page.height - this.options.margin / 2 - 8, {
          width,
          align: 'center',
          lineBreak: false,
        });
      margins.bottom = bottom;
    }
    doc.fillColor('black');
  }
}
