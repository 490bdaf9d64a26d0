import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { I18nService } from '../i18n/i18n.service';
import { withFormLocals } from '../common/form-locals';
import { ExamItemNotFoundError, ExamMarkConflictError } from './exam-marking.errors';
import { ExamMarkingService } from './exam-marking.service';
import { essayQueueQuerySchema, markSchema, overrideSchema, remarkSchema } from './exam-marking.schemas';
import {
  essayQueuePage,
  markConflictPage,
  markingItemPage,
  markingResultsPage,
  overridePage,
  ownResultPage,
  releasePage,
  remarkPage,
  statisticsPage,
} from './exam-marking-views';
import { ExamReleaseService } from './exam-release.service';
import { ExamRemarksService } from './exam-remarks.service';
import { ExamStatisticsService } from './exam-statistics.service';

const EXAM_ID = new ParseIdPipe('exams.errors.notFound');
const ITEM_ID = new ParseIdPipe('examMarking.errors.itemNotFound');
const USER_ID = new ParseIdPipe('examMarking.errors.resultNotFound');
const QUESTION_ID = new ParseIdPipe('examMarking.errors.itemNotFound');

const ITEM_VIEW = 'pages/exam-marking/item';
const OVERRIDE_VIEW = 'pages/exam-marking/override';
const REMARK_VIEW = 'pages/exam-marking/remark';
const RELEASE_VIEW = 'pages/exam-marking/release';

/** Exam marking pages: the essays to mark, one answer at a time across the attempts, results, overrides, key fixes, release, statistics. */
@ApiExcludeController()
@Controller()
export class ExamMarkingPagesController {
  constructor(
    private readonly marking: ExamMarkingService,
    private readonly remarks: ExamRemarksService,
    private readonly release: ExamReleaseService,
    private readonly statistics: ExamStatisticsService,
    private readonly i18n: I18nService,
  ) {}

  @Roles('admin', 'instructor')
  @Get('grading/exams')
  @Render('pages/exam-marking/queue')
  async queue(@CurrentActor() actor: Actor, @Query() rawQuery: unknown) {
    const query = parseWith(essayQueueQuerySchema, rawQuery);
    const all = await this.marking.queue(actor, null);
    return essayQueuePage(all, query.exam ? await this.marking.queue(actor, query.exam) : all, query.exam);
  }

  @Roles('admin', 'instructor')
  @Get('grading/exams/:id/questions/:questionId')
  async firstOfQuestion(
    @CurrentActor() actor: Actor,
    @Param('id', EXAM_ID) id: string,
    @Param('questionId', QUESTION_ID) questionId: string,
    @Res() res: Response,
  ) {
    res.redirect(303, `/grading/exam-items/${await this.marking.firstOf(actor, id, questionId)}`);
  }

  @Roles('admin', 'instructor')
  @Get('grading/exam-items/:id')
  @Render(ITEM_VIEW)
  itemPage(@CurrentActor() actor: Actor, @Param('id', ITEM_ID) id: string, @Req() req: Request) {
    return this.itemLocals(actor, id, req);
  }

  /** Saves the mark, then goes on to the next answer still to mark (or stays when none is left). */
  @Roles('admin', 'instructor')
  @Post('grading/exam-items/:id')
  @FormView(ITEM_VIEW)
  async mark(
    @CurrentActor() actor: Actor,
    @Param('id', ITEM_ID) id: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    try {
      await withFormLocals(
        res,
        () => this.itemLocals(actor, id, req),
        () => this.marking.mark(actor, id, parseWith(markSchema, body)),
      );
    } catch (error) {
      if (!(error instanceof ExamMarkConflictError)) throw error;
      const page = await this.itemLocals(actor, id, req);
      const formError = this.i18n.t(req.lang, error.messageKey, error.params);
      res.status(409).render(ITEM_VIEW, markConflictPage(page, formError, (body ?? {}) as Record<string, string>));
      return;
    }
    const step = await this.marking.step(actor, id);
    req.session.flash = [{ kind: 'success', key: step.nextToMark ? 'examMarking.flash.markedNext' : 'examMarking.flash.markedAll' }];
    res.redirect(303, `/grading/exam-items/${step.nextToMark ?? id}`);
  }

  private async itemLocals(actor: Actor, id: string, req: Request) {
    return markingItemPage(await this.marking.step(actor, id), this.i18n, req.lang);
  }

  @Roles('admin', 'instructor')
  @Get('exams/:id/marking')
  @Render('pages/exam-marking/results')
  async results(@CurrentActor() actor: Actor, @Param('id', EXAM_ID) id: string, @Req() req: Request) {
    const results = await this.release.results(actor, id);
    const [questions, remarks] = await Promise.all([this.remarks.questions(actor, id), this.remarks.list(actor, id)]);
    return markingResultsPage(results, questions, remarks, this.i18n, req.lang);
  }

  @Roles('admin', 'instructor')
  @Get('exams/:id/marking/results/:userId/override')
  @Render(OVERRIDE_VIEW)
  overridePage(
    @CurrentActor() actor: Actor,
    @Param('id', EXAM_ID) id: string,
    @Param('userId', USER_ID) userId: string,
    @Req() req: Request,
  ) {
    return this.overrideLocals(actor, id, userId, req);
  }

  @Roles('admin', 'instructor')
  @Post('exams/:id/marking/results/:userId/override')
  @FormView(OVERRIDE_VIEW)
  async override(
    @CurrentActor() actor: Actor,
    @Param('id', EXAM_ID) id: string,
    @Param('userId', USER_ID) userId: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      () => this.overrideLocals(actor, id, userId, req),
      () => this.release.override(actor, id, userId, parseWith(overrideSchema, body)),
    );
    req.session.flash = [{ kind: 'success', key: 'examMarking.flash.overridden' }];
    res.redirect(303, `/exams/${id}/marking`);
  }

  private async overrideLocals(actor: Actor, id: string, userId: string, req: Request) {
    return overridePage(await this.release.resultOf(actor, id, userId), this.i18n, req.lang);
  }

  @Roles('admin', 'instructor')
  @Get('exams/:id/marking/questions/:questionId/remark')
  @Render(REMARK_VIEW)
  remarkPage(
    @CurrentActor() actor: Actor,
    @Param('id', EXAM_ID) id: string,
    @Param('questionId', QUESTION_ID) questionId: string,
    @Req() req: Request,
  ) {
    return this.remarkLocals(actor, id, questionId, req);
  }

  @Roles('admin', 'instructor')
  @Post('exams/:id/marking/questions/:questionId/remark')
  @FormView(REMARK_VIEW)
  async remark(
    @CurrentActor() actor: Actor,
    @Param('id', EXAM_ID) id: string,
    @Param('questionId', QUESTION_ID) questionId: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const outcome = await withFormLocals(
      res,
      () => this.remarkLocals(actor, id, questionId, req),
      () => this.remarks.remark(actor, id, questionId, parseWith(remarkSchema, body)),
    );
    req.session.flash = [
      { kind: 'success', key: 'examMarking.flash.remarked', params: { count: outcome.items, changed: outcome.changed } },
    ];
    res.redirect(303, `/exams/${id}/marking#remarks`);
  }

  private async remarkLocals(actor: Actor, id: string, questionId: string, req: Request) {
    const { exam } = await this.release.results(actor, id);
    const question = (await this.remarks.questions(actor, id)).find((q) => q.questionId === questionId);
    if (!question) throw new ExamItemNotFoundError();
    return remarkPage(exam, question, this.i18n, req.lang);
  }

  @Roles('admin', 'instructor')
  @Get('exams/:id/marking/release')
  @Render(RELEASE_VIEW)
  async releasePage(@CurrentActor() actor: Actor, @Param('id', EXAM_ID) id: string) {
    return this.releaseLocals(actor, id);
  }

  @Roles('admin', 'instructor')
  @Post('exams/:id/marking/release')
  @FormView(RELEASE_VIEW)
  async releaseResults(@CurrentActor() actor: Actor, @Param('id', EXAM_ID) id: string, @Req() req: Request, @Res() res: Response) {
    const { emailed } = await withFormLocals(
      res,
      () => this.releaseLocals(actor, id),
      () => this.release.release(actor, id),
    );
    req.session.flash = [{ kind: 'success', key: 'examMarking.flash.released', params: { count: emailed } }];
    res.redirect(303, `/exams/${id}/marking`);
  }

  private async releaseLocals(actor: Actor, id: string) {
    return releasePage(await this.release.results(actor, id));
  }

  @Roles('admin', 'instructor')
  @Get('exams/:id/statistics')
  @Render('pages/exam-marking/statistics')
  async stats(@CurrentActor() actor: Actor, @Param('id', EXAM_ID) id: string, @Req() req: Request) {
    return statisticsPage(await this.statistics.of(actor, id), this.i18n, req.lang);
  }

  @Authenticated()
  @Get('exams/:id/my-result')
  @Render('pages/exam-marking/my-result')
  async own(@CurrentActor() actor: Actor, @Param('id', EXAM_ID) id: string, @Req() req: Request) {
    return ownResultPage(await this.release.own(actor, id), this.i18n, req.lang);
  }
}
