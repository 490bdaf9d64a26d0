import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { Authenticated, Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiOk, ApiZodBody } from '../common/api-docs';
import { parseWith } from '../common/zod-validation.pipe';
import { SessionAccess } from '../sessions/session-access.service';
import { AttendanceStatsService } from './attendance-stats.service';
import { markAttendanceSchema } from './attendance.schemas';
import { AttendanceService } from './attendance.service';
import { markedJson, myAttendanceJson, sheetJson, summaryListJson } from './attendance-views';
import { attendanceSheetBody, attendanceSummaryListBody, markedAttendanceBody, myAttendanceBody } from './attendance.responses';
import { actingUser } from '../users/acting-user';

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
  async sheet(@Param('id', SESSION_ID) id: string, @CurrentActor() actor: Actor) {
    const { session, rows } = await this.attendance.sheet(actor, id);
    return sheetJson(session.id, rows);
  }

  @Roles('instructor', 'admin')
  @Put('sessions/:id/attendance')
  @ApiOperation({
    summary: 'Mark trainees present, late, absent or excused',
    description: 'From 30 minutes before the start of a scheduled session. `othersPresent` marks everyone still unmarked as present.',
  })
  @ApiZodBody(markAttendanceSchema)
  @ApiOk(markedAttendanceBody)
  async mark(@Param('id', SESSION_ID) id: string, @CurrentActor() actor: Actor, @Body() body: unknown) {
    const { changed } = await this.attendance.mark(actor, id, parseWith(markAttendanceSchema, body));
    const { rows } = await this.attendance.sheet(actor, id);
    return markedJson(id, changed, rows);
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/attendance')
  @ApiOperation({ summary: 'Attendance of each trainee of a cohort: held sessions only, (present + late) / held' })
  @ApiOk(attendanceSummaryListBody)
  async cohort(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentActor() actor: Actor) {
    await this.access.assertCanManageCohort(actingUser(actor), cohortId);
    return summaryListJson(await this.stats.forCohort(cohortId));
  }

  @Authenticated()
  @Get('me/attendance')
  @ApiOperation({ summary: 'My attendance in each cohort, and my mark at each held session' })
  @ApiOk(myAttendanceBody)
  async mine(@CurrentActor() actor: Actor) {
    const [summaries, sessions] = await Promise.all([this.stats.forTrainee(actor.userId!), this.stats.sessionsOfTrainee(actor.userId!)]);
    return myAttendanceJson(summaries, sessions);
  }
}
