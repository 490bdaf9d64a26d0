import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { CompletionService } from '../completion/completion.service';
import { ValidationFailedError } from '../common/errors';
import { lockRow, lockRows } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { ExamAccess } from './exam-access.service';
import { ExamResult, type ResultStatus } from './exam-result.entity';
import { readScore, storedResult, type PassRule, type SheetOutcome } from './exam-sheet-rules';
import { ExamSheetRecords, type ProtocolHeader, type SheetRow } from './exam-sheet-records.service';
import { NotInPersonError, UploadChangedMeanwhileError, type RefusedLine } from './exam-sheet.errors';
import type { SheetEntry } from './exam-sheet.schemas';
import { Exam } from './exam.entity';
import { ExamNotFoundError } from './exams.errors';

export interface StoredValue {
  status: ResultStatus | null;
  score: string | null;
}

/** One line as it would change: the result before and after, and the version it was read at. */
export interface PlannedChange {
  userId: string;
  name: string;
  email: string;
  before: StoredValue;
  after: { status: ResultStatus; score: string | null };
  version: number;
}

/** A line of an uploaded file as read, before it is checked. */
export interface UploadLine {
  /** The line of the file; null for lines sent back from a preview page. */
  line: number | null;
  email: string;
  score: string;
  status: string;
  version: string;
}

export interface UploadPreview {
  changes: PlannedChange[];
  refused: RefusedLine[];
  /** Lines that change nothing. */
  unchanged: number;
}

export interface SaveReport {
  saved: PlannedChange[];
  /** Lines someone else changed since they were read: not saved. */
  conflicts: { userId: string; name: string }[];
}

/**
 * The results sheet of an exam sat in person: every trainee with a score (passed or failed follows from the pass
 * mark), absent or excused. Each line carries the version it was read at; a line changed meanwhile by someone
 * else is refused and named, the others are saved. Administrators and the cohort's instructors only.
 */
@Injectable()
export class ExamSheetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ExamAccess,
    private readonly records: ExamSheetRecords,
    private readonly audit: AuditService,
    private readonly completion: CompletionService,
  ) {}

  /** The exam, if the actor may enter its results. */
  async exam(actor: Actor, examId: string, manager: EntityManager = this.dataSource.manager): Promise<Exam> {
    const exam = await manager.getRepository(Exam).findOne({ where: { id: examId } });
    if (!exam) throw new ExamNotFoundError();
    await this.access.assertCanManage(actor, exam.cohortId);
    return exam;
  }

  async sheet(actor: Actor, examId: string): Promise<{ exam: Exam; rows: SheetRow[] }> {
    const exam = await this.exam(actor, examId);
    return { exam, rows: await this.records.rows(exam) };
  }

  heading(exam: Exam): Promise<ProtocolHeader> {
    return this.records.header(exam);
  }

  /** Saves the lines given; a bad score refuses the whole sheet, naming each trainee and field. */
  async save(actor: Actor, examId: string, entries: SheetEntry[]): Promise<SaveReport> {
    const exam = await this.inPerson(actor, examId);
    return unitOfWork(this.dataSource, async (manager) => {
      const { rows, results } = await this.lockedSheet(manager, exam);
      const problems = entries.flatMap((entry) => entryProblems(entry, rows.get(entry.userId), exam));
      if (problems.length) {
        throw new ValidationFailedError(
          problems.map((p) => ({
            field: `${p.reason === 'unknownTrainee' ? 'outcome' : 'score'}.${p.userId}`,
            code: `examSheet.${p.reason}`,
            params: { name: p.name },
          })),
        );
      }
      const report: SaveReport = { saved: [], conflicts: [] };
      for (const entry of entries) {
        const row = rows.get(entry.userId)!;
        const planned = plan(entry, row, results.get(entry.userId) ?? null, exam);
        if (planned === 'unchanged') continue;
        if (planned === 'changed') report.conflicts.push({ userId: row.userId, name: row.name });
        else if (await this.write(manager, actor, exam, planned, results.get(entry.userId) ?? null)) report.saved.push(planned);
        else report.conflicts.push({ userId: row.userId, name: row.name });
      }
      await this.recount(manager, exam, report.saved);
      return report;
    });
  }

  /**
   * What applying an uploaded file would change, and which lines would be refused and why (nothing is written).
   * A line whose version (from the template) is older than the result now conflicts with a newer edit.
   */
  async preview(actor: Actor, examId: string, lines: UploadLine[]): Promise<UploadPreview> {
    const exam = await this.inPerson(actor, examId);
    const sheet = await this.records.rows(exam);
    const byEmail = new Map(sheet.map((r) => [r.email.toLowerCase(), r]));
    const preview: UploadPreview = { changes: [], refused: [], unchanged: 0 };
    const seen = new Set<string>();
    for (const line of lines) {
      const row = byEmail.get(line.email.trim().toLowerCase());
      const refuse = (reason: RefusedLine['reason']) =>
        preview.refused.push({ userId: row?.userId ?? null, name: row?.name ?? line.email, reason, line: line.line });
      if (!row) {
        refuse('unknownTrainee');
        continue;
      }
      if (seen.has(row.userId)) {
        refuse('duplicate');
        continue;
      }
      seen.add(row.userId);
      const outcome = outcomeFromFile(line.status, line.score);
      if (!outcome) {
        refuse('badStatus');
        continue;
      }
      const version = line.version.trim() === '' ? row.version : Number(line.version);
      if (!Number.isInteger(version)) {
        refuse('changed');
        continue;
      }
      const entry: SheetEntry = { userId: row.userId, outcome, score: line.score, version };
      const [problem] = entryProblems(entry, row, exam);
      if (problem) {
        refuse(problem.reason);
        continue;
      }
      const planned = plan(entry, row, row.resultId ? { status: row.status!, score: row.score, version: row.version } : null, exam);
      if (planned === 'unchanged') preview.unchanged += 1;
      else if (planned === 'changed') refuse('changed');
      else preview.changes.push(planned);
    }
    return preview;
  }

  /** Applies a preview's changes in one transaction: all of them, or, when any line changed meanwhile, none. */
  async apply(actor: Actor, examId: string, entries: SheetEntry[]): Promise<PlannedChange[]> {
    const exam = await this.inPerson(actor, examId);
    return unitOfWork(this.dataSource, async (manager) => {
      const { rows, results } = await this.lockedSheet(manager, exam);
      const problems = entries.flatMap((entry) => entryProblems(entry, rows.get(entry.userId), exam));
      if (problems.length) {
        throw new ValidationFailedError(
          problems.map((p) => ({ field: `change.${p.userId}`, code: `examSheet.${p.reason}`, params: { name: p.name } })),
        );
      }
      const planned = entries.map((entry) => ({
        entry,
        planned: plan(entry, rows.get(entry.userId)!, results.get(entry.userId) ?? null, exam),
      }));
      const changed: RefusedLine[] = planned
        .filter((p) => p.planned === 'changed')
        .map((p) => ({ userId: p.entry.userId, name: rows.get(p.entry.userId)!.name, reason: 'changed', line: null }));
      if (changed.length) throw new UploadChangedMeanwhileError(changed);
      const applied: PlannedChange[] = [];
      for (const { entry, planned: change } of planned) {
        if (change === 'unchanged' || change === 'changed') continue;
        if (!(await this.write(manager, actor, exam, change, results.get(entry.userId) ?? null))) {
          throw new UploadChangedMeanwhileError([{ userId: entry.userId, name: change.name, reason: 'changed', line: null }]);
        }
        applied.push(change);
      }
      await this.recount(manager, exam, applied);
      return applied;
    });
  }

  /** Results entered change the trainees' completion (once the exam's results are released). */
  private async recount(manager: EntityManager, exam: Exam, changes: PlannedChange[]): Promise<void> {
    if (changes.length) await this.completion.reevaluate(manager, { cohortId: exam.cohortId, userIds: changes.map((c) => c.userId) });
  }

  private async inPerson(actor: Actor, examId: string): Promise<Exam> {
    const exam = await this.exam(actor, examId);
    if (exam.mode !== 'in_person') throw new NotInPersonError();
    return exam;
  }

  /** The sheet's lines, with the existing results locked (the exam row first, so that sheet saves take turns). */
  private async lockedSheet(manager: EntityManager, exam: Exam) {
    const locked = await lockRow(manager, Exam, exam.id);
    if (!locked) throw new ExamNotFoundError();
    const sheet = await this.records.rows(locked, manager);
    const ids = sheet.filter((r) => r.resultId).map((r) => r.resultId!);
    const results = new Map((await lockRows(manager, ExamResult, ids)).map((r) => [r.userId, r]));
    return { rows: new Map(sheet.map((r) => [r.userId, r])), results };
  }

  /** Writes one line; false when a result appeared meanwhile where there was none. */
  private async write(
    manager: EntityManager,
    actor: Actor,
    exam: Exam,
    change: PlannedChange,
    current: ExamResult | null,
  ): Promise<boolean> {
    const repo = manager.getRepository(ExamResult);
    let id: string;
    if (current) {
      Object.assign(current, { ...change.after, attemptId: null, updatedById: actor.userId });
      id = (await repo.save(current)).id;
    } else {
      const inserted = await repo
        .createQueryBuilder()
        .insert()
        .values({ examId: exam.id, userId: change.userId, ...change.after, updatedById: actor.userId })
        .orIgnore()
        .returning(['id'])
        .execute();
      if (!inserted.identifiers.length || !inserted.identifiers[0]) return false;
      id = (inserted.identifiers[0] as { id: string }).id;
    }
    await this.audit.record(
      {
        actor,
        action: 'exam.result_entered',
        entityType: 'exam_result',
        entityId: id,
        before: { examId: exam.id, userId: change.userId, ...change.before },
        after: { examId: exam.id, userId: change.userId, ...change.after },
      },
      manager,
    );
    return true;
  }
}

/** Why a line cannot be taken as it is: a trainee not on the sheet, or a score that is not one. */
function entryProblems(entry: SheetEntry, row: SheetRow | undefined, exam: PassRule): Omit<RefusedLine, 'line'>[] {
  if (!row) return [{ userId: entry.userId, name: '', reason: 'unknownTrainee' }];
  if (entry.outcome !== 'score') return [];
  if (!entry.score?.trim()) return [{ userId: row.userId, name: row.name, reason: 'scoreMissing' }];
  const reading = readScore(entry.score, exam.maxPoints);
  return reading.ok
    ? []
    : [{ userId: row.userId, name: row.name, reason: reading.code === 'examSheet.aboveMax' ? 'aboveMax' : 'badScore' }];
}

/** The change a line makes; 'changed' when it differs from a result someone else changed since it was read. */
function plan(
  entry: SheetEntry,
  row: SheetRow,
  current: { status: ResultStatus; score: string | null; version: number } | null,
  exam: PassRule,
): PlannedChange | 'unchanged' | 'changed' {
  const reading = entry.outcome === 'score' && entry.score?.trim() ? readScore(entry.score, exam.maxPoints) : null;
  const after = storedResult(entry.outcome === 'score' && !reading ? 'none' : entry.outcome, reading?.ok ? reading.cents : null, exam);
  const before: StoredValue = { status: current?.status ?? null, score: current?.score ?? null };
  const same = current ? current.status === after.status && sameScore(current.score, after.score) : after.status === 'pending';
  if (same) return 'unchanged';
  if ((current?.version ?? 0) !== entry.version) return 'changed';
  return { userId: row.userId, name: row.name, email: row.email, before, after, version: entry.version };
}

/** The status column: empty (the score counts, or nothing yet), absent or excused, in Latvian or English. */
const STATUS_WORDS: Record<string, 'absent' | 'excused'> = {
  absent: 'absent',
  neieradās: 'absent',
  neieradas: 'absent',
  excused: 'excused',
  attaisnots: 'excused',
  attaisnota: 'excused',
};

function outcomeFromFile(status: string, score: string): SheetOutcome | null {
  const word = status.trim().toLocaleLowerCase('lv');
  if (word === '') return score.trim() === '' ? 'none' : 'score';
  const outcome = STATUS_WORDS[word];
  if (!outcome || score.trim() !== '') return null;
  return outcome;
}

function sameScore(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : Number(a) === Number(b);
}
