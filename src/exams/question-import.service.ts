import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { unitOfWork } from '../database/unit-of-work';
import { parseGift } from './gift-format';
import { parseMoodleXml, writeMoodleXml } from './moodle-xml-format';
import { QuestionBankAccess } from './question-bank-access.service';
import { QuestionBankRecords } from './question-bank-records.service';
import { CategoryNotFoundError, QuestionFileRefusedError } from './question-bank.errors';
import { categoryPath } from './question-bank.schemas';
import { QuestionBankService } from './question-bank.service';
import { type ImportItem, ImportFileError } from './question-import';
import type { QuestionFile } from './question-upload';

export type ImportFormat = 'moodle' | 'gift';

/** What became of each question of a file, in the order of the file. */
export interface ImportReport {
  fileName: string;
  format: ImportFormat;
  imported: number;
  refused: number;
  items: (ImportItem & { questionId?: string; category?: string })[];
}

/** Moodle writes every category under its course's `top`, which means nothing here. */
const withoutMoodleTop = (path: string) => path.replace(/^top(\/|$)/i, '');

function formatOf(file: QuestionFile, text: string, chosen: 'auto' | ImportFormat): ImportFormat {
  if (chosen !== 'auto') return chosen;
  const extension = /\.([a-z]+)$/i.exec(file.fileName)?.[1]?.toLowerCase();
  if (extension === 'xml') return 'moodle';
  if (extension === 'gift') return 'gift';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return 'moodle';
  if (/\{[^]*\}/.test(start)) return 'gift';
  throw new QuestionFileRefusedError('unknown_format');
}

/** Reads a file as UTF-8 text; bytes that are not UTF-8 make it a file of no known format. */
function textOf(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new QuestionFileRefusedError('unknown_format');
  }
}

/** Moodle XML and GIFT files in, Moodle XML out. */
@Injectable()
export class QuestionImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: QuestionBankAccess,
    private readonly bank: QuestionBankService,
    private readonly records: QuestionBankRecords,
    private readonly audit: AuditService,
  ) {}

  /**
   * Imports the file's valid questions into the chosen category (categories the file names are made under it) and
   * reports each question. A file that cannot be read at all is refused whole; either way nothing is half-written:
   * every row of one import is written in one unit of work.
   */
  async import(
    actor: Actor,
    partId: string,
    categoryId: string,
    file: QuestionFile | null,
    chosen: 'auto' | ImportFormat,
  ): Promise<ImportReport> {
    await this.access.assertCanKeep(actor, partId);
    const root = await this.bank.category(actor, categoryId, partId).catch(() => {
      throw CategoryNotFoundError.asField();
    });
    if (!file || !file.content.length) throw new QuestionFileRefusedError('empty');
    const text = textOf(file.content);
    const format = formatOf(file, text, chosen);
    let items: ImportItem[];
    try {
      items = format === 'moodle' ? parseMoodleXml(text) : parseGift(text);
    } catch (error) {
      if (error instanceof ImportFileError)
        throw new QuestionFileRefusedError(error.code, error.code === 'not_xml' ? error.message : undefined);
      throw error;
    }
    return unitOfWork(this.dataSource, async (manager) => {
      const categories = new Map<string, string>([[root.name, root.id]]);
      const reported: ImportReport['items'] = [];
      for (const item of items) {
        if (item.outcome !== 'imported') {
          reported.push(item);
          continue;
        }
        const name = categoryPath(`${root.name}/${withoutMoodleTop(item.draft.category ?? '')}`);
        let id = categories.get(name);
        if (!id) {
          id = (await this.bank.ensureCategory(manager, partId, name)).category.id;
          categories.set(name, id);
        }
        const question = await this.bank.insert(manager, actor, partId, id, item.draft, 'question.imported');
        reported.push({ ...item, questionId: question.id, category: name });
      }
      const report: ImportReport = {
        fileName: file.fileName,
        format,
        imported: reported.filter((i) => i.outcome === 'imported').length,
        refused: reported.filter((i) => i.outcome === 'refused').length,
        items: reported,
      };
      await this.audit.record(
        {
          actor,
          action: 'question.imported',
          entityType: 'question_category',
          entityId: root.id,
          after: {
            fileName: file.fileName,
            format,
            imported: report.imported,
            refused: report.refused,
            questionIds: reported.flatMap((i) => (i.questionId ? [i.questionId] : [])),
          },
        },
        manager,
      );
      return report;
    });
  }

  /** The bank, or one category with its subcategories, as a Moodle XML file. */
  async exportMoodleXml(actor: Actor, partId: string, categoryId?: string): Promise<{ fileName: string; content: string }> {
    const part = await this.access.assertCanKeep(actor, partId);
    const category = categoryId ? await this.bank.category(actor, categoryId, partId) : null;
    const drafts = await this.records.drafts(partId, category);
    const suffix = category ? `-${category.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}` : '';
    return { fileName: `jautajumi-${part.number}-dala${suffix}.xml`, content: writeMoodleXml(drafts) };
  }
}
