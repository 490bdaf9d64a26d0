import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { pager } from '../common/paging';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { withFormLocals } from '../common/form-locals';
import { localized } from '../i18n/localized';
import { singleProgrammeFooter } from '../programmes/programme-footer';
import { PartsService } from '../programmes/parts.service';
import { ProgrammesService } from '../programmes/programmes.service';
import type { Language } from '../i18n/languages';
import { cohortView } from './cohort-views';
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
    const [{ items, total }, programmes] = await Promise.all([this.cohorts.list(query), this.programmes.list()]);
    return {
      titleKey: 'cohorts.list.title',
      query,
      cohorts: items.map((c) => cohortView(c, req.lang)),
      programmes: programmes.map(({ programme }) => ({
        id: programme.id,
        title: localized(req.lang, programme.titleLv, programme.titleEn),
      })),
      pager: pager('/admin/cohorts', query, total),
    };
  }

  @Roles('admin')
  @Get('new')
  @Render('pages/cohorts/form')
  async newForm(@Req() req: Request, @Query('partId') partId: string | undefined) {
    return { ...(await this.formLocals(req.lang)), values: { partId: partId ?? '', capacity: '20' } };
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
    return {
      ...(await this.formLocals(req.lang, id)),
      values: { ...cohort, instructorIds: cohort.instructors.map((u) => u.id) },
    };
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
    req.session.flash = [
      { kind: 'success', key: 'cohorts.flash.updated' },
      ...(promoted.length ? [{ kind: 'info' as const, key: 'cohorts.flash.promoted', params: { count: promoted.length } }] : []),
    ];
    res.redirect(303, `/admin/cohorts/${id}`);
  }

  /** The choices of the cohort form; an existing cohort keeps its part, shown but not chosen again. */
  private async formLocals(lang: Language, cohortId?: string) {
    const instructors = (await this.cohorts.activeInstructors()).map((u) => ({ id: u.id, name: u.name, email: u.email }));
    if (cohortId) {
      const cohort = cohortView(await this.cohorts.get(cohortId), lang);
      return { titleKey: 'cohorts.edit.title', cohort, instructors, ...singleProgrammeFooter([cohort.footer]) };
    }
    const programmes = await this.programmes.list();
    const partGroups = await Promise.all(
      programmes.map(async ({ programme }) => ({
        label: localized(lang, programme.titleLv, programme.titleEn),
        parts: (await this.parts.listFor(programme.id)).map((p) => ({
          id: p.id,
          number: p.number,
          title: localized(lang, p.titleLv, p.titleEn),
        })),
      })),
    );
    return { titleKey: 'cohorts.new.title', cohort: null, instructors, partGroups: partGroups.filter((g) => g.parts.length) };
  }
}
