import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { isMultipart, uploadFromRequest } from '../storage/upload';
import type { Actor } from '../common/actor';
import { Authenticated, Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiErrorResponses, ApiFile, ApiOk, ApiZodBody } from '../common/api-docs';
import { parseWith } from '../common/zod-validation.pipe';
import { sendDownload } from '../common/download-response';
import { storedFileDownload } from '../storage/stored-file-download';
import { AssignmentTraineesService } from './assignment-trainees.service';
import { AssignmentsService } from '../assignments/assignments.service';
import { draftSchema, extensionSchema, submitSchema } from '../assignments/assignments.schemas';
import { extensionJson } from '../assignments/assignment-views';
import { draftJson, fileJson, myAssignmentsJson, submissionJson, traineeWorkJson, versionJson, workJson } from './submission-views';
import { ExtensionsService } from '../assignments/extensions.service';
import { MyAssignmentsService } from './my-assignments.service';
import { SubmissionFilesService } from './submission-files.service';
import { SubmissionRecords } from './submission-records.service';
import { SUBMISSION_FILE_FIELD, SubmissionsService } from './submissions.service';
import {
  draftBody,
  extensionBody,
  extensionListBody,
  myAssignmentListBody,
  submissionBody,
  submissionFileBody,
  traineeWorkListBody,
  versionBody,
  workBody,
} from './submission.responses';

const ASSIGNMENT_ID = new ParseIdPipe('assignments.errors.notFound');
const SUBMISSION_ID = new ParseIdPipe('assignments.errors.submissionNotFound');
const FILE_ID = new ParseIdPipe('assignments.errors.fileNotFound');

const HandInBody = () =>
  ApiBody({
    schema: {
      type: 'object',
      properties: {
        [SUBMISSION_FILE_FIELD]: {
          type: 'array',
          items: { type: 'string', format: 'binary' },
          description: "Files of the assignment's accepted types; checked from their content",
        },
        text: { type: 'string', maxLength: 50000 },
      },
    },
  });

@ApiTags('submissions')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class SubmissionsApiController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly submissions: SubmissionsService,
    private readonly records: SubmissionRecords,
    private readonly files: SubmissionFilesService,
    private readonly trainees: AssignmentTraineesService,
    private readonly extensions: ExtensionsService,
    private readonly mine: MyAssignmentsService,
  ) {}

  @Roles('trainee')
  @Get('me/assignments')
  @ApiOperation({ summary: 'My assignments with where I stand on each, soonest due first' })
  @ApiOk(myAssignmentListBody)
  async myAssignments(@CurrentActor() actor: Actor) {
    return myAssignmentsJson(await this.mine.list(actor));
  }

  @Roles('trainee')
  @Get('assignments/:id/submission')
  @ApiOperation({ summary: 'My work on an assignment: state, times, draft, submitted versions and the released grade' })
  @ApiErrorResponses(401, 404)
  @ApiOk(workBody)
  async myWork(@CurrentActor() actor: Actor, @Param('id', ASSIGNMENT_ID) id: string) {
    const assignment = await this.assignments.getVisible(actor, id);
    return workJson(await this.records.work(assignment, actor.userId!));
  }

  @Roles('trainee')
  @Get('assignments/:id/draft')
  @ApiOperation({ summary: 'My draft (null when there is none)' })
  @ApiErrorResponses(401, 404)
  @ApiOk(draftBody)
  async draft(@CurrentActor() actor: Actor, @Param('id', ASSIGNMENT_ID) id: string) {
    const assignment = await this.assignments.getVisible(actor, id);
    return draftJson((await this.records.work(assignment, actor.userId!)).draft);
  }

  @Roles('trainee')
  @Put('assignments/:id/draft')
  @ApiOperation({
    summary: "Save my draft's text",
    description: 'The first change after a submission starts a new version from the submitted one.',
  })
  @ApiZodBody(draftSchema)
  @ApiErrorResponses(400, 401, 403, 404, 409)
  @ApiOk(workBody)
  async saveDraft(@CurrentActor() actor: Actor, @Param('id', ASSIGNMENT_ID) id: string, @Body() body: unknown) {
    return workJson(await this.submissions.saveDraft(actor, id, parseWith(draftSchema, body)));
  }

  @Roles('trainee')
  @Post('assignments/:id/draft/files')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add files (and optionally text) to my draft' })
  @ApiConsumes('multipart/form-data')
  @HandInBody()
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  @ApiOk(workBody)
  async addFiles(@CurrentActor() actor: Actor, @Param('id', ASSIGNMENT_ID) id: string, @Req() req: Request) {
    return workJson(await this.submissions.handIn(actor, id, uploadFromRequest(req), 'save'));
  }

  @Roles('trainee')
  @Delete('assignments/:id/draft/files/:fileId')
  @ApiOperation({ summary: 'Remove a file from my draft' })
  @ApiErrorResponses(401, 404, 409)
  @ApiOk(workBody)
  async removeFile(@CurrentActor() actor: Actor, @Param('id', ASSIGNMENT_ID) _id: string, @Param('fileId', FILE_ID) fileId: string) {
    return workJson(await this.submissions.removeDraftFile(actor, fileId));
  }

  @Roles('trainee')
  @Post('assignments/:id/submit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit my work',
    description:
      'multipart/form-data with files and text, or JSON `{ "text": "…" }`; either adds to the draft, then submits it. After the due time it is marked late; at or after the cut-off it is refused and nothing is kept. A receipt listing each file with its SHA-256 is emailed.',
  })
  @ApiConsumes('multipart/form-data', 'application/json')
  @HandInBody()
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  @ApiOk(workBody)
  async submit(@CurrentActor() actor: Actor, @Param('id', ASSIGNMENT_ID) id: string, @Req() req: Request, @Body() body: unknown) {
    if (isMultipart(req.headers)) return workJson(await this.submissions.handIn(actor, id, uploadFromRequest(req), 'submit'));
    return workJson(await this.submissions.submit(actor, id, parseWith(submitSchema, body)));
  }

  @Roles('admin', 'instructor')
  @Get('assignments/:id/submissions')
  @ApiOperation({ summary: "The trainees of the assignment's cohorts I teach (all for admins) and where each stands" })
  @ApiErrorResponses(401, 403, 404)
  @ApiOk(traineeWorkListBody)
  async submissionsOf(@CurrentActor() actor: Actor, @Param('id', ASSIGNMENT_ID) id: string) {
    const assignment = await this.assignments.getManaged(actor, id);
    return traineeWorkJson(await this.trainees.list(actor, assignment));
  }

  @Authenticated()
  @Get('submissions/:id')
  @ApiOperation({ summary: 'A submission with its submitted versions (its owner, their instructors, admins)' })
  @ApiErrorResponses(401, 404)
  @ApiOk(submissionBody)
  async submission(@CurrentActor() actor: Actor, @Param('id', SUBMISSION_ID) id: string) {
    return submissionJson(await this.files.submission(actor, id), actor.userId);
  }

  @Authenticated()
  @Get('submission-versions/:id')
  @ApiOperation({ summary: 'One version with its files' })
  @ApiErrorResponses(401, 404)
  @ApiOk(versionBody)
  async version(@CurrentActor() actor: Actor, @Param('id', SUBMISSION_ID) id: string) {
    return versionJson((await this.files.version(actor, id)).version);
  }

  @Authenticated()
  @Get('submission-files/:id')
  @ApiOperation({ summary: "A submitted file's name, type, size and SHA-256" })
  @ApiErrorResponses(401, 404)
  @ApiOk(submissionFileBody)
  async file(@CurrentActor() actor: Actor, @Param('id', FILE_ID) id: string) {
    return fileJson(await this.files.file(actor, id));
  }

  @Authenticated()
  @Get('submission-files/:id/download')
  @ApiFile('application/octet-stream')
  @ApiOperation({ summary: 'The file, as an attachment under its original name' })
  @ApiErrorResponses(401, 404)
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', FILE_ID) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { file, content } = await this.files.openDownload(actor, id);
    return sendDownload(res, storedFileDownload(file, content));
  }

  @Roles('admin', 'instructor')
  @Get('assignments/:id/extensions')
  @ApiOperation({ summary: 'Extensions given on the assignment to trainees of cohorts I teach' })
  @ApiErrorResponses(401, 403, 404)
  @ApiOk(extensionListBody)
  async listExtensions(@CurrentActor() actor: Actor, @Param('id', ASSIGNMENT_ID) id: string) {
    return { items: (await this.extensions.list(actor, id)).map(extensionJson) };
  }

  @Roles('admin', 'instructor')
  @Put('assignments/:id/extensions')
  @ApiOperation({
    summary: 'Give a trainee new due and cut-off times, or change the ones given',
    description: 'Riga dates and times; an empty cut-off is the new due time. The trainee is told by email.',
  })
  @ApiZodBody(extensionSchema)
  @ApiErrorResponses(400, 401, 403, 404)
  @ApiOk(extensionBody)
  async grant(@CurrentActor() actor: Actor, @Param('id', ASSIGNMENT_ID) id: string, @Body() body: unknown) {
    return extensionJson(await this.extensions.grant(actor, id, parseWith(extensionSchema, body)));
  }
}
