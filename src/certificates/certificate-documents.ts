import { Injectable } from '@nestjs/common';
import { buffer } from 'node:stream/consumers';
import { PDF_IMAGE_TYPES } from '../common/pdf-images';
import { AppConfig } from '../config/app-config';
import { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import { localized } from '../i18n/localized';
import { rigaDateTimeInputs } from '../i18n/dates';
import type { Part } from '../programmes/part.entity';
import type { Programme } from '../programmes/programme.entity';
import { StorageService } from '../storage/storage.service';
import type { CertificateDocument } from './certificate-document';
import { certificateLabels } from './certificate-labels';
import type { CertificateTemplate } from './certificate-template.entity';
import { groupCode } from './verification-code';

/** Programmes' logos kept in memory by their storage keys, the longest kept going first. */
const LOGOS_KEPT = 32;

/** Everything a certificate says, gathered before its serial is taken. */
export interface DocumentFacts {
  lang: Language;
  template: CertificateTemplate;
  programme: Programme;
  /** Null for the whole programme. */
  part: Part | null;
  academicHours: number;
  holderName: string;
  startsOn: string;
  endsOn: string;
  issuedAt: Date;
  logos: Buffer[];
}

/** A serial as a file name may carry it: `DPD-2012/0001` becomes `DPD-2012-0001`. */
export function serialForFileName(serial: string): string {
  return serial.replace(/[^A-Za-z0-9._-]+/g, '-');
}

/** The name a certificate's PDF (or its badge's JSON) is stored and downloaded under: its serial, made safe for a file name. */
export function certificateFileName(serial: string, extension: 'pdf' | 'json' = 'pdf'): string {
  return `${serialForFileName(serial)}.${extension}`;
}

/** The public link a certificate's QR code carries. */
export function verificationPath(code: string): string {
  return `/verify/${groupCode(code)}`;
}

/** Fills a certificate's document from its programme's template and the issued record, in the holder's language. */
@Injectable()
export class CertificateDocuments {
  private readonly logoBytes = new Map<string, Buffer>();

  constructor(
    private readonly storage: StorageService,
    private readonly i18n: I18nService,
    private readonly config: AppConfig,
  ) {}

  /** The programme's logo as the PDF can show it, or none. */
  async logos(programme: Programme): Promise<Buffer[]> {
    const key = programme.logoKey;
    if (!key || !PDF_IMAGE_TYPES.has(programme.logoMimeType ?? '')) return [];
    const known = this.logoBytes.get(key);
    if (known) return [known];
    if (!(await this.storage.exists(key))) return [];
    const bytes = await buffer(this.storage.openRead(key));
    // A stored file never changes (a new logo gets a new key): read once, kept for the next certificates.
    if (this.logoBytes.size >= LOGOS_KEPT) this.logoBytes.delete(this.logoBytes.keys().next().value!);
    this.logoBytes.set(key, bytes);
    return [bytes];
  }

  build(facts: DocumentFacts, serial: string, code: string): CertificateDocument {
    const { lang, template, programme, part } = facts;
    const en = lang === 'en';
    return {
      lang,
      title: en ? template.titleEn : template.titleLv,
      holderName: facts.holderName,
      programmeTitle: localized(lang, programme.titleLv, programme.titleEn),
      partTitle: part ? localized(lang, part.titleLv, part.titleEn) : null,
      academicHours: facts.academicHours,
      startsOn: facts.startsOn,
      endsOn: facts.endsOn,
      place: en ? template.placeEn : template.placeLv,
      learningOutcomes: en ? template.learningOutcomesEn : template.learningOutcomesLv,
      signatories: template.signatories,
      issuedOn: rigaDateTimeInputs(facts.issuedAt)[0],
      issuer: en ? template.issuerEn : template.issuerLv,
      serial,
      verificationCode: groupCode(code),
      verificationUrl: this.config.publicUrl(verificationPath(code)),
      logos: facts.logos,
      publicityStatement: programme.fundingStatement,
      labels: certificateLabels(this.i18n, lang),
    };
  }
}
