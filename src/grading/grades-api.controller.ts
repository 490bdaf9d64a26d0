import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { isMultipart, uploadFromRequest } from '../storage/upload';
import type { Actor } from '../common/actor';
import { Authenticated, Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiErrorResponses, ApiFile, ApiOk, ApiZodBody, ApiZodQuery } from '../common/api-docs';
import { parseWith } from '../common/zod-validation.pipe';
import { I18nService } from '../i18n/i18n.service';
import { pipeDownload, sendDownload } from '../common/download-response';
import { storedFileDownload } from '../storage/stored-file-download';
import { MAX_FEEDBACK_LENGTH, queueQuerySchema, releaseSchema, returnSchema } from './grades.schemas';
import { FEEDBACK_FILE_FIELD, GradesService } from './grades.service';
import { GradingQueueService } from './grading-queue.service';
import { GradingReleaseService } from './grading-release.service';
import { feedbackFileMeta, gradeJson, queueItemJson } from './grading-views';
import { GradingZipService } from './grading-zip.service';
import { gradeBody, gradingQueueBody, releaseAllBody, returnedWorkBody } from './grading.responses';

const SUBMISSION_ID = new ParseIdPipe('assignments.errors.submissionNotFound');
const ASSIGNMENT_ID = new ParseIdPipe('assignments.errors.notFound');

const gradeProperties = {
  revision: {
    type: 'integer',
    minimum: 1,
    description: 'The revision the change starts from (from GET); leave out only when there is no grade yet',
  },
  versionNumber: { type: 'integer', minimum: 1, description: 'The submitted version graded; a newer one handed in meanwhile is a 409' },
  score: { type: 'number', minimum: 0, multipleOf: 0.01, description: 'Points (0..maxPoints) for an assignment graded by points' },
  passed: { type: 'boolean', description: 'For a pass/fail assignment' },
  feedback: { type: 'string', maxLength: MAX_FEEDBACK_LENGTH, description: 'Plain text' },
  removeFeedbackFile: { type: 'boolean' },
};

const GradeBody = () =>
  ApiBody({
    description:
      'JSON, or multipart/form-data with the same fields and a feedback file in `feedbackFile` (PDF, DOCX, ODT, XLSX, PPTX, PNG, JPEG; at most 20 MB)',
    schema: { type: 'object', properties: { ...gradeProperties, [FEEDBACK_FILE_FIELD]: { type: 'string', format: 'binary' } } },
  });

@ApiTags('grading')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class GradesApiController {
  constructor(
    private readonly queue: GradingQueueService,
    private readonly grades: GradesService,
    private readonly release: GradingReleaseService,
    private readonly zips: GradingZipService,
    private readonly i18n: I18nService,
  ) {}

  @Roles('admin', 'instructor')
  @Get('grading/queue')
  @ApiOperation({ summary: 'Handed-in work of the cohorts I teach (all for admins): still to grade first, then by hand-in time' })
  @ApiZodQuery(queueQuerySchema)
  @ApiErrorResponses(400, 401, 403)
  @ApiOk(gradingQueueBody)
  async queueList(@CurrentActor() actor: Actor, @Query() rawQuery: unknown) {
    const query = parseWith(queueQuerySchema, rawQuery);
    const { items, total } = await this.queue.find(actor, query);
    return { items: items.map(queueItemJson), total, page: query.page, pageSize: query.pageSize };
  }

  @Authenticated()
  @Get('submissions/:id/grade')
  @ApiOperation({ summary: 'The grade: drafts too for its graders; for the trainee only once released (404 before)' })
  @ApiErrorResponses(401, 404)
  @ApiOk(gradeBody)
  async get(@CurrentActor() actor: Actor, @Param('id', SUBMISSION_ID) id: string) {
    return gradeJson((await this.grades.visible(actor, id)).grade);
  }

  @Roles('admin', 'instructor')
  @Put('submissions/:id/grade')
  @ApiOperation({
    summary: 'Save the grade as a draft',
    description:
      'Send the `revision` read with GET; when someone saved meanwhile nothing is saved and the answer is 409 (read the grade again). A save always leaves a draft, released or not before.',
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @GradeBody()
  @ApiErrorResponses(400, 401, 403, 404, 409)
  @ApiOk(gradeBody)
  async save(@CurrentActor() actor: Actor, @Param('id', SUBMISSION_ID) id: string, @Req() req: Request) {
    return gradeJson(
      await (isMultipart(req.headers) ? this.grades.saveForm(actor, id, uploadFromRequest(req)) : this.grades.save(actor, id, req.body)),
    );
  }

  @Roles('admin', 'instructor')
  @Post('submissions/:id/grade/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release the grade to the trainee (who is told by email); releasing again changes nothing' })
  @ApiZodBody(releaseSchema)
  @ApiErrorResponses(401, 403, 404, 409)
  @ApiOk(gradeBody)
  async releaseOne(@CurrentActor() actor: Actor, @Param('id', SUBMISSION_ID) id: string, @Body() body: unknown) {
    return gradeJson(await this.release.release(actor, id, parseWith(releaseSchema, body ?? {}).revision));
  }

  @Roles('admin', 'instructor')
  @Post('assignments/:id/grades/release')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Release every draft grade of the assignment that is ready (of the latest version, work not returned), of the trainees I grade',
  })
  @ApiErrorResponses(401, 403, 404)
  @ApiOk(releaseAllBody)
  async releaseAll(@CurrentActor() actor: Actor, @Param('id', ASSIGNMENT_ID) id: string) {
    return this.release.releaseAll(actor, id);
  }

  @Roles('admin', 'instructor')
  @Post('submissions/:id/return')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Return the work for revision with a new due time (Riga date and time) and a note to the trainee',
    description: 'A released grade becomes a draft again; the trainee is told by email.',
  })
  @ApiZodBody(returnSchema)
  @ApiErrorResponses(400, 401, 403, 404, 409)
  @ApiOk(returnedWorkBody)
  async returnWork(@CurrentActor() actor: Actor, @Param('id', SUBMISSION_ID) id: string, @Body() body: unknown) {
    const submission = await this.release.returnForRevision(actor, id, parseWith(returnSchema, body));
    return {
      submissionId: submission.id,
      returnedAt: submission.returnedAt?.toISOString() ?? null,
      revisionDueAt: submission.revisionDueAt?.toISOString() ?? null,
    };
  }

  @Authenticated()
  @Get('submissions/:id/grade/feedback-file')
  @ApiOperation({ summary: 'Download the feedback file of a released grade (its trainee), or of any grade (graders)' })
  @ApiFile('application/octet-stream')
  @ApiErrorResponses(401, 404)
  async feedbackFile(
    @CurrentActor() actor: Actor,
    @Param('id', SUBMISSION_ID) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { grade, content } = await this.grades.openFeedbackFile(actor, id);
    return sendDownload(res, storedFileDownload(feedbackFileMeta(grade), content));
  }

  @Roles('admin', 'instructor')
  @Get('assignments/:id/submissions.zip')
  @ApiOperation({
    summary:
      "Every handed-in work of the assignment (of the trainees I grade) as one ZIP: a folder per trainee with their latest version's files",
  })
  @ApiFile('application/zip')
  @ApiErrorResponses(401, 403, 404)
  async zip(
    @CurrentActor() actor: Actor,
    @Param('id', ASSIGNMENT_ID) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    pipeDownload(res, await this.zips.open(actor, id, this.i18n.t(req.lang, 'grading.zip.textFile')));
  }
}
