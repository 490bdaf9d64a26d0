import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { ApiCreated, ApiNoContent, ApiOk, ApiZodBody } from '../common/api-docs';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { AttemptSubmission } from './attempt-submission.service';
import { ExamAttemptsService } from './exam-attempts.service';
import {
  accommodationView,
  attemptEventsJson,
  attemptListItemJson,
  attemptView,
  examStaffJson,
  examView,
  saveOutcomeJson,
  standingView,
} from './exam-views';
import { accommodationSchema, examSchema, flagSchema, saveAnswerSchema } from './exams.schemas';
import {
  accommodationBody,
  accommodationListBody,
  attemptBody,
  attemptEventsBody,
  attemptListBody,
  examListBody,
  examStaffBody,
  saveOutcomeBody,
  standingBody,
} from './exams.responses';
import { ExamsService } from './exams.service';
import { NoSuchQuestionPositionError } from './exams.errors';

const EXAM_ID = new ParseIdPipe('exams.errors.notFound');
const ATTEMPT_ID = new ParseIdPipe('exams.errors.attemptNotFound');
const COHORT_ID = new ParseIdPipe('exams.errors.cohortNotFound');
const USER_ID = new ParseIdPipe('errors.notFound');
const POSITION = new ParseIntPipe({ exceptionFactory: () => new NoSuchQuestionPositionError() });

@ApiTags('exams')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class ExamsApiController {
  constructor(
    private readonly exams: ExamsService,
    private readonly attempts: ExamAttemptsService,
    private readonly submission: AttemptSubmission,
  ) {}

  @Authenticated()
  @Get('cohorts/:cohortId/exams')
  @ApiOperation({ summary: "A cohort's exams (admins, the cohort's instructors and trainees)" })
  @ApiOk(examListBody)
  async list(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentActor() actor: Actor) {
    return { items: (await this.exams.listForCohort(actor, cohortId)).map(examView) };
  }

  @Roles('admin', 'instructor')
  @Post('cohorts/:cohortId/exams')
  @ApiOperation({
    summary: "Set up an exam of a cohort (admins and the cohort's instructors)",
    description:
      'Times are Riga dates and wall-clock times. Online: a window, the questions (fixed ids or N per category of the part’s bank); the maximum is the questions’ points. In person: maxPoints.',
  })
  @ApiZodBody(examSchema)
  @ApiCreated(examStaffBody)
  async create(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentActor() actor: Actor, @Body() body: unknown) {
    const exam = await this.exams.create(actor, cohortId, parseWith(examSchema, body));
    return examStaffJson(exam, await this.exams.warnings(exam));
  }

  @Roles('admin', 'instructor')
  @Get('exams/:id')
  @ApiOperation({ summary: 'An exam with its questions’ selection and the accommodations its closing time cuts (staff)' })
  @ApiOk(examStaffBody)
  async get(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor) {
    const exam = await this.exams.getManaged(actor, id);
    return examStaffJson(exam, await this.exams.warnings(exam));
  }

  @Roles('admin', 'instructor')
  @Put('exams/:id')
  @ApiOperation({ summary: 'Change an exam', description: 'Its questions and mode cannot change once someone started it (409).' })
  @ApiZodBody(examSchema)
  @ApiOk(examStaffBody)
  async update(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor, @Body() body: unknown) {
    const exam = await this.exams.update(actor, id, parseWith(examSchema, body));
    return examStaffJson(exam, await this.exams.warnings(exam));
  }

  @Roles('admin', 'instructor')
  @Delete('exams/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an exam nobody has started (409 otherwise)' })
  @ApiNoContent()
  async remove(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor) {
    await this.exams.remove(actor, id);
  }

  @Roles('admin', 'instructor')
  @Get('exams/:id/accommodations')
  @ApiOperation({ summary: 'Accommodations of the exam’s trainees' })
  @ApiOk(accommodationListBody)
  async accommodations(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor) {
    return { items: (await this.exams.accommodations(actor, id)).map(accommodationView) };
  }

  @Roles('admin', 'instructor')
  @Post('exams/:id/accommodations')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set a trainee’s accommodation (replaces theirs)',
    description: 'cutByClosing warns that the closing time cuts it.',
  })
  @ApiZodBody(accommodationSchema)
  @ApiOk(accommodationBody)
  async setAccommodation(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor, @Body() body: unknown) {
    const { accommodation, cut } = await this.exams.setAccommodation(actor, id, parseWith(accommodationSchema, body));
    return accommodationView(Object.assign(accommodation, { cut }));
  }

  @Roles('admin', 'instructor')
  @Delete('exams/:id/accommodations/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a trainee’s accommodation' })
  @ApiNoContent()
  async removeAccommodation(@Param('id', EXAM_ID) id: string, @Param('userId', USER_ID) userId: string, @CurrentActor() actor: Actor) {
    await this.exams.removeAccommodation(actor, id, userId);
  }

  @Authenticated()
  @Get('exams/:id/standing')
  @ApiOperation({ summary: 'The exam as the calling trainee sees it: their time with its extension, window, attempts left, result' })
  @ApiOk(standingBody)
  async standing(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor) {
    return standingView(await this.attempts.standing(actor, id));
  }

  @Roles('admin', 'instructor')
  @Get('exams/:id/attempts')
  @ApiOperation({ summary: 'Every attempt of the exam (staff)' })
  @ApiOk(attemptListBody)
  async attemptList(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor) {
    return { items: (await this.attempts.attemptsOf(actor, id)).map(attemptListItemJson) };
  }

  @Roles('trainee')
  @Post('exams/:id/attempts')
  @ApiOperation({
    summary: 'Start an attempt (or get the one in progress)',
    description: 'The questions are drawn and the deadline fixed now; 409 when the window is closed or no attempts are left.',
  })
  @ApiCreated(attemptBody)
  async start(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor) {
    const attempt = await this.attempts.start(actor, id);
    return this.attemptBody(actor, attempt.id);
  }

  @Authenticated()
  @Get('attempts/:id')
  @ApiOperation({
    summary: 'An attempt with its questions and saved answers (its trainee, or the cohort’s staff)',
    description: 'Never carries correct answers. Read past its deadline, the attempt is submitted first.',
  })
  @ApiOk(attemptBody)
  async attempt(@Param('id', ATTEMPT_ID) id: string, @CurrentActor() actor: Actor) {
    return this.attemptBody(actor, id, true);
  }

  @Roles('trainee')
  @Put('attempts/:id/items/:position/response')
  @ApiOperation({
    summary: 'Save an answer (numbered, repeat-safe)',
    description:
      'A save with seq at or below the one kept changes nothing (saved: false). After the deadline and its grace: 409 ANSWER_TOO_LATE; the answer is kept as evidence, not counted.',
  })
  @ApiZodBody(saveAnswerSchema)
  @ApiOk(saveOutcomeBody)
  async save(
    @Param('id', ATTEMPT_ID) id: string,
    @Param('position', POSITION) position: number,
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
  ) {
    return saveOutcomeJson(await this.attempts.save(actor, id, position, parseWith(saveAnswerSchema, body)));
  }

  @Roles('trainee')
  @Put('attempts/:id/items/:position/flag')
  @HttpCode(204)
  @ApiOperation({ summary: 'Flag a question to return to, or clear the flag' })
  @ApiZodBody(flagSchema)
  @ApiNoContent()
  async flag(
    @Param('id', ATTEMPT_ID) id: string,
    @Param('position', POSITION) position: number,
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
  ) {
    await this.attempts.flag(actor, id, position, parseWith(flagSchema, body).flagged);
  }

  @Roles('trainee')
  @Post('attempts/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the attempt in; handing in again changes nothing' })
  @ApiOk(attemptBody)
  async submit(@Param('id', ATTEMPT_ID) id: string, @CurrentActor() actor: Actor) {
    await this.attempts.submit(actor, id);
    return this.attemptBody(actor, id);
  }

  @Roles('trainee')
  @Post('attempts/:id/reconnect')
  @HttpCode(204)
  @ApiOperation({ summary: 'Tell the server the page is back online (logged for staff as a fact)' })
  @ApiNoContent()
  async reconnect(@Param('id', ATTEMPT_ID) id: string, @CurrentActor() actor: Actor, @Body() body: unknown) {
    const pending = Number((body as { pending?: unknown } | undefined)?.pending ?? 0);
    await this.attempts.reconnected(actor, id, {
      pending: Number.isFinite(pending) ? Math.max(0, Math.min(10_000, Math.trunc(pending))) : 0,
    });
  }

  @Roles('admin', 'instructor')
  @Get('attempts/:id/events')
  @ApiOperation({ summary: 'What happened during an attempt: starts, views, saves, reconnections, late answers (staff)' })
  @ApiOk(attemptEventsBody)
  async events(@Param('id', ATTEMPT_ID) id: string, @CurrentActor() actor: Actor) {
    return attemptEventsJson(await this.attempts.events(actor, id));
  }

  private async attemptBody(actor: Actor, id: string, logView = false) {
    const loaded = await this.attempts.load(actor, id, { logView });
    return attemptView(loaded, new Date(), this.submission.graceMs / 1000);
  }
}
