import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { NotFoundError } from '../common/errors';
import { Cohort } from '../cohorts/cohort.entity';
import type { Download } from '../common/download';
import { storedFileDownload } from '../storage/stored-file-download';
import { StorageService } from '../storage/storage.service';
import { CertificateAccess } from './certificate-access.service';
import { CertificateRecords } from './certificate-records.service';
import { Certificate } from './certificate.entity';
import { CertificateNotFoundError } from './certificates.errors';
import { certificateFileName } from './certificate-documents';

/** A certificate with the one it replaced and the one that replaced it, if any. */
export interface CertificateWithHistory {
  certificate: Certificate;
  replaces: Certificate | null;
  replacedBy: Certificate | null;
}

/** What people read of certificates: one with its history, its PDF, a holder's own, a cohort's. */
@Injectable()
export class CertificateReads {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CertificateAccess,
    private readonly records: CertificateRecords,
    private readonly storage: StorageService,
  ) {}

  async withHistory(actor: Actor, id: string): Promise<CertificateWithHistory> {
    const certificate = await this.access.getVisible(actor, id);
    const repo = this.dataSource.getRepository(Certificate);
    const [replaces, replacedBy] = await Promise.all([
      certificate.replacesId ? repo.findOneBy({ id: certificate.replacesId }) : null,
      repo.findOneBy({ replacesId: certificate.id }),
    ]);
    return { certificate, replaces, replacedBy };
  }

  /** The stored PDF, byte for byte as issued, for its holder or an administrator, named by its serial. */
  async open(actor: Actor, id: string): Promise<Download> {
    const certificate = await this.access.getVisible(actor, id);
    if (!(await this.storage.exists(certificate.fileKey))) throw new CertificateNotFoundError();
    const meta = { fileName: certificateFileName(certificate.serial), mimeType: 'application/pdf', size: certificate.fileSize };
    return storedFileDownload(meta, this.storage.openRead(certificate.fileKey));
  }

  /** The caller's own certificates, newest first, a page at a time. */
  async mine(actor: Actor, page: number, pageSize: number): Promise<{ items: Certificate[]; total: number }> {
    if (!actor.userId) return { items: [], total: 0 };
    const [items, total] = await this.dataSource.getRepository(Certificate).findAndCount({
      where: { userId: actor.userId },
      order: { issuedAt: 'DESC', serial: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total };
  }

  /** A cohort (with its part and programme) and its members' completion and certificates, for its staff. */
  async cohort(actor: Actor, cohortId: string) {
    await this.access.assertCanListCohort(actor, cohortId);
    const cohort = await this.dataSource
      .getRepository(Cohort)
      .findOne({ where: { id: cohortId }, relations: { part: { programme: true } } });
    if (!cohort) throw new NotFoundError('cohorts.errors.notFound');
    return { cohort, holders: await this.records.cohortHolders(cohortId) };
  }

  /** Per cohort, how many completed members were never issued a certificate of its part: an administrator's to issue. */
  async readyToIssue(): Promise<{ cohortId: string; cohortName: string; ready: number; since: Date | null }[]> {
    const rows = await this.records.readyToIssue();
    return rows.map((r) => ({
      cohortId: r.cohort_id,
      cohortName: r.cohort_name,
      ready: r.ready,
      since: r.since ? new Date(r.since) : null,
    }));
  }

  programmeHolders(programmeId: string) {
    return this.records.programmeHolders(programmeId);
  }
}
