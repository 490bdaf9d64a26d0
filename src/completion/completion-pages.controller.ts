import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, actorHasRole } from '../common/actor';
import { Authenticated, Roles } from '../common/access.decorators';
import { confirmed } from '../common/confirm';
import { CurrentActor } from '../common/current-user.decorator';
import { withFormLocals } from '../common/form-locals';
import { FormView } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import type { Language } from '../i18n/languages';
import { CompletionAccess } from './completion-access.service';
import { CompletionChangesService } from './completion-changes.service';
import { cohortCompletionPage, enrolmentCompletionPage, enrolmentCompletionValues, myProgressPage } from './completion-views';
import { CohortAlreadyClosedError } from './completion.errors';
import { type CohortCompletionQuery, cohortCompletionQuerySchema, manualCompletionSchema, reopenCohortSchema } from './completion.schemas';

const COHORT_ID = new ParseIdPipe('completion.errors.notFound');
const ENROLMENT_ID = new ParseIdPipe('completion.errors.notFound');

const COHORT_VIEW = 'pages/completion/cohort';
const ENROLMENT_VIEW = 'pages/completion/enrolment';

/**
 * Completion pages: the trainee's progress, the cohort's table for its staff (with the close and reopen actions
 * for administrators), and an administrator's form to set one completion by hand.
 */
@ApiExcludeController()
@Controller()
export class CompletionPagesController {
  constructor(
    private readonly access: CompletionAccess,
    private readonly changes: CompletionChangesService,
  ) {}

  @Authenticated()
  @Get('my/progress')
  @Render('pages/completion/mine')
  async mine(@CurrentActor() actor: Actor, @Req() req: Request) {
    return myProgressPage(await this.access.mine(actor), req.lang);
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/completion')
  @Render(COHORT_VIEW)
  async cohort(@CurrentActor() actor: Actor, @Req() req: Request, @Param('cohortId', COHORT_ID) cohortId: string, @Query() query: unknown) {
    return this.cohortLocals(actor, cohortId, req.lang, parseWith(cohortCompletionQuerySchema, query));
  }

  @Roles('admin')
  @Get('admin/enrolments/:id/completion')
  @Render(ENROLMENT_VIEW)
  async enrolment(@CurrentActor() actor: Actor, @Req() req: Request, @Param('id', ENROLMENT_ID) id: string) {
    const locals = await this.enrolmentLocals(actor, id, req.lang);
    return { ...locals, values: enrolmentCompletionValues(locals) };
  }

  @Roles('admin')
  @Post('admin/enrolments/:id/completion')
  @FormView(ENROLMENT_VIEW)
  async setByHand(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Param('id', ENROLMENT_ID) id: string,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    const saved = await withFormLocals(
      res,
      () => this.enrolmentLocals(actor, id, req.lang),
      () => this.changes.setByHand(actor, id, parseWith(manualCompletionSchema, body)),
    );
    req.session.flash = [
      {
        kind: 'success',
        key: saved.manual_state ? 'completion.flash.setByHand' : 'completion.flash.cleared',
        params: { name: saved.name },
      },
    ];
    res.redirect(303, `/cohorts/${saved.cohort_id}/completion`);
  }

  @Roles('admin')
  @Post('admin/cohorts/:id/close')
  async close(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('id', COHORT_ID) id: string) {
    const { cohort } = await this.access.cohort(actor, id);
    if (cohort.closed_at) throw new CohortAlreadyClosedError();
    const counts = await this.changes.closingCounts(id);
    const back = `/cohorts/${id}/completion`;
    const ask = {
      question: 'completion.close.question',
      params: { name: cohort.name, ...counts },
      consequence: 'completion.close.consequence',
      button: 'completion.close.button',
      back,
    };
    if (!confirmed(req, res, ask)) return;
    const closed = await this.changes.close(actor, id);
    req.session.flash = [
      {
        kind: 'success',
        key: 'completion.flash.closed',
        params: { completed: closed.completed.length, notCompleted: closed.notCompleted.length },
      },
    ];
    res.redirect(303, back);
  }

  @Roles('admin')
  @Post('admin/cohorts/:id/reopen')
  @FormView(COHORT_VIEW)
  async reopen(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', COHORT_ID) id: string,
    @Body() body: unknown,
  ) {
    const back = `/cohorts/${id}/completion`;
    const { cohort } = await this.access.cohort(actor, id);
    const { confirm: _confirm, ...fields } = (body ?? {}) as Record<string, unknown>;
    const input = await withFormLocals(
      res,
      () => this.cohortLocals(actor, id, req.lang, parseWith(cohortCompletionQuerySchema, {})),
      async () => parseWith(reopenCohortSchema, fields),
    );
    const ask = {
      question: 'completion.reopen.question',
      params: { name: cohort.name },
      consequence: 'completion.reopen.consequence',
      button: 'completion.reopen.button',
      back,
    };
    if (!confirmed(req, res, ask)) return;
    const { reopened } = await withFormLocals(
      res,
      () => this.cohortLocals(actor, id, req.lang, parseWith(cohortCompletionQuerySchema, {})),
      () => this.changes.reopen(actor, id, input),
    );
    req.session.flash = [{ kind: 'success', key: 'completion.flash.reopened', params: { count: reopened } }];
    res.redirect(303, back);
  }

  private async cohortLocals(actor: Actor, cohortId: string, lang: Language, query: CohortCompletionQuery) {
    const read = await this.access.cohort(actor, cohortId);
    const admin = actorHasRole(actor, 'admin');
    const closing = admin && !read.cohort.closed_at ? await this.changes.closingCounts(cohortId) : null;
    return cohortCompletionPage(read, query, lang, admin, closing);
  }

  private async enrolmentLocals(actor: Actor, id: string, lang: Language) {
    return enrolmentCompletionPage(await this.access.enrolment(actor, id), lang);
  }
}
