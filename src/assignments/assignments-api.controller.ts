import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCookieAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { uploadFromRequest } from '../storage/upload';
import type { Actor } from '../common/actor';
import { Authenticated, Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiCreated, ApiErrorResponses, ApiFile, ApiNoContent, ApiOk, ApiZodBody } from '../common/api-docs';
import { parseWith } from '../common/zod-validation.pipe';
import { sendDownload } from '../common/download-response';
import { storedFileDownload } from '../storage/stored-file-download';
import { ATTACHMENT_FILE_FIELD, AssignmentAttachmentsService } from './assignment-attachments.service';
import { assignmentSchema } from './assignments.schemas';
import { AssignmentsService } from './assignments.service';
import { assignmentJson, assignmentWithAttachmentsJson, attachmentJson } from './assignment-views';
import { assignmentBody, assignmentListBody, assignmentWithAttachmentsBody, attachmentBody } from './assignment.responses';

const ID = new ParseIdPipe('assignments.errors.notFound');
const OTHER_ID = new ParseIdPipe();

@ApiTags('assignments')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class AssignmentsApiController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly attachments: AssignmentAttachmentsService,
  ) {}

  @Authenticated()
  @Get('cohorts/:cohortId/assignments')
  @ApiOperation({ summary: "A cohort's assignments, its part's included, by due time (whoever sees the cohort)" })
  @ApiErrorResponses(401, 404)
  @ApiOk(assignmentListBody)
  async listForCohort(@CurrentActor() actor: Actor, @Param('cohortId', OTHER_ID) cohortId: string) {
    const { assignments } = await this.assignments.listForCohort(actor, cohortId);
    return { items: assignments.map(assignmentJson) };
  }

  @Roles('admin', 'instructor')
  @Post('cohorts/:cohortId/assignments')
  @ApiOperation({
    summary: "Set an assignment for a cohort (admins and the cohort's instructors)",
    description:
      'Times are Riga dates (YYYY-MM-DD) and wall-clock times (HH:MM); an empty cut-off is the due time. The brief is Markdown; raw HTML is shown as text.',
  })
  @ApiZodBody(assignmentSchema)
  @ApiErrorResponses(400, 401, 403, 404)
  @ApiCreated(assignmentBody)
  async createForCohort(@CurrentActor() actor: Actor, @Param('cohortId', OTHER_ID) cohortId: string, @Body() body: unknown) {
    return assignmentJson(await this.assignments.create(actor, { cohortId }, parseWith(assignmentSchema, body)));
  }

  @Roles('admin', 'instructor')
  @Post('parts/:partId/assignments')
  @ApiOperation({ summary: "Set an assignment for every cohort of a part (admins and instructors of the part's cohorts)" })
  @ApiZodBody(assignmentSchema)
  @ApiErrorResponses(400, 401, 403, 404)
  @ApiCreated(assignmentBody)
  async createForPart(@CurrentActor() actor: Actor, @Param('partId', OTHER_ID) partId: string, @Body() body: unknown) {
    return assignmentJson(await this.assignments.create(actor, { partId }, parseWith(assignmentSchema, body)));
  }

  @Authenticated()
  @Get('assignments/:id')
  @ApiOperation({ summary: 'One assignment with its attachments' })
  @ApiErrorResponses(401, 404)
  @ApiOk(assignmentWithAttachmentsBody)
  async get(@CurrentActor() actor: Actor, @Param('id', ID) id: string) {
    const assignment = await this.assignments.getVisible(actor, id);
    return assignmentWithAttachmentsJson(assignment, await this.attachments.list(id));
  }

  @Roles('admin', 'instructor')
  @Put('assignments/:id')
  @ApiOperation({ summary: 'Change an assignment (all its fields)' })
  @ApiZodBody(assignmentSchema)
  @ApiErrorResponses(400, 401, 403, 404)
  @ApiOk(assignmentBody)
  async update(@CurrentActor() actor: Actor, @Param('id', ID) id: string, @Body() body: unknown) {
    return assignmentJson(await this.assignments.update(actor, id, parseWith(assignmentSchema, body)));
  }

  @Roles('admin', 'instructor')
  @Delete('assignments/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an assignment nobody has started on (409 otherwise)' })
  @ApiNoContent('Deleted, with the files of its brief')
  @ApiErrorResponses(401, 403, 404, 409)
  async delete(@CurrentActor() actor: Actor, @Param('id', ID) id: string): Promise<void> {
    await this.assignments.delete(actor, id);
  }

  @Roles('admin', 'instructor')
  @Post('assignments/:id/attachments')
  @ApiOperation({ summary: "Attach a file to the assignment's brief" })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [ATTACHMENT_FILE_FIELD],
      properties: { [ATTACHMENT_FILE_FIELD]: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrorResponses(400, 401, 403, 404, 422)
  @ApiCreated(attachmentBody)
  async attach(@CurrentActor() actor: Actor, @Param('id', ID) id: string, @Req() req: Request) {
    return attachmentJson(await this.attachments.upload(actor, id, uploadFromRequest(req)));
  }

  @Roles('admin', 'instructor')
  @Delete('assignment-attachments/:id')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove a file from an assignment's brief" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiErrorResponses(401, 403, 404)
  @ApiNoContent()
  async detach(@CurrentActor() actor: Actor, @Param('id', OTHER_ID) id: string): Promise<void> {
    await this.attachments.delete(actor, id);
  }

  @Authenticated()
  @Get('assignment-attachments/:id/download')
  @ApiOperation({ summary: "Download a file of an assignment's brief" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiFile('application/octet-stream')
  @ApiErrorResponses(401, 404)
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', OTHER_ID) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { attachment, content } = await this.attachments.openDownload(actor, id);
    return sendDownload(res, storedFileDownload(attachment, content));
  }
}
