import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { CurrentActor, CurrentUser } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { pager } from '../common/paging';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { formatDuration } from '../i18n/durations';
import { I18nService } from '../i18n/i18n.service';
import { withFormLocals } from '../common/form-locals';
import type { Language } from '../i18n/languages';
import type { User } from '../users/user.entity';
import { MySessionsService } from './my-sessions.service';
import { SessionAccess } from './session-access.service';
import { SessionChangesService } from './session-changes.service';
import { changeView, formValues, sessionPageView } from './session-views';
import { Session, SESSION_KINDS } from './session.entity';
import {
  cancelSessionSchema,
  createSessionSchema,
  moveSessionSchema,
  mySessionsQuerySchema,
  restoreSessionSchema,
  sessionDetailsSchema,
  sessionListQuerySchema,
} from './sessions.schemas';
import { SessionsService } from './sessions.service';

const SESSION_ID = new ParseIdPipe('sessions.errors.notFound');
const COHORT_ID = new ParseIdPipe('sessions.errors.cohortNotFound');

/** Schedule pages: a cohort's sessions, one session with its history, its forms, and each person's own schedule. */
@ApiExcludeController()
@Controller()
export class SessionsPagesController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly changes: SessionChangesService,
    private readonly mine: MySessionsService,
    private readonly access: SessionAccess,
    private readonly i18n: I18nService,
  ) {}

  @Authenticated()
  @Get('cohorts/:cohortId/sessions')
  @Render('pages/sessions/cohort')
  async cohortSessions(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentUser() user: User, @Query() rawQuery: unknown) {
    const query = parseWith(sessionListQuerySchema, rawQuery);
    const { items, total } = await this.sessions.listForCohort(user, cohortId, query);
    return {
      titleKey: 'sessions.cohort.title',
      cohort: await this.sessions.cohort(cohortId),
      sessions: items.map((s) => sessionPageView(s)),
      canManage: await this.access.canManage(user, cohortId),
      pager: pager(`/cohorts/${cohortId}/sessions`, query, total),
    };
  }

  @Roles('admin', 'instructor')
  @Get('cohorts/:cohortId/sessions/new')
  @Render('pages/sessions/form')
  async newForm(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentUser() user: User) {
    await this.access.assertCanManageCohort(user, cohortId);
    const locals = await this.formLocals(cohortId);
    return { ...locals, values: { kind: 'class', instructorIds: locals.cohort.instructors.map((u) => u.id) } };
  }

  @Roles('admin', 'instructor')
  @Post('cohorts/:cohortId/sessions')
  @FormView('pages/sessions/form')
  async create(
    @Param('cohortId', COHORT_ID) cohortId: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    const session = await withFormLocals(
      res,
      () => this.formLocals(cohortId),
      () => this.sessions.create(actor, cohortId, parseWith(createSessionSchema, body)),
    );
    req.session.flash = [{ kind: 'success', key: 'sessions.flash.created' }];
    res.redirect(303, `/sessions/${session.id}`);
  }

  @Authenticated()
  @Get('sessions/:id')
  @Render('pages/sessions/show')
  async show(@Param('id', SESSION_ID) id: string, @CurrentUser() user: User) {
    const session = await this.sessions.getVisible(user, id);
    const [cohort, history, canManage, canTakeAttendance] = await Promise.all([
      this.sessions.cohort(session.cohortId),
      this.sessions.history(id),
      this.access.canManage(user, session.cohortId),
      this.access.canTakeAttendance(user, session),
    ]);
    return {
      titleKey: 'sessions.show.title',
      session: sessionPageView(session),
      cohort,
      history: history.map(changeView),
      canManage,
      canTakeAttendance,
    };
  }

  @Roles('admin', 'instructor')
  @Get('sessions/:id/edit')
  @Render('pages/sessions/form')
  async editForm(@Param('id', SESSION_ID) id: string, @CurrentUser() user: User) {
    const session = await this.sessions.get(id);
    await this.access.assertCanManageSession(user, session);
    return { ...(await this.formLocals(session.cohortId, id)), values: formValues(session) };
  }

  @Roles('admin', 'instructor')
  @Post('sessions/:id/edit')
  @FormView('pages/sessions/form')
  async update(
    @Param('id', SESSION_ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      async () => this.formLocals((await this.sessions.get(id)).cohortId, id),
      () => this.sessions.updateDetails(actor, id, parseWith(sessionDetailsSchema, body)),
    );
    req.session.flash = [{ kind: 'success', key: 'sessions.flash.updated' }];
    res.redirect(303, `/sessions/${id}`);
  }

  @Roles('admin', 'instructor')
  @Get('sessions/:id/move')
  @Render('pages/sessions/move')
  async moveForm(@Param('id', SESSION_ID) id: string, @CurrentUser() user: User, @Req() req: Request) {
    const session = await this.sessions.get(id);
    await this.access.assertCanManageSession(user, session);
    // The end is left empty: a session moved by its start keeps its length.
    const { startDate, startTime } = formValues(session);
    return { ...this.movePage(session, req.lang), values: { startDate, startTime } };
  }

  @Roles('admin', 'instructor')
  @Post('sessions/:id/move')
  @FormView('pages/sessions/move')
  async move(
    @Param('id', SESSION_ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      async () => this.movePage(await this.sessions.get(id), req.lang),
      () => this.changes.move(actor, id, parseWith(moveSessionSchema, body)),
    );
    req.session.flash = [{ kind: 'success', key: 'sessions.flash.moved' }];
    res.redirect(303, `/sessions/${id}`);
  }

  private movePage(session: Session, lang: Language) {
    const length = formatDuration(this.i18n, lang, (session.endsAt.getTime() - session.startsAt.getTime()) / 1000);
    return { titleKey: 'sessions.move.title', session: sessionPageView(session), length };
  }

  @Roles('admin', 'instructor')
  @Get('sessions/:id/cancel')
  @Render('pages/sessions/cancel')
  async cancelForm(@Param('id', SESSION_ID) id: string, @CurrentUser() user: User) {
    const session = await this.sessions.get(id);
    await this.access.assertCanManageSession(user, session);
    return { titleKey: 'sessions.cancel.title', session: sessionPageView(session) };
  }

  @Roles('admin', 'instructor')
  @Post('sessions/:id/cancel')
  @FormView('pages/sessions/cancel')
  async cancel(
    @Param('id', SESSION_ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      async () => ({ titleKey: 'sessions.cancel.title', session: sessionPageView(await this.sessions.get(id)) }),
      () => this.changes.cancel(actor, id, parseWith(cancelSessionSchema, body)),
    );
    req.session.flash = [{ kind: 'success', key: 'sessions.flash.cancelled' }];
    res.redirect(303, `/sessions/${id}`);
  }

  @Roles('admin', 'instructor')
  @Get('sessions/:id/restore')
  @Render('pages/sessions/restore')
  async restoreForm(@Param('id', SESSION_ID) id: string, @CurrentUser() user: User) {
    const session = await this.sessions.get(id);
    await this.access.assertCanManageSession(user, session);
    return { titleKey: 'sessions.restore.title', session: sessionPageView(session) };
  }

  @Roles('admin', 'instructor')
  @Post('sessions/:id/restore')
  @FormView('pages/sessions/restore')
  async restore(
    @Param('id', SESSION_ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      async () => ({ titleKey: 'sessions.restore.title', session: sessionPageView(await this.sessions.get(id)) }),
      () => this.changes.restore(actor, id, parseWith(restoreSessionSchema, body)),
    );
    req.session.flash = [{ kind: 'success', key: 'sessions.flash.restored' }];
    res.redirect(303, `/sessions/${id}`);
  }

  @Authenticated()
  @Get('my/sessions')
  @Render('pages/sessions/mine')
  async mySessions(@CurrentUser() user: User, @Query() rawQuery: unknown) {
    const query = parseWith(mySessionsQuerySchema, rawQuery);
    const { items, total } = await this.mine.upcoming(user, query.page, query.pageSize);
    return {
      titleKey: 'sessions.mine.title',
      sessions: items.map(({ session, cohortName }) => sessionPageView(session, cohortName)),
      pager: pager('/my/sessions', query, total),
    };
  }

  @Roles('instructor', 'admin')
  @Get('my/sessions/today')
  @Render('pages/sessions/today')
  async today(@CurrentUser() user: User) {
    const items = await this.mine.today(user);
    return {
      titleKey: 'sessions.today.title',
      today: new Date(),
      sessions: items.map(({ session, cohortName }) => sessionPageView(session, cohortName)),
    };
  }

  private async formLocals(cohortId: string, sessionId?: string) {
    const [cohort, instructors] = await Promise.all([this.sessions.cohort(cohortId), this.sessions.instructorOptions()]);
    return {
      titleKey: sessionId ? 'sessions.form.editTitle' : 'sessions.form.newTitle',
      cohort,
      instructors,
      kinds: SESSION_KINDS.map((kind) => ({ value: kind, labelKey: `sessions.kinds.${kind}` })),
      sessionId: sessionId ?? null,
    };
  }
}
