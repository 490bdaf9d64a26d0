import { Body, Controller, Get, Param, Post, Query, Render, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith, toFieldErrors } from '../common/zod-validation.pipe';
import { ValidationFailedError } from '../common/errors';
import { I18nService } from '../i18n/i18n.service';
import { withFormLocals } from '../common/form-locals';
import { QuestionBankService } from './question-bank.service';
import { categorySchema, importFieldsSchema, questionListQuerySchema, questionSchema } from './question-bank.schemas';
import { CategoryNameTakenError } from './question-bank.errors';
import { QUESTION_KINDS, type QuestionKind } from './question-body';
import { sendDownload } from '../common/download-response';
import { uploadFromRequest } from '../storage/upload';
import { questionFileDownload } from './question-export';
import { QuestionImportService } from './question-import.service';
import { draftFromInput, inputFieldsOf } from './question-input';
import { bankPage, importPage, importReportPage, questionForm, questionPage } from './question-page-views';
import { receiveQuestionFile } from './question-upload';
import { z } from 'zod';

const PART_ID = new ParseIdPipe('questions.errors.partNotFound');
const CATEGORY_ID = new ParseIdPipe('questions.errors.categoryNotFound');
const QUESTION_ID = new ParseIdPipe('questions.errors.notFound');
const kindQuery = z.object({ kind: z.enum(QUESTION_KINDS).catch('single') });
const exportQuery = z.object({ categoryId: z.uuid().optional().catch(undefined) });

/** The question bank's pages: the bank, categories, the question form of each kind, a question, import and export. */
@ApiExcludeController()
@Controller()
export class QuestionBankPagesController {
  constructor(
    private readonly bank: QuestionBankService,
    private readonly files: QuestionImportService,
    private readonly i18n: I18nService,
  ) {}

  private async bankLocals(actor: Actor, partId: string, rawQuery: unknown = {}) {
    const query = parseWith(questionListQuerySchema, rawQuery);
    const part = await this.bank.part(actor, partId);
    const [categories, list] = await Promise.all([this.bank.categories(actor, partId), this.bank.list(actor, partId, query)]);
    return bankPage(part, categories, list, query, actor.language);
  }

  private async formLocals(actor: Actor, partId: string, kind: QuestionKind, values: Record<string, unknown>, questionId?: string) {
    const [part, categories] = await Promise.all([this.bank.part(actor, partId), this.bank.categories(actor, partId)]);
    return questionForm(part, categories, kind, values, actor.language, questionId);
  }

  @Roles('admin', 'instructor')
  @Get('parts/:partId/questions')
  @Render('pages/questions/bank')
  bankPage(@CurrentActor() actor: Actor, @Param('partId', PART_ID) partId: string, @Query() rawQuery: unknown) {
    return this.bankLocals(actor, partId, rawQuery);
  }

  @Roles('admin', 'instructor')
  @Post('parts/:partId/question-categories')
  @FormView('pages/questions/bank')
  async createCategory(
    @CurrentActor() actor: Actor,
    @Param('partId', PART_ID) partId: string,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      () => this.bankLocals(actor, partId),
      () => this.bank.createCategory(actor, partId, parseWith(categorySchema, body).name),
    );
    req.session.flash = [{ kind: 'success', key: 'questions.flash.categoryCreated' }];
    res.redirect(303, `/parts/${partId}/questions`);
  }

  @Roles('admin', 'instructor')
  @Post('question-categories/:id')
  @FormView('pages/questions/bank')
  async renameCategory(
    @CurrentActor() actor: Actor,
    @Param('id', CATEGORY_ID) id: string,
    @Req() req: Request,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ) {
    const category = await this.bank.category(actor, id);
    await withFormLocals(
      res,
      () => this.bankLocals(actor, category.partId),
      async () => {
        // Each category's rename field has a name of its own, so the page can say which one was refused.
        const field = `name-${id}`;
        const parsed = categorySchema.safeParse({ name: body[field] }, { reportInput: true });
        if (!parsed.success) throw new ValidationFailedError(toFieldErrors(parsed.error.issues).map((e) => ({ ...e, field })));
        await this.bank.renameCategory(actor, id, parsed.data.name).catch((error: unknown) => {
          throw error instanceof CategoryNameTakenError ? ValidationFailedError.field(field, 'question.categoryNameTaken') : error;
        });
      },
    );
    req.session.flash = [{ kind: 'success', key: 'questions.flash.categoryRenamed' }];
    res.redirect(303, `/parts/${category.partId}/questions`);
  }

  @Roles('admin', 'instructor')
  @Post('question-categories/:id/delete')
  @FormView('pages/questions/bank')
  async deleteCategory(@CurrentActor() actor: Actor, @Param('id', CATEGORY_ID) id: string, @Req() req: Request, @Res() res: Response) {
    const category = await this.bank.category(actor, id);
    await withFormLocals(
      res,
      () => this.bankLocals(actor, category.partId),
      () => this.bank.deleteCategory(actor, id),
    );
    req.session.flash = [{ kind: 'success', key: 'questions.flash.categoryDeleted' }];
    res.redirect(303, `/parts/${category.partId}/questions`);
  }

  @Roles('admin', 'instructor')
  @Get('parts/:partId/questions/new')
  @Render('pages/questions/form')
  async newForm(@CurrentActor() actor: Actor, @Param('partId', PART_ID) partId: string, @Query() rawQuery: unknown) {
    const { kind } = kindQuery.parse(rawQuery ?? {});
    const values = { kind, points: '1', ...(kind === 'single' ? { choices: [{ percent: '100' }] } : {}) };
    return this.formLocals(actor, partId, kind, values);
  }

  @Roles('admin', 'instructor')
  @Post('parts/:partId/questions')
  @FormView('pages/questions/form')
  async create(
    @CurrentActor() actor: Actor,
    @Param('partId', PART_ID) partId: string,
    @Req() req: Request,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ) {
    await this.bank.part(actor, partId);
    const question = await withFormLocals(
      res,
      () => this.formLocals(actor, partId, kindQuery.parse(body).kind, body),
      async () => {
        const input = parseWith(questionSchema, body);
        return this.bank.create(actor, partId, input.categoryId, draftFromInput(input));
      },
    );
    req.session.flash = [{ kind: 'success', key: 'questions.flash.created' }];
    res.redirect(303, `/questions/${question.id}`);
  }

  @Roles('admin', 'instructor')
  @Get('questions/:id')
  @Render('pages/questions/show')
  async show(@CurrentActor() actor: Actor, @Param('id', QUESTION_ID) id: string) {
    const { detail, versions } = await this.bank.versions(actor, id);
    return questionPage(detail, versions, actor.language);
  }

  @Roles('admin', 'instructor')
  @Get('questions/:id/edit')
  @Render('pages/questions/form')
  async editForm(@CurrentActor() actor: Actor, @Param('id', QUESTION_ID) id: string) {
    const { question, version } = await this.bank.get(actor, id);
    const values = {
      ...inputFieldsOf({ ...version, points: Number(version.points), generalFeedback: version.generalFeedback }),
      categoryId: question.categoryId,
    };
    return this.formLocals(actor, question.partId, version.body.kind, values, id);
  }

  @Roles('admin', 'instructor')
  @Post('questions/:id')
  @FormView('pages/questions/form')
  async edit(
    @CurrentActor() actor: Actor,
    @Param('id', QUESTION_ID) id: string,
    @Req() req: Request,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ) {
    const { question, version } = await this.bank.get(actor, id);
    // The kind is the question's own: a form that says otherwise is read as the question's kind.
    const fields = { ...body, kind: version.body.kind };
    await withFormLocals(
      res,
      () => this.formLocals(actor, question.partId, version.body.kind, fields, id),
      async () => {
        const input = parseWith(questionSchema, fields);
        await this.bank.edit(actor, id, input.categoryId, draftFromInput(input));
      },
    );
    req.session.flash = [{ kind: 'success', key: 'questions.flash.edited' }];
    res.redirect(303, `/questions/${id}`);
  }

  @Roles('admin', 'instructor')
  @Post('questions/:id/archive')
  async archive(@CurrentActor() actor: Actor, @Param('id', QUESTION_ID) id: string, @Req() req: Request, @Res() res: Response) {
    await this.bank.setArchived(actor, id, true);
    req.session.flash = [{ kind: 'success', key: 'questions.flash.archived' }];
    res.redirect(303, `/questions/${id}`);
  }

  @Roles('admin', 'instructor')
  @Post('questions/:id/restore')
  async restore(@CurrentActor() actor: Actor, @Param('id', QUESTION_ID) id: string, @Req() req: Request, @Res() res: Response) {
    await this.bank.setArchived(actor, id, false);
    req.session.flash = [{ kind: 'success', key: 'questions.flash.restored' }];
    res.redirect(303, `/questions/${id}`);
  }

  private async importLocals(actor: Actor, partId: string) {
    const [part, categories] = await Promise.all([this.bank.part(actor, partId), this.bank.categories(actor, partId)]);
    return importPage(part, categories, actor.language);
  }

  @Roles('admin', 'instructor')
  @Get('parts/:partId/questions/import')
  @Render('pages/questions/import')
  importForm(@CurrentActor() actor: Actor, @Param('partId', PART_ID) partId: string) {
    return this.importLocals(actor, partId);
  }

  @Roles('admin', 'instructor')
  @Post('parts/:partId/questions/import')
  @FormView('pages/questions/import')
  async import(@CurrentActor() actor: Actor, @Param('partId', PART_ID) partId: string, @Req() req: Request, @Res() res: Response) {
    const locals = await this.importLocals(actor, partId);
    Object.assign(res.locals, locals);
    const { fields, file } = await receiveQuestionFile(uploadFromRequest(req));
    const { categoryId, format } = parseWith(importFieldsSchema, fields);
    const report = await this.files.import(actor, partId, categoryId, file, format);
    res.status(200).render('pages/questions/import', importReportPage(locals, fields, report, this.i18n, actor.language));
  }

  @Roles('admin', 'instructor')
  @Get('parts/:partId/questions/export')
  async export(
    @CurrentActor() actor: Actor,
    @Param('partId', PART_ID) partId: string,
    @Query() rawQuery: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { categoryId } = exportQuery.parse(rawQuery ?? {});
    return sendDownload(res, questionFileDownload(await this.files.exportMoodleXml(actor, partId, categoryId)));
  }
}
