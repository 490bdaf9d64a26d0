import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { lockRow } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { CohortAccessService } from '../cohorts/cohort-access.service';
import type { User } from '../users/user.entity';
import { Indicator } from './indicator.entity';
import { Part } from './part.entity';
import { ProgrammeRecords } from './programme-records.service';
import { ProgrammeInput } from './programme.schemas';
import { Programme } from './programme.entity';
import { ProgrammeNotFoundError } from './programmes.errors';

/** What the audit log keeps of a programme. */
function auditView(p: Programme): Record<string, unknown> {
  const { parts: _parts, indicators: _indicators, createdAt: _c, updatedAt: _u, ...fields } = p;
  return fields;
}

export interface ProgrammeSummary {
  programme: Programme;
  partCount: number;
  cohortCount: number;
}

@Injectable()
export class ProgrammesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Programme) private readonly programmes: Repository<Programme>,
    private readonly access: CohortAccessService,
    private readonly audit: AuditService,
    private readonly records: ProgrammeRecords,
  ) {}

  async list(): Promise<ProgrammeSummary[]> {
    const programmes = await this.programmes.find({ order: { createdAt: 'DESC', id: 'ASC' } });
    const byId = await this.records.counts();
    return programmes.map((programme) => ({
      programme,
      partCount: byId.get(programme.id)?.parts ?? 0,
      cohortCount: byId.get(programme.id)?.cohorts ?? 0,
    }));
  }

  async get(id: string): Promise<Programme> {
    const programme = await this.programmes.findOneBy({ id });
    if (!programme) throw new ProgrammeNotFoundError();
    return programme;
  }

  /** The programme with its parts in order and its indicators; a programme the user may not see is not found. */
  async getFor(user: User, id: string): Promise<Programme> {
    await this.getVisible(user, id);
    return this.getWithChildren(id);
  }

  /** The programme alone, if the user may see it. */
  async getVisible(user: User, id: string): Promise<Programme> {
    if (!(await this.access.canViewProgramme(user, id))) throw new ProgrammeNotFoundError();
    return this.get(id);
  }

  async getWithChildren(id: string): Promise<Programme> {
    const programme = await this.get(id);
    programme.parts = await this.dataSource.getRepository(Part).find({ where: { programmeId: id }, order: { number: 'ASC' } });
    programme.indicators = await this.dataSource
      .getRepository(Indicator)
      .find({ where: { programmeId: id }, order: { position: 'ASC', nameLv: 'ASC' } });
    return programme;
  }

  async create(input: ProgrammeInput, actor: Actor): Promise<Programme> {
    return unitOfWork(this.dataSource, async (manager) => {
      const repo = manager.getRepository(Programme);
      const programme = await repo.save(repo.create(this.fields(input)));
      await this.audit.record(
        {
          actor,
          action: 'programme.created',
          entityType: 'programme',
          entityId: programme.id,
          after: auditView(programme),
        },
        manager,
      );
      return programme;
    });
  }

  async update(id: string, input: ProgrammeInput, actor: Actor): Promise<Programme> {
    return unitOfWork(this.dataSource, async (manager) => {
      const repo = manager.getRepository(Programme);
      const programme = await lockRow(manager, Programme, id);
      if (!programme) throw new ProgrammeNotFoundError();
      const before = auditView(programme);
      Object.assign(programme, this.fields(input));
      await repo.save(programme);
      await this.audit.record(
        { actor, action: 'programme.updated', entityType: 'programme', entityId: id, before, after: auditView(programme) },
        manager,
      );
      return programme;
    });
  }

  /**
   * Sets or clears the logo's storage key in the caller's unit of work; returns the key it replaced, for the
   * caller to remove once that commits.
   */
  async setLogo(manager: EntityManager, id: string, logo: { key: string; mimeType: string } | null, actor: Actor): Promise<string | null> {
    return unitOfWork(manager, async (manager) => {
      const repo = manager.getRepository(Programme);
      const programme = await lockRow(manager, Programme, id);
      if (!programme) throw new ProgrammeNotFoundError();
      const previous = programme.logoKey;
      await repo.update({ id }, { logoKey: logo?.key ?? null, logoMimeType: logo?.mimeType ?? null });
      await this.audit.record(
        { actor, action: logo ? 'programme.logo_set' : 'programme.logo_removed', entityType: 'programme', entityId: id },
        manager,
      );
      return previous;
    });
  }

  private fields(input: ProgrammeInput): Partial<Programme> {
    return {
      titleLv: input.titleLv,
      titleEn: input.titleEn ?? null,
      descriptionLv: input.descriptionLv,
      descriptionEn: input.descriptionEn,
      status: input.status,
      projectTitle: input.projectTitle,
      agreementNumber: input.agreementNumber,
      funder: input.funder,
      cofinancingPercent: input.cofinancingPercent.toFixed(2),
      partners: input.partners,
      fundingStatement: input.fundingStatement,
      ...(input.reminderOffsetsHours ? { reminderOffsetsHours: input.reminderOffsetsHours } : {}),
      ...(input.studyVisitOffsetsHours ? { studyVisitOffsetsHours: input.studyVisitOffsetsHours } : {}),
    };
  }
}
