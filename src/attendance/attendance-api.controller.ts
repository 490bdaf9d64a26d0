import { Body, Controller, Get, Param, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticated, Roles } from '../common/access.decorators';
import { CurrentUser } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiOk, ApiZodBody } from '../common/api-docs';
import { parseWith } from '../common/zod-validation.pipe';
import { SessionAccess } from '../sessions/session-access.service';
import type { User } from '../users/user.entity';
import { AttendanceStatsService } from './attendance-stats.service';
import { markAttendanceSchema } from './attendance.schemas';
import { AttendanceService } from './attendance.service';
import { summaryView } from './attendance-views';
import { attendanceSheetBody, attendanceSummaryListBody, markedAttendanceBody, myAttendanceBody } from './attendance.responses';

const SESSION_ID = new ParseIdPipe('sessions.errors.notFound');
const COHORT_ID = new ParseIdPipe('sessions.errors.cohortNotFound');

@ApiTags('attendance')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class AttendanceApiController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly stats: AttendanceStatsService,
    private readonly access: SessionAccess,
  ) {}

  @Roles('instructor', 'admin')
  @Get('sessions/:id/attendance')
  @ApiOperation({ summary: "A session's trainees with their marks (admins and the cohort's instructors)" })
  @ApiOk(attendanceSheetBody)
  async sheet(@Param('id', SESSION_ID) id: string, @CurrentUser() user: User) {
    const { session, rows } = await this.attendance.sheet(user, id);
    return { sessionId: session.id, items: rows };
  }

  @Roles('instructor', 'admin')
  @Put('sessions/:id/attendance')
  @ApiOperation({
    summary: 'Mark trainees present, late, absent or excused',
    description: 'From 30 minutes before the start of a scheduled session. `othersPresent` marks everyone still unmarked as present.',
  })
  @ApiZodBody(markAttendanceSchema)
  @ApiOk(markedAttendanceBody)
  async mark(@Param('id', SESSION_ID) id: string, @CurrentUser() user: User, @Body() body: unknown, @Req() req: Request) {
    const { changed } = await this.attendance.mark(user, id, parseWith(markAttendanceSchema, body), req);
    const { rows } = await this.attendance.sheet(user, id);
    return { sessionId: id, changed, items: rows };
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/attendance')
  @ApiOperation({ summary: 'Attendance of each trainee of a cohort: held sessions only, (present + late) / held' })
  @ApiOk(attendanceSummaryListBody)
  async cohort(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentUser() user: User) {
    await this.access.assertCanManageCohort(user, cohortId);
    return { items: (await this.stats.forCohort(cohortId)).map(summaryView) };
  }

  @Authenticated()
  @Get('me/attendance')
  @ApiOperation({ summary: 'My attendance in each cohort, and my mark at each held session' })
  @ApiOk(myAttendanceBody)
  async mine(@CurrentUser() user: User) {
    const [summaries, sessions] = await Promise.all([this.stats.forTrainee(user.id), this.stats.sessionsOfTrainee(user.id)]);
    return { enrolments: summaries.map(summaryView), sessions };
  }
}
