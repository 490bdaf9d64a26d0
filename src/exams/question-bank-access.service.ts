import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { actorHasRole, type Actor } from '../common/actor';
import { CohortRecords } from '../cohorts/cohort-records.service';
import { Part } from '../programmes/part.entity';
import { PartNotFoundError } from './question-bank.errors';

/**
 * Who keeps a part's question bank: administrators, and instructors who teach a cohort of the part. Anyone else
 * (trainees are turned away by the routes already) is told the part does not exist, so a guessed id reveals nothing.
 */
@Injectable()
export class QuestionBankAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cohorts: CohortRecords,
  ) {}

  async canKeep(actor: Actor, partId: string): Promise<boolean> {
    if (actorHasRole(actor, 'admin')) return true;
    if (!actor.userId || !actorHasRole(actor, 'instructor')) return false;
    return this.cohorts.teachesPart(actor.userId, partId);
  }

  /** The part with its programme, once the actor may keep its bank. */
  async assertCanKeep(actor: Actor, partId: string): Promise<Part> {
    const part = await this.dataSource.getRepository(Part).findOne({ where: { id: partId }, relations: { programme: true } });
    if (!part || !(await this.canKeep(actor, partId))) throw new PartNotFoundError();
    return part;
  }
}
