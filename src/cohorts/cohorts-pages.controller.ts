import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { withFormLocals } from '../common/form-locals';
import { PartsService } from '../programmes/parts.service';
import { ProgrammesService } from '../programmes/programmes.service';
import type { Language } from '../i18n/languages';
import { cohortFormValues, cohortsListPage, editCohortFormPage, newCohortFormPage, promotedFlash } from './cohort-views';
import { cohortListQuerySchema, createCohortSchema, updateCohortSchema } from './cohort.schemas';
import { CohortsService } from './cohorts.service';

const ID = new ParseIdPipe('cohorts.errors.notFound');

/** Admin pages of cohorts: list, create, edit (dates, capacity, instructors). */
@ApiExcludeController()
@Controller('admin/cohorts')
export class CohortsPagesController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly programmes: ProgrammesService,
    private readonly parts: PartsService,
  ) {}

  @Roles('admin')
  @Get()
  @Render('pages/cohorts/list')
  async list(@Req() req: Request, @Query() rawQuery: unknown) {
    const query = parseWith(cohortListQuerySchema, rawQuery);
    const [cohorts, programmes] = await Promise.all([this.cohorts.list(query), this.programmes.list()]);
    return cohortsListPage(cohorts, programmes, query, req.lang);
  }

  @Roles('admin')
  @Get('new')
  @Render('pages/cohorts/form')
  async newForm(@Req() req: Request, @Query('partId') partId: string | undefined) {
    return { ...(await this.formLocals(req.lang)), values: cohortFormValues(undefined, partId) };
  }

  @Roles('admin')
  @Post()
  @FormView('pages/cohorts/form')
  async create(@CurrentActor() actor: Actor, @Req() req: Request, @Body() body: unknown, @Res() res: Response) {
    const cohort = await withFormLocals(
      res,
      () => this.formLocals(req.lang),
      () => this.cohorts.create(parseWith(createCohortSchema, body), actor),
    );
    req.session.flash = [{ kind: 'success', key: 'cohorts.flash.created' }];
    res.redirect(303, `/admin/cohorts/${cohort.id}`);
  }

  @Roles('admin')
  @Get(':id/edit')
  @Render('pages/cohorts/form')
  async editForm(@Req() req: Request, @Param('id', ID) id: string) {
    const cohort = await this.cohorts.get(id);
    return { ...(await this.formLocals(req.lang, id)), values: cohortFormValues(cohort) };
  }

  @Roles('admin')
  @Post(':id')
  @FormView('pages/cohorts/form')
  async update(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Param('id', ID) id: string,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    const { promoted } = await withFormLocals(
      res,
      () => this.formLocals(req.lang, id),
      () => this.cohorts.update(id, parseWith(updateCohortSchema, body), actor),
    );
    req.session.flash = promotedFlash('cohorts.flash.updated', promoted);
    res.redirect(303, `/admin/cohorts/${id}`);
  }

  /** The reads of the cohort form's choices; an existing cohort keeps its part, shown but not chosen again. */
  private async formLocals(lang: Language, cohortId?: string) {
    const instructors = await this.cohorts.activeInstructors();
    if (cohortId) return editCohortFormPage(await this.cohorts.get(cohortId), instructors, lang);
    const programmes = await Promise.all(
      (await this.programmes.list()).map(async ({ programme }) => ({ programme, parts: await this.parts.listFor(programme.id) })),
    );
    return newCohortFormPage(instructors, programmes, lang);
  }
}
