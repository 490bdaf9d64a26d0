import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticated, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { ApiErrorResponses, ApiOk, ApiZodBody, ApiZodQuery } from '../common/api-docs';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { I18nService } from '../i18n/i18n.service';
import { ExamMarkingService } from './exam-marking.service';
import { essayQueueQuerySchema, markSchema, overrideSchema, remarkSchema } from './exam-marking.schemas';
import {
  essayGroupListBody,
  examItemBody,
  examResultBody,
  ownResultBody,
  releaseBody,
  remarkListBody,
  remarkOutcomeBody,
  statisticsBody,
} from './exam-marking.responses';
import { markingItemJson, ownResultJson, releaseJson, remarkJson, resultJson, statisticsJson } from './exam-marking-views';
import { ExamReleaseService } from './exam-release.service';
import { ExamRemarksService } from './exam-remarks.service';
import { ExamStatisticsService } from './exam-statistics.service';

const EXAM_ID = new ParseIdPipe('exams.errors.notFound');
const ITEM_ID = new ParseIdPipe('examMarking.errors.itemNotFound');
const USER_ID = new ParseIdPipe('examMarking.errors.resultNotFound');

@ApiTags('exam marking')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class ExamMarkingApiController {
  constructor(
    private readonly marking: ExamMarkingService,
    private readonly remarks: ExamRemarksService,
    private readonly release: ExamReleaseService,
    private readonly statistics: ExamStatisticsService,
    private readonly i18n: I18nService,
  ) {}

  @Roles('admin', 'instructor')
  @Get('grading/exam-essays')
  @ApiOperation({ summary: 'Essay questions of the exams I mark with answers in handed-in attempts, those still to mark first' })
  @ApiZodQuery(essayQueueQuerySchema)
  @ApiErrorResponses(400, 401, 403, 404)
  @ApiOk(essayGroupListBody)
  async essays(@CurrentActor() actor: Actor, @Query() query: unknown) {
    return { items: await this.marking.queue(actor, parseWith(essayQueueQuerySchema, query).exam ?? null) };
  }

  @Roles('admin', 'instructor')
  @Get('exam-items/:id')
  @ApiOperation({ summary: 'One answer of a handed-in attempt, for marking' })
  @ApiErrorResponses(401, 403, 404, 409)
  @ApiOk(examItemBody)
  async item(@CurrentActor() actor: Actor, @Param('id', ITEM_ID) id: string) {
    return markingItemJson(await this.marking.markable(actor, id));
  }

  @Roles('admin', 'instructor')
  @Put('exam-items/:id/mark')
  @ApiOperation({
    summary: 'Mark one answer with points and feedback',
    description:
      'Send the `version` read with GET; when someone marked it meanwhile nothing is saved and the answer is 409. When the last answer of an attempt waiting for a mark is marked, its score and the result follow.',
  })
  @ApiZodBody(markSchema)
  @ApiErrorResponses(400, 401, 403, 404, 409)
  @ApiOk(examItemBody)
  async mark(@CurrentActor() actor: Actor, @Param('id', ITEM_ID) id: string, @Body() body: unknown) {
    return markingItemJson(await this.marking.mark(actor, id, parseWith(markSchema, body)));
  }

  @Roles('admin', 'instructor')
  @Get('exams/:id/remarks')
  @ApiOperation({ summary: 'Answers marked again after a key was fixed: old and new points, versions, who and why' })
  @ApiErrorResponses(401, 403, 404)
  @ApiOk(remarkListBody)
  async remarkList(@CurrentActor() actor: Actor, @Param('id', EXAM_ID) id: string) {
    return { items: (await this.remarks.list(actor, id)).map(remarkJson) };
  }

  @Roles('admin', 'instructor')
  @Post('exams/:id/questions/:questionId/remark')
  @HttpCode(200)
  @ApiOperation({
    summary: "Mark every handed-in answer to the question again with one of its versions' key (after fixing the key in the bank)",
  })
  @ApiZodBody(remarkSchema)
  @ApiErrorResponses(400, 401, 403, 404)
  @ApiOk(remarkOutcomeBody)
  async remark(
    @CurrentActor() actor: Actor,
    @Param('id', EXAM_ID) id: string,
    @Param('questionId', new ParseIdPipe()) questionId: string,
    @Body() body: unknown,
  ) {
    return this.remarks.remark(actor, id, questionId, parseWith(remarkSchema, body));
  }

  @Roles('admin', 'instructor')
  @Get('exams/:id/results/:userId')
  @ApiOperation({ summary: "A trainee's result of the exam as staff see it, with the version an override needs" })
  @ApiErrorResponses(401, 403, 404)
  @ApiOk(examResultBody)
  async result(@CurrentActor() actor: Actor, @Param('id', EXAM_ID) id: string, @Param('userId', USER_ID) userId: string) {
    return resultJson((await this.release.resultOf(actor, id, userId)).row);
  }

  @Roles('admin', 'instructor')
  @Put('exams/:id/results/:userId/override')
  @ApiOperation({
    summary: "Set a trainee's result by hand, with a reason (audited; shown to staff)",
    description: 'Send the `version` read with GET (0 when there is no result yet); a change meanwhile makes it a 409.',
  })
  @ApiZodBody(overrideSchema)
  @ApiErrorResponses(400, 401, 403, 404, 409)
  @ApiOk(examResultBody)
  async override(
    @CurrentActor() actor: Actor,
    @Param('id', EXAM_ID) id: string,
    @Param('userId', USER_ID) userId: string,
    @Body() body: unknown,
  ) {
    await this.release.override(actor, id, userId, parseWith(overrideSchema, body));
    return resultJson((await this.release.resultOf(actor, id, userId)).row);
  }

  @Roles('admin', 'instructor')
  @Post('exams/:id/release')
  @HttpCode(200)
  @ApiOperation({
    summary: "Release the exam's results; each trainee is emailed once",
    description: 'Refused (409) while an attempt is in progress or waits for marking. Releasing again sends nothing new.',
  })
  @ApiErrorResponses(401, 403, 404, 409)
  @ApiOk(releaseBody)
  async releaseResults(@CurrentActor() actor: Actor, @Param('id', EXAM_ID) id: string) {
    return releaseJson(await this.release.release(actor, id));
  }

  @Roles('admin', 'instructor')
  @Get('exams/:id/statistics')
  @ApiOperation({ summary: 'Score distribution and per question facility and discrimination, with weak questions flagged' })
  @ApiErrorResponses(401, 403, 404)
  @ApiOk(statisticsBody)
  async stats(@CurrentActor() actor: Actor, @Param('id', EXAM_ID) id: string) {
    return statisticsJson(await this.statistics.of(actor, id));
  }

  @Authenticated()
  @Get('exams/:id/my-result')
  @ApiOperation({
    summary: 'My result of the exam: before release only that it was handed in; after release the score and each answer with the right one',
  })
  @ApiErrorResponses(401, 404)
  @ApiOk(ownResultBody)
  async own(@CurrentActor() actor: Actor, @Param('id', EXAM_ID) id: string, @Req() req: Request) {
    return ownResultJson(await this.release.own(actor, id), this.i18n, req.lang);
  }
}
