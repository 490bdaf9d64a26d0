import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { lockRow } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { Programme } from '../programmes/programme.entity';
import { ProgrammeNotFoundError } from '../programmes/programmes.errors';
import { CertificateTemplate } from './certificate-template.entity';
import type { CertificateTemplateInput } from './certificates.schemas';

/** What a new template starts from: the usual titles and a serial format the administrator adjusts. */
export const TEMPLATE_DEFAULTS: Partial<CertificateTemplateInput> = {
  titleLv: 'Apliecība',
  titleEn: 'Certificate',
  serialFormat: 'KRS-{YYYY}/{NNNN}',
};

function templateAuditView(template: CertificateTemplate | null): Record<string, unknown> | null {
  if (!template) return null;
  const { programmeId: _p, programme: _programme, updatedBy: _u, updatedById: _ub, updatedAt: _at, ...fields } = template;
  return fields;
}

/** The certificate template of each programme: read, and written by administrators. */
@Injectable()
export class CertificateTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The programme's template, or null while it has none. */
  find(programmeId: string): Promise<CertificateTemplate | null> {
    return this.dataSource.getRepository(CertificateTemplate).findOneBy({ programmeId });
  }

  /** Writes the whole template, creating it on first save; audited with what it was before. */
  async save(actor: Actor, programmeId: string, input: CertificateTemplateInput): Promise<CertificateTemplate> {
    return unitOfWork(this.dataSource, async (manager) => {
      if (!(await lockRow(manager, Programme, programmeId))) throw new ProgrammeNotFoundError();
      const repo = manager.getRepository(CertificateTemplate);
      const before = await repo.findOneBy({ programmeId });
      const saved = await repo.save(repo.create({ ...before, ...input, programmeId, updatedById: actor.userId }));
      await this.audit.record(
        {
          actor,
          action: before ? 'certificate_template.updated' : 'certificate_template.created',
          entityType: 'programme',
          entityId: programmeId,
          before: templateAuditView(before),
          after: templateAuditView(saved),
        },
        manager,
      );
      return saved;
    });
  }
}
