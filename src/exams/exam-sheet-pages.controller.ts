import { Body, Controller, Get, Param, Post, Render, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/current-user.decorator';
import { DomainError, ValidationFailedError } from '../common/errors';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { CSV_UPLOAD, type UploadedCsv } from '../cohorts/csv-upload';
import { I18nService } from '../i18n/i18n.service';
import { ExamProtocolService } from './exam-protocol.service';
import { readSheetUpload } from './exam-sheet-files';
import { sendBytes } from '../common/download-response';
import { protocolDownload, templateDownload } from './exam-sheet-downloads';
import { linesOfEntries, previewPage, refusedPreviewPage, sheetPage, type SubmittedSheet } from './exam-sheet-pages';
import { UploadChangedMeanwhileError } from './exam-sheet.errors';
import { applyFormSchema, sheetFormSchema } from './exam-sheet.schemas';
import { ExamSheetService } from './exam-sheet.service';

const EXAM_ID = new ParseIdPipe('exams.errors.notFound');

/** The results sheet of an exam sat in person, its upload with a preview, and the protocol, as pages. */
@ApiExcludeController()
@Controller('exams/:id')
export class ExamSheetPagesController {
  constructor(
    private readonly sheets: ExamSheetService,
    private readonly protocols: ExamProtocolService,
    private readonly i18n: I18nService,
  ) {}

  @Roles('instructor', 'admin')
  @Get('sheet')
  @Render('pages/exams/sheet')
  async sheet(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor) {
    return this.sheetLocals(actor, id);
  }

  /** A bad score shows the sheet again with each bad line named; lines changed meanwhile are named after saving the rest. */
  @Roles('instructor', 'admin')
  @Post('sheet')
  async save(
    @Param('id', EXAM_ID) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    try {
      const report = await this.sheets.save(actor, id, parseWith(sheetFormSchema, body));
      req.session.flash = [{ kind: 'success', key: 'examSheet.flash.saved', params: { count: report.saved.length } }];
      if (report.conflicts.length) {
        req.session.flash.push({
          kind: 'error',
          key: 'examSheet.flash.conflicts',
          params: { names: report.conflicts.map((c) => c.name).join(', ') },
        });
      }
      res.redirect(303, `/exams/${id}/sheet`);
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      res.status(422).render('pages/exams/sheet', await this.sheetLocals(actor, id, { body: body as SubmittedSheet, error }));
    }
  }

  @Roles('instructor', 'admin')
  @Get('sheet/template.csv')
  async templateCsv(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    sendBytes(res, await templateDownload(this.sheets, actor, id, 'csv'));
  }

  @Roles('instructor', 'admin')
  @Get('sheet/template.xlsx')
  async templateXlsx(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    sendBytes(res, await templateDownload(this.sheets, actor, id, 'xlsx'));
  }

  @Roles('instructor', 'admin')
  @Post('sheet/upload')
  @UseInterceptors(CSV_UPLOAD)
  async preview(
    @Param('id', EXAM_ID) id: string,
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedCsv | undefined,
    @Res() res: Response,
  ) {
    try {
      if (!file?.buffer.length) throw ValidationFailedError.field('file', 'examSheet.fileRequired');
      const preview = await this.sheets.preview(actor, id, await readSheetUpload(file.buffer));
      const { exam } = await this.sheets.sheet(actor, id);
      res.render('pages/exams/sheet-preview', previewPage(exam, preview, this.i18n, actor.language));
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      res.status(422).render('pages/exams/sheet', await this.sheetLocals(actor, id, { uploadError: error }));
    }
  }

  /** All or nothing: when a line changed since the preview, nothing is written and a fresh preview is shown. */
  @Roles('instructor', 'admin')
  @Post('sheet/apply')
  async apply(
    @Param('id', EXAM_ID) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const entries = parseWith(applyFormSchema, body);
    try {
      const applied = await this.sheets.apply(actor, id, entries);
      req.session.flash = [{ kind: 'success', key: 'examSheet.flash.applied', params: { count: applied.length } }];
      res.redirect(303, `/exams/${id}/sheet`);
    } catch (error) {
      if (!(error instanceof UploadChangedMeanwhileError || error instanceof ValidationFailedError)) throw error;
      const { exam, rows } = await this.sheets.sheet(actor, id);
      const preview = await this.sheets.preview(actor, id, linesOfEntries(entries, rows));
      const formError = this.i18n.t(actor.language, (error as DomainError).messageKey, (error as DomainError).params);
      res.status(409).render('pages/exams/sheet-preview', refusedPreviewPage(exam, preview, formError, this.i18n, actor.language));
    }
  }

  @Roles('instructor', 'admin')
  @Get('protocol.pdf')
  async protocol(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    sendBytes(res, protocolDownload(await this.protocols.pdf(actor, id, actor.language)));
  }

  private async sheetLocals(
    actor: Actor,
    id: string,
    state: { body?: SubmittedSheet; error?: ValidationFailedError; uploadError?: ValidationFailedError } = {},
  ) {
    const { exam, rows } = await this.sheets.sheet(actor, id);
    return sheetPage(exam, await this.sheets.heading(exam), rows, this.i18n, actor.language, state);
  }
}
