import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/current-user.decorator';
import { confirmed } from '../common/confirm';
import { FormView } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { withFormLocals } from '../common/form-locals';
import { ExamAccess } from './exam-access.service';
import { ExamAttemptsService } from './exam-attempts.service';
import { ExamRecords } from './exam-records.service';
import { examFormPage, examFormValues, examListPage, examStaffPage, examTakePage, newExamFormValues } from './exam-views';
import { Exam } from './exam.entity';
import { ExamCohortNotFoundError } from './exams.errors';
import { accommodationSchema, examSchema } from './exams.schemas';
import { ExamsService } from './exams.service';

const EXAM_ID = new ParseIdPipe('exams.errors.notFound');
const COHORT_ID = new ParseIdPipe('exams.errors.cohortNotFound');
const USER_ID = new ParseIdPipe('errors.notFound');

/** Exam pages: a cohort's exams, the set-up form, an exam as staff and as a trainee see it, accommodations. */
@ApiExcludeController()
@Controller()
export class ExamsPagesController {
  constructor(
    private readonly exams: ExamsService,
    private readonly attempts: ExamAttemptsService,
    private readonly access: ExamAccess,
    private readonly records: ExamRecords,
  ) {}

  @Authenticated()
  @Get('cohorts/:cohortId/exams')
  @Render('pages/exams/list')
  async list(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentActor() actor: Actor) {
    const exams = await this.exams.listForCohort(actor, cohortId);
    return examListPage(await this.records.cohortName(cohortId), exams, await this.access.canManage(actor, cohortId));
  }

  @Roles('admin', 'instructor')
  @Get('cohorts/:cohortId/exams/new')
  @Render('pages/exams/form')
  async newForm(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentActor() actor: Actor, @Query('retakeOf') retakeOf: unknown) {
    await this.access.assertCanManage(actor, cohortId);
    const locals = await this.formLocals(cohortId);
    const original = typeof retakeOf === 'string' ? locals.otherExams.find((e) => e.id === retakeOf) : undefined;
    return { ...locals, values: newExamFormValues(original) };
  }

  @Roles('admin', 'instructor')
  @Post('cohorts/:cohortId/exams')
  @FormView('pages/exams/form')
  async create(
    @Param('cohortId', COHORT_ID) cohortId: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    const exam = await withFormLocals(
      res,
      () => this.formLocals(cohortId),
      () => this.exams.create(actor, cohortId, parseWith(examSchema, body)),
    );
    req.session.flash = [{ kind: 'success', key: 'exams.flash.created' }];
    res.redirect(303, `/exams/${exam.id}`);
  }

  @Authenticated()
  @Get('exams/:id')
  async show(
    @Param('id', EXAM_ID) id: string,
    @Query('accommodation') editing: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const exam = await this.exams.getVisible(actor, id);
    if (!(await this.access.canManage(actor, exam.cohortId)))
      return res.render('pages/exams/take', examTakePage(exam, await this.attempts.standing(actor, id)));
    res.render('pages/exams/show', await this.staffPage(actor, exam, editing));
  }

  @Roles('admin', 'instructor')
  @Get('exams/:id/edit')
  @Render('pages/exams/form')
  async editForm(@Param('id', EXAM_ID) id: string, @CurrentActor() actor: Actor) {
    const exam = await this.exams.getManaged(actor, id);
    return { ...(await this.formLocals(exam.cohortId, exam)), values: examFormValues(exam) };
  }

  @Roles('admin', 'instructor')
  @Post('exams/:id/edit')
  @FormView('pages/exams/form')
  async update(
    @Param('id', EXAM_ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      async () => {
        const exam = await this.exams.get(id);
        return this.formLocals(exam.cohortId, exam);
      },
      () => this.exams.update(actor, id, parseWith(examSchema, body)),
    );
    req.session.flash = [{ kind: 'success', key: 'exams.flash.updated' }];
    res.redirect(303, `/exams/${id}`);
  }

  @Roles('admin', 'instructor')
  @Post('exams/:id/accommodations')
  @FormView('pages/exams/show')
  async setAccommodation(
    @Param('id', EXAM_ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    const { cut } = await withFormLocals(
      res,
      async () => this.staffPage(actor, await this.exams.get(id)),
      () => this.exams.setAccommodation(actor, id, parseWith(accommodationSchema, body)),
    );
    req.session.flash = [{ kind: cut ? 'info' : 'success', key: cut ? 'exams.flash.accommodationCut' : 'exams.flash.accommodationSet' }];
    res.redirect(303, `/exams/${id}#accommodations`);
  }

  @Roles('admin', 'instructor')
  @Post('exams/:id/accommodations/:userId/delete')
  async removeAccommodation(
    @Param('id', EXAM_ID) id: string,
    @Param('userId', USER_ID) userId: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const exam = await this.exams.getManaged(actor, id);
    const name = (await this.exams.trainees(exam.cohortId)).find((t) => t.id === userId)?.name ?? '';
    const ask = {
      question: 'exams.accommodations.removeQuestion',
      params: { name },
      button: 'exams.accommodations.remove',
      back: `/exams/${id}#accommodations`,
    };
    if (!confirmed(req, res, ask)) return;
    await this.exams.removeAccommodation(actor, id, userId);
    req.session.flash = [{ kind: 'success', key: 'exams.flash.accommodationRemoved' }];
    res.redirect(303, `/exams/${id}#accommodations`);
  }

  /** The staff page; `editing` names a trainee whose accommodation fills the form, to be changed. */
  private async staffPage(actor: Actor, exam: Exam, editing?: string) {
    const [accommodations, warnings, attempts, trainees, cohort] = await Promise.all([
      this.exams.accommodations(actor, exam.id),
      this.exams.warnings(exam),
      this.attempts.attemptsOf(actor, exam.id),
      this.exams.trainees(exam.cohortId),
      this.records.cohortName(exam.cohortId),
    ]);
    return examStaffPage(exam, { accommodations, warnings, attempts, trainees, cohort }, editing);
  }

  private async formLocals(cohortId: string, exam?: Exam) {
    const cohort = await this.records.cohortName(cohortId);
    if (!cohort) throw new ExamCohortNotFoundError();
    const [bank, sittings, otherExams] = await Promise.all([
      this.records.bankOverview(cohort.partId),
      this.records.examSittings(cohortId),
      this.exams.ofCohort(cohortId),
    ]);
    return examFormPage({ cohort, bank, sittings, otherExams }, exam);
  }
}
