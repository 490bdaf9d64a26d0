import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { AttemptSubmission } from './attempt-submission.service';
import { ExamAttemptsService, type LoadedAttempt } from './exam-attempts.service';
import {
  attemptEventsPage,
  attemptQuestionPage,
  attemptResultPage,
  attemptSubmitPage,
  attemptSummaryPage,
  attemptView,
} from './exam-views';
import { NoSuchQuestionPositionError } from './exams.errors';
import { answerFormSchema } from './exams.schemas';
import { ExamsService } from './exams.service';
import type { QuestionResponse } from './marking';
import type { QuestionKind } from './question-body';

const EXAM_ID = new ParseIdPipe('exams.errors.notFound');
const ATTEMPT_ID = new ParseIdPipe('exams.errors.attemptNotFound');
const POSITION = new ParseIntPipe({ exceptionFactory: () => new NoSuchQuestionPositionError() });

/**
 * Taking an exam without JavaScript: one question a page with its own save button, a summary, a confirmation
 * and the result. public/exam-attempt.js saves as the trainee answers when it can.
 */
@ApiExcludeController()
@Controller()
export class AttemptPagesController {
  constructor(
    private readonly attempts: ExamAttemptsService,
    private readonly exams: ExamsService,
    private readonly submission: AttemptSubmission,
  ) {}

  @Roles('trainee')
  @Post('exams/:id/start')
  async start(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    const attempt = await this.attempts.start(actor, id);
    res.redirect(303, `/attempts/${attempt.id}/questions/1`);
  }

  @Authenticated()
  @Get('attempts/:id')
  async open(@Param('id', ATTEMPT_ID) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    const loaded = await this.attempts.load(actor, id);
    if (loaded.asStaff) return res.redirect(303, `/attempts/${id}/events`);
    res.redirect(303, loaded.attempt.status === 'submitted' ? `/attempts/${id}/result` : `/attempts/${id}/questions/1`);
  }

  @Roles('trainee')
  @Get('attempts/:id/questions/:position')
  async question(
    @Param('id', ATTEMPT_ID) id: string,
    @Param('position', POSITION) position: number,
    @CurrentActor() actor: Actor,
    @Query('saved') saved: unknown,
    @Res() res: Response,
  ) {
    const loaded = await this.attempts.load(actor, id, { logView: true, position });
    if (loaded.asStaff) return res.redirect(303, `/attempts/${id}/events`);
    if (loaded.attempt.status === 'submitted') return res.redirect(303, `/attempts/${id}/result`);
    const page = attemptQuestionPage(this.view(loaded), position, saved === '1');
    if (!page) throw new NoSuchQuestionPositionError();
    res.render('pages/exams/question', page);
  }

  @Roles('trainee')
  @Post('attempts/:id/questions/:position')
  async save(
    @Param('id', ATTEMPT_ID) id: string,
    @Param('position', POSITION) position: number,
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    const form = parseWith(answerFormSchema, body);
    const loaded = await this.attempts.load(actor, id);
    const item = loaded.items.find((i) => i.position === position);
    if (!item) throw new NoSuchQuestionPositionError();
    if (loaded.attempt.status === 'submitted') return res.redirect(303, `/attempts/${id}/result`);
    const response = responseFromForm(item.questionVersion.body.kind, form.answer);
    if (response) await this.attempts.save(actor, id, position, { seq: form.seq, response });
    if (form.flagged !== item.flagged) await this.attempts.flag(actor, id, position, form.flagged);
    const go = form.go ?? '';
    const target =
      go === 'summary'
        ? `/attempts/${id}/summary`
        : /^\d+$/.test(go) && Number(go) >= 1 && Number(go) <= loaded.items.length
          ? `/attempts/${id}/questions/${go}`
          : `/attempts/${id}/questions/${position}?saved=1`;
    res.redirect(303, target);
  }

  @Roles('trainee')
  @Get('attempts/:id/summary')
  async summary(@Param('id', ATTEMPT_ID) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    const loaded = await this.attempts.load(actor, id, { logView: true });
    if (loaded.asStaff) return res.redirect(303, `/attempts/${id}/events`);
    if (loaded.attempt.status === 'submitted') return res.redirect(303, `/attempts/${id}/result`);
    res.render('pages/exams/summary', attemptSummaryPage(this.view(loaded)));
  }

  @Roles('trainee')
  @Get('attempts/:id/submit')
  async confirm(@Param('id', ATTEMPT_ID) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    const loaded = await this.attempts.load(actor, id);
    if (loaded.asStaff) return res.redirect(303, `/attempts/${id}/events`);
    if (loaded.attempt.status === 'submitted') return res.redirect(303, `/attempts/${id}/result`);
    res.render('pages/exams/submit', attemptSubmitPage(this.view(loaded)));
  }

  @Roles('trainee')
  @Post('attempts/:id/submit')
  async submit(@Param('id', ATTEMPT_ID) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    await this.attempts.submit(actor, id);
    res.redirect(303, `/attempts/${id}/result`);
  }

  @Authenticated()
  @Get('attempts/:id/result')
  async result(@Param('id', ATTEMPT_ID) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    const loaded = await this.attempts.load(actor, id);
    if (loaded.attempt.status !== 'submitted') return res.redirect(303, `/attempts/${id}/questions/1`);
    const view = this.view(loaded);
    const result = loaded.resultVisible ? await this.submission.result(loaded.exam.id, loaded.attempt.userId) : null;
    res.render('pages/exams/result', attemptResultPage(view, loaded.resultVisible, result));
  }

  @Roles('admin', 'instructor')
  @Get('attempts/:id/events')
  @Render('pages/exams/events')
  async events(@Param('id', ATTEMPT_ID) id: string, @CurrentActor() actor: Actor) {
    const events = await this.attempts.events(actor, id);
    return attemptEventsPage(this.view(events.loaded), events, await this.exams.trainees(events.loaded.exam.cohortId));
  }

  private view(loaded: LoadedAttempt) {
    return attemptView(loaded, new Date(), this.submission.graceMs / 1000);
  }
}

/** The answer a page's form sent, as the question's kind stores it; null when the trainee gave none. */
export function responseFromForm(kind: QuestionKind, answer: string | string[] | undefined): QuestionResponse | null {
  const one = Array.isArray(answer) ? answer[0] : answer;
  switch (kind) {
    case 'single':
      return one ? { kind, choice: one } : null;
    case 'multiple':
      return answer === undefined ? { kind, choices: [] } : { kind, choices: Array.isArray(answer) ? answer : [answer] };
    case 'truefalse':
      return one === 'true' || one === 'false' ? { kind, value: one === 'true' } : null;
    default:
      return one === undefined ? null : { kind, text: one };
  }
}
