import { renderCertificatePdf } from '../src/certificates/certificate-pdf';
import { CertificateLogoError } from '../src/certificates/certificate-pdf.errors';
import { certificateDocument } from './support/certificate-documents';
import { jpegLogo, logoPng } from './support/files';
import { pdfQrCodes, pdfFonts, pdfInfo, pdfText, pdfWords } from './support/pdf-tools';

const LATVIAN = 'āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ';

describe('the certificate PDF', () => {
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    pdf = await renderCertificatePdf(certificateDocument());
    text = pdfText(pdf);
  });

  it('prints every Latvian letter as searchable text', () => {
    for (const letter of LATVIAN) expect(text).toContain(letter);
    expect(text).toContain('Āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ — visi latviešu burti.');
    expect(text).toContain('Ģirts Žūriņš-Ķēniņš');
  });

  it('prints the holder, programme, part, hours, dates, place, outcomes, signatories, issue date, serial and code', () => {
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'APLIECĪBA',
      'Nr. DPD-2012/0001',
      'Apliecina, ka',
      'Daugavpils pašvaldības kapacitātes stiprināšana ES fondu projektu īstenošanai',
      '2. daļa. Projektu vadības specifika dažāda veida projektos',
      'Apjoms: 40 akadēmiskās stundas',
      'Norises laiks: 2012. gada 7. maijs – 29. jūnijs',
      'Norises vieta: Daugavpils, Krišjāņa Valdemāra iela 1',
      'Mācību rezultāti',
      'Prot plānot projekta laika grafiku, budžetu un riskus, ņemot vērā finansētāja prasības.',
      'Jānis Ozoliņš',
      'Projekta vadītājs',
      'Līga Bērziņa-Čakste',
      'Mācību programmas vadītāja',
      'Izsniegšanas datums',
      '2012. gada 2. jūlijs',
      'Daugavpils pilsētas dome',
      'Pārbaudes kods',
      'K7QX-M2PA-9FJD-W4RT',
      'https://kursors.example.lv/verify',
      'Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu',
    ]) {
      expect(flat).toContain(expected);
    }
  });

  it('carries the verification link in a QR code a scanner reads', () => {
    expect(pdfQrCodes(pdf)).toEqual(['https://kursors.example.lv/verify/K7QX-M2PA-9FJD-W4RT']);
  });

  it('embeds its fonts as subsets with a Unicode map', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const font of fonts) {
      expect(font).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+DejaVu/);
    }
  });

  it('names its title, author, subject and language, dated on the issue date', () => {
    const info = pdfInfo(pdf);
    expect(info.Title).toBe('Apliecība Nr. DPD-2012/0001: Ģirts Žūriņš-Ķēniņš');
    expect(info.Author).toBe('Daugavpils pilsētas dome');
    expect(info.Subject).toContain('2. daļa. Projektu vadības specifika');
    expect(info.Pages).toBe('1');
    expect(info['Page size']).toContain('(A4)');
    expect(info.CreationDate).toMatch(/^2012-07-02T/);
    expect(info.ModDate).toMatch(/^2012-07-02T/);
    expect(pdf.toString('latin1')).toContain('/Lang (lv-LV)');
  });

  it('stays under 100 KB with two logos', () => {
    expect(pdf.length).toBeLessThan(100 * 1024);
  });

  it('gives the same bytes for the same document, other bytes and another file ID for another', async () => {
    const again = await renderCertificatePdf(certificateDocument());
    expect(again.equals(pdf)).toBe(true);
    const other = await renderCertificatePdf(certificateDocument({ serial: 'DPD-2012/0002' }));
    expect(other.equals(pdf)).toBe(false);
    const id = (bytes: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(bytes.toString('latin1'))?.[1];
    expect(id(other)).toBeDefined();
    expect(id(other)).not.toBe(id(pdf));
  });

  it('is written in English for an English-speaking holder', async () => {
    const english = await renderCertificatePdf(certificateDocument({ lang: 'en', title: 'Certificate', academicHours: 21 }));
    const flat = pdfWords(english);
    expect(flat).toContain('CERTIFICATE');
    expect(flat).toContain('This is to certify that');
    expect(flat).toContain('Volume: 21 academic hours');
    expect(flat).toContain('Dates: 7 May – 29 June 2012');
    expect(flat).toContain('Date of issue');
    expect(flat).toContain('2 July 2012');
    expect(english.toString('latin1')).toContain('/Lang (en-GB)');
  });

  it('says one academic hour in the singular, 21 too in Latvian', async () => {
    const flat = pdfWords(await renderCertificatePdf(certificateDocument({ academicHours: 21 })));
    expect(flat).toContain('Apjoms: 21 akadēmiskā stunda');
  });

  it('prints a programme certificate without a part, and without logos or a publicity statement', async () => {
    const bare = await renderCertificatePdf(certificateDocument({ partTitle: null, logos: [], publicityStatement: '' }));
    const flat = pdfWords(bare);
    expect(flat).not.toContain('Programmas daļa');
    expect(flat).toContain('Daugavpils pašvaldības kapacitātes stiprināšana');
    expect(pdfQrCodes(bare)).toEqual(['https://kursors.example.lv/verify/K7QX-M2PA-9FJD-W4RT']);
  });

  it('draws a JPEG logo beside a PNG with transparency', async () => {
    const withJpeg = await renderCertificatePdf(certificateDocument({ logos: [jpegLogo(), logoPng(200, 80, { alpha: true })] }));
    expect(pdfText(withJpeg)).toContain('APLIECĪBA');
    expect(withJpeg.toString('latin1')).toContain('/DCTDecode');
    expect(withJpeg.toString('latin1')).toContain('/SMask');
  });

  it('keeps a long name on one line in a smaller size, and a non-Latin name in whole fonts', async () => {
    const longName = 'Anna-Marija Ļaudaviņa-Šķēle-Ziediņa';
    const lines = pdfText(await renderCertificatePdf(certificateDocument({ holderName: longName }))).split('\n');
    expect(lines).toContain(longName);

    const cyrillic = await renderCertificatePdf(certificateDocument({ holderName: 'Ольга Петренко' }));
    expect(pdfText(cyrillic)).toContain('Ольга Петренко');
    for (const font of pdfFonts(cyrillic)) expect(font).toMatchObject({ embedded: true, subset: true });
  });

  it('moves many learning outcomes to a second page rather than cutting them', async () => {
    const outcomes = Array.from(
      { length: 22 },
      (_, i) =>
        `${i + 1}. rezultāts: prot patstāvīgi izvērtēt projekta dokumentāciju un sagatavot ziņojumu vadībai par konstatētajām neatbilstībām.`,
    );
    const long = await renderCertificatePdf(certificateDocument({ learningOutcomes: outcomes }));
    expect(pdfInfo(long).Pages).toBe('2');
    const flat = pdfWords(long);
    expect(flat).toContain('Mācību rezultāti ir uzskaitīti otrajā lappusē.');
    expect(flat).toContain('Mācību rezultāti (turpinājums)');
    expect(flat).toContain('1. rezultāts:');
    expect(flat).toContain('22. rezultāts:');
    expect(pdfQrCodes(long)).toEqual(['https://kursors.example.lv/verify/K7QX-M2PA-9FJD-W4RT']);
  });

  it('prints four or five signatories', async () => {
    const signatories = ['Anna Kalniņa', 'Pēteris Liepiņš', 'Ieva Ērgle', 'Oskars Šņore', 'Zane Ūdre'].map((name, i) => ({
      name,
      position: `Komisijas loceklis Nr. ${i + 1}`,
    }));
    for (const count of [4, 5]) {
      const flat = pdfWords(await renderCertificatePdf(certificateDocument({ signatories: signatories.slice(0, count) })));
      for (const person of signatories.slice(0, count)) {
        expect(flat).toContain(person.name);
        expect(flat).toContain(person.position);
      }
    }
  });

  it('refuses a logo that is not a picture, naming which one', async () => {
    const refused = renderCertificatePdf(certificateDocument({ logos: [logoPng(100, 40), Buffer.from('not a picture')] }));
    await expect(refused).rejects.toBeInstanceOf(CertificateLogoError);
    await expect(refused).rejects.toMatchObject({ logoNumber: 2, status: 422 });
  });

  it('refuses a document without its labels or with a malformed date', async () => {
    await expect(renderCertificatePdf(certificateDocument({ labels: {} }))).rejects.toThrow(/labels lacks serial, certifies/);
    await expect(renderCertificatePdf(certificateDocument({ issuedOn: '2012-02-30' }))).rejects.toThrow(/not a calendar date/);
  });
});
