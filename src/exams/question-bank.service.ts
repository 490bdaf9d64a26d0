import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { unitOfWork } from '../database/unit-of-work';
import { lockRow } from '../database/row-locks';
import type { Part } from '../programmes/part.entity';
import { QuestionBankAccess } from './question-bank-access.service';
import { QuestionBankRecords, type CategorySummary, type QuestionSummary } from './question-bank-records.service';
import { CategoryNameTakenError, CategoryNotEmptyError, CategoryNotFoundError, QuestionNotFoundError } from './question-bank.errors';
import type { QuestionListQuery } from './question-bank.schemas';
import type { QuestionDraft } from './question-body';
import { QuestionCategory } from './question-category.entity';
import { QuestionVersion } from './question-version.entity';
import { Question } from './question.entity';

/** A question with the version new exams draw and its category. */
export interface QuestionDetail {
  question: Question;
  version: QuestionVersion;
  category: QuestionCategory;
  part: Part;
}

const isUniqueViolation = (error: unknown) =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';

const versionAudit = (v: Pick<QuestionVersion, 'version' | 'name' | 'points' | 'body'>) => ({
  version: v.version,
  name: v.name,
  points: v.points,
  kind: v.body.kind,
});

/**
 * A part's question bank: categories, questions and their versions. Editing writes a new version and moves the
 * question's current version to it; versions once written are never changed, so an attempt keeps what it drew.
 */
@Injectable()
export class QuestionBankService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: QuestionBankAccess,
    private readonly records: QuestionBankRecords,
    private readonly audit: AuditService,
  ) {}

  part(actor: Actor, partId: string): Promise<Part> {
    return this.access.assertCanKeep(actor, partId);
  }

  async categories(actor: Actor, partId: string): Promise<CategorySummary[]> {
    await this.access.assertCanKeep(actor, partId);
    return this.records.categories(partId);
  }

  async list(actor: Actor, partId: string, query: QuestionListQuery): Promise<{ items: QuestionSummary[]; total: number }> {
    await this.access.assertCanKeep(actor, partId);
    return this.records.list(partId, query);
  }

  /** A category the actor may keep; a category of another part, or an unknown one, is not found. */
  async category(actor: Actor, categoryId: string, partId?: string): Promise<QuestionCategory> {
    const category = await this.dataSource.getRepository(QuestionCategory).findOneBy({ id: categoryId });
    if (!category || (partId && category.partId !== partId) || !(await this.access.canKeep(actor, category.partId)))
      throw new CategoryNotFoundError();
    return category;
  }

  async createCategory(actor: Actor, partId: string, name: string): Promise<QuestionCategory> {
    await this.access.assertCanKeep(actor, partId);
    return unitOfWork(this.dataSource, async (manager) => {
      const category = await this.ensureCategory(manager, partId, name);
      if (!category.created) throw new CategoryNameTakenError();
      await this.audit.record(
        {
          actor,
          action: 'question_category.created',
          entityType: 'question_category',
          entityId: category.category.id,
          after: { partId, name },
        },
        manager,
      );
      return category.category;
    });
  }

  /**
   * The part's category of that name, made when there is none (an import names its categories). Safe against a
   * concurrent maker of the same name: the unique index decides, and the loser reads the winner's row.
   */
  async ensureCategory(manager: EntityManager, partId: string, name: string): Promise<{ category: QuestionCategory; created: boolean }> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO question_categories (part_id, name) VALUES ($1, $2) ON CONFLICT (part_id, name) DO NOTHING RETURNING id`,
      [partId, name],
    );
    const category = await manager.getRepository(QuestionCategory).findOneByOrFail({ partId, name });
    return { category, created: inserted.length > 0 };
  }

  /** Renames a category and, since a category is named by its whole path, its subcategories with it. */
  async renameCategory(actor: Actor, categoryId: string, name: string): Promise<QuestionCategory> {
    const found = await this.category(actor, categoryId);
    try {
      return await unitOfWork(this.dataSource, async (manager) => {
        const category = await lockRow(manager, QuestionCategory, found.id);
        if (!category) throw new CategoryNotFoundError();
        const before = { name: category.name };
        await manager.getRepository(QuestionCategory).update({ id: category.id }, { name });
        const subcategories = await this.records.renameSubcategories(manager, category.partId, category.name, name);
        await this.audit.record(
          {
            actor,
            action: 'question_category.renamed',
            entityType: 'question_category',
            entityId: category.id,
            before,
            after: { name, subcategories },
          },
          manager,
        );
        return { ...category, name };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new CategoryNameTakenError();
      throw error;
    }
  }

  /** Only an empty category goes; its questions, archived ones too, would otherwise lose their place. */
  async deleteCategory(actor: Actor, categoryId: string): Promise<QuestionCategory> {
    const found = await this.category(actor, categoryId);
    return unitOfWork(this.dataSource, async (manager) => {
      const category = await lockRow(manager, QuestionCategory, found.id);
      if (!category) throw new CategoryNotFoundError();
      // A question added meanwhile holds a key share on the row, so the lock above waits for it.
      const count = await manager.getRepository(Question).countBy({ categoryId: category.id });
      if (count) throw new CategoryNotEmptyError(count);
      await manager.getRepository(QuestionCategory).delete({ id: category.id });
      await this.audit.record(
        {
          actor,
          action: 'question_category.deleted',
          entityType: 'question_category',
          entityId: category.id,
          before: { name: category.name },
        },
        manager,
      );
      return category;
    });
  }

  async get(actor: Actor, questionId: string): Promise<QuestionDetail> {
    const question = await this.dataSource.getRepository(Question).findOneBy({ id: questionId });
    if (!question) throw new QuestionNotFoundError();
    const part = await this.access.assertCanKeep(actor, question.partId).catch(() => {
      throw new QuestionNotFoundError();
    });
    const [version, category] = await Promise.all([
      this.dataSource.getRepository(QuestionVersion).findOneByOrFail({ questionId, version: question.currentVersion }),
      this.dataSource.getRepository(QuestionCategory).findOneByOrFail({ id: question.categoryId }),
    ]);
    return { question, version, category, part };
  }

  /** Every version of a question, newest first. */
  async versions(actor: Actor, questionId: string): Promise<{ detail: QuestionDetail; versions: QuestionVersion[] }> {
    const detail = await this.get(actor, questionId);
    const versions = await this.dataSource.getRepository(QuestionVersion).find({ where: { questionId }, order: { version: 'DESC' } });
    return { detail, versions };
  }

  /** One version of a question by its number ("3"); anything else names no version. */
  async version(actor: Actor, questionId: string, number: string): Promise<QuestionVersion> {
    await this.get(actor, questionId);
    const version = /^[1-9]\d{0,8}$/.test(number)
      ? await this.dataSource.getRepository(QuestionVersion).findOneBy({ questionId, version: Number(number) })
      : null;
    if (!version) throw new QuestionNotFoundError();
    return version;
  }

  async create(actor: Actor, partId: string, categoryId: string, draft: QuestionDraft): Promise<Question> {
    await this.access.assertCanKeep(actor, partId);
    await this.category(actor, categoryId, partId).catch(() => {
      throw CategoryNotFoundError.asField();
    });
    return unitOfWork(this.dataSource, (manager) => this.insert(manager, actor, partId, categoryId, draft, 'question.created'));
  }

  /** Writes a question and its first version; an import calls it for each question inside its own unit of work. */
  async insert(
    manager: EntityManager,
    actor: Actor,
    partId: string,
    categoryId: string,
    draft: QuestionDraft,
    action: 'question.created' | 'question.imported',
  ): Promise<Question> {
    const question = await manager
      .getRepository(Question)
      .save(manager.getRepository(Question).create({ partId, categoryId, currentVersion: 1 }));
    const version = await this.insertVersion(manager, actor, question.id, 1, draft);
    if (action === 'question.created')
      await this.audit.record({ actor, action, entityType: 'question', entityId: question.id, after: versionAudit(version) }, manager);
    return question;
  }

  /** A new version from the draft, made current; the versions before it stay as they were. */
  async edit(actor: Actor, questionId: string, categoryId: string, draft: QuestionDraft): Promise<Question> {
    const found = await this.get(actor, questionId);
    await this.category(actor, categoryId, found.question.partId).catch(() => {
      throw CategoryNotFoundError.asField();
    });
    return unitOfWork(this.dataSource, async (manager) => {
      const question = await lockRow(manager, Question, questionId);
      if (!question) throw new QuestionNotFoundError();
      const version = await this.insertVersion(manager, actor, question.id, question.currentVersion + 1, draft);
      await manager.getRepository(Question).update({ id: question.id }, { currentVersion: version.version, categoryId });
      await this.audit.record(
        {
          actor,
          action: 'question.edited',
          entityType: 'question',
          entityId: question.id,
          before: { version: question.currentVersion, categoryId: question.categoryId },
          after: { ...versionAudit(version), categoryId },
        },
        manager,
      );
      return { ...question, currentVersion: version.version, categoryId };
    });
  }

  private async insertVersion(manager: EntityManager, actor: Actor, questionId: string, number: number, draft: QuestionDraft) {
    const repository = manager.getRepository(QuestionVersion);
    return repository.save(
      repository.create({
        questionId,
        version: number,
        name: draft.name,
        text: draft.text,
        points: draft.points.toFixed(2),
        body: draft.body,
        generalFeedback: draft.generalFeedback ?? '',
        createdById: actor.userId,
      }),
    );
  }

  /** Archived: hidden from new exams, every version kept. Restored: offered again. */
  async setArchived(actor: Actor, questionId: string, archived: boolean): Promise<Question> {
    await this.get(actor, questionId);
    return unitOfWork(this.dataSource, async (manager) => {
      const question = await lockRow(manager, Question, questionId);
      if (!question) throw new QuestionNotFoundError();
      if ((question.archivedAt !== null) === archived) return question;
      const archivedAt = archived ? new Date() : null;
      await manager.getRepository(Question).update({ id: question.id }, { archivedAt });
      await this.audit.record(
        { actor, action: archived ? 'question.archived' : 'question.restored', entityType: 'question', entityId: question.id },
        manager,
      );
      return { ...question, archivedAt };
    });
  }
}
