import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../common/actor';
import { Authenticated, Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { withFormLocals } from '../common/form-locals';
import { localized } from '../i18n/localized';
import { SessionAccess } from '../sessions/session-access.service';
import { SessionsService } from '../sessions/sessions.service';
import { AttendanceStatsService } from './attendance-stats.service';
import { attendanceFormSchema } from './attendance.schemas';
import { AttendanceService } from './attendance.service';
import { sheetView, summaryView } from './attendance-views';
import { actingUser } from '../users/acting-user';

const SESSION_ID = new ParseIdPipe('sessions.errors.notFound');
const COHORT_ID = new ParseIdPipe('sessions.errors.cohortNotFound');

@ApiExcludeController()
@Controller()
export class AttendancePagesController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly stats: AttendanceStatsService,
    private readonly sessions: SessionsService,
    private readonly access: SessionAccess,
  ) {}

  @Roles('instructor', 'admin')
  @Get('sessions/:id/attendance')
  @Render('pages/attendance/take')
  async sheet(@Param('id', SESSION_ID) id: string, @CurrentActor() actor: Actor) {
    return this.sheetLocals(actor, id);
  }

  @Roles('instructor', 'admin')
  @Post('sessions/:id/attendance')
  @FormView('pages/attendance/take')
  async mark(
    @Param('id', SESSION_ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    const { changed } = await withFormLocals(
      res,
      () => this.sheetLocals(actor, id),
      () => this.attendance.mark(actor, id, parseWith(attendanceFormSchema, body)),
    );
    req.session.flash = [{ kind: 'success', key: 'attendance.flash.saved', params: { count: changed } }];
    res.redirect(303, `/sessions/${id}/attendance`);
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/attendance')
  @Render('pages/attendance/cohort')
  async cohort(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentActor() actor: Actor) {
    await this.access.assertCanManageCohort(actingUser(actor), cohortId);
    return {
      titleKey: 'attendance.cohort.title',
      cohort: await this.sessions.cohort(cohortId),
      trainees: (await this.stats.forCohort(cohortId)).map(summaryView),
    };
  }

  @Authenticated()
  @Get('my/attendance')
  @Render('pages/attendance/mine')
  async mine(@CurrentActor() actor: Actor, @Req() req: Request) {
    const [summaries, sessions] = await Promise.all([this.stats.forTrainee(actor.userId!), this.stats.sessionsOfTrainee(actor.userId!)]);
    return {
      titleKey: 'attendance.mine.title',
      enrolments: summaries.map((s) => ({ ...summaryView(s), partTitle: localized(req.lang, s.partTitleLv, s.partTitleEn) })),
      sessions: sessions.map((s) => ({ ...s, statusKey: s.status ? `attendance.status.${s.status}` : 'attendance.status.unmarked' })),
    };
  }

  private async sheetLocals(actor: Actor, id: string) {
    const { session, rows, opensAt } = await this.attendance.sheet(actor, id);
    return {
      titleKey: 'attendance.take.title',
      cohort: await this.sessions.cohort(session.cohortId),
      ...sheetView(session, rows, opensAt),
    };
  }
}
