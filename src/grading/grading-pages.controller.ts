import { Body, Controller, Get, Param, Post, Query, Render, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../common/actor';
import { Authenticated, Roles } from '../common/access.decorators';
import { Clock } from '../common/clock';
import { CurrentActor } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { pager } from '../common/paging';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { I18nService } from '../i18n/i18n.service';
import { withFormLocals } from '../common/form-locals';
import { pipeDownload, sendDownload } from '../common/download-response';
import { storedFileDownload } from '../storage/stored-file-download';
import { isMultipart, uploadFromRequest } from '../storage/upload';
import { GradeConflictError } from './grading.errors';
import { queueQuerySchema, releaseSchema, returnSchema } from './grades.schemas';
import { GradesService } from './grades.service';
import { GradingQueueService } from './grading-queue.service';
import { GradingReleaseService } from './grading-release.service';
import { feedbackFileMeta, gradingPage, queueColumns, queueFilterLocals, queuePageRows } from './grading-views';
import { GradingZipService } from './grading-zip.service';

const SUBMISSION_ID = new ParseIdPipe('assignments.errors.submissionNotFound');
const ASSIGNMENT_ID = new ParseIdPipe('assignments.errors.notFound');
const VIEW = 'pages/grading/submission';

/** A failed form on the grading page shows the page again: the saved grade's values, then what was typed. */
const keepGradeValues = (req: Request) => ({ values: (req.res?.locals as { values?: object } | undefined)?.values });

/** The instructor's grading: the queue, one submission's grading page and its forms, and the ZIP of an assignment. */
@ApiExcludeController()
@Controller()
export class GradingPagesController {
  constructor(
    private readonly queue: GradingQueueService,
    private readonly grades: GradesService,
    private readonly release: GradingReleaseService,
    private readonly zips: GradingZipService,
    private readonly i18n: I18nService,
    private readonly clock: Clock,
  ) {}

  @Roles('admin', 'instructor')
  @Get('grading')
  @Render('pages/grading/queue')
  async queuePage(@CurrentActor() actor: Actor, @Query() rawQuery: unknown, @Req() req: Request) {
    const query = parseWith(queueQuerySchema, rawQuery);
    const { items, total, options } = await this.queue.page(actor, query);
    return {
      titleKey: 'grading.queue.title',
      columns: queueColumns(this.i18n, req.lang),
      rows: queuePageRows(items, this.i18n, req.lang),
      filters: { cohort: query.cohort ?? '', assignment: query.assignment ?? '', late: query.late ?? '' },
      ...queueFilterLocals(options),
      assignmentActions: query.assignment ? { id: query.assignment } : null,
      pager: pager('/grading', query, total),
    };
  }

  @Roles('admin', 'instructor')
  @Get('grading/submissions/:id')
  @Render(VIEW)
  submissionPage(@CurrentActor() actor: Actor, @Param('id', SUBMISSION_ID) id: string, @Req() req: Request) {
    return this.page(actor, id, req.lang);
  }

  /**
   * Saves the draft grade (a multipart form when it brings a feedback file). When someone else saved first the
   * page comes back (409) with their values, and what this form held is shown beside them, unsaved.
   */
  @Roles('admin', 'instructor')
  @Post('grading/submissions/:id/grade')
  @FormView(VIEW, keepGradeValues)
  async saveGrade(@CurrentActor() actor: Actor, @Param('id', SUBMISSION_ID) id: string, @Req() req: Request, @Res() res: Response) {
    try {
      await withFormLocals(
        res,
        () => this.page(actor, id, req.lang),
        () => (isMultipart(req.headers) ? this.grades.saveForm(actor, id, uploadFromRequest(req)) : this.grades.save(actor, id, req.body)),
      );
    } catch (error) {
      if (!(error instanceof GradeConflictError)) throw error;
      const unsaved = (req.body ?? {}) as Record<string, string>;
      res.status(409).render(VIEW, {
        ...(await this.page(actor, id, req.lang)),
        formError: this.i18n.t(req.lang, error.messageKey, error.params),
        unsaved: { score: unsaved.score, passed: unsaved.passed, feedback: unsaved.feedback },
      });
      return;
    }
    req.session.flash = [{ kind: 'success', key: 'grading.flash.saved' }];
    res.redirect(303, `/grading/submissions/${id}`);
  }

  @Roles('admin', 'instructor')
  @Post('grading/submissions/:id/release')
  @FormView(VIEW, keepGradeValues)
  async releaseGrade(
    @CurrentActor() actor: Actor,
    @Param('id', SUBMISSION_ID) id: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      () => this.page(actor, id, req.lang),
      () => this.release.release(actor, id, parseWith(releaseSchema, body).revision),
    );
    req.session.flash = [{ kind: 'success', key: 'grading.flash.released' }];
    res.redirect(303, `/grading/submissions/${id}`);
  }

  @Roles('admin', 'instructor')
  @Post('grading/submissions/:id/return')
  @FormView(VIEW, keepGradeValues)
  async returnWork(
    @CurrentActor() actor: Actor,
    @Param('id', SUBMISSION_ID) id: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      () => this.page(actor, id, req.lang),
      () => this.release.returnForRevision(actor, id, parseWith(returnSchema, body)),
    );
    req.session.flash = [{ kind: 'success', key: 'grading.flash.returned' }];
    res.redirect(303, `/grading/submissions/${id}`);
  }

  @Roles('admin', 'instructor')
  @Post('grading/assignments/:id/release')
  async releaseAll(@CurrentActor() actor: Actor, @Param('id', ASSIGNMENT_ID) id: string, @Req() req: Request, @Res() res: Response) {
    const { released, skipped } = await this.release.releaseAll(actor, id);
    req.session.flash = [
      { kind: 'success', key: 'grading.flash.releasedAll', params: { count: released } },
      ...(skipped ? [{ kind: 'info' as const, key: 'grading.flash.skipped', params: { count: skipped } }] : []),
    ];
    res.redirect(303, `/grading?assignment=${id}`);
  }

  @Roles('admin', 'instructor')
  @Get('grading/assignments/:id/submissions.zip')
  async zip(
    @CurrentActor() actor: Actor,
    @Param('id', ASSIGNMENT_ID) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    pipeDownload(res, await this.zips.open(actor, id, this.i18n.t(req.lang, 'grading.zip.textFile')));
  }

  /** The feedback file: for its graders, and for the trainee once the grade is released. */
  @Authenticated()
  @Get('submissions/:id/grade/feedback-file')
  async feedbackFile(
    @CurrentActor() actor: Actor,
    @Param('id', SUBMISSION_ID) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { grade, content } = await this.grades.openFeedbackFile(actor, id);
    return sendDownload(res, storedFileDownload(feedbackFileMeta(grade), content));
  }

  private async page(actor: Actor, id: string, lang: Request['lang']) {
    const work = await this.grades.forGrading(actor, id);
    const graderName = work.grade ? await this.grades.graderName(work.submission.id) : null;
    return gradingPage(work, graderName || null, this.i18n, lang, this.clock.now());
  }
}
