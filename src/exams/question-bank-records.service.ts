import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QuestionBody, QuestionDraft, QuestionKind } from './question-body';
import type { QuestionListQuery } from './question-bank.schemas';

export interface CategorySummary {
  id: string;
  name: string;
  /** Questions in use (not archived). */
  active: number;
  archived: number;
}

export interface QuestionSummary {
  id: string;
  categoryId: string;
  categoryName: string;
  currentVersion: number;
  archivedAt: Date | null;
  updatedAt: Date;
  name: string;
  kind: QuestionKind;
  points: string;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The hand-written reads of the question bank: lists with filters, category counts, the drafts of an export. */
@Injectable()
export class QuestionBankRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Renames a category's subcategories with it (`Vecais/…` becomes `Jaunais/…`); returns how many. */
  async renameSubcategories(manager: EntityManager, partId: string, from: string, to: string): Promise<number> {
    const [, count] = (await manager.query(
      `UPDATE question_categories SET name = $3 || substr(name, length($2) + 1)
        WHERE part_id = $1 AND left(name, length($2) + 1) = $2 || '/'`,
      [partId, from, to],
    )) as [unknown, number];
    return count;
  }

  async categories(partId: string): Promise<CategorySummary[]> {
    const rows: { id: string; name: string; active: string; archived: string }[] = await this.dataSource.query(
      `SELECT c.id, c.name,
              count(q.id) FILTER (WHERE q.archived_at IS NULL) AS active,
              count(q.id) FILTER (WHERE q.archived_at IS NOT NULL) AS archived
         FROM question_categories c
         LEFT JOIN questions q ON q.category_id = c.id
        WHERE c.part_id = $1
        GROUP BY c.id
        ORDER BY c.name, c.id`,
      [partId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, active: Number(r.active), archived: Number(r.archived) }));
  }

  /** A page of a part's questions; a category includes its subcategories (`A` holds `A/B`). */
  async list(partId: string, query: QuestionListQuery): Promise<{ items: QuestionSummary[]; total: number }> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT q.id, q.category_id, c.name AS category_name, q.current_version, q.archived_at, q.updated_at,
              v.name, v.points, v.body->>'kind' AS kind, count(*) OVER () AS total
         FROM questions q
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         JOIN question_categories c ON c.id = q.category_id
        WHERE q.part_id = $1
          AND (q.archived_at IS NOT NULL) = $2
          AND ($3::uuid IS NULL OR c.id = $3
               OR starts_with(c.name, (SELECT name FROM question_categories WHERE id = $3) || '/'))
          AND ($4::text IS NULL OR v.body->>'kind' = $4)
          AND ($5::text IS NULL OR v.name ILIKE $5 OR v.text ILIKE $5)
        ORDER BY c.name, lower(v.name), q.id
        LIMIT $6 OFFSET $7`,
      [
        partId,
        query.archived,
        query.categoryId ?? null,
        query.kind ?? null,
        query.q ? likePattern(query.q) : null,
        query.pageSize,
        (query.page - 1) * query.pageSize,
      ],
    );
    return {
      total: rows.length ? Number(rows[0].total) : await this.count(partId, query),
      items: rows.map((r) => ({
        id: r.id as string,
        categoryId: r.category_id as string,
        categoryName: r.category_name as string,
        currentVersion: r.current_version as number,
        archivedAt: r.archived_at as Date | null,
        updatedAt: r.updated_at as Date,
        name: r.name as string,
        kind: r.kind as QuestionKind,
        points: r.points as string,
      })),
    };
  }

  /** Only asked when a page past the end came back empty. */
  private async count(partId: string, query: QuestionListQuery): Promise<number> {
    if (query.page === 1) return 0;
    const total = await this.list(partId, { ...query, page: 1, pageSize: 1 });
    return total.total;
  }

  /**
   * The current versions of a part's questions in use (not archived), as drafts named by their category, in
   * the order of the bank; one category includes its subcategories.
   */
  async drafts(partId: string, category: { id: string; name: string } | null, manager?: EntityManager): Promise<QuestionDraft[]> {
    const rows: { category: string; name: string; text: string; points: string; body: QuestionBody; general_feedback: string }[] = await (
      manager ?? this.dataSource
    ).query(
      `SELECT c.name AS category, v.name, v.text, v.points, v.body, v.general_feedback
         FROM questions q
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
         JOIN question_categories c ON c.id = q.category_id
        WHERE q.part_id = $1 AND q.archived_at IS NULL
          AND ($2::uuid IS NULL OR c.id = $2 OR starts_with(c.name, $3 || '/'))
        ORDER BY c.name, lower(v.name), q.id`,
      [partId, category?.id ?? null, category?.name ?? ''],
    );
    return rows.map((r) => ({
      name: r.name,
      text: r.text,
      points: Number(r.points),
      body: r.body,
      category: r.category,
      ...(r.general_feedback ? { generalFeedback: r.general_feedback } : {}),
    }));
  }
}
