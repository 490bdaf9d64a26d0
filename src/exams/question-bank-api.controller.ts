import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCookieAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { ApiCreated, ApiErrorResponses, ApiFile, ApiNoContent, ApiOk, ApiZodBody, ApiZodQuery } from '../common/api-docs';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { I18nService } from '../i18n/i18n.service';
import { sendDownload } from '../common/download-response';
import { uploadFromRequest } from '../storage/upload';
import { questionFileDownload } from './question-export';
import { QuestionBankService } from './question-bank.service';
import {
  categorySchema,
  exportQuerySchema,
  importFieldsSchema,
  IMPORT_FORMATS,
  questionListQuerySchema,
  questionSchema,
} from './question-bank.schemas';
import {
  importReportBody,
  questionBody,
  questionCategoryBody,
  questionCategoryListBody,
  questionPageBody,
  questionPreviewBody,
  questionVersionBody,
  questionVersionListBody,
} from './question-bank.responses';
import { QuestionImportService } from './question-import.service';
import { draftFromInput } from './question-input';
import { QUESTION_FILE_FIELD, receiveQuestionFile } from './question-upload';
import { categoryJson, importReportJson, questionJson, questionSummaryJson, traineePreview, versionJson } from './question-views';
import { MAX_IMPORT_BYTES } from './question-import';

const PART_ID = new ParseIdPipe('questions.errors.partNotFound');
const CATEGORY_ID = new ParseIdPipe('questions.errors.categoryNotFound');
const QUESTION_ID = new ParseIdPipe('questions.errors.notFound');
const WHO = '(administrators and the instructors of a cohort of the part)';

@ApiTags('question bank')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class QuestionBankApiController {
  constructor(
    private readonly bank: QuestionBankService,
    private readonly files: QuestionImportService,
    private readonly i18n: I18nService,
  ) {}

  @Roles('admin', 'instructor')
  @Get('parts/:partId/question-categories')
  @ApiOperation({ summary: `A part's question categories with their counts ${WHO}` })
  @ApiParam({ name: 'partId', format: 'uuid' })
  @ApiOk(questionCategoryListBody)
  async categories(@CurrentActor() actor: Actor, @Param('partId', PART_ID) partId: string) {
    return { items: (await this.bank.categories(actor, partId)).map((c) => categoryJson(c, partId)) };
  }

  @Roles('admin', 'instructor')
  @Post('parts/:partId/question-categories')
  @ApiOperation({ summary: `Make a category; its name is its whole path, "A/B" ${WHO}` })
  @ApiParam({ name: 'partId', format: 'uuid' })
  @ApiZodBody(categorySchema)
  @ApiCreated(questionCategoryBody)
  @ApiErrorResponses(409)
  async createCategory(@CurrentActor() actor: Actor, @Param('partId', PART_ID) partId: string, @Body() body: unknown) {
    return categoryJson(await this.bank.createCategory(actor, partId, parseWith(categorySchema, body).name), partId);
  }

  @Roles('admin', 'instructor')
  @Put('question-categories/:id')
  @ApiOperation({ summary: 'Rename a category' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiZodBody(categorySchema)
  @ApiOk(questionCategoryBody)
  @ApiErrorResponses(409)
  async renameCategory(@CurrentActor() actor: Actor, @Param('id', CATEGORY_ID) id: string, @Body() body: unknown) {
    const category = await this.bank.renameCategory(actor, id, parseWith(categorySchema, body).name);
    return categoryJson(category, category.partId);
  }

  @Roles('admin', 'instructor')
  @Delete('question-categories/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an empty category (409 while it holds questions, archived ones too)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContent()
  @ApiErrorResponses(409)
  async deleteCategory(@CurrentActor() actor: Actor, @Param('id', CATEGORY_ID) id: string): Promise<void> {
    await this.bank.deleteCategory(actor, id);
  }

  @Roles('admin', 'instructor')
  @Get('parts/:partId/questions')
  @ApiOperation({ summary: `A page of a part's questions, by category (with its subcategories), kind and text ${WHO}` })
  @ApiParam({ name: 'partId', format: 'uuid' })
  @ApiZodQuery(questionListQuerySchema)
  @ApiOk(questionPageBody)
  async list(@CurrentActor() actor: Actor, @Param('partId', PART_ID) partId: string, @Query() rawQuery: unknown) {
    const query = parseWith(questionListQuerySchema, rawQuery);
    const { items, total } = await this.bank.list(actor, partId, query);
    return { items: items.map(questionSummaryJson), total, page: query.page, pageSize: query.pageSize };
  }

  @Roles('admin', 'instructor')
  @Post('parts/:partId/questions')
  @ApiOperation({
    summary: `Write a question ${WHO}`,
    description: 'Shares are percentages of the points. The fields of the other kinds are ignored.',
  })
  @ApiParam({ name: 'partId', format: 'uuid' })
  @ApiZodBody(questionSchema)
  @ApiCreated(questionBody)
  async create(@CurrentActor() actor: Actor, @Param('partId', PART_ID) partId: string, @Body() body: unknown) {
    // Whoever may not keep the bank learns nothing from the checks of what they sent.
    await this.bank.part(actor, partId);
    const input = parseWith(questionSchema, body);
    const question = await this.bank.create(actor, partId, input.categoryId, draftFromInput(input));
    return questionJson(await this.bank.get(actor, question.id));
  }

  @Roles('admin', 'instructor')
  @Get('questions/:id')
  @ApiOperation({ summary: 'A question with its current version, key included' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOk(questionBody)
  async get(@CurrentActor() actor: Actor, @Param('id', QUESTION_ID) id: string) {
    return questionJson(await this.bank.get(actor, id));
  }

  @Roles('admin', 'instructor')
  @Put('questions/:id')
  @ApiOperation({
    summary: 'Edit a question: writes a new version and makes it current',
    description: 'Earlier versions stay unchanged; attempts that drew them keep them.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiZodBody(questionSchema)
  @ApiOk(questionBody)
  async edit(@CurrentActor() actor: Actor, @Param('id', QUESTION_ID) id: string, @Body() body: unknown) {
    await this.bank.get(actor, id);
    const input = parseWith(questionSchema, body);
    await this.bank.edit(actor, id, input.categoryId, draftFromInput(input));
    return questionJson(await this.bank.get(actor, id));
  }

  @Roles('admin', 'instructor')
  @Get('questions/:id/versions')
  @ApiOperation({ summary: 'Every version of a question, newest first' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOk(questionVersionListBody)
  async versions(@CurrentActor() actor: Actor, @Param('id', QUESTION_ID) id: string) {
    return { items: (await this.bank.versions(actor, id)).versions.map(versionJson) };
  }

  @Roles('admin', 'instructor')
  @Get('questions/:id/versions/:version')
  @ApiOperation({ summary: 'One version of a question' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'version', type: 'integer' })
  @ApiOk(questionVersionBody)
  async version(@CurrentActor() actor: Actor, @Param('id', QUESTION_ID) id: string, @Param('version') version: string) {
    return versionJson(await this.bank.version(actor, id, version));
  }

  @Roles('admin', 'instructor')
  @Get('questions/:id/preview')
  @ApiOperation({ summary: 'The current version as a trainee sees it: no key, no feedback' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOk(questionPreviewBody)
  async preview(@CurrentActor() actor: Actor, @Param('id', QUESTION_ID) id: string) {
    return traineePreview((await this.bank.get(actor, id)).version);
  }

  @Roles('admin', 'instructor')
  @Post('questions/:id/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive a question: new exams no longer offer it; its versions stay' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOk(questionBody)
  async archive(@CurrentActor() actor: Actor, @Param('id', QUESTION_ID) id: string) {
    await this.bank.setArchived(actor, id, true);
    return questionJson(await this.bank.get(actor, id));
  }

  @Roles('admin', 'instructor')
  @Post('questions/:id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Offer an archived question to new exams again' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOk(questionBody)
  async restore(@CurrentActor() actor: Actor, @Param('id', QUESTION_ID) id: string) {
    await this.bank.setArchived(actor, id, false);
    return questionJson(await this.bank.get(actor, id));
  }

  @Roles('admin', 'instructor')
  @Post('parts/:partId/questions/import')
  @HttpCode(200)
  @ApiOperation({
    summary: `Import a Moodle XML or GIFT file into a category ${WHO}`,
    description:
      'Valid questions are imported, the others refused; the report names each by its position. Categories named in the file ' +
      'are made under the chosen one. A file that cannot be read at all (not XML, a DOCTYPE, an unknown format, too large, ' +
      'empty) is refused whole with 413 or 422 and nothing is written.',
  })
  @ApiParam({ name: 'partId', format: 'uuid' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['categoryId', QUESTION_FILE_FIELD],
      properties: {
        categoryId: { type: 'string', format: 'uuid' },
        format: { type: 'string', enum: [...IMPORT_FORMATS], default: 'auto' },
        [QUESTION_FILE_FIELD]: { type: 'string', format: 'binary', description: `Moodle XML or GIFT, at most ${MAX_IMPORT_BYTES} bytes` },
      },
    },
  })
  @ApiOk(importReportBody)
  @ApiErrorResponses(413, 422)
  async import(@CurrentActor() actor: Actor, @Param('partId', PART_ID) partId: string, @Req() req: Request) {
    await this.bank.part(actor, partId);
    const { fields, file } = await receiveQuestionFile(uploadFromRequest(req));
    const { categoryId, format } = parseWith(importFieldsSchema, fields);
    const report = await this.files.import(actor, partId, categoryId, file, format);
    return importReportJson(report, this.i18n, actor.language);
  }

  @Roles('admin', 'instructor')
  @Get('parts/:partId/questions/export')
  @ApiOperation({ summary: `The bank, or one category with its subcategories, as Moodle XML ${WHO}` })
  @ApiParam({ name: 'partId', format: 'uuid' })
  @ApiZodQuery(exportQuerySchema)
  @ApiFile('application/xml')
  async export(
    @CurrentActor() actor: Actor,
    @Param('partId', PART_ID) partId: string,
    @Query() rawQuery: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { categoryId } = parseWith(exportQuerySchema, rawQuery);
    return sendDownload(res, questionFileDownload(await this.files.exportMoodleXml(actor, partId, categoryId)));
  }
}
