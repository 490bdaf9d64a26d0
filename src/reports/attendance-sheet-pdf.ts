import { openPdf, pdfFontsFor } from '../common/pdf-fonts';
import type { Language } from '../i18n/languages';
import { formatDate, formatTime } from '../i18n/dates';

/** One session's sheet: what it heads the page with and who signs. */
export interface SheetPage {
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  instructors: string[];
  trainees: { name: string; department: string | null; mark: string }[];
}

/** Everything the signed attendance sheets show, their words already in the reader's language. */
export interface AttendanceSheetContent {
  lang: Language;
  programmeTitle: string;
  projectTitle: string;
  agreementNumber: string;
  partTitle: string;
  cohortName: string;
  fundingStatement: string;
  pages: SheetPage[];
  /** Translates a key of the reports.sheet texts. */
  t: (key: string, params?: Record<string, string | number>) => string;
}

const MARGIN = 40;
const COLUMNS = [
  { key: 'number', width: 28 },
  { key: 'trainee', width: 170 },
  { key: 'department', width: 130 },
  { key: 'mark', width: 70 },
  { key: 'signature', width: 117 },
] as const;

/**
 * The printable, signed attendance sheets: A4, a page (or more) per session with the programme, project and
 * agreement number, the session's date, time and place, a line per trainee to sign and the instructors'
 * signature lines, and the funder's publicity statement at the foot.
 */
export async function renderAttendanceSheets(content: AttendanceSheetContent): Promise<Buffer> {
  const { t, lang } = content;
  // DejaVu (src/common/pdf-fonts.ts): the 14 standard PDF fonts have no ā, č, ē, ģ, ī, ķ, ļ, ņ, š, ū, ž. The fixed
  // words come from the locale files, whose letters the cut-down fonts hold; the rest are named here.
  const fonts = await pdfFontsFor([
    content.programmeTitle,
    content.projectTitle,
    content.agreementNumber,
    content.partTitle,
    content.cohortName,
    content.fundingStatement,
    ...content.pages.flatMap((page) => [
      page.title,
      page.place,
      ...page.instructors,
      ...page.trainees.flatMap((trainee) => [trainee.name, trainee.department ?? '', trainee.mark]),
    ]),
  ]);
  const { pdf: doc, bytes } = openPdf(fonts, {
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    lang: lang === 'lv' ? 'lv-LV' : 'en-GB',
    displayTitle: true,
    info: {
      Title: `${t('title')}: ${content.cohortName}`,
      Author: 'Kursors',
      Subject: content.programmeTitle,
      Creator: 'Kursors',
    },
  });
  if (!content.pages.length) {
    doc.addPage();
    heading(doc, content);
    doc.font('regular').fontSize(11).text(t('noSessions'));
  }
  for (const page of content.pages) {
    doc.addPage();
    heading(doc, content);
    facts(doc, content, page);
    table(doc, content, page);
    signatures(doc, content, page);
  }
  doc.end();
  return bytes;
}

function heading(doc: PDFKit.PDFDocument, content: AttendanceSheetContent): void {
  doc.font('bold').fontSize(15).text(content.t('title'), { align: 'center' });
  doc.moveDown(0.3).font('regular').fontSize(10).text(content.programmeTitle, { align: 'center' });
  if (content.projectTitle)
    doc.text(`${content.projectTitle}${content.agreementNumber ? ` (${content.agreementNumber})` : ''}`, { align: 'center' });
  doc.moveDown(0.8);
}

function facts(doc: PDFKit.PDFDocument, content: AttendanceSheetContent, page: SheetPage): void {
  const { t, lang } = content;
  const rows: [string, string][] = [
    [t('part'), content.partTitle],
    [t('cohort'), content.cohortName],
    [t('session'), page.title],
    [t('date'), `${formatDate(page.startsAt, lang)}, ${formatTime(page.startsAt)}–${formatTime(page.endsAt)}`],
    [t('place'), page.place || '—'],
    [t('instructors'), page.instructors.join(', ') || '—'],
  ];
  for (const [label, value] of rows) doc.font('bold').fontSize(10).text(`${label}: `, { continued: true }).font('regular').text(value);
  doc.moveDown(0.8);
}

function table(doc: PDFKit.PDFDocument, content: AttendanceSheetContent, page: SheetPage): void {
  const { t } = content;
  const cells = (values: string[], font: 'regular' | 'bold', minHeight: number) => {
    const heights = values.map((value, i) =>
      doc
        .font(font)
        .fontSize(9.5)
        .heightOfString(value, { width: COLUMNS[i].width - 6 }),
    );
    const height = Math.max(minHeight, ...heights.map((h) => h + 8));
    if (doc.y + height > doc.page.height - MARGIN - 40) {
      doc.addPage();
      heading(doc, content);
    }
    const top = doc.y;
    let x = MARGIN;
    doc.font(font).fontSize(9.5);
    values.forEach((value, i) => {
      doc.rect(x, top, COLUMNS[i].width, height).stroke('#555555');
      doc.fillColor('black').text(value, x + 3, top + 4, { width: COLUMNS[i].width - 6 });
      x += COLUMNS[i].width;
    });
    doc.x = MARGIN;
    doc.y = top + height;
  };
  cells([t('number'), t('trainee'), t('department'), t('mark'), t('signature')], 'bold', 0);
  page.trainees.forEach((trainee, index) => {
    // Room to sign by hand: a row at least 26 points high.
    cells([String(index + 1), trainee.name, trainee.department ?? '', trainee.mark, ''], 'regular', 26);
  });
  if (!page.trainees.length) doc.font('regular').fontSize(10).text(t('noTrainees'), MARGIN);
}

function signatures(doc: PDFKit.PDFDocument, content: AttendanceSheetContent, page: SheetPage): void {
  const { t } = content;
  const signers = page.instructors.length ? page.instructors : [''];
  if (doc.y > doc.page.height - MARGIN - 70 - 45 * signers.length) {
    doc.addPage();
    heading(doc, content);
  }
  doc.moveDown(1.5);
  doc.font('bold').fontSize(10).text(t('instructorSignature'), MARGIN);
  for (const name of signers) {
    doc.moveDown(2.2);
    const y = doc.y;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + 230, y)
      .stroke('#000000');
    doc
      .moveTo(MARGIN + 290, y)
      .lineTo(MARGIN + 420, y)
      .stroke('#000000');
    doc
      .font('regular')
      .fontSize(9)
      .text(name ? `${name} (${t('signatureLine')})` : t('signatureLine'), MARGIN, y + 3, { width: 230 });
    doc.text(t('signedOn'), MARGIN + 290, y + 3, { width: 130 });
    doc.x = MARGIN;
  }
  if (content.fundingStatement) {
    doc.moveDown(2);
    doc.font('regular').fontSize(8).fillColor('#333333').text(content.fundingStatement, MARGIN).fillColor('black');
  }
}
