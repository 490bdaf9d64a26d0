import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { ApiErrorResponses, ApiFile, ApiOk, ApiZodBody, ApiZodQuery } from '../common/api-docs';
import { CurrentActor } from '../common/current-user.decorator';
import { ValidationFailedError } from '../common/errors';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { CSV_UPLOAD, type UploadedCsv } from '../cohorts/csv-upload';
import { I18nService } from '../i18n/i18n.service';
import { ExamProtocolService } from './exam-protocol.service';
import { readSheetUpload } from './exam-sheet-files';
import { sendBytes } from '../common/download-response';
import { protocolDownload, templateDownload } from './exam-sheet-downloads';
import { resultsAppliedBody, resultsPreviewBody, resultsSavedBody, resultsSheetBody } from './exam-sheet.responses';
import { entriesOf, sheetEntriesSchema, templateFormatSchema } from './exam-sheet.schemas';
import { ExamSheetService } from './exam-sheet.service';
import { changeJson, previewJson, savedJson, sheetJson } from './exam-sheet-views';

const EXAM_ID = new ParseIdPipe('exams.errors.notFound');

@ApiTags('exams')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/exams/:id')
export class ExamSheetApiController {
  constructor(
    private readonly sheets: ExamSheetService,
    private readonly protocols: ExamProtocolService,
    private readonly i18n: I18nService,
  ) {}

  @Roles('instructor', 'admin')
  @Get('sheet')
  @ApiOperation({ summary: "An exam's results sheet: every trainee of the cohort with their result and its version" })
  @ApiOk(resultsSheetBody)
  async sheet(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor) {
    const { exam, rows } = await this.sheets.sheet(actor, id);
    return sheetJson(exam, rows);
  }

  @Roles('instructor', 'admin')
  @Put('sheet')
  @ApiOperation({
    summary: 'Enter results of an exam sat in person: a score, absent or excused (passed/failed follow from the pass mark)',
    description:
      'Each line carries the version it was read at. A line someone else changed since is not saved and is named in `conflicts`; ' +
      'the other lines are saved. A bad score refuses the whole request (400, naming each line).',
  })
  @ApiZodBody(sheetEntriesSchema)
  @ApiOk(resultsSavedBody)
  @ApiErrorResponses(409)
  async save(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor, @Body() body: unknown) {
    const report = await this.sheets.save(actor, id, entriesOf(parseWith(sheetEntriesSchema, body)));
    return savedJson(report, this.i18n, actor.language);
  }

  @Roles('instructor', 'admin')
  @Get('sheet/template')
  @ApiOperation({ summary: "A results template (CSV or XLSX) with the cohort's trainees, their results so far and each result's version" })
  @ApiZodQuery(templateFormatSchema)
  @ApiFile('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async template(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor, @Query() query: unknown, @Res() res: Response) {
    const { format } = parseWith(templateFormatSchema, query);
    sendBytes(res, await templateDownload(this.sheets, actor, id, format));
  }

  @Roles('instructor', 'admin')
  @Post('sheet/upload')
  @HttpCode(200)
  @UseInterceptors(CSV_UPLOAD)
  @ApiOperation({
    summary:
      'Preview an uploaded CSV or XLSX results file: the changes per trainee and the refused lines with the reason; nothing is written',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOk(resultsPreviewBody)
  async preview(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor, @UploadedFile() file: UploadedCsv | undefined) {
    if (!file?.buffer.length) throw ValidationFailedError.field('file', 'examSheet.fileRequired');
    const preview = await this.sheets.preview(actor, id, await readSheetUpload(file.buffer));
    return previewJson(preview, this.i18n, actor.language);
  }

  @Roles('instructor', 'admin')
  @Post('sheet/apply')
  @HttpCode(200)
  @ApiOperation({
    summary: "Apply a preview's changes, all in one transaction",
    description:
      'Send the `changes` of the preview as entries (outcome, score, version). If any changed meanwhile, nothing is written (409).',
  })
  @ApiZodBody(sheetEntriesSchema)
  @ApiOk(resultsAppliedBody)
  @ApiErrorResponses(409)
  async apply(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor, @Body() body: unknown) {
    const applied = await this.sheets.apply(actor, id, entriesOf(parseWith(sheetEntriesSchema, body)));
    return { applied: applied.map(changeJson) };
  }

  @Roles('instructor', 'admin')
  @Get('protocol.pdf')
  @ApiOperation({ summary: 'The printable exam protocol (A4 PDF): heading, each trainee’s result, the examiners’ signature lines' })
  @ApiFile('application/pdf')
  async protocol(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    sendBytes(res, protocolDownload(await this.protocols.pdf(actor, id, actor.language)));
  }
}
