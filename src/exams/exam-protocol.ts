import { openPdf, pdfFontsFor } from '../common/pdf-fonts';
import type { Language } from '../i18n/languages';
import { formatDate, formatTime } from '../i18n/dates';
import { formatScore } from './exam-sheet-rules';
import type { ProtocolHeader, SheetRow } from './exam-sheet-records.service';

/** Everything a protocol shows, its words already in the reader's language. */
export interface ProtocolContent {
  lang: Language;
  examTitle: string;
  header: ProtocolHeader;
  maxPoints: string;
  passMarkText: string;
  examiners: string[];
  rows: SheetRow[];
  /** Translates a key of the examSheet.protocol texts. */
  t: (key: string, params?: Record<string, string | number>) => string;
}

const MARGIN = 50;
const COLUMNS = [
  { key: 'number', width: 30 },
  { key: 'name', width: 235 },
  { key: 'score', width: 80 },
  { key: 'result', width: 150 },
] as const;

/** The printable exam protocol: A4, the heading, each trainee's result, the examiners' signature lines. */
export async function renderProtocol(content: ProtocolContent): Promise<Buffer> {
  const { t, header, lang } = content;
  // The fixed words come from the locale files, whose letters the cut-down fonts hold (pdf-fonts.spec.ts).
  const fonts = await pdfFontsFor([
    content.examTitle,
    content.passMarkText,
    ...Object.values(header).filter((value): value is string => typeof value === 'string'),
    ...content.examiners,
    ...content.rows.map((row) => row.name),
  ]);
  const { pdf: doc, bytes } = openPdf(fonts, {
    size: 'A4',
    margin: MARGIN,
    lang: lang === 'lv' ? 'lv-LV' : 'en-GB',
    displayTitle: true,
    info: {
      Title: `${t('title')}: ${content.examTitle}`,
      Author: content.examiners.join(', ') || 'Kursors',
      Subject: header.programmeTitle,
      Creator: 'Kursors',
    },
  });

  doc.font('bold').fontSize(16).text(t('title'), { align: 'center' });
  doc.moveDown(0.3).font('regular').fontSize(11).text(content.examTitle, { align: 'center' });
  doc.moveDown();
  const partTitle = lang === 'en' && header.partTitleEn ? header.partTitleEn : header.partTitleLv;
  const place = [header.address, header.room].filter(Boolean).join(', ');
  const facts: [string, string][] = [
    [t('programme'), header.programmeTitle],
    [t('part'), `${header.partNumber}. ${partTitle}`],
    [t('cohort'), header.cohortName],
    [t('date'), header.sessionStartsAt ? `${formatDate(header.sessionStartsAt, lang)}, ${formatTime(header.sessionStartsAt)}` : '—'],
    [t('place'), place || '—'],
    [t('examiners'), content.examiners.join(', ') || '—'],
    [t('passMark'), `${content.passMarkText} (${t('maxPoints', { max: formatScore(content.maxPoints, lang) })})`],
  ];
  for (const [label, value] of facts) {
    doc.font('bold').fontSize(10).text(`${label}: `, { continued: true }).font('regular').text(value);
  }
  doc.moveDown();
  table(doc, content);
  signatures(doc, content);
  doc.end();
  return bytes;
}

function table(doc: PDFKit.PDFDocument, content: ProtocolContent): void {
  const { t } = content;
  const cells = (values: string[], font: 'regular' | 'bold') => {
    const top = doc.y;
    let x = MARGIN;
    const heights = values.map((value, i) =>
      doc
        .font(font)
        .fontSize(10)
        .heightOfString(value, { width: COLUMNS[i].width - 6 }),
    );
    const height = Math.max(...heights) + 8;
    if (top + height > doc.page.height - MARGIN) {
      doc.addPage();
      return cells(values, font);
    }
    values.forEach((value, i) => {
      doc.rect(x, top, COLUMNS[i].width, height).stroke('#555555');
      doc.fillColor('black').text(value, x + 3, top + 4, { width: COLUMNS[i].width - 6 });
      x += COLUMNS[i].width;
    });
    doc.x = MARGIN;
    doc.y = top + height;
  };
  cells([t('number'), t('trainee'), t('score'), t('result')], 'bold');
  content.rows.forEach((row, index) => {
    cells([String(index + 1), row.name, formatScore(row.score, content.lang) || '—', t(`status.${row.status ?? 'pending'}`)], 'regular');
  });
}

function signatures(doc: PDFKit.PDFDocument, content: ProtocolContent): void {
  const { t } = content;
  doc.moveDown(2);
  if (doc.y > doc.page.height - MARGIN - 60 * Math.max(1, content.examiners.length)) doc.addPage();
  doc.font('bold').fontSize(10).text(t('signatures'), MARGIN);
  for (const name of content.examiners.length ? content.examiners : ['']) {
    doc.moveDown(2.2);
    const y = doc.y;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + 220, y)
      .stroke('#000000');
    doc
      .moveTo(MARGIN + 280, y)
      .lineTo(MARGIN + 400, y)
      .stroke('#000000');
    doc
      .font('regular')
      .fontSize(9)
      .text(name ? `${name} (${t('signature')})` : t('signature'), MARGIN, y + 3, { width: 220 });
    doc.text(t('signedOn'), MARGIN + 280, y + 3, { width: 120 });
    doc.x = MARGIN;
  }
}
