import { openPdf, pdfFontsFor } from '../common/pdf-fonts';
import { PdfLayout, pdfLanguage } from '../common/pdf-layout';
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
const WIDTHS = [28, 170, 130, 70, 117];

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
    lang: pdfLanguage(lang),
    displayTitle: true,
    info: {
      Title: `${t('title')}: ${content.cohortName}`,
      Author: 'Kursors',
      Subject: content.programmeTitle,
      Creator: 'Kursors',
    },
  });
  const project = content.projectTitle && `${content.projectTitle}${content.agreementNumber ? ` (${content.agreementNumber})` : ''}`;
  const layout = new PdfLayout(doc, {
    margin: MARGIN,
    onNewPage: () => layout.title(t('title'), [content.programmeTitle, project], { title: 15, lines: 10 }, 0.8),
  });
  if (!content.pages.length) {
    layout.newPage();
    doc.font('regular').fontSize(11).text(t('noSessions'));
  }
  for (const page of content.pages) {
    layout.newPage();
    sheet(layout, content, page);
  }
  doc.end();
  return bytes;
}

function sheet(layout: PdfLayout, content: AttendanceSheetContent, page: SheetPage): void {
  const { t, lang } = content;
  layout.facts(
    [
      [t('part'), content.partTitle],
      [t('cohort'), content.cohortName],
      [t('session'), page.title],
      [t('date'), `${formatDate(page.startsAt, lang)}, ${formatTime(page.startsAt)}–${formatTime(page.endsAt)}`],
      [t('place'), page.place || '—'],
      [t('instructors'), page.instructors.join(', ') || '—'],
    ],
    0.8,
  );
  layout.table({
    widths: WIDTHS,
    fontSize: 9.5,
    header: [t('number'), t('trainee'), t('department'), t('mark'), t('signature')],
    rows: page.trainees.map((trainee, index) => [String(index + 1), trainee.name, trainee.department ?? '', trainee.mark, '']),
    // Room to sign by hand.
    minRowHeight: 26,
    reserve: 40,
  });
  if (!page.trainees.length) layout.doc.font('regular').fontSize(10).text(t('noTrainees'), MARGIN);
  layout.signatures({
    heading: t('instructorSignature'),
    names: page.instructors,
    signatureLabel: t('signatureLine'),
    dateLabel: t('signedOn'),
    lineWidth: 230,
    dateWidth: 130,
    spaceBefore: 1.5,
    room: { fixed: 53, perName: 45 },
  });
  if (content.fundingStatement) layout.note(content.fundingStatement);
}
