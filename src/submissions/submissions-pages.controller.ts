import { Body, Controller, Get, Param, Post, Render, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { uploadFromRequest } from '../storage/upload';
import type { Actor } from '../common/actor';
import { confirmed } from '../common/confirm';
import { Authenticated, Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { withFormLocals } from '../common/form-locals';
import { sendDownload } from '../common/download-response';
import { storedFileDownload } from '../storage/stored-file-download';
import { extensionSchema } from '../assignments/assignments.schemas';
import { SubmissionPagesService } from './submission-pages.service';
import { ExtensionsService } from '../assignments/extensions.service';
import { SubmissionFilesService } from './submission-files.service';
import { SubmissionsService } from './submissions.service';

const ASSIGNMENT_ID = new ParseIdPipe('assignments.errors.notFound');
const SUBMISSION_ID = new ParseIdPipe('assignments.errors.submissionNotFound');
const FILE_ID = new ParseIdPipe('assignments.errors.fileNotFound');

/** The trainee's side (my assignments, the hand-in form) and the submissions, files and extensions instructors see. */
@ApiExcludeController()
@Controller()
export class SubmissionsPagesController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly files: SubmissionFilesService,
    private readonly extensions: ExtensionsService,
    private readonly pages: SubmissionPagesService,
  ) {}

  @Roles('trainee')
  @Get('my/assignments')
  @Render('pages/submissions/mine')
  mine(@CurrentActor() actor: Actor, @Req() req: Request) {
    return this.pages.myAssignments(actor, req.lang);
  }

  /** Saves the draft or submits it (the button pressed says which); a refusal shows the page again, nothing kept. */
  @Roles('trainee')
  @Post('assignments/:id/submission')
  @FormView('pages/assignments/assignment')
  async handIn(@CurrentActor() actor: Actor, @Param('id', ASSIGNMENT_ID) id: string, @Req() req: Request, @Res() res: Response) {
    // The assignment page is built only when the form must be shown again, not before every hand-in.
    await withFormLocals(
      res,
      () => this.pages.assignmentPage(actor, id, req.lang),
      () => this.submissions.handIn(actor, id, uploadFromRequest(req)),
    );
    const submitted = (req.body as Record<string, string>).action === 'submit';
    req.session.flash = [{ kind: 'success', key: submitted ? 'assignments.flash.submitted' : 'assignments.flash.saved' }];
    res.redirect(303, `/assignments/${id}`);
  }

  @Roles('trainee')
  @Post('submission-files/:id/delete')
  async removeFile(@CurrentActor() actor: Actor, @Param('id', FILE_ID) id: string, @Req() req: Request, @Res() res: Response) {
    const file = await this.files.file(actor, id);
    const ask = {
      question: 'confirm.deleteDraftFile',
      params: { name: file.fileName },
      button: 'confirm.remove',
      back: `/assignments/${file.version.submission.assignmentId}`,
    };
    if (!confirmed(req, res, ask)) return;
    const work = await this.submissions.removeDraftFile(actor, id);
    req.session.flash = [{ kind: 'success', key: 'assignments.flash.fileRemoved' }];
    res.redirect(303, `/assignments/${work.assignment.id}`);
  }

  @Authenticated()
  @Get('submission-files/:id/download')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', FILE_ID) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { file, content } = await this.files.openDownload(actor, id);
    return sendDownload(res, storedFileDownload(file, content));
  }

  /** A PDF shown in the browser (the grading page frames it), sandboxed. */
  @Authenticated()
  @Get('submission-files/:id/inline')
  async inline(
    @CurrentActor() actor: Actor,
    @Param('id', FILE_ID) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { file, content } = await this.files.openDownload(actor, id, 'inline');
    return sendDownload(res, storedFileDownload(file, content, 'inline'));
  }

  @Authenticated()
  @Get('submissions/:id')
  @Render('pages/submissions/submission')
  submission(@CurrentActor() actor: Actor, @Param('id', SUBMISSION_ID) id: string, @Req() req: Request) {
    return this.pages.submissionPage(actor, id, req.lang);
  }

  @Roles('admin', 'instructor')
  @Get('assignments/:id/trainees')
  @Render('pages/submissions/trainees')
  trainees(@CurrentActor() actor: Actor, @Param('id', ASSIGNMENT_ID) id: string, @Req() req: Request) {
    return this.pages.traineesPage(actor, id, req.lang);
  }

  @Roles('admin', 'instructor')
  @Post('assignments/:id/extensions')
  @FormView('pages/submissions/trainees')
  async grantExtension(
    @CurrentActor() actor: Actor,
    @Param('id', ASSIGNMENT_ID) id: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      () => this.pages.traineesPage(actor, id, req.lang),
      () => this.extensions.grant(actor, id, parseWith(extensionSchema, body)),
    );
    req.session.flash = [{ kind: 'success', key: 'assignments.flash.extended' }];
    res.redirect(303, `/assignments/${id}/trainees`);
  }
}
