import { openPdf, pdfFontsFor } from '../common/pdf-fonts';
import { PdfLayout, pdfLanguage } from '../common/pdf-layout';
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
const WIDTHS = [30, 235, 80, 150];

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
    lang: pdfLanguage(lang),
    displayTitle: true,
    info: {
      Title: `${t('title')}: ${content.examTitle}`,
      Author: content.examiners.join(', ') || 'Kursors',
      Subject: header.programmeTitle,
      Creator: 'Kursors',
    },
  });
  const layout = new PdfLayout(doc, { margin: MARGIN });
  layout.title(t('title'), [content.examTitle], { title: 16, lines: 11 }, 1);
  const partTitle = lang === 'en' && header.partTitleEn ? header.partTitleEn : header.partTitleLv;
  const place = [header.address, header.room].filter(Boolean).join(', ');
  layout.facts(
    [
      [t('programme'), header.programmeTitle],
      [t('part'), `${header.partNumber}. ${partTitle}`],
      [t('cohort'), header.cohortName],
      [t('date'), header.sessionStartsAt ? `${formatDate(header.sessionStartsAt, lang)}, ${formatTime(header.sessionStartsAt)}` : '—'],
      [t('place'), place || '—'],
      [t('examiners'), content.examiners.join(', ') || '—'],
      [t('passMark'), `${content.passMarkText} (${t('maxPoints', { max: formatScore(content.maxPoints, lang) })})`],
    ],
    1,
  );
  layout.table({
    widths: WIDTHS,
    fontSize: 10,
    header: [t('number'), t('trainee'), t('score'), t('result')],
    rows: content.rows.map((row, index) => [
      String(index + 1),
      row.name,
      formatScore(row.score, lang) || '—',
      t(`status.${row.status ?? 'pending'}`),
    ]),
  });
  layout.signatures({
    heading: t('signatures'),
    names: content.examiners,
    signatureLabel: t('signature'),
    dateLabel: t('signedOn'),
    lineWidth: 220,
    dateWidth: 120,
    spaceBefore: 2,
    room: { fixed: 0, perName: 60 },
  });
  doc.end();
  return bytes;
}
