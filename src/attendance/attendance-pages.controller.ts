import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, Roles } from '../common/access.decorators';
import { CurrentUser } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { withFormLocals } from '../programmes/form-locals';
import { localized } from '../programmes/localized';
import { SessionAccess } from '../sessions/session-access.service';
import { SessionsService } from '../sessions/sessions.service';
import type { User } from '../users/user.entity';
import { AttendanceStatsService } from './attendance-stats.service';
import { attendanceFormSchema } from './attendance.schemas';
import { AttendanceService } from './attendance.service';
import { sheetView, summaryView } from './attendance-views';

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
  async sheet(@Param('id', SESSION_ID) id: string, @CurrentUser() user: User) {
    return this.sheetLocals(user, id);
  }

  @Roles('instructor', 'admin')
  @Post('sessions/:id/attendance')
  @FormView('pages/attendance/take')
  async mark(
    @Param('id', SESSION_ID) id: string,
    @CurrentUser() user: User,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    const { changed } = await withFormLocals(
      res,
      () => this.sheetLocals(user, id),
      () => this.attendance.mark(user, id, parseWith(attendanceFormSchema, body), req),
    );
    req.session.flash = [{ kind: 'success', key: 'attendance.flash.saved', params: { count: changed } }];
    res.redirect(303, `/sessions/${id}/attendance`);
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/attendance')
  @Render('pages/attendance/cohort')
  async cohort(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentUser() user: User) {
    await this.access.assertCanManageCohort(user, cohortId);
    return {
      titleKey: 'attendance.cohort.title',
      cohort: await this.sessions.cohort(cohortId),
      trainees: (await this.stats.forCohort(cohortId)).map(summaryView),
    };
  }

  @Authenticated()
  @Get('my/attendance')
  @Render('pages/attendance/mine')
  async mine(@CurrentUser() user: User, @Req() req: Request) {
    const [summaries, sessions] = await Promise.all([this.stats.forTrainee(user.id), this.stats.sessionsOfTrainee(user.id)]);
    return {
      titleKey: 'attendance.mine.title',
      enrolments: summaries.map((s) => ({ ...summaryView(s), partTitle: localized(req.lang, s.partTitleLv, s.partTitleEn) })),
      sessions: sessions.map((s) => ({ ...s, statusKey: s.status ? `attendance.status.${s.status}` : 'attendance.status.unmarked' })),
    };
  }

  private async sheetLocals(user: User, id: string) {
    const { session, rows, opensAt } = await this.attendance.sheet(user, id);
    return {
      titleKey: 'attendance.take.title',
      cohort: await this.sessions.cohort(session.cohortId),
      ...sheetView(session, rows, opensAt),
    };
  }
}
