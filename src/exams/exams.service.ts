import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { CompletionService } from '../completion/completion.service';
import { lockRow } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { Session } from '../sessions/session.entity';
import { windowCutsAccommodation } from './attempt-deadline';
import { ExamAccess } from './exam-access.service';
import { ExamAccommodation } from './exam-accommodation.entity';
import { ExamAttempt } from './exam-attempt.entity';
import { ExamRecords } from './exam-records.service';
import { ExamResult } from './exam-result.entity';
import { Exam } from './exam.entity';
import {
  ExamChangedError,
  ExamCohortNotFoundError,
  ExamHasAttemptsError,
  ExamNotFoundError,
  NotATraineeFieldError,
  NotEnoughQuestionsFieldError,
  PassMarkAboveMaxError,
  QuestionUnknownError,
  RetakeNotOfCohortError,
  SessionNotOfCohortError,
} from './exams.errors';
import type { AccommodationInput, ExamInput } from './exams.schemas';
import { accommodationTerms, examAuditView } from './exam-terms';

/** A trainee whose own closing time would cut the time their accommodation gives. */
export interface AccommodationWarning {
  userId: string;
  name: string;
}

/** Setting up a cohort's exams and the trainees' accommodations (administrators and the cohort's instructors). */
@Injectable()
export class ExamsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ExamAccess,
    private readonly records: ExamRecords,
    private readonly audit: AuditService,
    private readonly completion: CompletionService,
  ) {}

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Exam> {
    const exam = await manager.getRepository(Exam).findOne({ where: { id } });
    if (!exam) throw new ExamNotFoundError();
    return exam;
  }

  /** The exam, if the actor may see it (staff of the cohort or a member of it). */
  async getVisible(actor: Actor, id: string): Promise<Exam> {
    const exam = await this.get(id);
    await this.access.assertCanView(actor, exam.cohortId);
    return exam;
  }

  async getManaged(actor: Actor, id: string): Promise<Exam> {
    const exam = await this.get(id);
    await this.access.assertCanManage(actor, exam.cohortId);
    return exam;
  }

  async listForCohort(actor: Actor, cohortId: string): Promise<Exam[]> {
    await this.access.assertCanView(actor, cohortId);
    return this.ofCohort(cohortId);
  }

  /** The cohort's exams, oldest first; the caller has checked who may see them. */
  ofCohort(cohortId: string): Promise<Exam[]> {
    return this.dataSource.getRepository(Exam).find({ where: { cohortId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async create(actor: Actor, cohortId: string, input: ExamInput): Promise<Exam> {
    await this.access.assertCanManage(actor, cohortId);
    return unitOfWork(this.dataSource, async (manager) => {
      const partId = await this.records.partOfCohort(cohortId, manager);
      if (!partId) throw new ExamCohortNotFoundError();
      const fields = await this.checked(manager, cohortId, partId, input, null);
      const exam = await manager.getRepository(Exam).save(manager.getRepository(Exam).create({ cohortId, ...fields }));
      if (exam.retakeOfId) await this.enrolRetake(manager, exam);
      await this.audit.record(
        { actor, action: 'exam.created', entityType: 'exam', entityId: exam.id, after: examAuditView(exam) },
        manager,
      );
      // A retake turns a failed sitting back into one that can still be made good.
      await this.completion.reevaluate(manager, { cohortId });
      return exam;
    });
  }

  async update(actor: Actor, id: string, input: ExamInput): Promise<Exam> {
    const { cohortId } = await this.getManaged(actor, id);
    return unitOfWork(this.dataSource, async (manager) => {
      const exam = await lockRow(manager, Exam, id);
      if (!exam) throw new ExamNotFoundError();
      if (input.version !== null && input.version !== exam.version) throw new ExamChangedError();
      const partId = (await this.records.partOfCohort(cohortId, manager))!;
      const fields = await this.checked(manager, cohortId, partId, input, exam.id);
      const started = await manager.getRepository(ExamAttempt).exists({ where: { examId: id } });
      const changesQuestions =
        fields.mode !== exam.mode ||
        JSON.stringify(fields.selection) !== JSON.stringify(exam.selection) ||
        fields.retakeOfId !== exam.retakeOfId;
      if (started && changesQuestions) throw new ExamHasAttemptsError();
      const before = examAuditView(exam);
      Object.assign(exam, fields);
      const saved = await manager.getRepository(Exam).save(exam);
      await this.audit.record(
        { actor, action: 'exam.updated', entityType: 'exam', entityId: id, before, after: examAuditView(saved) },
        manager,
      );
      await this.completion.reevaluate(manager, { cohortId });
      return saved;
    });
  }

  /** Deleting is allowed only before anyone started it. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.getManaged(actor, id);
    await unitOfWork(this.dataSource, async (manager) => {
      const exam = await lockRow(manager, Exam, id);
      if (!exam) throw new ExamNotFoundError();
      if (await manager.getRepository(ExamAttempt).exists({ where: { examId: id } })) throw new ExamHasAttemptsError();
      await manager.getRepository(Exam).delete({ id });
      await this.audit.record({ actor, action: 'exam.deleted', entityType: 'exam', entityId: id, before: examAuditView(exam) }, manager);
      await this.completion.reevaluate(manager, { cohortId: exam.cohortId });
    });
  }

  /** The exam's columns from the input, checked against the cohort, its schedule and its part's question bank. */
  private async checked(manager: EntityManager, cohortId: string, partId: string, input: ExamInput, examId: string | null) {
    if (input.sessionId) {
      const session = await manager.getRepository(Session).findOne({ where: { id: input.sessionId } });
      if (!session || session.cohortId !== cohortId) throw new SessionNotOfCohortError();
    }
    if (input.retakeOfId) {
      const original = await manager.getRepository(Exam).findOne({ where: { id: input.retakeOfId } });
      if (!original || original.cohortId !== cohortId || original.id === examId) throw new RetakeNotOfCohortError();
    }
    const maxPoints = input.selection ? await this.selectionMaxPoints(manager, partId, input.selection) : input.maxPoints!;
    if (input.passMarkUnit === 'points' && input.passMark > maxPoints) throw new PassMarkAboveMaxError();
    return {
      title: input.title,
      mode: input.mode,
      sessionId: input.sessionId,
      retakeOfId: input.retakeOfId,
      passMark: input.passMark.toFixed(2),
      passMarkUnit: input.passMarkUnit,
      maxPoints: maxPoints.toFixed(2),
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      timeLimitMinutes: input.timeLimitMinutes,
      attemptsAllowed: input.attemptsAllowed,
      selection: input.selection,
      shuffleQuestions: input.shuffleQuestions,
      shuffleChoices: input.shuffleChoices,
      resultsShown: input.resultsShown,
    };
  }

  /**
   * The points an attempt can earn: the sum of the fixed questions' points, or for N drawn from a category, N
   * times the category's highest points (an attempt stores its own maximum, by which its percentage is taken).
   */
  private async selectionMaxPoints(
    manager: EntityManager,
    partId: string,
    selection: NonNullable<ExamInput['selection']>,
  ): Promise<number> {
    if (selection.kind === 'fixed') {
      const versions = await this.records.currentVersions(partId, { questionIds: selection.questionIds }, manager);
      if (versions.length !== selection.questionIds.length) throw new QuestionUnknownError();
      return versions.reduce((sum, v) => sum + v.points, 0);
    }
    const categoryIds = selection.categories.map((c) => c.categoryId);
    const versions = await this.records.currentVersions(partId, { categoryIds }, manager);
    let total = 0;
    for (const { categoryId, count } of selection.categories) {
      const pool = versions.filter((v) => v.categoryId === categoryId);
      if (pool.length < count) throw new NotEnoughQuestionsFieldError(count, pool.length);
      total += count * Math.max(...pool.map((v) => v.points));
    }
    return total;
  }

  /** A retake is for those who failed the exam it repeats, were absent, or have no result: each gets a pending result. */
  private async enrolRetake(manager: EntityManager, exam: Exam): Promise<void> {
    const userIds = await this.records.retakeCandidates(exam.retakeOfId!, exam.cohortId, manager);
    if (!userIds.length) return;
    await manager
      .getRepository(ExamResult)
      .createQueryBuilder()
      .insert()
      .values(userIds.map((userId) => ({ examId: exam.id, userId, status: 'pending' as const })))
      .orIgnore()
      .execute();
  }

  /** Who may take the exam: the cohort's members, or for a retake those it was set for. */
  async mayTake(exam: Exam, userId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (!(await this.access.isMember(userId, exam.cohortId, manager))) return false;
    if (!exam.retakeOfId) return true;
    return manager.getRepository(ExamResult).exists({ where: { examId: exam.id, userId } });
  }

  async accommodations(actor: Actor, examId: string): Promise<(ExamAccommodation & { name: string; cut: boolean })[]> {
    const exam = await this.getManaged(actor, examId);
    const rows = await this.dataSource.getRepository(ExamAccommodation).find({ where: { examId }, order: { createdAt: 'ASC' } });
    const names = await this.records.userNames(rows.map((r) => r.userId));
    return rows
      .map((row) => Object.assign(row, { name: names.get(row.userId) ?? '', cut: this.cuts(exam, row) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'lv'));
  }

  /** Trainees whose closing time would cut the time their accommodation gives, if they started at the opening. */
  async warnings(exam: Exam): Promise<AccommodationWarning[]> {
    const rows = await this.dataSource.getRepository(ExamAccommodation).find({ where: { examId: exam.id } });
    const cut = rows.filter((row) => this.cuts(exam, row));
    const names = await this.records.userNames(cut.map((r) => r.userId));
    return cut.map((r) => ({ userId: r.userId, name: names.get(r.userId) ?? '' }));
  }

  private cuts(exam: Exam, row: ExamAccommodation): boolean {
    const opensAt = row.opensAt ?? exam.opensAt;
    const closesAt = exam.closesAt;
    if (exam.mode !== 'online' || !opensAt || !closesAt) return false;
    return windowCutsAccommodation({ opensAt, closesAt, timeLimitMinutes: exam.timeLimitMinutes }, accommodationTerms(row));
  }

  /** Sets one trainee's accommodation (replacing any earlier one); returns whether the closing time cuts it. */
  async setAccommodation(
    actor: Actor,
    examId: string,
    input: AccommodationInput,
  ): Promise<{ accommodation: ExamAccommodation; cut: boolean }> {
    const exam = await this.getManaged(actor, examId);
    if (!(await this.access.isMember(input.userId, exam.cohortId))) throw new NotATraineeFieldError();
    return unitOfWork(this.dataSource, async (manager) => {
      await lockRow(manager, Exam, examId);
      const repo = manager.getRepository(ExamAccommodation);
      const existing = await repo.findOne({ where: { examId, userId: input.userId } });
      const before = existing ? accommodationAuditView(existing) : null;
      const row = existing ?? repo.create({ examId, userId: input.userId });
      Object.assign(row, {
        timeFactor: input.timeFactor.toFixed(2),
        extraMinutes: input.extraMinutes,
        extraAttempts: input.extraAttempts,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        note: input.note,
      });
      const saved = await repo.save(row);
      await this.audit.record(
        { actor, action: 'exam.accommodation_set', entityType: 'exam', entityId: examId, before, after: accommodationAuditView(saved) },
        manager,
      );
      return { accommodation: saved, cut: this.cuts(exam, saved) };
    });
  }

  async removeAccommodation(actor: Actor, examId: string, userId: string): Promise<void> {
    await this.getManaged(actor, examId);
    await unitOfWork(this.dataSource, async (manager) => {
      await lockRow(manager, Exam, examId);
      const repo = manager.getRepository(ExamAccommodation);
      const existing = await repo.findOne({ where: { examId, userId } });
      if (!existing) return;
      await repo.delete({ id: existing.id });
      await this.audit.record(
        { actor, action: 'exam.accommodation_removed', entityType: 'exam', entityId: examId, before: accommodationAuditView(existing) },
        manager,
      );
    });
  }

  async accommodationOf(
    examId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ExamAccommodation | null> {
    return manager.getRepository(ExamAccommodation).findOne({ where: { examId, userId } });
  }

  trainees(cohortId: string) {
    return this.records.trainees(cohortId);
  }
}

function accommodationAuditView(row: ExamAccommodation): Record<string, unknown> {
  return {
    userId: row.userId,
    timeFactor: row.timeFactor,
    extraMinutes: row.extraMinutes,
    extraAttempts: row.extraAttempts,
    opensAt: row.opensAt?.toISOString() ?? null,
    closesAt: row.closesAt?.toISOString() ?? null,
    note: row.note,
  };
}
