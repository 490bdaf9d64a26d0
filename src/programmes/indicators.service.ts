import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { lockRow } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { Indicator } from './indicator.entity';
import { IndicatorInput } from './programme.schemas';
import { Programme } from './programme.entity';
import { IndicatorNotFoundError, ProgrammeNotFoundError } from './programmes.errors';

/** Expected results of a programme: targets typed in by staff (their values are derived by IndicatorValues). */
@Injectable()
export class IndicatorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The programme's indicators in their order. */
  list(programmeId: string): Promise<Indicator[]> {
    return this.listOf([programmeId]);
  }

  /** The indicators of several programmes, each programme's in its order. */
  listOf(programmeIds: readonly string[]): Promise<Indicator[]> {
    return this.dataSource
      .getRepository(Indicator)
      .find({ where: { programmeId: In([...programmeIds]) }, order: { position: 'ASC', nameLv: 'ASC', id: 'ASC' } });
  }

  /** An indicator by its id alone. */
  async find(id: string): Promise<Indicator> {
    const indicator = await this.dataSource.getRepository(Indicator).findOneBy({ id });
    if (!indicator) throw new IndicatorNotFoundError();
    return indicator;
  }

  async get(programmeId: string, id: string): Promise<Indicator> {
    const indicator = await this.dataSource.getRepository(Indicator).findOneBy({ id, programmeId });
    if (!indicator) throw new IndicatorNotFoundError();
    return indicator;
  }

  async create(programmeId: string, input: IndicatorInput, actor: Actor): Promise<Indicator> {
    return unitOfWork(this.dataSource, async (manager) => {
      await this.lockProgramme(manager, programmeId);
      const repo = manager.getRepository(Indicator);
      const position = input.position ?? (await repo.count({ where: { programmeId } }));
      const indicator = await repo.save(repo.create({ ...this.fields(input), programmeId, position }));
      await this.audit.record(
        {
          actor,
          action: 'indicator.created',
          entityType: 'indicator',
          entityId: indicator.id,
          after: { ...this.fields(input), programmeId },
        },
        manager,
      );
      return indicator;
    });
  }

  async update(id: string, input: IndicatorInput, actor: Actor): Promise<Indicator> {
    return unitOfWork(this.dataSource, async (manager) => {
      const repo = manager.getRepository(Indicator);
      const indicator = await lockRow(manager, Indicator, id);
      if (!indicator) throw new IndicatorNotFoundError();
      const { programme: _p, ...before } = indicator;
      Object.assign(indicator, this.fields(input), input.position !== undefined ? { position: input.position } : {});
      await repo.save(indicator);
      await this.audit.record(
        { actor, action: 'indicator.updated', entityType: 'indicator', entityId: id, before, after: this.fields(input) },
        manager,
      );
      return indicator;
    });
  }

  async remove(id: string, actor: Actor): Promise<Indicator> {
    return unitOfWork(this.dataSource, async (manager) => {
      const indicator = await lockRow(manager, Indicator, id);
      if (!indicator) throw new IndicatorNotFoundError();
      await manager.getRepository(Indicator).delete({ id });
      const { programme: _p, ...before } = indicator;
      await this.audit.record({ actor, action: 'indicator.deleted', entityType: 'indicator', entityId: id, before }, manager);
      return indicator;
    });
  }

  private async lockProgramme(manager: EntityManager, programmeId: string): Promise<void> {
    if (!(await lockRow(manager, Programme, programmeId))) throw new ProgrammeNotFoundError();
  }

  private fields(input: IndicatorInput) {
    return { nameLv: input.nameLv, nameEn: input.nameEn ?? null, metric: input.metric, target: input.target };
  }
}
