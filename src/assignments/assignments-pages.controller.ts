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
import { AssignmentAttachmentsService } from './assignment-attachments.service';
import { assignmentSchema } from './assignments.schemas';
import { AssignmentsService } from './assignments.service';
import { SubmissionPagesService } from '../submissions/submission-pages.service';
import { assignmentFormPage, assignmentFormValues, cohortAssignmentsPage } from './assignment-views';

const ID = new ParseIdPipe('assignments.errors.notFound');
const OTHER_ID = new ParseIdPipe();
const FORM = 'pages/assignments/assignment-form';
const SHOW = 'pages/assignments/assignment';

/** A form's unticked checkboxes send nothing; for these, nothing means no. */
function formBody(body: unknown): Record<string, unknown> {
  return { allowText: 'off', requiredForCompletion: 'off', ...(body as Record<string, unknown>) };
}

/** Assignment pages for those who set them: a cohort's list, the forms, the brief's files. */
@ApiExcludeController()
@Controller()
export class AssignmentsPagesController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly attachments: AssignmentAttachmentsService,
    private readonly pages: SubmissionPagesService,
  ) {}

  @Roles('admin', 'instructor')
  @Get('cohorts/:cohortId/assignments')
  @Render('pages/assignments/cohort-assignments')
  async cohortAssignments(@CurrentActor() actor: Actor, @Param('cohortId', OTHER_ID) cohortId: string, @Req() req: Request) {
    return cohortAssignmentsPage(await this.assignments.listForCohort(actor, cohortId), req.lang);
  }

  @Roles('admin', 'instructor')
  @Get('cohorts/:cohortId/assignments/new')
  @Render(FORM)
  async newForCohort(@CurrentActor() actor: Actor, @Param('cohortId', OTHER_ID) cohortId: string, @Req() req: Request) {
    await this.assignments.assertCanCreate(actor, { cohortId });
    return { ...(await this.formPage({ cohortId }, req.lang)), values: assignmentFormValues() };
  }

  @Roles('admin', 'instructor')
  @Post('cohorts/:cohortId/assignments')
  @FormView(FORM)
  async createForCohort(
    @CurrentActor() actor: Actor,
    @Param('cohortId', OTHER_ID) cohortId: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const assignment = await withFormLocals(
      res,
      () => this.formPage({ cohortId }, req.lang),
      () => this.assignments.create(actor, { cohortId }, parseWith(assignmentSchema, formBody(body))),
    );
    req.session.flash = [{ kind: 'success', key: 'assignments.flash.created' }];
    res.redirect(303, `/assignments/${assignment.id}`);
  }

  @Roles('admin', 'instructor')
  @Get('parts/:partId/assignments/new')
  @Render(FORM)
  async newForPart(@CurrentActor() actor: Actor, @Param('partId', OTHER_ID) partId: string, @Req() req: Request) {
    await this.assignments.assertCanCreate(actor, { partId });
    return { ...(await this.formPage({ partId }, req.lang)), values: assignmentFormValues() };
  }

  @Roles('admin', 'instructor')
  @Post('parts/:partId/assignments')
  @FormView(FORM)
  async createForPart(
    @CurrentActor() actor: Actor,
    @Param('partId', OTHER_ID) partId: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const assignment = await withFormLocals(
      res,
      () => this.formPage({ partId }, req.lang),
      () => this.assignments.create(actor, { partId }, parseWith(assignmentSchema, formBody(body))),
    );
    req.session.flash = [{ kind: 'success', key: 'assignments.flash.created' }];
    res.redirect(303, `/assignments/${assignment.id}`);
  }

  @Authenticated()
  @Get('assignments/:id')
  @Render(SHOW)
  show(@CurrentActor() actor: Actor, @Param('id', ID) id: string, @Req() req: Request) {
    return this.pages.assignmentPage(actor, id, req.lang);
  }

  @Roles('admin', 'instructor')
  @Get('assignments/:id/edit')
  @Render(FORM)
  async editForm(@CurrentActor() actor: Actor, @Param('id', ID) id: string, @Req() req: Request) {
    const assignment = await this.assignments.getManaged(actor, id);
    return { ...(await this.formPage({ assignmentId: id }, req.lang)), values: assignmentFormValues(assignment) };
  }

  @Roles('admin', 'instructor')
  @Post('assignments/:id/edit')
  @FormView(FORM)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ID) id: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      () => this.formPage({ assignmentId: id }, req.lang),
      () => this.assignments.update(actor, id, parseWith(assignmentSchema, formBody(body))),
    );
    req.session.flash = [{ kind: 'success', key: 'assignments.flash.updated' }];
    res.redirect(303, `/assignments/${id}`);
  }

  @Roles('admin', 'instructor')
  @Post('assignments/:id/delete')
  @FormView(SHOW)
  async remove(@CurrentActor() actor: Actor, @Param('id', ID) id: string, @Req() req: Request, @Res() res: Response) {
    const shown = await this.assignments.getManaged(actor, id);
    if (
      !confirmed(req, res, {
        question: 'confirm.deleteAssignment',
        params: { name: shown.title },
        consequence: 'confirm.cannotUndo',
        button: 'confirm.delete',
        back: `/assignments/${id}`,
      })
    )
      return;
    const assignment = await withFormLocals(
      res,
      () => this.pages.assignmentPage(actor, id, req.lang),
      () => this.assignments.delete(actor, id),
    );
    req.session.flash = [{ kind: 'success', key: 'assignments.flash.deleted' }];
    res.redirect(303, assignment.cohortId ? `/cohorts/${assignment.cohortId}/assignments` : '/');
  }

  /** The page is loaded first so that a refused file shows the page again with the error. */
  @Roles('admin', 'instructor')
  @Post('assignments/:id/attachments')
  @FormView(SHOW)
  async upload(@CurrentActor() actor: Actor, @Param('id', ID) id: string, @Req() req: Request, @Res() res: Response) {
    await withFormLocals(res, await this.pages.assignmentPage(actor, id, req.lang), () =>
      this.attachments.upload(actor, id, uploadFromRequest(req)),
    );
    req.session.flash = [{ kind: 'success', key: 'assignments.flash.attached' }];
    res.redirect(303, `/assignments/${id}`);
  }

  @Roles('admin', 'instructor')
  @Post('assignment-attachments/:id/delete')
  async removeAttachment(@CurrentActor() actor: Actor, @Param('id', OTHER_ID) id: string, @Req() req: Request, @Res() res: Response) {
    const shown = await this.attachments.getManaged(actor, id);
    const ask = {
      question: 'confirm.deleteAttachment',
      params: { name: shown.fileName },
      button: 'confirm.remove',
      back: `/assignments/${shown.assignmentId}`,
    };
    if (!confirmed(req, res, ask)) return;
    const attachment = await this.attachments.delete(actor, id);
    req.session.flash = [{ kind: 'success', key: 'assignments.flash.detached' }];
    res.redirect(303, `/assignments/${attachment.assignmentId}`);
  }

  @Authenticated()
  @Get('assignment-attachments/:id/download')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', OTHER_ID) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { attachment, content } = await this.attachments.openDownload(actor, id);
    return sendDownload(res, storedFileDownload(attachment, content));
  }

  private async formPage(target: { cohortId?: string; partId?: string; assignmentId?: string }, lang: Request['lang']) {
    return assignmentFormPage(await this.assignments.formTarget(target), lang);
  }
}
