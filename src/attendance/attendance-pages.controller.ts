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
import { SessionAccess } from '../sessions/session-access.service';
import { SessionsService } from '../sessions/sessions.service';
import { AttendanceStatsService } from './attendance-stats.service';
import { attendanceFormSchema } from './attendance.schemas';
import { AttendanceService } from './attendance.service';
import { attendanceSheetPage, cohortAttendancePage, myAttendancePage } from './attendance-views';
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
    return cohortAttendancePage(await this.sessions.cohort(cohortId), await this.stats.forCohort(cohortId));
  }

  @Authenticated()
  @Get('my/attendance')
  @Render('pages/attendance/mine')
  async mine(@CurrentActor() actor: Actor, @Req() req: Request) {
    const [summaries, sessions] = await Promise.all([this.stats.forTrainee(actor.userId!), this.stats.sessionsOfTrainee(actor.userId!)]);
    return myAttendancePage(summaries, sessions, req.lang);
  }

  private async sheetLocals(actor: Actor, id: string) {
    const sheet = await this.attendance.sheet(actor, id);
    return attendanceSheetPage(await this.sessions.cohort(sheet.session.cohortId), sheet);
  }
}
