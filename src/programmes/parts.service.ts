import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { CompletionService, type RuleChangePreview } from '../completion/completion.service';
import { lockRow } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { isUniqueViolation } from '../users/users.service';
import type { CompletionRule } from './completion-rule';
import { Part } from './part.entity';
import { ProgrammeRecords } from './programme-records.service';
import { PartInput } from './programme.schemas';
import { Programme } from './programme.entity';
import { InvalidPartOrderError, PartNotFoundError, PartNumberTakenError, ProgrammeNotFoundError } from './programmes.errors';

function auditView(part: Part): Record<string, unknown> {
  const { programme: _p, createdAt: _c, updatedAt: _u, ...fields } = part;
  return fields;
}

const RULE_FIELDS = ['minAttendancePercent', 'requiresIndependentWork', 'requiresFinalExam', 'closesWithSeminar'] as const;

/** The completion rule of a part or of a part's input. */
export function ruleOf(source: CompletionRule): CompletionRule {
  return Object.fromEntries(RULE_FIELDS.map((field) => [field, source[field]])) as unknown as CompletionRule;
}

/** The rule in a few characters, to tell whether a dry run was shown for the rule now submitted: "80-101". */
export function ruleFingerprint(rule: CompletionRule): string {
  return `${rule.minAttendancePercent}-${[rule.requiresIndependentWork, rule.requiresFinalExam, rule.closesWithSeminar].map(Number).join('')}`;
}

/** A part saved, and what its new rule did to the completion of its open cohorts (null: the rule did not change). */
export interface PartUpdate {
  part: Part;
  completion: RuleChangePreview | null;
}

/** The ordered parts of a programme. Every change locks the programme row, so numbering is decided one at a time. */
@Injectable()
export class PartsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly records: ProgrammeRecords,
    private readonly completion: CompletionService,
  ) {}

  listFor(programmeId: string): Promise<Part[]> {
    return this.dataSource.getRepository(Part).find({ where: { programmeId }, order: { number: 'ASC' } });
  }

  /** The part with its programme. */
  async get(id: string): Promise<Part> {
    const part = await this.dataSource.getRepository(Part).findOne({ where: { id }, relations: { programme: true } });
    if (!part) throw new PartNotFoundError();
    return part;
  }

  async create(programmeId: string, input: PartInput, actor: Actor): Promise<Part> {
    return unitOfWork(this.dataSource, async (manager) => {
      await this.lockProgramme(manager, programmeId);
      const repo = manager.getRepository(Part);
      const number = input.number ?? (await this.records.nextPartNumber(manager, programmeId));
      const part = await this.saveNumbered(manager, repo.create({ ...this.fields(input), programmeId, number }));
      await this.audit.record({ actor, action: 'part.created', entityType: 'part', entityId: part.id, after: auditView(part) }, manager);
      return part;
    });
  }

  /**
   * What saving `input` would do to the completion of the part's trainees, without saving it; null when the rule
   * stays as it is. Applying the same rule right after does the same (CompletionService.previewRule).
   */
  async previewRuleChange(id: string, input: PartInput): Promise<RuleChangePreview | null> {
    return (await this.dryRun(id, input)).completion;
  }

  /** The part as saving `input` would make it, and what its rule would do to completion; nothing is saved. */
  async dryRun(id: string, input: PartInput): Promise<PartUpdate> {
    const part = await this.dataSource.getRepository(Part).findOneBy({ id });
    if (!part) throw new PartNotFoundError();
    const completion = ruleFingerprint(part) === ruleFingerprint(input) ? null : await this.completion.previewRule(id, ruleOf(input));
    Object.assign(part, this.fields(input), input.number ? { number: input.number } : {});
    return { part, completion };
  }

  async update(id: string, input: PartInput, actor: Actor): Promise<Part> {
    return (await this.updateWithCompletion(id, input, actor)).part;
  }

  /**
   * Saves the part. A changed rule is applied to the completion of every trainee of its open cohorts in the same
   * transaction (closed cohorts keep what closing fixed; certificates already issued are separate records and
   * stay as they are), and the audit record says how many it completed and un-completed.
   */
  async updateWithCompletion(id: string, input: PartInput, actor: Actor): Promise<PartUpdate> {
    return unitOfWork(this.dataSource, async (manager) => {
      const found = await manager.getRepository(Part).findOneBy({ id });
      if (!found) throw new PartNotFoundError();
      await this.lockProgramme(manager, found.programmeId);
      const part = await manager.getRepository(Part).findOneByOrFail({ id });
      const before = auditView(part);
      const ruleChanged = ruleFingerprint(part) !== ruleFingerprint(input);
      Object.assign(part, this.fields(input), input.number ? { number: input.number } : {});
      await this.saveNumbered(manager, part);
      const completion = ruleChanged ? await this.completion.applyRule(manager, id) : null;
      const after = {
        ...auditView(part),
        ...(completion && {
          completion: {
            uncompleted: completion.uncompleted.map((c) => c.enrolmentId),
            completed: completion.completed.map((c) => c.enrolmentId),
          },
        }),
      };
      await this.audit.record({ actor, action: 'part.updated', entityType: 'part', entityId: id, before, after }, manager);
      return { part, completion };
    });
  }

  /**
   * Puts the parts in the given order. The programme keeps the numbers it uses (1, 2, …) and hands them out
   * in the new order; every part must be named exactly once.
   */
  async reorder(programmeId: string, partIds: string[], actor: Actor): Promise<Part[]> {
    return unitOfWork(this.dataSource, async (manager) => {
      await this.lockProgramme(manager, programmeId);
      const parts = await manager.getRepository(Part).find({ where: { programmeId }, order: { number: 'ASC' } });
      const known = new Set(parts.map((p) => p.id));
      if (partIds.length !== parts.length || new Set(partIds).size !== partIds.length || !partIds.every((id) => known.has(id))) {
        throw new InvalidPartOrderError();
      }
      const numbers = parts.map((p) => p.number);
      const before = parts.map((p) => ({ id: p.id, number: p.number }));
      // Two steps, because (programme, number) is unique at every moment, not only at commit.
      await this.records.clearPartNumbers(manager, programmeId);
      for (const [index, id] of partIds.entries()) {
        await manager.getRepository(Part).update({ id }, { number: numbers[index] });
      }
      const after = partIds.map((id, index) => ({ id, number: numbers[index] }));
      await this.audit.record(
        {
          actor,
          action: 'part.reordered',
          entityType: 'programme',
          entityId: programmeId,
          before: { parts: before },
          after: { parts: after },
        },
        manager,
      );
      return manager.getRepository(Part).find({ where: { programmeId }, order: { number: 'ASC' } });
    });
  }

  /** Swaps a part with its neighbour above or below. */
  async move(id: string, direction: 'up' | 'down', actor: Actor): Promise<Part> {
    const part = await this.get(id);
    const ids = (await this.listFor(part.programmeId)).map((p) => p.id);
    const at = ids.indexOf(id);
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= ids.length) return part;
    [ids[at], ids[to]] = [ids[to], ids[at]];
    await this.reorder(part.programmeId, ids, actor);
    return part;
  }

  private async lockProgramme(manager: EntityManager, programmeId: string): Promise<void> {
    if (!(await lockRow(manager, Programme, programmeId))) throw new ProgrammeNotFoundError();
  }

  private async saveNumbered(manager: EntityManager, part: Part): Promise<Part> {
    try {
      return await manager.getRepository(Part).save(part);
    } catch (error) {
      if (isUniqueViolation(error, 'number')) throw new PartNumberTakenError(part.number);
      throw error;
    }
  }

  private fields(input: PartInput): Partial<Part> {
    const { number: _number, ...fields } = input;
    return { ...fields, titleEn: fields.titleEn ?? null };
  }
}
