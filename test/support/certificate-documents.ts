import type { CertificateDocument } from '../../src/certificates/certificate-document';
import { certificateLabels } from '../../src/certificates/certificate-labels';
import { I18nService } from '../../src/i18n/i18n.service';
import type { Language } from '../../src/i18n/languages';
import { logoPng } from './files';

let i18n: I18nService | undefined;
let logos: Buffer[] | undefined;

/** The funder's two logos: an emblem with transparency and a wider one without. */
export function funderLogos(): Buffer[] {
  logos ??= [logoPng(330, 110, { alpha: true }), logoPng(360, 120, { hue: [170, 30, 40] })];
  return logos;
}

/** A certificate of the 2012 programme's second part, every Latvian letter in its texts. */
export function certificateDocument(overrides: Partial<CertificateDocument> = {}): CertificateDocument {
  i18n ??= new I18nService();
  const lang: Language = overrides.lang ?? 'lv';
  const code = overrides.verificationCode ?? 'K7QX-M2PA-9FJD-W4RT';
  return {
    lang,
    title: lang === 'lv' ? 'Apliecība' : 'Certificate',
    holderName: 'Ģirts Žūriņš-Ķēniņš',
    programmeTitle: 'Daugavpils pašvaldības kapacitātes stiprināšana ES fondu projektu īstenošanai',
    partTitle: '2. daļa. Projektu vadības specifika dažāda veida projektos',
    academicHours: 40,
    startsOn: '2012-05-07',
    endsOn: '2012-06-29',
    place: 'Daugavpils, Krišjāņa Valdemāra iela 1',
    learningOutcomes: [
      'Prot plānot projekta laika grafiku, budžetu un riskus, ņemot vērā finansētāja prasības.',
      'Izprot ES fondu līdzfinansēto projektu uzraudzības un publicitātes nosacījumus.',
      'Spēj sagatavot projekta progresa pārskatu un maksājuma pieprasījumu.',
      'Pārzina iepirkumu procedūras un to dokumentēšanu projektos.',
      'Āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ — visi latviešu burti.',
    ],
    signatories: [
      { name: 'Jānis Ozoliņš', position: 'Projekta vadītājs' },
      { name: 'Līga Bērziņa-Čakste', position: 'Mācību programmas vadītāja' },
    ],
    issuedOn: '2012-07-02',
    issuer: 'Daugavpils pilsētas dome',
    serial: 'DPD-2012/0001',
    verificationCode: code,
    verificationUrl: `https://kursors.example.lv/verify/${code}`,
    logos: funderLogos(),
    publicityStatement:
      'Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu. Par informācijas saturu atbild Daugavpils pilsētas dome.',
    labels: certificateLabels(i18n, lang),
    ...overrides,
  };
}
