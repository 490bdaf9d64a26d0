import type { ChartView } from '../common/charts';
import { openPdf, pdfFontsFor } from '../common/pdf-fonts';
import { pdfPicture } from '../common/pdf-images';
import { PdfLayout, pdfLanguage } from '../common/pdf-layout';
import type { Language } from '../i18n/languages';

/** A ruled table of a section: each column's width in points (together at most the text width, 515), and its rows. */
export interface FunderTable {
  widths: number[];
  header: string[];
  rows: string[][];
}

/** One part of the report under its heading: a line of explanation, a chart, a table, or what to say when it is empty. */
export interface FunderSection {
  heading: string;
  intro?: string;
  chart?: ChartView | null;
  table?: FunderTable;
  /** Said instead of the table when it has no rows. */
  empty?: string;
}

/** Everything the funder's report shows, its words already in the reader's language. */
export interface FunderReportContent {
  lang: Language;
  title: string;
  /** Printed under the title: the programme, the project and its agreement, the period. */
  subtitle: string[];
  author: string;
  subject: string;
  /** The funder's logos (PNG or JPEG bytes) and publicity statement, as the programme defines them. */
  logos: Buffer[];
  fundingStatement: string;
  facts: [label: string, value: string][];
  sections: FunderSection[];
  /** "1. lpp. no 3" */
  pageLabel: (page: number, pages: number) => string;
  /** Called after each section's table is drawn, with the rows drawn so far (the export's progress). */
  onRows?: (drawn: number) => void;
}

const MARGIN = 40;
const TEXT_WIDTH = 595.28 - 2 * MARGIN;
const LOGO_HEIGHT = 42;
const LOGO_GAP = 20;
/** A table of up to this many rows starts on a new page rather than break. */
const SHORT_TABLE = 12;

/** How many table rows the report draws: what its export's progress counts. */
export function funderReportRows(sections: readonly FunderSection[]): number {
  return sections.reduce((sum, s) => sum + (s.table?.rows.length ?? 0), 0);
}

/**
 * The funder's report as one PDF: A4, the programme's logos and title on the first page with the key facts and the
 * publicity statement, then a section per part of the report (the expected results, the completion funnel drawn and
 * in numbers, each part's counts, the cohorts, the certificate register), its tables running over pages under
 * their header row, and "n. lpp. no N" at the foot of every page. Text in DejaVu (Latvian letters), searchable.
 */
export async function renderFunderReport(content: FunderReportContent): Promise<Buffer> {
  const fonts = await pdfFontsFor([
    content.title,
    ...content.subtitle,
    content.author,
    content.subject,
    content.fundingStatement,
    ...content.facts.flat(),
    ...content.sections.flatMap((s) => [
      s.heading,
      s.intro ?? '',
      s.empty ?? '',
      ...(s.chart?.texts.map((t) => t.text) ?? []),
      ...(s.table ? [...s.table.header, ...s.table.rows.flat()] : []),
    ]),
  ]);
  const { pdf: doc, bytes } = openPdf(fonts, {
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: pdfLanguage(content.lang),
    displayTitle: true,
    info: { Title: `${content.title}: ${content.subject}`, Author: content.author, Subject: content.subject, Creator: 'Kursors' },
  });
  const layout = new PdfLayout(doc, { margin: MARGIN });
  await logos(doc, content.logos);
  layout.title(content.title, content.subtitle, { title: 17, lines: 10.5 }, 0.8);
  layout.facts(content.facts, 0.2);
  if (content.fundingStatement.trim()) layout.note(content.fundingStatement);
  let drawn = 0;
  for (const section of content.sections) {
    layout.heading(section.heading, room(section));
    if (section.intro) {
      doc.font('regular').fontSize(9).fillColor('#333333').text(section.intro, MARGIN, doc.y, { width: TEXT_WIDTH }).fillColor('black');
      doc.moveDown(0.5);
    }
    if (section.chart) layout.chart(section.chart, TEXT_WIDTH);
    if (section.table?.rows.length) {
      layout.table({ ...section.table, fontSize: 8.5, repeatHeader: true });
      drawn += section.table.rows.length;
      content.onRows?.(drawn);
    } else if (section.empty) doc.font('regular').fontSize(10).text(section.empty, MARGIN);
  }
  layout.pageNumbers(content.pageLabel);
  doc.end();
  return bytes;
}

/** Room a section needs under its heading before it starts a page: a short table is kept whole with it. */
function room(section: FunderSection): number {
  const rows = section.table?.rows.length ?? 0;
  return !section.chart && rows && rows <= SHORT_TABLE ? 70 + (rows + 1) * 20 : 90;
}

/** The logos in one centred row at the top of the first page; one pdfkit cannot read is left out. */
async function logos(doc: PDFKit.PDFDocument, images: readonly Buffer[]): Promise<void> {
  const pictures = [];
  for (const [index, bytes] of images.entries()) {
    try {
      const picture = await pdfPicture(bytes, `Logo${index + 1}`);
      pictures.push(Buffer.isBuffer(picture) ? (doc as unknown as { openImage(src: Buffer): object }).openImage(picture) : picture);
    } catch {
      // An unreadable logo does not stop the report: the statement and everything else still print.
    }
  }
  if (!pictures.length) return;
  const slot = Math.min(170, (TEXT_WIDTH - LOGO_GAP * (pictures.length - 1)) / pictures.length);
  let x = MARGIN + (TEXT_WIDTH - (slot * pictures.length + LOGO_GAP * (pictures.length - 1))) / 2;
  const top = doc.y;
  for (const picture of pictures) {
    doc.image(picture as unknown as Buffer, x, top, { fit: [slot, LOGO_HEIGHT], align: 'center', valign: 'center' });
    x += slot + LOGO_GAP;
  }
  doc.x = MARGIN;
  doc.y = top + LOGO_HEIGHT + 14;
}
