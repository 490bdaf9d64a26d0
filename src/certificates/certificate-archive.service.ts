import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { Cohort } from '../cohorts/cohort.entity';
import { CohortNotFoundError } from '../cohorts/cohorts.errors';
import { I18nService } from '../i18n/i18n.service';
import { sanitizeFileName } from '../storage/file-names';
import { StorageService } from '../storage/storage.service';
import { type ZipDownload, type ZipEntry, ZipNames, zipOfStoredFiles } from '../storage/stored-files-zip';
import { CertificateAccess } from './certificate-access.service';
import { serialForFileName } from './certificate-documents';
import { CertificateRecords, type CertificateFileRow } from './certificate-records.service';
import type { ArchiveInclude } from './certificates.schemas';

/**
 * All certificates of a cohort as one ZIP for administrators, streamed from storage entry by entry (see
 * `zipOfStoredFiles`): each PDF byte for byte as issued, named `SERIAL - Holder name.pdf` (the name as printed;
 * the serial's slashes become hyphens), in serial order. By default only valid certificates; with `all` the revoked
 * and replaced ones too, their status after the name.
 */
@Injectable()
export class CertificateArchive {
  private readonly logger = new Logger(CertificateArchive.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CertificateAccess,
    private readonly records: CertificateRecords,
    private readonly storage: StorageService,
    private readonly i18n: I18nService,
  ) {}

  async open(actor: Actor, cohortId: string, include: ArchiveInclude): Promise<ZipDownload> {
    this.access.assertCanReadAll(actor);
    const cohort = await this.dataSource.getRepository(Cohort).findOneBy({ id: cohortId });
    if (!cohort) throw new CohortNotFoundError();
    const rows = await this.records.cohortFiles(cohortId, include === 'all');
    const names = new ZipNames();
    const entries: ZipEntry[] = rows.map((row) => ({
      // A slash in a name would read as a folder: it becomes a hyphen, as in the serial.
      name: names.unique(
        sanitizeFileName(
          `${serialForFileName(row.serial)} - ${row.holder_name.replace(/[/\\]/g, '-')}${this.statusSuffix(actor, row)}.pdf`,
        ),
      ),
      mtime: row.issued_at,
      key: row.file_key,
      size: row.file_size,
      about: { certificateId: row.id, serial: row.serial },
    }));
    const fileName = `${this.i18n.t(actor.language, 'certificates.archive.fileName')} - ${cohort.name}.zip`;
    return zipOfStoredFiles(this.storage, entries, fileName, this.logger);
  }

  private statusSuffix(actor: Actor, row: CertificateFileRow): string {
    if (row.status === 'valid') return '';
    return ` (${this.i18n.t(actor.language, `certificates.status.${row.status}`).toLocaleLowerCase(actor.language)})`;
  }
}
