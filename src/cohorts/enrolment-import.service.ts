import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { readCsv } from '../common/csv';
import { email as emailSchema } from '../common/schemas';
import { unitOfWork } from '../database/unit-of-work';
import { CompletionService } from '../completion/completion.service';
import type { TranslateParams } from '../i18n/i18n.service';
import { User } from '../users/user.entity';
import { IMPORT_STATUSES, ImportStatus } from './cohort.schemas';
import type { Cohort } from './cohort.entity';
import { lockCohortForEnrolment } from './cohort-locks';
import { CohortRecords } from './cohort-records.service';
import { EnrolmentsService } from './enrolments.service';
import { Enrolment } from './enrolment.entity';

export const IMPORT_MAX_ROWS = 5000;

export interface ImportRowReport {
  line: number;
  email: string;
  requested: string;
  /** What the row became (or would have become, had the file been clean). */
  outcome: ImportStatus | null;
  /** Codes under `validation.` with their parameters. */
  errors: { code: string; params?: TranslateParams }[];
}

export interface ImportReport {
  /** False when any row was bad: then nothing was enrolled. */
  imported: boolean;
  rows: ImportRowReport[];
  counts: Record<ImportStatus, number>;
}

interface PlannedRow extends ImportRowReport {
  user?: User;
}

/** Enrolment from a CSV file (columns email[, status]): every row checked first, then all or nothing. */
@Injectable()
export class EnrolmentImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentsService,
    private readonly audit: AuditService,
    private readonly records: CohortRecords,
    private readonly completion: CompletionService,
  ) {}

  async import(cohortId: string, file: Buffer | string, actor: Actor): Promise<ImportReport> {
    const csv = readCsv(file, { required: ['email'], optional: ['status'], maxRows: IMPORT_MAX_ROWS, field: 'file' });
    return unitOfWork(this.dataSource, async (manager): Promise<ImportReport> => {
      const cohort = await lockCohortForEnrolment(manager, cohortId);
      const rows = await this.plan(
        manager,
        cohort,
        csv.map((row) => ({ line: row.line, email: row.values.email, requested: row.values.status })),
      );
      const counts = Object.fromEntries(
        IMPORT_STATUSES.map((s) => [s, rows.filter((r) => r.outcome === s).length]),
      ) as ImportReport['counts'];
      const clean = rows.every((row) => !row.errors.length);
      const strip = (r: PlannedRow): ImportRowReport => ({
        line: r.line,
        email: r.email,
        requested: r.requested,
        outcome: r.outcome,
        errors: r.errors,
      });
      if (!clean) return { imported: false, rows: rows.map(strip), counts };
      let position = await this.records.waitingCount(manager, cohort.id);
      for (const row of rows) {
        if (row.outcome === 'waitlisted') position += 1;
        await this.enrolments.place(manager, cohort, row.user!, row.outcome!, actor, position);
      }
      await this.audit.record(
        {
          actor,
          action: 'cohort.enrolments_imported',
          entityType: 'cohort',
          entityId: cohort.id,
          after: { rows: rows.length, ...counts },
        },
        manager,
      );
      await this.completion.reevaluate(manager, { cohortId: cohort.id });
      return { imported: true, rows: rows.map(strip), counts };
    });
  }

  /** Checks every row and decides what it becomes, in file order, without writing anything. */
  private async plan(
    manager: EntityManager,
    cohort: Cohort,
    input: { line: number; email: string; requested: string }[],
  ): Promise<PlannedRow[]> {
    const rows: PlannedRow[] = input.map((r) => ({ ...r, requested: r.requested.trim().toLowerCase(), outcome: null, errors: [] }));
    const firstLine = new Map<string, number>();
    for (const row of rows) {
      const parsed = emailSchema.safeParse(row.email);
      if (!parsed.success) row.errors.push({ code: 'enrolment.invalidEmail' });
      else row.email = parsed.data;
      if (row.requested && !(IMPORT_STATUSES as readonly string[]).includes(row.requested)) {
        row.errors.push({ code: 'enrolment.invalidStatus', params: { values: IMPORT_STATUSES.join(', ') } });
      }
      const seen = firstLine.get(row.email);
      if (seen !== undefined) row.errors.push({ code: 'enrolment.duplicateInFile', params: { line: seen } });
      else firstLine.set(row.email, row.line);
    }
    const emails = [...firstLine.keys()];
    const users = emails.length ? await manager.getRepository(User).find({ where: { email: In(emails) } }) : [];
    const byEmail = new Map(users.map((u) => [u.email, u]));
    const taken = users.length
      ? await manager.getRepository(Enrolment).find({ where: { cohortId: cohort.id, userId: In(users.map((u) => u.id)) } })
      : [];
    const inCohort = new Set(taken.filter((e) => e.status !== 'withdrawn').map((e) => e.userId));
    let free = cohort.capacity - (await this.records.placesTaken(manager, cohort.id));
    for (const row of rows) {
      const user = byEmail.get(row.email);
      if (!row.errors.some((e) => e.code === 'enrolment.invalidEmail')) {
        if (!user) row.errors.push({ code: 'enrolment.unknownEmail' });
        else if (user.disabledAt) row.errors.push({ code: 'enrolment.userDisabled' });
        else if (!user.hasRole('trainee')) row.errors.push({ code: 'enrolment.notTrainee', params: { name: user.name } });
        else if (inCohort.has(user.id)) row.errors.push({ code: 'enrolment.alreadyInCohort' });
      }
      row.user = user;
      if (row.errors.length) continue;
      const wanted = (row.requested || 'enrolled') as ImportStatus;
      if (wanted === 'waitlisted' || (wanted === 'enrolled' && free <= 0)) row.outcome = 'waitlisted';
      else if (free > 0) {
        row.outcome = wanted;
        free -= 1;
      } else row.errors.push({ code: 'enrolment.cohortFull' });
    }
    return rows;
  }
}
