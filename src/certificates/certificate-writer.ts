import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { EntityManager, QueryFailedError } from 'typeorm';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { PhaseTimings } from '../common/phase-timings';
import { rigaParts } from '../i18n/dates';
import { Part } from '../programmes/part.entity';
import { Programme } from '../programmes/programme.entity';
import type { FilePolicy } from '../storage/file-policy';
import { StorageService, type StoredFile } from '../storage/storage.service';
import type { User } from '../users/user.entity';
import { CertificateBadges } from './certificate-badges.service';
import type { CertificateDocument } from './certificate-document';
import { certificateFileName, CertificateDocuments, type DocumentFacts } from './certificate-documents';
import { CertificateRecords } from './certificate-records.service';
import { CertificateRenderer } from './certificate-renderer';
import { CertificateTemplate } from './certificate-template.entity';
import { Certificate, CERTIFICATE_FILE_PREFIX } from './certificate.entity';
import { NoTemplateError, SerialTakenError } from './certificates.errors';
import { formatSerial } from './serial-format';
import { newVerificationCode } from './verification-code';

/** What a certificate certifies, worked out from completion before anything is written. */
export interface Plan {
  userId: string;
  programmeId: string;
  /** Null for the whole programme. */
  partId: string | null;
  enrolmentIds: string[];
  startsOn: string;
  endsOn: string;
}

/** One certificate to write: what it certifies, its holder (locked), the name it carries and what it replaces. */
export interface CertificateDraft {
  plan: Plan;
  holder: User;
  holderName: string;
  replacesId: string | null;
}

/** What every certificate of one programme (and part) says alike, read once for all of them. */
type SharedFacts = Omit<DocumentFacts, 'lang' | 'holderName' | 'startsOn' | 'endsOn' | 'issuedAt'>;

/** A PDF drawn ahead for one draft: the verification code it carries, its document, and the PDF stored (null if that failed). */
interface DrawnDraft {
  code: string;
  document: CertificateDocument;
  file: Promise<StoredFile | null>;
}

/**
 * Certificates drawn ahead of the unit of work that issues them, outside any transaction, with the serials their
 * programme's counter was expected to give them then. The unit of work takes the serials as always and uses a PDF
 * drawn ahead only where the certificate it issues says exactly what was drawn (the same serial, holder, template
 * and all); any other it draws itself. The PDFs are stored as they are drawn; the unit of work records those it
 * takes, and `discardUnused` removes the others.
 */
export interface DrawnAhead {
  issuedAt: Date;
  /** By holder, programme and part (draftKey). */
  drafts: Map<string, DrawnDraft>;
  /** The templates, programmes and parts they were drawn from. */
  shared: Map<string, SharedFacts>;
  /** How many numbers each programme's counter (`programmeId:year`) is expected to give these drafts. */
  taking: Map<string, number>;
  /** Settles when every PDF is drawn and stored (or failed to be). */
  ready: Promise<void>;
  /** The drafts whose PDFs a unit of work took; the others' files are removed by `discardUnused`. */
  used: Set<string>;
}

const PDF_POLICY: FilePolicy = { keyPrefix: CERTIFICATE_FILE_PREFIX, allowed: ['pdf'], maxBytes: 5 * 1024 * 1024 };
const SERIAL_CONSTRAINT = 'UQ_87af1f436e42688acef033da093';

/**
 * Writes certificates in the caller's transaction: the next serials of each programme and year, taken together
 * from its counter (whose row stays locked until the transaction ends, so the numbers are consecutive and a
 * rollback gives them back), a verification code each, the PDFs drawn and sealed, stored once with their SHA-256
 * (removed again if the transaction rolls back), the rows inserted in one statement and their Open Badges signed
 * and stored beside them. Everything that can be read before the serials are taken is. Drawing is the slow part,
 * and the counter stays locked while it runs: a bulk issue draws its PDFs ahead (`drawAhead`), outside the
 * transaction, so the transaction only checks that the serials came out as expected.
 */
@Injectable()
export class CertificateWriter {
  constructor(
    private readonly records: CertificateRecords,
    private readonly documents: CertificateDocuments,
    private readonly renderer: CertificateRenderer,
    private readonly storage: StorageService,
    private readonly badges: CertificateBadges,
    private readonly clock: Clock,
  ) {}

  async write(
    manager: EntityManager,
    actor: Actor,
    drafts: CertificateDraft[],
    timings = new PhaseTimings(),
    ahead?: DrawnAhead,
  ): Promise<Certificate[]> {
    if (!drafts.length) return [];
    const issuedAt = ahead?.issuedAt ?? this.clock.now();
    const year = rigaParts(issuedAt).year;
    // What the PDFs drawn ahead were drawn from, read outside this transaction a moment ago, is what they must say.
    const shared = await timings.time('facts', () => this.sharedFacts(manager, drafts, ahead?.shared));
    const serials = await timings.time('serials', () =>
      this.serials(drafts, shared, year, (programmeId, count) => this.records.takeSerialNumbers(manager, programmeId, year, count)),
    );
    const prepared = drafts.map((draft, i) => {
      const facts = draftFacts(shared, draft, issuedAt);
      const key = draftKey(draft);
      const drawn = ahead?.drafts.get(key);
      const code = drawn?.code ?? newVerificationCode();
      const document = this.documents.build(facts, serials[i], code);
      const fits = drawn !== undefined && sameDocument(drawn.document, document);
      if (fits) ahead!.used.add(key);
      return { draft, facts, code, document, drawn: fits ? drawn.file : null };
    });
    const files = await timings.time('draw and store', () =>
      Promise.all(prepared.map(async (p) => (await p.drawn) ?? this.drawAndStore(p.document, issuedAt))),
    );
    this.storage.discardOnRollback(manager, files);
    const repo = manager.getRepository(Certificate);
    const certificates = prepared.map(({ draft, facts, code, document }, i) =>
      repo.create({
        id: randomUUID(),
        serial: serials[i],
        verificationCode: code,
        programmeId: draft.plan.programmeId,
        partId: draft.plan.partId,
        userId: draft.plan.userId,
        enrolmentIds: draft.plan.enrolmentIds,
        holderName: draft.holderName,
        language: facts.lang,
        programmeTitle: document.programmeTitle,
        partTitle: document.partTitle,
        academicHours: document.academicHours,
        issuerName: document.issuer,
        issuedAt,
        issuedById: actor.userId,
        status: 'valid',
        revokedAt: null,
        revokedById: null,
        revocationReason: null,
        revocationNote: null,
        replacesId: draft.replacesId,
        fileKey: files[i].key,
        fileSize: files[i].size,
        sha256: files[i].sha256,
      }),
    );
    try {
      await timings.time('insert', () => repo.insert(certificates));
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === SERIAL_CONSTRAINT) {
        throw new SerialTakenError(takenSerial(error) ?? serials[0]);
      }
      throw error;
    }
    await timings.time('badges', () =>
      this.badges.record(
        manager,
        certificates.map((certificate, i) => ({
          certificate,
          document: prepared[i].document,
          holderEmail: prepared[i].draft.holder.email,
        })),
      ),
    );
    return certificates;
  }

  /**
   * Starts drawing the drafts' PDFs now, outside any transaction, with the serials the counters would give them
   * next: after the numbers `before` (drawn ahead, not yet issued) expects to take. Returns once the reads are done;
   * the PDFs are drawn meanwhile (`ready`).
   */
  async drawAhead(manager: EntityManager, drafts: CertificateDraft[], before?: DrawnAhead): Promise<DrawnAhead> {
    const issuedAt = this.clock.now();
    const year = rigaParts(issuedAt).year;
    const shared = await this.sharedFacts(manager, drafts);
    const taking = new Map<string, number>();
    const serials = await this.serials(drafts, shared, year, async (programmeId, count) => {
      const key = `${programmeId}:${year}`;
      taking.set(key, count);
      return (await this.records.lastSerialNumber(manager, programmeId, year)) + (before?.taking.get(key) ?? 0) + count;
    });
    const entries = drafts.map((draft, i): [string, DrawnDraft] => {
      const code = newVerificationCode();
      const document = this.documents.build(draftFacts(shared, draft, issuedAt), serials[i], code);
      return [draftKey(draft), { code, document, file: this.drawAndStore(document, issuedAt).catch(() => null) }];
    });
    const ready = Promise.all(entries.map(([, drawn]) => drawn.file)).then(() => undefined);
    return { issuedAt, drafts: new Map(entries), shared, taking, ready, used: new Set() };
  }

  /** Removes the files drawn ahead that no unit of work took (those it took go with it if it rolls back). */
  async discardUnused(ahead: DrawnAhead): Promise<void> {
    const unused = [...ahead.drafts].filter(([key]) => !ahead.used.has(key)).map(([, drawn]) => drawn.file);
    const files = (await Promise.all(unused)).filter((file): file is StoredFile => file !== null);
    await this.storage.discardAll(files);
  }

  private async drawAndStore(document: CertificateDocument, issuedAt: Date): Promise<StoredFile> {
    const pdf = await this.renderer.render(document, issuedAt);
    return this.storage.store(Readable.from([pdf]), certificateFileName(document.serial), PDF_POLICY);
  }

  /**
   * The serials of the drafts, in their order: each programme's counter is moved on once by as many as it issues
   * (`take` gives the last of them), programmes in the order of their ids, so two writers never wait for each
   * other's counters.
   */
  private async serials(
    drafts: CertificateDraft[],
    shared: Map<string, SharedFacts>,
    year: number,
    take: (programmeId: string, count: number) => Promise<number>,
  ) {
    const serials: string[] = new Array<string>(drafts.length);
    const byProgramme = new Map<string, number[]>();
    drafts.forEach((draft, i) => byProgramme.set(draft.plan.programmeId, [...(byProgramme.get(draft.plan.programmeId) ?? []), i]));
    for (const programmeId of [...byProgramme.keys()].sort()) {
      const indexes = byProgramme.get(programmeId)!;
      const last = await take(programmeId, indexes.length);
      indexes.forEach((index, n) => {
        const format = shared.get(sharedKey(drafts[index].plan))!.template.serialFormat;
        serials[index] = formatSerial(format, year, last - indexes.length + 1 + n);
      });
    }
    return serials;
  }

  private async sharedFacts(
    manager: EntityManager,
    drafts: CertificateDraft[],
    known: ReadonlyMap<string, SharedFacts> = new Map(),
  ): Promise<Map<string, SharedFacts>> {
    const shared = new Map(known);
    for (const { plan } of drafts) {
      if (shared.has(sharedKey(plan))) continue;
      const template = await manager.getRepository(CertificateTemplate).findOneBy({ programmeId: plan.programmeId });
      if (!template) throw new NoTemplateError();
      const programme = await manager.getRepository(Programme).findOneByOrFail({ id: plan.programmeId });
      const parts = await manager.getRepository(Part).findBy(plan.partId ? { id: plan.partId } : { programmeId: plan.programmeId });
      shared.set(sharedKey(plan), {
        template,
        programme,
        part: plan.partId ? parts[0] : null,
        academicHours: parts.reduce((sum, part) => sum + part.academicHours, 0),
        logos: await this.documents.logos(programme),
      });
    }
    return shared;
  }
}

const sharedKey = (plan: Plan) => `${plan.programmeId}:${plan.partId ?? ''}`;

/** A certificate drawn ahead is known by whose it is and what it certifies. */
const draftKey = (draft: CertificateDraft) => `${draft.plan.userId}:${sharedKey(draft.plan)}`;

function draftFacts(shared: Map<string, SharedFacts>, draft: CertificateDraft, issuedAt: Date): DocumentFacts {
  return {
    ...shared.get(sharedKey(draft.plan))!,
    lang: draft.holder.language === 'en' ? 'en' : 'lv',
    holderName: draft.holderName,
    startsOn: draft.plan.startsOn,
    endsOn: draft.plan.endsOn,
    issuedAt,
  };
}

/** Whether two documents print the same: every text and number alike, and the same logo bytes. */
function sameDocument(a: CertificateDocument, b: CertificateDocument): boolean {
  const texts = (d: CertificateDocument) => JSON.stringify({ ...d, logos: d.logos.length });
  return texts(a) === texts(b) && a.logos.every((logo, i) => logo.equals(b.logos[i]));
}

/** The serial a unique violation names: `Key (serial)=(DPD-2012/0001) already exists.` */
function takenSerial(error: QueryFailedError): string | null {
  const detail = (error.driverError as { detail?: string }).detail ?? '';
  return /\(serial\)=\((.*)\) already exists/.exec(detail)?.[1] ?? null;
}
