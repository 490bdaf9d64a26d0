import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { CurrentActor, CurrentUser } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiCreated, ApiOk, ApiZodBody, ApiZodQuery } from '../common/api-docs';
import { parseWith } from '../common/zod-validation.pipe';
import type { User } from '../users/user.entity';
import { MySessionsService } from './my-sessions.service';
import { SessionChangesService } from './session-changes.service';
import { changeView, sessionView } from './session-views';
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
import { sessionBody, sessionListBody, sessionPageBody, sessionWithHistoryBody } from './session.responses';

const SESSION_ID = new ParseIdPipe('sessions.errors.notFound');
const COHORT_ID = new ParseIdPipe('sessions.errors.cohortNotFound');

@ApiTags('sessions')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class SessionsApiController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly changes: SessionChangesService,
    private readonly mine: MySessionsService,
  ) {}

  @Authenticated()
  @Get('cohorts/:cohortId/sessions')
  @ApiOperation({ summary: "A cohort's sessions in time order (admins, the cohort's instructors and trainees)" })
  @ApiZodQuery(sessionListQuerySchema)
  @ApiOk(sessionPageBody)
  async list(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentUser() user: User, @Query() rawQuery: unknown) {
    const query = parseWith(sessionListQuerySchema, rawQuery);
    const { items, total } = await this.sessions.listForCohort(user, cohortId, query);
    return { items: items.map((s) => sessionView(s)), total, page: query.page, pageSize: query.pageSize };
  }

  @Roles('admin', 'instructor')
  @Post('cohorts/:cohortId/sessions')
  @ApiOperation({
    summary: "Schedule a session (admins and the cohort's instructors)",
    description:
      "Dates and times are Riga wall-clock time. No instructors given: the cohort's. 409 when an instructor or the room is already booked then.",
  })
  @ApiZodBody(createSessionSchema)
  @ApiCreated(sessionBody)
  async create(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentActor() actor: Actor, @Body() body: unknown) {
    const session = await this.sessions.create(actor, cohortId, parseWith(createSessionSchema, body));
    return sessionView(await this.sessions.get(session.id));
  }

  @Authenticated()
  @Get('sessions/:id')
  @ApiOperation({ summary: 'One session with its history of moves and cancellation' })
  @ApiOk(sessionWithHistoryBody)
  async get(@Param('id', SESSION_ID) id: string, @CurrentActor() actor: Actor) {
    const session = await this.sessions.getVisible(actor, id);
    return { ...sessionView(session), history: (await this.sessions.history(id)).map(changeView) };
  }

  @Roles('admin', 'instructor')
  @Put('sessions/:id')
  @ApiOperation({
    summary: 'Change what, where and who (not the time: move the session for that)',
    description: 'A new address, room or online link is emailed at once to the enrolled trainees and the instructors.',
  })
  @ApiZodBody(sessionDetailsSchema)
  @ApiOk(sessionBody)
  async update(@Param('id', SESSION_ID) id: string, @CurrentActor() actor: Actor, @Body() body: unknown) {
    await this.sessions.updateDetails(actor, id, parseWith(sessionDetailsSchema, body));
    return sessionView(await this.sessions.get(id));
  }

  @Roles('admin', 'instructor')
  @Post('sessions/:id/move')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a session to a new time, with a reason; everyone concerned is told at once' })
  @ApiZodBody(moveSessionSchema)
  @ApiOk(sessionWithHistoryBody)
  async move(@Param('id', SESSION_ID) id: string, @CurrentActor() actor: Actor, @Body() body: unknown) {
    await this.changes.move(actor, id, parseWith(moveSessionSchema, body));
    return this.get(id, actor);
  }

  @Roles('admin', 'instructor')
  @Post('sessions/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a session, with a reason; the record stays and everyone concerned is told at once' })
  @ApiZodBody(cancelSessionSchema)
  @ApiOk(sessionWithHistoryBody)
  async cancel(@Param('id', SESSION_ID) id: string, @CurrentActor() actor: Actor, @Body() body: unknown) {
    await this.changes.cancel(actor, id, parseWith(cancelSessionSchema, body));
    return this.get(id, actor);
  }

  @Roles('admin', 'instructor')
  @Post('sessions/:id/restore')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Put a cancelled session back on the schedule, with a reason',
    description:
      'At its time, if its instructors and room are still free then (409 naming the clash otherwise); 409 if it is not cancelled. Everyone concerned is told at once and reminded again.',
  })
  @ApiZodBody(restoreSessionSchema)
  @ApiOk(sessionWithHistoryBody)
  async restore(@Param('id', SESSION_ID) id: string, @CurrentActor() actor: Actor, @Body() body: unknown) {
    await this.changes.restore(actor, id, parseWith(restoreSessionSchema, body));
    return this.get(id, actor);
  }

  @Authenticated()
  @Get('me/sessions')
  @ApiOperation({ summary: 'My sessions not yet over, nearest first: as a trainee and as an instructor' })
  @ApiZodQuery(mySessionsQuerySchema)
  @ApiOk(sessionPageBody)
  async mySessions(@CurrentUser() user: User, @Query() rawQuery: unknown) {
    const query = parseWith(mySessionsQuerySchema, rawQuery);
    const { items, total } = await this.mine.upcoming(user, query.page, query.pageSize);
    return {
      items: items.map(({ session, cohortName }) => sessionView(session, cohortName)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  @Roles('instructor', 'admin')
  @Get('me/sessions/today')
  @ApiOperation({ summary: "Today's sessions (Riga day) that I teach; every session of the day for admins" })
  @ApiOk(sessionListBody)
  async today(@CurrentUser() user: User) {
    return { items: (await this.mine.today(user)).map(({ session, cohortName }) => sessionView(session, cohortName)) };
  }
}
