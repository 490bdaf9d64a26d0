import QRCode from 'qrcode';
import { openPdf, pdfFontsFor } from '../common/pdf-fonts';
import { pdfPicture, type PdfPicture } from '../common/pdf-images';
import { pdfLanguage } from '../common/pdf-layout';
import { formatCalendarDate, formatCalendarPeriod, parseCalendarDate, rigaTime } from '../i18n/dates';
import { CERTIFICATE_LABEL_KEYS, type CertificateDocument, type CertificateLabelKey } from './certificate-document';
import { hoursText } from './certificate-labels';
import { CertificateLogoError } from './certificate-pdf.errors';

/**
 * The certificate as a PDF: A4 portrait, one page (a second only when the learning outcomes do not fit), its text
 * searchable in DejaVu fonts cut down to the letters used, the QR code drawn as vector squares. The same document
 * gives the same bytes: the dates inside are the issue date and the file's ID is derived from its metadata.
 */
export async function renderCertificatePdf(doc: CertificateDocument): Promise<Buffer> {
  const labels = checkedLabels(doc);
  const texts = textsOf(doc, labels);
  const fonts = await pdfFontsFor(texts.all);
  const logos = await Promise.all(
    doc.logos.map((bytes, index) =>
      pdfPicture(bytes, `Logo${index + 1}`).catch(() => {
        throw new CertificateLogoError(index + 1);
      }),
    ),
  );
  const issued = calendarInstant(doc.issuedOn);
  const { pdf, bytes } = openPdf(fonts, {
    size: 'A4',
    margin: 0,
    pdfVersion: '1.7',
    lang: pdfLanguage(doc.lang),
    displayTitle: true,
    info: {
      Title: `${doc.title} ${labels.serial} ${doc.serial}: ${doc.holderName}`,
      Author: doc.issuer,
      Subject: doc.partTitle ? `${doc.programmeTitle}: ${doc.partTitle}` : doc.programmeTitle,
      Keywords: `${doc.serial} ${doc.verificationCode}`,
      Creator: 'Kursors',
      Producer: 'Kursors',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  new CertificatePage(pdf, doc, labels, texts, logos).draw();
  pdf.end();
  return bytes;
}

// A4 portrait in points; the text stays inside the frame's margins.
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const LEFT = 62;
const RIGHT = PAGE_WIDTH - LEFT;
const WIDTH = RIGHT - LEFT;
const CENTRE = PAGE_WIDTH / 2;

const INK = '#1b2a41';
const MUTED = '#4a5568';
const ACCENT = '#8c6d2c';
const QR_INK = '#000000';

const LOGO_HEIGHT = 46;
const LOGO_GAP = 22;
const QR_SIZE = 78;
const OUTCOME_SIZES = [10.5, 10, 9.5, 9, 8.5, 8, 7.5];

type Labels = Record<CertificateLabelKey, string>;

interface Texts {
  hours: string;
  period: string;
  issuedOn: string;
  /** Everything the page prints, to choose the fonts that can draw it. */
  all: string[];
}

function checkedLabels(doc: CertificateDocument): Labels {
  const missing = CERTIFICATE_LABEL_KEYS.filter((key) => typeof doc.labels[key] !== 'string');
  if (missing.length) throw new TypeError(`CertificateDocument.labels lacks ${missing.join(', ')}`);
  return doc.labels as Labels;
}

function calendarInstant(value: string): Date {
  const date = parseCalendarDate(value);
  if (!date) throw new RangeError(`CertificateDocument: not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  // noon in Riga, so the date reads the same in UTC
  return rigaTime(date.year, date.month, date.day, 12);
}

function textsOf(doc: CertificateDocument, labels: Labels): Texts {
  const hours = hoursText(doc);
  calendarInstant(doc.startsOn);
  calendarInstant(doc.endsOn);
  const period = formatCalendarPeriod(doc.startsOn, doc.endsOn, doc.lang);
  const issuedOn = formatCalendarDate(doc.issuedOn, doc.lang);
  const all = [
    doc.title,
    doc.title.toLocaleUpperCase(doc.lang),
    doc.holderName,
    doc.programmeTitle,
    doc.partTitle ?? '',
    doc.place,
    doc.issuer,
    doc.serial,
    doc.verificationCode,
    doc.verificationUrl,
    doc.publicityStatement,
    ...doc.learningOutcomes,
    ...doc.signatories.flatMap((s) => [s.name, s.position]),
    ...Object.values(labels),
    hours,
    period,
    issuedOn,
  ];
  return { hours, period, issuedOn, all };
}

/** One certificate's drawing: the header from the top down, the signatures and footer from the bottom up. */
class CertificatePage {
  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly doc: CertificateDocument,
    private readonly labels: Labels,
    private readonly texts: Texts,
    private readonly pictures: PdfPicture[],
  ) {}

  draw(): void {
    this.frame();
    const headerBottom = this.header();
    const footerTop = this.footer();
    this.outcomes(headerBottom + 18, footerTop - 18);
  }

  private frame(): void {
    const { pdf } = this;
    pdf
      .lineWidth(2)
      .rect(20, 20, PAGE_WIDTH - 40, PAGE_HEIGHT - 40)
      .stroke(ACCENT);
    pdf
      .lineWidth(0.6)
      .rect(27, 27, PAGE_WIDTH - 54, PAGE_HEIGHT - 54)
      .stroke(ACCENT);
  }

  /** Logos, issuer, title, serial, the holder and what they completed; returns where it ends. */
  private header(): number {
    const { pdf, doc, labels, texts } = this;
    let y = 48;
    if (this.pictures.length) {
      this.logos(y);
      y += LOGO_HEIGHT + 16;
    }
    y = this.centred(doc.issuer, y, 'bold', 10, MUTED, { characterSpacing: 0.6 }) + 18;
    y = this.centred(doc.title.toLocaleUpperCase(doc.lang), y, 'serifBold', 34, INK, { characterSpacing: 1.5 }) + 4;
    y = this.centred(`${labels.serial} ${doc.serial}`, y, 'regular', 11, MUTED) + 26;
    y = this.centred(labels.certifies, y, 'regular', 12, MUTED) + 8;
    y = this.centred(doc.holderName, y, 'serifBold', this.fittedSize(doc.holderName, 'serifBold', 28, 14), INK) + 6;
    pdf
      .lineWidth(0.8)
      .moveTo(CENTRE - 90, y)
      .lineTo(CENTRE + 90, y)
      .stroke(ACCENT);
    y = this.centred(labels.completed, y + 12, 'regular', 12, MUTED) + 8;
    y = this.centred(doc.programmeTitle, y, 'serifBold', 16, INK, { lineGap: 2 }) + 8;
    if (doc.partTitle) y = this.labelled(labels.part, doc.partTitle, y, 11) + 10;
    y += 6;
    y = this.labelled(labels.hours, texts.hours, y, 10.5) + 3;
    y = this.labelled(labels.period, texts.period, y, 10.5) + 3;
    return this.labelled(labels.place, doc.place, y, 10.5);
  }

  /** The funder's logos in one centred row, each as tall as the row unless too wide. */
  private logos(y: number): void {
    const { pdf } = this;
    const images = this.pictures.map((picture, index) => {
      let image: PdfImage;
      try {
        image = Buffer.isBuffer(picture) ? (pdf as unknown as { openImage(src: Buffer): PdfImage }).openImage(picture) : picture;
      } catch {
        throw new CertificateLogoError(index + 1);
      }
      const turned = (image.orientation ?? 1) > 4;
      const [width, height] = turned ? [image.height, image.width] : [image.width, image.height];
      return { image, ratio: width / height };
    });
    const maxWidth = (WIDTH - LOGO_GAP * (images.length - 1)) / images.length;
    const boxes = images.map(({ image, ratio }) => ({ image, width: Math.min(LOGO_HEIGHT * ratio, maxWidth, 190) }));
    let x = CENTRE - (boxes.reduce((sum, b) => sum + b.width, 0) + LOGO_GAP * (boxes.length - 1)) / 2;
    for (const { image, width } of boxes) {
      pdf.image(image as unknown as Buffer, x, y, { fit: [width, LOGO_HEIGHT], align: 'center', valign: 'center' });
      x += width + LOGO_GAP;
    }
  }

  /** From the bottom up: the publicity statement, the QR code with the code and issue date, the signatures. */
  private footer(): number {
    const { pdf, doc, labels, texts } = this;
    let bottom = PAGE_HEIGHT - 42;
    if (doc.publicityStatement.trim()) {
      pdf.font('regular').fontSize(7.5);
      const height = pdf.heightOfString(doc.publicityStatement, { width: WIDTH, align: 'center' });
      pdf.fillColor(MUTED).text(doc.publicityStatement, LEFT, bottom - height, { width: WIDTH, align: 'center' });
      bottom -= height + 14;
    }
    const qrTop = bottom - QR_SIZE;
    this.qr(LEFT, qrTop);
    const textLeft = LEFT + QR_SIZE + 12;
    let y = qrTop + 8;
    pdf.font('regular').fontSize(8.5).fillColor(MUTED).text(labels.verificationCode, textLeft, y, { lineBreak: false });
    y += 12;
    pdf.font('bold').fontSize(12).fillColor(INK).text(doc.verificationCode, textLeft, y, { lineBreak: false });
    y += 22;
    pdf.font('regular').fontSize(8.5).fillColor(MUTED).text(labels.verifyAt, textLeft, y, { lineBreak: false });
    y += 11;
    pdf
      .fontSize(8.5)
      .fillColor(INK)
      .text(verificationPage(doc), textLeft, y, { width: RIGHT - 150 - textLeft, link: doc.verificationUrl });

    const issuedLeft = RIGHT - 140;
    pdf
      .font('regular')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(labels.issuedOn, issuedLeft, qrTop + 8, { width: 140, align: 'right' });
    pdf
      .font('bold')
      .fontSize(10.5)
      .fillColor(INK)
      .text(texts.issuedOn, issuedLeft, qrTop + 20, { width: 140, align: 'right' });
    return this.signatures(qrTop - 22);
  }

  /** The signatories side by side (rows of three when more than four), each a line to sign on, name and position. */
  private signatures(bottom: number): number {
    const { pdf } = this;
    const people = this.doc.signatories;
    if (!people.length) return bottom;
    const perRow = people.length <= 4 ? people.length : 3;
    const rows: (typeof people)[] = [];
    for (let i = 0; i < people.length; i += perRow) rows.push(people.slice(i, i + perRow));
    const gap = perRow > 3 ? 16 : 28;
    const width = (WIDTH - gap * (perRow - 1)) / perRow;
    const lineWidth = Math.min(width, 190);
    let top = bottom;
    for (const row of rows.reverse()) {
      const height =
        Math.max(
          ...row.map(
            (p) =>
              pdf.font('bold').fontSize(10).heightOfString(p.name, { width }) +
              pdf.font('regular').fontSize(8.5).heightOfString(p.position, { width }),
          ),
        ) + 4;
      const lineY = top - height - 4;
      const rowLeft = CENTRE - (row.length * width + (row.length - 1) * gap) / 2;
      row.forEach((person, i) => {
        const x = rowLeft + i * (width + gap);
        pdf
          .lineWidth(0.6)
          .moveTo(x + (width - lineWidth) / 2, lineY)
          .lineTo(x + (width + lineWidth) / 2, lineY)
          .stroke(INK);
        pdf
          .font('bold')
          .fontSize(10)
          .fillColor(INK)
          .text(person.name, x, lineY + 5, { width, align: 'center' });
        pdf
          .font('regular')
          .fontSize(8.5)
          .fillColor(MUTED)
          .text(person.position, x, pdf.y + 1, { width, align: 'center' });
      });
      // room above each line for a handwritten signature
      top = lineY - 40;
    }
    return top;
  }

  /** The learning outcomes as a list in the space left, smaller type when needed, or on a second page. */
  private outcomes(top: number, bottom: number): void {
    const { pdf, doc, labels } = this;
    const items = doc.learningOutcomes.map((o) => o.trim()).filter(Boolean);
    if (!items.length) return;
    const size = OUTCOME_SIZES.find((s) => this.listHeight(items, s) + s * 1.9 <= bottom - top);
    if (size !== undefined) {
      pdf
        .font('bold')
        .fontSize(size + 0.5)
        .fillColor(INK)
        .text(labels.outcomes, LEFT, top, { width: WIDTH });
      this.list(items, pdf.y + size * 0.35, size);
      return;
    }
    pdf.font('regular').fontSize(10).fillColor(MUTED).text(labels.outcomesOverleaf, LEFT, top, { width: WIDTH, align: 'center' });
    pdf.addPage({ size: 'A4', margin: 0 });
    this.frame();
    pdf.font('bold').fontSize(13).fillColor(INK).text(labels.outcomesContinued, LEFT, 56, { width: WIDTH });
    pdf
      .font('regular')
      .fontSize(9)
      .fillColor(MUTED)
      .text(`${doc.holderName} · ${labels.serial} ${doc.serial}`, LEFT, pdf.y + 2, { width: WIDTH });
    this.list(items, pdf.y + 12, 10, PAGE_HEIGHT - 42);
  }

  private listHeight(items: string[], size: number): number {
    this.pdf.font('regular').fontSize(size);
    return items.reduce((sum, item) => sum + this.pdf.heightOfString(item, { width: WIDTH - 14, lineGap: 1 }) + size * 0.3, 0);
  }

  private list(items: string[], top: number, size: number, pageBottom = PAGE_HEIGHT): void {
    const { pdf } = this;
    let y = top;
    for (const item of items) {
      pdf.font('regular').fontSize(size);
      const height = pdf.heightOfString(item, { width: WIDTH - 14, lineGap: 1 });
      if (y + height > pageBottom) {
        pdf.addPage({ size: 'A4', margin: 0 });
        this.frame();
        y = 56;
      }
      pdf.circle(LEFT + 4, y + size * 0.45, size * 0.16).fill(ACCENT);
      pdf.fillColor(INK).text(item, LEFT + 14, y, { width: WIDTH - 14, lineGap: 1 });
      y += height + size * 0.3;
    }
  }

  /** The QR code of the verification link, each row's dark runs drawn as rectangles; the whole code is a link. */
  private qr(x: number, y: number): void {
    const { pdf, doc } = this;
    const { modules } = QRCode.create(doc.verificationUrl, { errorCorrectionLevel: 'M' });
    const count = modules.size;
    const cell = QR_SIZE / count;
    for (let row = 0; row < count; row++) {
      let column = 0;
      while (column < count) {
        if (!modules.get(row, column)) {
          column++;
          continue;
        }
        const start = column;
        while (column < count && modules.get(row, column)) column++;
        pdf.rect(x + start * cell, y + row * cell, (column - start) * cell, cell);
      }
    }
    pdf.fill(QR_INK);
    pdf.link(x, y, QR_SIZE, QR_SIZE, doc.verificationUrl);
  }

  /** Centred text (wrapped when too long); returns the y below it. */
  private centred(text: string, y: number, font: string, size: number, color: string, options: PDFKit.Mixins.TextOptions = {}): number {
    this.pdf
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(text, LEFT, y, { width: WIDTH, align: 'center', ...options });
    return this.pdf.y;
  }

  /** "Label: value", centred on one line when it fits, else the label above the value; returns the y below it. */
  private labelled(label: string, value: string, y: number, size: number): number {
    const { pdf } = this;
    const head = `${label}: `;
    const headWidth = pdf.font('regular').fontSize(size).widthOfString(head);
    const valueWidth = pdf.font('bold').fontSize(size).widthOfString(value);
    if (headWidth + valueWidth <= WIDTH) {
      const x = CENTRE - (headWidth + valueWidth) / 2;
      pdf.font('regular').fillColor(MUTED).text(head, x, y, { lineBreak: false });
      pdf
        .font('bold')
        .fillColor(INK)
        .text(value, x + headWidth, y, { lineBreak: false });
      return y + pdf.currentLineHeight(true);
    }
    const below = this.centred(label, y, 'regular', size, MUTED);
    return this.centred(value, below, 'bold', size, INK);
  }

  /** The largest size from `max` down to `min` at which the text fits on one line. */
  private fittedSize(text: string, font: string, max: number, min: number): number {
    this.pdf.font(font);
    let size = max;
    while (size > min && this.pdf.fontSize(size).widthOfString(text) > WIDTH) size -= 1;
    return size;
  }
}

/** The page to type the code into: the verification link without the code at its end. */
function verificationPage(doc: CertificateDocument): string {
  const suffix = `/${doc.verificationCode}`;
  return doc.verificationUrl.endsWith(suffix) ? doc.verificationUrl.slice(0, -suffix.length) : doc.verificationUrl;
}

interface PdfImage {
  width: number;
  height: number;
  orientation?: number;
}
