import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { confirmed } from '../common/confirm';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import { withFormLocals } from '../common/form-locals';
import { IndicatorValues } from './indicator-values.service';
import { uploadFromRequest } from '../storage/upload';
import { ProgrammeLogoService } from './programme-logo.service';
import { programmeFormPage, programmeFormValues, programmePage, programmesListPage, removeLogoQuestion } from './programme-views';
import { programmeSchema } from './programme.schemas';
import { ProgrammesService } from './programmes.service';

const ID = new ParseIdPipe('programmes.errors.notFound');

/** Admin pages of programmes: list, create, edit, and the programme page with its parts and indicators. */
@ApiExcludeController()
@Controller('admin/programmes')
export class ProgrammesPagesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly indicators: IndicatorValues,
    private readonly logos: ProgrammeLogoService,
    private readonly i18n: I18nService,
  ) {}

  @Roles('admin')
  @Get()
  @Render('pages/programmes/list')
  async list(@Req() req: Request) {
    return programmesListPage(await this.programmes.list(), req.lang);
  }

  @Roles('admin')
  @Get('new')
  @Render('pages/programmes/form')
  newForm() {
    return { ...programmeFormPage(), values: programmeFormValues() };
  }

  @Roles('admin')
  @Post()
  @FormView('pages/programmes/form', () => programmeFormPage())
  async create(@CurrentActor() actor: Actor, @Req() req: Request, @Body() body: unknown, @Res() res: Response) {
    const programme = await this.programmes.create(parseWith(programmeSchema, body), actor);
    req.session.flash = [{ kind: 'success', key: 'programmes.flash.created' }];
    res.redirect(303, `/admin/programmes/${programme.id}`);
  }

  @Roles('admin')
  @Get(':id')
  @Render('pages/programmes/show')
  show(@Param('id', ID) id: string, @Req() req: Request) {
    return this.showLocals(id, req.lang);
  }

  @Roles('admin')
  @Post(':id/logo')
  @FormView('pages/programmes/show')
  async uploadLogo(@Param('id', ID) id: string, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    await withFormLocals(
      res,
      () => this.showLocals(id, req.lang),
      () => this.logos.upload(id, uploadFromRequest(req), actor),
    );
    req.session.flash = [{ kind: 'success', key: 'programmes.flash.logoSaved' }];
    res.redirect(303, `/admin/programmes/${id}#logo`);
  }

  @Roles('admin')
  @Post(':id/logo/delete')
  async removeLogo(@Param('id', ID) id: string, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    if (!confirmed(req, res, removeLogoQuestion(await this.programmes.get(id), req.lang))) return;
    await this.logos.remove(id, actor);
    req.session.flash = [{ kind: 'success', key: 'programmes.flash.logoRemoved' }];
    res.redirect(303, `/admin/programmes/${id}#logo`);
  }

  /** The programme page's two reads, handed to its views function. */
  private async showLocals(id: string, lang: Language) {
    const programme = await this.programmes.getWithChildren(id);
    return programmePage(programme, await this.indicators.values(id), lang, this.i18n);
  }

  @Roles('admin')
  @Get(':id/edit')
  @Render('pages/programmes/form')
  async editForm(@Param('id', ID) id: string, @Req() req: Request) {
    const programme = await this.programmes.get(id);
    return { ...programmeFormPage(programme, req.lang), values: programmeFormValues(programme) };
  }

  @Roles('admin')
  @Post(':id')
  @FormView('pages/programmes/form')
  async update(
    @Param('id', ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      async () => programmeFormPage(await this.programmes.get(id), req.lang),
      () => this.programmes.update(id, parseWith(programmeSchema, body), actor),
    );
    req.session.flash = [{ kind: 'success', key: 'programmes.flash.updated' }];
    res.redirect(303, `/admin/programmes/${id}`);
  }
}
