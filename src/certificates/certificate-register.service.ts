import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { Cohort } from '../cohorts/cohort.entity';
import { CohortNotFoundError } from '../cohorts/cohorts.errors';
import type { Language } from '../i18n/languages';
import { localized } from '../i18n/localized';
import { Programme } from '../programmes/programme.entity';
import { ProgrammeNotFoundError } from '../programmes/programmes.errors';
import { CertificateAccess } from './certificate-access.service';
import { CertificateRecords, type RegisterRow, type RegisterScope } from './certificate-records.service';

/** What a register is of: a programme, or a cohort (of a part of a programme). */
export interface RegisterSubject {
  scope: RegisterScope;
  programme: { id: string; titleLv: string; titleEn: string | null };
  /** Null for a programme's register. */
  cohort: { id: string; name: string; partTitleLv: string; partTitleEn: string | null } | null;
}

/** The subject's name as a file or a heading shows it: the cohort's, or the programme's title. */
export function registerSubjectName(subject: RegisterSubject, lang: Language): string {
  return subject.cohort ? subject.cohort.name : localized(lang, subject.programme.titleLv, subject.programme.titleEn);
}

/**
 * The certificate register, what a funder's auditor asks for: every certificate of a programme (administrators)
 * or of a cohort (its staff, as its list is), valid or not — serial, holder, programme, part, cohort, hours, date
 * of issue, status with the revocation's date and reason category or the serial that replaced it — in serial
 * order, as a page or whole for a file.
 */
@Injectable()
export class CertificateRegister {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CertificateAccess,
    private readonly records: CertificateRecords,
  ) {}

  /** The register's subject, once the caller may read it; unknown programmes and cohorts are not found. */
  async subject(actor: Actor, scope: RegisterScope): Promise<RegisterSubject> {
    if ('programmeId' in scope) {
      this.access.assertCanReadAll(actor);
      const programme = await this.dataSource.getRepository(Programme).findOneBy({ id: scope.programmeId });
      if (!programme) throw new ProgrammeNotFoundError();
      return { scope, programme, cohort: null };
    }
    await this.access.assertCanListCohort(actor, scope.cohortId);
    const cohort = await this.dataSource
      .getRepository(Cohort)
      .findOne({ where: { id: scope.cohortId }, relations: { part: { programme: true } } });
    if (!cohort) throw new CohortNotFoundError();
    const { part } = cohort;
    return {
      scope,
      programme: part.programme,
      cohort: { id: cohort.id, name: cohort.name, partTitleLv: part.titleLv, partTitleEn: part.titleEn },
    };
  }

  /** One page of the register. */
  async page(actor: Actor, scope: RegisterScope, page: number, pageSize: number) {
    const subject = await this.subject(actor, scope);
    const [items, total] = await Promise.all([
      this.records.registerRows(scope, { limit: pageSize, offset: (page - 1) * pageSize }),
      this.records.registerCount(scope),
    ]);
    return { subject, items, total };
  }

  /** The whole register, for a file. */
  async all(actor: Actor, scope: RegisterScope): Promise<{ subject: RegisterSubject; rows: RegisterRow[] }> {
    const subject = await this.subject(actor, scope);
    return { subject, rows: await this.records.registerRows(scope) };
  }
}
