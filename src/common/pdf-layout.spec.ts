import { funnelChart } from './charts';
import { openPdf, subsetPdfFonts } from './pdf-fonts';
import { PdfLayout, pdfLanguage, type PdfSignatures } from './pdf-layout';

const MARGIN = 40;

/** A layout on a fresh A4 document, counting the pages it heads and recording every text drawn and where. */
async function drawn(options: { bufferPages?: boolean } = {}) {
  const { pdf: doc, bytes } = openPdf(await subsetPdfFonts(), { size: 'A4', margin: MARGIN, ...options });
  const texts: { text: string; page: number; y: number }[] = [];
  let page = 1;
  doc.on('pageAdded', () => page++);
  const text = doc.text.bind(doc) as (...args: unknown[]) => PDFKit.PDFDocument;
  doc.text = ((value: string, ...rest: unknown[]) => {
    const y = typeof rest[1] === 'number' ? rest[1] : doc.y;
    texts.push({ text: value, page, y });
    return text(value, ...rest);
  }) as typeof doc.text;
  let headed = 0;
  const layout = new PdfLayout(doc, {
    margin: MARGIN,
    onNewPage: () => {
      headed++;
      layout.title('Heading', ['Subtitle'], { title: 15, lines: 10 }, 0.8);
    },
  });
  const finish = async () => {
    doc.end();
    await bytes;
  };
  return { doc, layout, texts, pages: () => page, headed: () => headed, finish };
}

const signatures = (names: string[]): PdfSignatures => ({
  heading: 'Signatures',
  names,
  signatureLabel: 'signature',
  dateLabel: 'date',
  lineWidth: 230,
  dateWidth: 130,
  spaceBefore: 1.5,
  room: { fixed: 53, perName: 45 },
});

describe('the shared PDF layout', () => {
  it('declares the language of the text', () => {
    expect(pdfLanguage('lv')).toBe('lv-LV');
    expect(pdfLanguage('en')).toBe('en-GB');
  });

  it('runs a long table over pages, heading each new page and keeping every row above the bottom margin', async () => {
    const page = await drawn();
    const rows = Array.from({ length: 60 }, (_, i) => [String(i + 1), `Trainee ${i + 1}`]);
    page.layout.table({ widths: [30, 200], header: ['No.', 'Name'], rows, fontSize: 9.5, minRowHeight: 26, reserve: 40 });
    const height = page.doc.page.height;
    await page.finish();

    expect(page.pages()).toBeGreaterThan(2);
    expect(page.headed()).toBe(page.pages() - 1);
    const cells = page.texts.filter((t) => /^Trainee /.test(t.text));
    expect(cells.map((t) => t.text)).toEqual(rows.map((row) => row[1]));
    for (const cell of cells) expect(cell.y + 26).toBeLessThanOrEqual(height - MARGIN - 40 + 4);
    // Each continued page starts under its heading, not over it.
    const firstOnPage2 = cells.find((t) => t.page === 2)!;
    const headingOnPage2 = page.texts.find((t) => t.page === 2 && t.text === 'Subtitle')!;
    expect(firstOnPage2.y).toBeGreaterThan(headingOnPage2.y);
  });

  it('keeps the signature heading with its lines, starting a page when they do not fit', async () => {
    const page = await drawn();
    page.doc.y = page.doc.page.height - MARGIN - 100;
    page.layout.signatures(signatures(['Anna Bērziņa', 'Jānis Ozols']));
    await page.finish();

    expect(page.pages()).toBe(2);
    expect(page.texts.filter((t) => t.page === 2).map((t) => t.text)).toEqual([
      'Heading',
      'Subtitle',
      'Signatures',
      'Anna Bērziņa (signature)',
      'date',
      'Jānis Ozols (signature)',
      'date',
    ]);
  });

  it('stays on the page when the lines fit, and gives one unnamed line when nobody is named', async () => {
    const page = await drawn();
    page.layout.facts([['Cohort', '2012 rudens']], 0.8);
    page.layout.signatures(signatures([]));
    page.layout.note('Funding statement');
    await page.finish();

    expect(page.pages()).toBe(1);
    expect(page.texts.map((t) => t.text)).toEqual(['Cohort: ', '2012 rudens', 'Signatures', 'signature', 'date', 'Funding statement']);
  });

  it('repeats a table’s header row on each page it runs onto, and numbers every page without adding one', async () => {
    const page = await drawn({ bufferPages: true });
    const rows = Array.from({ length: 60 }, (_, i) => [String(i + 1), `Trainee ${i + 1}`]);
    page.layout.table({ widths: [30, 200], header: ['No.', 'Name'], rows, fontSize: 9.5, minRowHeight: 26, repeatHeader: true });
    const pages = page.pages();
    page.layout.pageNumbers((n, total) => `${n}. lpp. no ${total}`);
    await page.finish();

    expect(pages).toBeGreaterThan(2);
    expect(page.pages()).toBe(pages);
    for (let n = 1; n <= pages; n++) expect(page.texts.filter((t) => t.page === n && t.text === 'Name')).toHaveLength(1);
    expect(page.texts.filter((t) => t.text.includes('lpp.')).map((t) => t.text)).toEqual(
      Array.from({ length: pages }, (_, i) => `${i + 1}. lpp. no ${pages}`),
    );
  });

  it('draws a chart scaled to the width and keeps it whole, starting a page when it does not fit', async () => {
    const chart = funnelChart([
      { label: 'Uzņemti', value: 9 },
      { label: 'Pabeiguši', value: 5 },
    ]);
    const page = await drawn();
    page.doc.y = page.doc.page.height - MARGIN - 50;
    page.layout.chart(chart, 515);
    const below = page.doc.y;
    await page.finish();

    expect(page.pages()).toBe(2);
    expect(page.texts.filter((t) => t.page === 2).map((t) => t.text)).toEqual(['Heading', 'Subtitle', 'Uzņemti', '9', 'Pabeiguši', '5']);
    const top = page.texts.find((t) => t.text === 'Uzņemti')!.y;
    expect(below - top).toBeGreaterThan((chart.height * 515) / 640 - 10);
  });
});
